"""Files: writing exports safely and reading roster files within bounds (issue 12)."""

MESSAGES = {
    # -- what a path is ------------------------------------------------------------------------
    "files.kind_folder": ("a folder", "文件夹"),
    "files.kind_device": ("a device", "设备文件"),
    "files.kind_fifo": ("a named pipe (FIFO)", "命名管道（FIFO）"),
    "files.kind_socket": ("a socket", "套接字"),
    "files.kind_other": ("not a regular file", "非普通文件"),
    # -- why a write or read failed -------------------------------------------------------------
    "files.reason_disk_full": ("the disk is full", "磁盘已满"),
    "files.reason_permission": ("permission denied", "没有权限"),
    "files.reason_read_only": ("the disk is read-only", "磁盘为只读"),
    "files.reason_quota": ("the disk quota is exceeded", "超出磁盘配额"),
    "files.reason_name_too_long": ("the file name is too long", "文件名过长"),
    "files.reason_io": ("the disk reported an input/output error", "磁盘报告读写错误"),
    # desk-walk: the window met these as English strerror text in Chinese sentences
    "files.reason_missing": ("no such file or folder", "文件或文件夹不存在"),
    "files.reason_not_a_folder": ("a part of the path is not a folder", "路径中有一部分不是文件夹"),
    "files.reason_is_a_folder": ("it is a folder", "它是一个文件夹"),
    "files.reason_system": ("{text}", "{text}"),
    # -- writing -------------------------------------------------------------------------------
    "files.not_regular": (
        "Cannot write {path}: it is {kind}, not a regular file; choose a file name.",
        "无法写入 {path}：它是{kind}，不是普通文件；请选择一个文件名。",
    ),
    "files.no_folder": (
        "Cannot write {path}: the folder {folder} does not exist.",
        "无法写入 {path}：文件夹 {folder} 不存在。",
    ),
    "files.cannot_write": (
        "Cannot write {path}: {reason}; nothing was written and the previous file, if any, is unchanged.",
        "无法写入 {path}：{reason}；未写入任何内容，原有文件（如有）保持不变。",
    ),
    "files.incomplete": (
        "Cannot write {path}: the {format} writer could not finish the file (the disk may be full); "
        "nothing was written and the previous file, if any, is unchanged.",
        "无法写入 {path}：{format} 文件未能完整写出（磁盘可能已满）；未写入任何内容，原有文件（如有）保持不变。",
    ),
    # -- reading roster files within bounds ------------------------------------------------------
    "files.cannot_read": ("{path} cannot be read: {reason}.", "无法读取 {path}：{reason}。"),
    "files.not_a_file": (
        "{path} is {kind}, not a roster file.",
        "{path} 是{kind}，不是名单文件。",
    ),
    "files.too_large": (
        "{path} is {size_mb} MB; a roster file may be at most {limit_mb} MB. Split it or remove what it does not need.",
        "{path} 有 {size_mb} MB；名单文件最大 {limit_mb} MB。请拆分文件或删去不需要的内容。",
    ),
    "files.too_many_rows": (
        "{path}: more than {limit} rows; a roster may have at most {limit} rows. Split the file.",
        "{path}：超过 {limit} 行；名单最多 {limit} 行。请拆分文件。",
    ),
    "files.too_many_columns": (
        "{path}, line {line}: {count} columns; a roster may have at most {limit} columns.",
        "{path}，第 {line} 行：共 {count} 列；名单最多 {limit} 列。",
    ),
    "files.too_many_cells": (
        "{path}: more than {limit} filled cells (each row counted to its last filled cell); a roster may "
        "have at most {limit}. Remove the columns it does not need.",
        "{path}：已填单元格超过 {limit} 个（每行计到最后一个已填单元格）；名单最多 {limit} 个。请删去不需要的列。",
    ),
    "files.cell_too_long": (
        "{path}, line {line}, column {column}: the cell holds {length} characters; a cell may hold at most {limit}.",
        "{path}，第 {line} 行，第 {column} 列：该单元格有 {length} 个字符；单元格最多 {limit} 个字符。",
    ),
    "files.not_workbook": (
        "{path} is not a readable Excel workbook: {why}.",
        "{path} 不是可读取的 Excel 工作簿：{why}。",
    ),
    "files.why_not_zip": ("it is not a zip archive as .xlsx files are", "它不是 .xlsx 应有的 zip 压缩包"),
    "files.why_no_sheets": ("it has no worksheet", "其中没有工作表"),
    "files.why_no_workbook_part": ("the part {member} is missing", "缺少部件 {member}"),
    "files.why_broken_sheet_link": (
        "its worksheet {sheet} points to a part that is missing",
        "工作表 {sheet} 指向的部件不存在",
    ),
    "files.why_member_too_large": (
        "the part {member} unpacks to {size_mb} MB, over the limit of {limit_mb} MB",
        "部件 {member} 解压后有 {size_mb} MB，超过上限 {limit_mb} MB",
    ),
    "files.why_too_many_members": (
        "it holds {count} parts, over the limit of {limit}",
        "其中有 {count} 个部件，超过上限 {limit}",
    ),
    "files.why_bad_xml": ("the part {member} is damaged ({detail})", "部件 {member} 已损坏（{detail}）"),
    "files.why_entities": (
        "the part {member} declares XML entities, which a workbook never needs and which are refused",
        "部件 {member} 声明了 XML 实体，工作簿不需要也不允许这样做",
    ),
    "files.why_encrypted": ("it is encrypted or damaged", "它已加密或已损坏"),
    "files.why_bad_reference": ("the cell reference {ref} in {member} is not valid", "{member} 中的单元格引用 {ref} 无效"),
}
