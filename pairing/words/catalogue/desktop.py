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
    # desk-room: a Propose whose search process ended without a result (killed by the system, e.g. out of memory)
    "desktop.search_process_ended": (
        "The search for teams stopped before it finished: its process ended unexpectedly (status {status}), "
        "perhaps for lack of memory. Nothing was saved; propose again, perhaps with a shorter time limit.",
        "寻找团队的过程在完成前停止了：其进程意外结束（状态 {status}），可能是内存不足。未保存任何内容；"
        "请重新生成方案，或缩短时限。",
    ),
    # desk-room: Save As asked of a program in a shared database (the window says so before asking for a file)
    "desktop.save_as_shared": (
        "Save As copies program files; this program is in a shared database, which its administrator copies "
        "with the database's own tools.",
        "“另存为”复制的是项目文件；此项目保存在共享数据库中，请由数据库管理员使用数据库自带的工具复制。",
    ),
}
