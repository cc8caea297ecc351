"""Columns that sign-up form tools add to their exports (response numbers, times, IP, source…).

They are set aside as "form columns": never ids, never notes (issue 13). A tool is recognised by the
columns only it writes; its response-number column (`序号`, `编号`, `ID`, `id`) is then a form column too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pairing.importer.headers import header_key


@dataclass(frozen=True)
class FormTool:
    """One form tool: its name, the columns that tell it apart, and all the columns it adds."""

    key: str
    signature: frozenset[str]
    columns: frozenset[str]
    prefixes: tuple[str, ...] = ()
    # Columns of the respondent's account, used as a field only when the form asked no question for it.
    fallback: tuple[tuple[str, str], ...] = ()
    pattern: str | None = None  # headers of this shape are the tool's too (Canvas's points columns: `1.0`)

    def owns(self, key: str) -> bool:
        if self.pattern and re.fullmatch(self.pattern, key):
            return True
        return key in self.columns or key.startswith(self.prefixes)


def _keys(*names: str) -> frozenset[str]:
    return frozenset(header_key(n) for n in names)


TOOLS: tuple[FormTool, ...] = (
    FormTool("wjx", _keys("提交答卷时间", "所用时间", "来源详情", "来自IP"),
             _keys("序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "总分", "答卷编号")),
    FormTool("tencent", _keys("开始答题时间", "结束答题时间", "答题时长", "用户标识"),
             _keys("编号", "开始答题时间", "结束答题时间", "答题时长", "用户类型", "用户标识", "昵称", "自定义字段",
                   "IP", "来源", "作答状态", "答题状态"),
             prefixes=("地理位置",)),
    FormTool("jinshuju", _keys("填写设备", "操作系统", "浏览器", "填写地区", "来源渠道", "填写时长"),
             _keys("序号", "提交人", "提交时间", "修改时间", "创建时间", "更新时间", "填写设备", "操作系统", "浏览器",
                   "填写地区", "IP", "来源渠道", "填写时长", "推广来源", "数据来源"),
             prefixes=("微信",)),
    FormTool("google", _keys("Timestamp"), _keys("Timestamp", "Score", "Email Address", "Total score"),
             fallback=(("email address", "email"),)),
    FormTool("msforms", _keys("Start time", "Completion time", "Last modified time"),
             _keys("ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "Total points",
                   "Quiz feedback"),
             prefixes=("points - ", "feedback - "), fallback=(("email", "email"), ("name", "name"))),
    FormTool("canvas", _keys("sis_id", "section_id", "section_sis_id", "n correct", "n incorrect"),
             _keys("id", "sis_id", "section", "section_id", "section_sis_id", "submitted", "attempt", "n correct",
                   "n incorrect", "score"), pattern=r"\d+(?:\.\d+)?"),
)
# Columns no person data is ever in, whichever tool wrote them.
ALWAYS = _keys("序号", "提交答卷时间", "提交时间", "填写时间", "timestamp", "ip", "来自ip", "ip地址", "ip address",
               "user agent", "所用时间", "答题时长", "填写时长", "开始答题时间", "结束答题时间", "start time",
               "completion time", "last modified time")
TOOL_NAMES = {"wjx": "问卷星", "tencent": "腾讯问卷", "jinshuju": "金数据", "google": "Google Forms",
              "msforms": "Microsoft Forms", "canvas": "Canvas", "form": "form"}
ANONYMOUS = frozenset({"anonymous", "匿名", "匿名用户"})


def detect_tools(header) -> tuple[FormTool, ...]:
    """The tools whose own columns the header has (two of them, or one for Google's `Timestamp`)."""
    keys = {header_key(h) for h in header}
    found = []
    for tool in TOOLS:
        needed = 1 if len(tool.signature) == 1 else 2
        if len(keys & tool.signature) >= needed:
            found.append(tool)
    return tuple(found)


def form_column(text: str, tools: tuple[FormTool, ...]) -> FormTool | str | None:
    """The tool a header belongs to (`"form"` for columns every tool adds), or None."""
    key = header_key(text)
    for tool in tools:
        if tool.owns(key):
            return tool
    return "form" if key in ALWAYS else None


def fallback_field(text: str, tool: FormTool) -> str | None:
    """The field an account column of a tool holds when the form asked nothing else (MS Forms `Email`)."""
    return dict(tool.fallback).get(header_key(text))
