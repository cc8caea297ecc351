"""The status of a run, in curator's words: one wording per status for the window, the sheets and the
command line (issue 11, item 3). `--json` keeps the contract's codes (optimal, feasible, …)."""

MESSAGES = {
    "status.optimal": ("best possible", "最优（已证明无更好方案）"),
    "status.feasible": ("good, not proven best", "良好（未证明最优）"),
    "status.infeasible": ("impossible: no pairing keeps every rule", "无可行方案：没有方案能满足所有规则"),
    "status.cancelled": ("stopped, best found kept", "已停止，保留找到的最佳方案"),
    "status.unknown": ("unfinished: some directors have no team yet", "未完成：部分导演尚未分组"),
    "status.best_possible": ("best possible", "已是最佳"),
    "status.better_possible": ("at most {percent:.1f} % better is possible", "最多还能提高 {percent:.1f}%"),
}
