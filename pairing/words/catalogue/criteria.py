"""The scoring criteria's names and help (pairing/criteria.py): one name per criterion everywhere."""

MESSAGES = {
    "criteria.genre": ("Shared genres", "共同类型"),
    "criteria.genre_help": ("the {director} and the {mentors} work in the same genres", "{director}与{mentor}从事相同的类型"),
    "criteria.needs": ("Needs covered", "需求覆盖"),
    "criteria.needs_help": ("the team covers what the {director} wants to learn", "小组覆盖{director}想学的内容"),
    "criteria.meeting": ("Meeting slots", "见面时段"),
    "criteria.meeting_help": ("the team has many free slots in common", "小组有较多共同空闲时段"),
    "criteria.preference": ("Preferences", "意向"),
    "criteria.preference_help": ("people are paired with whom they asked for, first choices most",
                                 "按各自的意向配对，第一志愿最优先"),
    "criteria.language": ("Shared language", "共同语言"),
    "criteria.language_help": ("the team shares a language", "小组有共同语言"),
    "criteria.load": ("Balanced load", "负担均衡"),
    "criteria.load_help": ("{mentors} carry similar numbers of {directors}", "各位{mentor}带的{director}人数相近"),
    "criteria.stability": ("Stability", "稳定性"),
    "criteria.stability_help": ("a new proposal keeps the previous teams", "新方案保留上次的小组"),
    "criteria.weight_effect": ("Higher: it counts for more that {help}.", "调高：更看重{help}。"),
}
