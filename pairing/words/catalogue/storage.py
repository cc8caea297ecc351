"""Storage: opening, reading and writing a program file or a shared database (issue 12)."""

MESSAGES = {
    "storage.missing": (
        "{path} does not exist: import a roster first (`pairing import ROSTER --db {path}`).",
        "{path} 不存在：请先导入名单（`pairing import 名单文件 --db {path}`）。",
    ),
    "storage.no_folder": (
        "The folder {folder} does not exist, so the program {path} cannot be created there.",
        "文件夹 {folder} 不存在，无法在其中创建项目 {path}。",
    ),
    "storage.is_folder": (
        "{path} is a folder, not a program file; give the path of a .pairing file.",
        "{path} 是文件夹，不是项目文件；请给出 .pairing 文件的路径。",
    ),
    "storage.not_regular": (
        "{path} is not a regular file, so it cannot be a program file (.pairing).",
        "{path} 不是普通文件，不可能是项目文件（.pairing）。",
    ),
    "storage.not_program": (
        "{path} is not a Talent Pairing program file (.pairing).",
        "{path} 不是 Talent Pairing 项目文件（.pairing）。",
    ),
    "storage.other_application": (
        "{path} is a database of another application, not a Talent Pairing program file.",
        "{path} 是其他应用程序的数据库，不是 Talent Pairing 项目文件。",
    ),
    "storage.newer": (
        "{location} was saved by a newer version of Talent Pairing; update Talent Pairing to open it.",
        "{location} 由更新版本的 Talent Pairing 保存；请升级 Talent Pairing 后再打开。",
    ),
    "storage.damaged": (
        "{location} is damaged and cannot be opened as a program ({reason}).",
        "{location} 已损坏，无法作为项目打开（{reason}）。",
    ),
    "storage.bad_url": (
        "{location} is not a valid database URL; expected e.g. postgresql://user@host/database.",
        "{location} 不是有效的数据库地址；应为例如 postgresql://user@host/database。",
    ),
    "storage.no_driver": (
        "{location} needs the PostgreSQL driver, which is not installed; install it with "
        "pip install \"talent-pairing[postgres]\".",
        "{location} 需要 PostgreSQL 驱动，但尚未安装；请运行 pip install \"talent-pairing[postgres]\" 安装。",
    ),
    "storage.cannot_connect": (
        "Cannot connect to the database {location}: {reason}.",
        "无法连接数据库 {location}：{reason}。",
    ),
    "storage.reason_refused": ("the server did not answer", "服务器没有响应"),
    "storage.reason_login": ("the user name or password was refused", "用户名或密码被拒绝"),
    "storage.reason_no_database": ("the database does not exist on the server", "服务器上没有这个数据库"),
    "storage.reason_disk_full": ("the disk is full", "磁盘已满"),
    "storage.reason_permission": ("permission denied", "没有权限"),
    "storage.reason_read_only": ("the program is read-only", "项目为只读"),
    "storage.reason_busy": ("another program is writing it", "另一个程序正在写入"),
    "storage.reason_too_long": ("a value is longer than the database allows", "某个值超出数据库允许的长度"),
    "storage.reason_duplicate": ("an id is already taken", "某个编号已被占用"),
    "storage.reason_damaged": ("the file is damaged", "文件已损坏"),
    "storage.reason_other": ("the database refused the change", "数据库拒绝了这次更改"),
    "storage.cannot_read": (
        "{location} cannot be read: {reason}.",
        "无法读取 {location}：{reason}。",
    ),
    "storage.cannot_write": (
        "{location} could not be written: {reason}; nothing was changed.",
        "无法写入 {location}：{reason}；未做任何更改。",
    ),
    "storage.read_only": (
        "{location} is read-only: it can be read and exported, but not changed; nothing was changed.",
        "{location} 为只读：可以查看和导出，但不能修改；未做任何更改。",
    ),
    "storage.waiting": (
        "waiting for another program to finish writing {location}…",
        "正在等待另一个程序写完 {location}……",
    ),
    "storage.busy": (
        "{location} stayed busy: another program kept writing it for {seconds} s; nothing was changed. "
        "Try again when it has finished.",
        "{location} 一直被占用：另一个程序持续写入了 {seconds} 秒；未做任何更改。请等它完成后再试。",
    ),
    "storage.run_saved_aside": (
        "The run could not be saved in {location} ({reason}); it was written to {path} instead, so nothing "
        "computed is lost.",
        "本次方案无法保存到 {location}（{reason}）；已改为写入 {path}，计算结果没有丢失。",
    ),
    "storage.backed_up": (
        "{path} was backed up to {backup} before its upgrade to this version.",
        "{path} 在升级到此版本之前已备份为 {backup}。",
    ),
    "storage.needs_upgrade": (
        "{location} was saved by an older version and must be upgraded before it can be read; it is "
        "read-only here, so open it once where it can be written.",
        "{location} 由旧版本保存，需要升级后才能读取；此处为只读，请在可写的位置打开一次。",
    ),
}
