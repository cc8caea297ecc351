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
}
