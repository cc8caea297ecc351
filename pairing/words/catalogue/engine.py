"""Sentences of the pairing engine's own findings (pairing/engine: columns.py)."""

MESSAGES = {
    "engine.too_few_places": (
        ("no pairing places every {director}: at most {placed} of {total} {directors} can have a team "
         "(proven by the team-column relaxation); {people} competes for the places of {mentors}, which are "
         "all taken",
         "no pairing places every {director}: at most {placed} of {total} {directors} can have a team "
         "(proven by the team-column relaxation); {people} compete for the places of {mentors}, which are "
         "all taken"),
        "任何配对都无法安排全部{directors}：{total} 位{directors}中最多 {placed} 位能组成团队（由团队列松弛证明）；"
        "{people} 争夺 {mentors} 的名额，而这些名额已全部用完",
    ),
    # eng-rule: each mentor's teams meet at different weekly times (issue 9 part 6, issue 10 part 5)
    "engine.core_weekly": ("{mentor_who} meets at most one team at {slot} each week",
                           "{mentor_who}每周{slot}最多与一个小组见面"),
    "engine.weekly_short": (
        "no pairing places every {director} when each {mentor}'s teams meet at different weekly times: at most "
        "{placed} of {total} {directors} can have a team (proven by the team-column relaxation); the weekly "
        "times {slots} are contested by {people}",
        "当每位{mentor}的各组须在不同的每周时段见面时，任何配对都无法安排全部{directors}：{total} 位{directors}中"
        "最多 {placed} 位能组成团队（由团队列松弛证明）；{people} 争夺以下每周时段：{slots}",
    ),
    "engine.mentor_at_slot": ("{mentor_id} at {slot}", "{mentor_id}（{slot}）"),
    "engine.weekly_clash": ("{mentor_who} would meet two teams at {slot} each week: {director_id} and {other_id}",
                            "{mentor_who}每周{slot}将同时与两个小组见面：{director_id}和{other_id}"),
    "engine.no_weekly_slot": (
        "{director_id}'s team has no weekly time of its own: in every slot its members share ({slots}) one of "
        "its {mentors} already meets another team",
        "{director_id}的小组没有可单独使用的每周时段：在全员都有空的每个时段（{slots}），组内总有一位{mentor}已与另一小组见面"),
    "engine.weekly_slot_line": ("  weekly meeting time: {slot}", "  每周见面时段：{slot}"),
    "engine.weekly_slot_mark": ("{slot} (weekly time)", "{slot}（每周见面时段）"),
}
