"""Words of the pairing sheets (pairing/exports): refusals and run statuses."""

MESSAGES = {
    "sheets.no_run": ("This program has no run yet: propose teams (solve) before exporting pairing sheets.",
                      "本项目还没有方案：请先生成分组（solve），再导出配对表。"),
    "sheets.no_teams": ("Run {run} has no teams to export ({status}: {why}).",
                        "第 {run} 号方案没有可导出的分组（{status}：{why}）。"),
    "sheets.no_team_formed": ("no team was formed", "没有形成任何分组"),
    "sheets.partial_run": ("Run {run} is infeasible: the file holds a partial pairing.",
                           "第 {run} 号方案无可行方案：文件中是部分配对。"),
}
