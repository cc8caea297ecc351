"""Words of the pairing sheets in English and Simplified Chinese."""

from __future__ import annotations

from pairing.criteria import BY_KEY
from pairing.words import lang_of

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "team": "Team", "director": "Director", "producer": "Producer", "instructor": "Instructor",
        "instructors": "Instructors", "score": "Score", "meeting_slots": "Meeting slots",
        "shared_genres": "Shared genres", "needs_covered": "Needs covered", "reasons": "Reasons",
        "contacts": "Contacts", "unmatched": "Unmatched", "note": "Note", "why": "Why",
        "organization": "Organization", "role": "Role", "name": "Name", "id": "ID",
        "email": "E-mail", "phone": "Phone", "locked": "Locked", "members": "Members",
        "breakdown": "Score breakdown", "criterion": "Criterion", "value": "Value",
        "setting": "Setting", "program": "Program", "run": "Run", "created": "Created",
        "status": "Status", "objective": "Total score", "better_possible": "How much better is possible", "wall_s": "Solve time (s)",
        "diagnosis": "Diagnosis", "teams": "Teams", "roster": "Roster", "settings": "Settings",
        "none": "—", "page_title": "Pairing sheet", "summary": "Summary",
        "teams_count": "Teams", "unmatched_count": "Unmatched directors", "directors": "Directors",
        "partial": "Infeasible — partial pairing: not every hard rule could hold; these teams are incomplete.",
        "yes": "yes", "no": "no", "removed": "not in roster",
        "first_meeting": "First meeting", "weight": "Weight", "colon": ": ",
    },
    "zh": {
        "team": "组别", "director": "导演", "producer": "制片人", "instructor": "导师",
        "instructors": "导师", "score": "得分", "meeting_slots": "共同时间",
        "shared_genres": "共同类型", "needs_covered": "覆盖的需求", "reasons": "理由",
        "contacts": "联系方式", "unmatched": "未匹配", "note": "注意", "why": "原因",
        "organization": "机构", "role": "角色", "name": "姓名", "id": "编号",
        "email": "邮箱", "phone": "电话", "locked": "已锁定", "members": "成员",
        "breakdown": "得分构成", "criterion": "评分项", "value": "数值",
        "setting": "设置", "program": "项目", "run": "方案", "created": "生成时间",
        "status": "状态", "objective": "总分", "better_possible": "提升空间", "wall_s": "求解时间（秒）",
        "diagnosis": "诊断", "teams": "分组", "roster": "名单", "settings": "设置",
        "none": "—", "page_title": "配对表", "summary": "概览",
        "teams_count": "组数", "unmatched_count": "未匹配导演", "directors": "导演",
        "partial": "无可行方案——部分配对：并非所有硬性规则都能满足，以下分组不完整。",
        "yes": "是", "no": "否", "removed": "不在名单中",
        "first_meeting": "首次见面", "weight": "权重", "colon": "：",
    },
}


def text(key: str, lang: str) -> str:
    return TEXT[lang_of(lang)][key]


def status_text(status: str, lang: str) -> str:
    """The one wording of a run status (pairing/words/catalogue/status.py), as the window and the command
    line say it (issue 11)."""
    from pairing.words import Renderer, entries, msg

    code = f"status.{status}"
    return Renderer.for_lang(lang).sentence(msg(code)).rstrip(".") if code in entries() else status


def criterion_text(name: str, lang: str) -> str:
    """A criterion's name from the registry (pairing/criteria.py); an unknown key as it is."""
    return BY_KEY[name].name(lang) if name in BY_KEY else name
