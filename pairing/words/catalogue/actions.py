"""Sentences of the action layer (pairing/actions): refusals of a curator's action."""

MESSAGES = {
    "actions.no_person": ("There is no person with id {id} in this program.", "本项目中没有编号为 {id} 的人。"),
    "actions.no_run": ("There is no run number {run} in this program.", "本项目中没有第 {run} 号方案。"),
    "actions.id_taken": ("The id {id} is already taken in this program; choose another.",
                         "编号 {id} 在本项目中已被使用，请另选一个。"),
    "actions.lock_roles": ("A lock pairs a {director} with a {mentor}; {director_id}–{mentor_id} does not.",
                           "锁定只能把一位{director}和一位{mentor}配在一起；{director_id}–{mentor_id} 不是这样的一对。"),
    "actions.move_breaks_rules": ("This change would break a hard rule, so it was not made:",
                                  "此改动会违反硬性规则，因此未执行："),
    "actions.move_locked": ("{mentor_name} is locked to the team of {director_name}; unlock the pair first.",
                            "{mentor_name}已锁定在{director_name}的组中；请先解除锁定。"),
    "actions.move_no_team": ("{director_name} has no team in this run.", "{director_name}在此方案中没有分组。"),
    "actions.move_already": ("{mentor_name} is already in this team.", "{mentor_name}已在此组中。"),
    "actions.move_all_locked": ("Every {instructor} of this team is locked; unlock one first.",
                                "此组的每位{instructor}都已锁定；请先解除一位。"),
    "actions.move_no_swap": ("The other team has no {instructor} free to swap; unlock one or remove one first.",
                             "另一组没有可交换的{instructor}；请先解除锁定或移除一位。"),
    "actions.export_no_run": ("This program has no run yet: propose teams first (`pairing solve`), then export.",
                              "本项目还没有方案：请先生成分组（`pairing solve`），再导出。"),
}
