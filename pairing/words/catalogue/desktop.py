"""Core-side words the desktop needs (issue 11): the window's own sentences are Qt `tr` strings."""

MESSAGES = {
    "desktop.name_needed": ("A person needs a name; the old one is kept.", "每个人都需要姓名；已保留原来的姓名。"),
    "desktop.changed_while_proposing": (
        "the roster, the locks or the settings changed while the teams were being proposed",
        "提出方案期间名单、锁定或设置被修改了",
    ),
    # desk-walk: a file-system fault met by the window (open, save as, import, export), in the window's language
    "desktop.file_fault": ("{path}: {reason}.", "{path}：{reason}。"),
    "desktop.unexpected": (
        "Something went wrong that should not have ({text}); nothing was changed. Please report it.",
        "出现了不应发生的错误（{text}）；未做任何更改。请报告此问题。",
    ),
}
