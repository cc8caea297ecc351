"""Import: every error, warning and column reason of a roster import (issue 13), English and Chinese."""

_FIELDS = {
    "id": ("id", "编号"), "name": ("name", "姓名"), "role": ("role", "角色"), "email": ("e-mail", "邮箱"),
    "phone": ("phone", "电话"), "organization": ("organization", "机构"), "genres": ("genres", "类型"),
    "skills": ("skills", "技能"), "needs": ("needs", "需求"), "availability": ("availability", "可用时间"),
    "capacity": ("capacity", "名额"), "languages": ("languages", "语言"), "prefers": ("prefers", "偏好"),
    "avoid": ("avoid", "回避"), "notes": ("notes", "备注"), "given_name": ("given name", "名"),
    "family_name": ("family name", "姓"), "None": ("—", "—"),
    "extra": ("other columns", "其他列"),  # issue 12 fuzzing: a dry run listing a changed note column
}
_TOOLS = {
    "wjx": ("问卷星 (wjx)", "问卷星"), "tencent": ("腾讯问卷 (Tencent Survey)", "腾讯问卷"),
    "jinshuju": ("金数据 (jinshuju)", "金数据"), "google": ("Google Forms", "Google 表单"),
    "msforms": ("Microsoft Forms", "Microsoft Forms"), "canvas": ("Canvas", "Canvas"), "form": ("the form or sheet", "表单或表格"),
}

MESSAGES = {
    **{f"importer.field_{k}": v for k, v in _FIELDS.items()},
    **{f"importer.tool_{k}": v for k, v in _TOOLS.items()},
    "importer.kind_genre": ("genre", "类型"),
    "importer.kind_skill": ("skill", "技能"),

    # where a problem is
    "importer.located": ("{where}: {what}", "{where}：{what}"),
    "importer.at_file": ("{file}", "{file}"),
    "importer.at_line": ("{file}, line {line}", "{file}，第 {line} 行"),
    "importer.at_column": ('{file}, column "{column}"', "{file}，“{column}”列"),
    "importer.at_line_column": ('{file}, line {line}, column "{column}"', "{file}，第 {line} 行，“{column}”列"),
    "importer.also_on": ((" (also on line {lines}{more})", " (also on lines {lines}{more})"),
                         "（第 {lines}{more} 行也有）"),
    "importer.several": ("{problems}", "{problems}"),
    "importer.either": ("{first} or {rest}", "{first}或{rest}"),
    "importer.rejected": (("{file}: {count} error, nothing was imported.",
                           "{file}: {count} errors, nothing was imported."),
                          "{file}：{count} 个错误，没有导入任何内容。"),

    # reading the file
    "importer.other_spreadsheet": ("{file} is an {kind} spreadsheet, which cannot be read; save it as .xlsx or CSV "
                                   "and import that.",
                                   "{file} 是 {kind} 表格，无法读取；请另存为 .xlsx 或 CSV 后再导入。"),
    "importer.old_excel": ("{file} is an old Excel (.xls) workbook; save it as .xlsx or CSV and import that.",
                           "{file} 是旧版 Excel (.xls) 工作簿；请另存为 .xlsx 或 CSV 后再导入。"),
    "importer.folder": ("{file} is a folder, not a roster file.", "{file} 是文件夹，不是名单文件。"),
    "importer.missing": ("{file} does not exist.", "{file} 不存在。"),
    "importer.unreadable": ("{file} cannot be read: {reason}.", "无法读取 {file}：{reason}。"),
    "importer.empty": ("{file} is empty: expected a header row (name, role, …) and one row per person.",
                       "{file} 是空文件：应有一行表头（姓名、角色……），每人一行。"),
    "importer.binary": ("{file} is not a text roster (it contains binary data); expected a CSV or tab-separated "
                        "text file, or an .xlsx workbook.",
                        "{file} 不是文本名单（含有二进制数据）；应为 CSV、制表符分隔的文本文件或 .xlsx 工作簿。"),
    "importer.encoding_unknown": ("{file}: the text encoding could not be recognised; save the file as UTF-8 or "
                                  "give --encoding (e.g. gb18030).",
                                  "{file}：无法识别文本编码；请将文件另存为 UTF-8，或用 --encoding 指定（如 gb18030）。"),
    "importer.encoding_name": ("{encoding!r} is not a known text encoding; expected e.g. utf-8, gb18030 or utf-16.",
                               "{encoding!r} 不是已知的文本编码；应为 utf-8、gb18030 或 utf-16 等。"),
    "importer.encoding_contradicted": ("{file}, line {line}: the file is {evident} but --encoding {encoding} was "
                                       "given, which would garble the text; leave --encoding out or give {name}.",
                                       "{file}，第 {line} 行：文件是 {evident}，但指定了 --encoding {encoding}，"
                                       "会使文字乱码；请去掉 --encoding 或改为 {name}。"),
    "importer.encoding_no_lines": ("{file}, line 1: read as {encoding} the file has no line breaks; expected a "
                                   "different encoding (leave --encoding out to detect it).",
                                   "{file}，第 1 行：按 {encoding} 读取时文件没有换行；应为其他编码"
                                   "（去掉 --encoding 即可自动检测）。"),
    "importer.encoding_odd_character": ("{file}, line {line}: read as {encoding} the text holds the character "
                                        "{character}, which no roster has; expected a different encoding (leave "
                                        "--encoding out to detect it).",
                                        "{file}，第 {line} 行：按 {encoding} 读取时出现字符 {character}，"
                                        "名单中不会有这种字符；应为其他编码（去掉 --encoding 即可自动检测）。"),
    "importer.encoding_bad_bytes": ("{file}, line {line}: the bytes {bytes} cannot be read as {encoding}; expected "
                                    "a file in that encoding (leave --encoding out to detect it).",
                                    "{file}，第 {line} 行：字节 {bytes} 无法按 {encoding} 读取；应为该编码的文件"
                                    "（去掉 --encoding 即可自动检测）。"),
    "importer.utf8_damaged": (("{file}, line {line}, byte {byte}: the file is UTF-8 except for {count} byte "
                               "(0x{value}), so it was not imported; fix or remove that byte, or save the file "
                               "again as UTF-8.",
                               "{file}, line {line}, byte {byte}: the file is UTF-8 except for {count} bytes "
                               "(the first is 0x{value}), so it was not imported; fix or remove those bytes, or "
                               "save the file again as UTF-8."),
                              "{file}，第 {line} 行第 {byte} 个字节：文件除 {count} 个字节外都是 UTF-8"
                              "（第一个是 0x{value}），因此没有导入；请修正或删除这些字节，或重新另存为 UTF-8。"),
    "importer.encoding_guessed": ("the text encoding was guessed as {encoding} (the file has no BOM and is neither "
                                  "UTF-8 nor GB18030); check the names below, or give --encoding.",
                                  "文本编码是推测的：{encoding}（文件没有 BOM，也不是 UTF-8 或 GB18030）；"
                                  "请核对下面的姓名，或用 --encoding 指定。"),
    "importer.delimiter_option": ("--delimiter {text!r} is not a delimiter; expected comma, semicolon, tab or one "
                                  "character.",
                                  "--delimiter {text!r} 不是分隔符；应为 comma、semicolon、tab 或单个字符。"),
    "importer.csv_error": ("{file}, line {line}: {reason}; expected properly quoted fields.",
                           "{file}，第 {line} 行：{reason}；字段的引号应成对。"),
    "importer.open_quote": ('{file}, line {line}: a quote (") opens a field that is never closed, so the rest of '
                            "the file would be read as one value; expected a closing quote.",
                            "{file}，第 {line} 行：一个引号（\"）开始的字段没有结束，文件其余部分会被读成一个值；"
                            "应补上结束引号。"),
    "importer.no_header": ("{file} has no header row: expected a first row such as name, role, genres, "
                           "availability.",
                           "{file} 没有表头行：第一行应类似 姓名、角色、类型、可用时间。"),
    "importer.not_xlsx": ("{file} is not an Excel workbook (.xlsx) although its name says so; expected a file saved "
                          "by Excel, WPS or LibreOffice as .xlsx.",
                          "{file} 的文件名是 .xlsx，但它不是 Excel 工作簿；应为 Excel、WPS 或 LibreOffice "
                          "保存的 .xlsx 文件。"),
    "importer.bad_xlsx": ("{file} cannot be read as an .xlsx workbook ({reason}).",
                          "{file} 无法作为 .xlsx 工作簿读取（{reason}）。"),
    "importer.no_sheet": ("{file} has no worksheet named {sheet!r}; its worksheets are: {sheets}.",
                          "{file} 中没有名为 {sheet!r} 的工作表；它的工作表有：{sheets}。"),
    "importer.bad_sheet": ("{file}: the worksheet {sheet!r} cannot be read ({reason}).",
                           "{file}：工作表 {sheet!r} 无法读取（{reason}）。"),
    "importer.sheet_option_text": ("--sheet {sheet} applies to .xlsx workbooks only; this text file has no sheets",
                                   "--sheet {sheet} 只适用于 .xlsx 工作簿；这个文本文件没有工作表"),
    "importer.title_rows_skipped": (("the row above the header was skipped as a title: “{text}” (line {lines})",
                                     "the rows above the header were skipped as titles: “{text}” … (lines {lines})"),
                                    "表头上方的标题行已跳过：“{text}”（第 {lines} 行）"),

    # options
    "importer.role_option": ("--role: {problem}.", "--role：{problem}。"),
    "importer.map_syntax": ("--map {text!r} is not FIELD=HEADER or HEADER=ignore.",
                            "--map {text!r} 的格式应为 字段=表头 或 表头=ignore。"),
    "importer.map_field": ("--map {text!r}: {field!r} is not a roster field; expected one of id, name, given_name, "
                           "family_name, role, email, phone, organization, genres, skills, needs, availability, "
                           "capacity, languages, prefers, avoid, notes (or HEADER=ignore).",
                           "--map {text!r}：{field!r} 不是名单字段；应为 id、name、given_name、family_name、role、"
                           "email、phone、organization、genres、skills、needs、availability、capacity、languages、"
                           "prefers、avoid、notes 之一（或 表头=ignore）。"),
    "importer.map_unknown_header": ("--map names {headers}, which the file has no column for; its columns are: "
                                    "{known}.",
                                    "--map 指定的 {headers} 在文件中没有对应的列；文件的列有：{known}。"),
    "importer.conflict_option": ("--on-conflict {text!r}: expected add or update.",
                                 "--on-conflict {text!r}：应为 add 或 update。"),

    # the column plan: why each column is what it is
    "importer.reason_name": ("the header is the field's own name ({field})", "表头就是字段名（{field}）"),
    "importer.reason_word": ("the question contains “{word}”, a word for {field}",
                             "问题中有“{word}”，指的是{field}"),
    "importer.reason_looks_like": ("the header looks like {field} (a misspelling?); kept as a note until you map it",
                                   "表头像是“{field}”（拼写有误？）；在你指定之前作为备注保留"),
    "importer.reason_unknown": ("no field matches this question; kept as a note", "没有字段与这个问题对应；作为备注保留"),
    "importer.reason_no_header": ("the column has no header; kept as a note", "这一列没有表头；作为备注保留"),
    "importer.reason_empty_column": ("the column has no header and no values", "这一列没有表头也没有内容"),
    "importer.reason_form": ("a column {tool} adds (not the person's answer); set aside",
                             "{tool}自动添加的列（不是本人的回答）；已搁置"),
    "importer.reason_form_fallback": ("the {tool} account's {field}, used because no question asked for it",
                                      "{tool}账户的{field}；因为没有题目问到它，所以采用"),
    "importer.reason_full_name_exists": ("a full-name column exists, so this part of the name is not used",
                                         "已有完整姓名列，所以不使用这一部分姓名"),
    "importer.reason_field_taken": ("also looks like {field}, but “{other}” holds it; kept as a note",
                                    "也像是{field}，但已由“{other}”列提供；作为备注保留"),
    "importer.reason_role_answers": ("every answer is a role", "每个回答都是一种角色"),
    "importer.reason_grid": ("availability grid: the column for {option}", "可用时间表格：{option} 这一列"),
    "importer.reason_grid_unavailable": ("grid of times the person is NOT free: the column for {option} (inverted)",
                                         "“没空”时间表格：{option} 这一列（取反）"),
    "importer.reason_option": ("one option of a multiple-choice question about {field}: “{option}” (1 = chosen)",
                               "关于{field}的多选题中的一个选项：“{option}”（1 = 选中）"),
    "importer.reason_option_values": ("one option, “{option}”, of a multiple-choice question whose options are "
                                      "{field} (1 = chosen)",
                                      "多选题的一个选项“{option}”，这道题的选项都是{field}（1 = 选中）"),
    "importer.reason_ambiguous": ("the question could mean {fields} as much: choose one",
                                  "这个问题同样可能是{fields}：请选择一个"),
    "importer.reason_chosen": ("chosen by you", "由你选择"),
    "importer.reason_map_option": ("chosen with --map", "由 --map 指定"),
    "importer.reason_remembered": ("remembered from your last import of a file with these questions",
                                   "沿用你上次导入相同问题的文件时的选择"),

    # problems with the columns
    "importer.duplicate_columns": ("the columns {headers} all mean {field}; expected one column per field (choose "
                                   "one with --map, or on the mapping page)",
                                   "{headers} 这几列都是{field}；每个字段只应有一列（用 --map 或在列匹配页选定一列）"),
    "importer.ambiguous_column": ("the column “{header}” could mean {fields}; choose with --map (e.g. --map "
                                  "{example}) or on the mapping page",
                                  "“{header}”列可能是{fields}；请用 --map（如 --map {example}）或在列匹配页选择"),
    "importer.no_name_column": ("no name column; expected a header such as name / 姓名 / Your name, or first and "
                                "last name columns{hint}",
                                "没有姓名列；表头应类似 姓名 / name / 您的姓名，或者分开的“姓”“名”两列{hint}"),
    "importer.header_further_down": (" (line {line} looks like the header)", "（第 {line} 行像是表头）"),
    "importer.no_role_column": ("no role column; expected a header named role / 角色 / 身份, or give the role of "
                                "everyone in the file (--role director|producer|instructor)",
                                "没有角色列；表头应为 角色 / 身份 / role，或为文件中所有人指定角色"
                                "（--role director|producer|instructor）"),
    "importer.form_columns": ("columns added by {tools} are set aside (not ids, not notes): {headers}",
                              "{tools}自动添加的列已搁置（不作为编号，也不作为备注）：{headers}"),
    "importer.unknown_columns": ("columns kept as notes: {columns}", "作为备注保留的列：{columns}"),
    "importer.note_column": ("“{header}”", "“{header}”"),
    "importer.note_column_guess": ("“{header}” (looks like {field})", "“{header}”（像是{field}）"),
    "importer.no_pairing_data": ("none of genres, skills, needs or availability is mapped, so pairing will have "
                                 "little to go on; these columns look like them: {lookalikes} (map them with "
                                 "--map FIELD=HEADER)",
                                 "类型、专长、需求、可用时间都没有对应的列，配对将缺少依据；这些列像是它们：{lookalikes}"
                                 "（用 --map 字段=表头 指定）"),
    "importer.no_pairing_data_none": ("none of genres, skills, needs or availability is mapped, so pairing will "
                                      "have little to go on; map a column with --map FIELD=HEADER",
                                      "类型、专长、需求、可用时间都没有对应的列，配对将缺少依据；请用 --map 字段=表头 "
                                      "指定"),
    "importer.lookalike": ("“{header}” ({field})", "“{header}”（{field}）"),
    "importer.no_people": ("there are no people below the header row", "表头下面没有任何人"),

    # cells
    "importer.empty_name": ("the name is empty; expected the person's name", "姓名为空；应填写本人姓名"),
    "importer.empty_role": ("the role is empty; expected {director}, {producer} or {instructor}",
                            "角色为空；应为{director}、{producer}或{instructor}"),
    "importer.bad_role": ('"{text}" is not a role; expected {director}, {producer} or {instructor} (导演 / 监制 / '
                          "导师, mentee / mentor …)",
                          "“{text}”不是角色；应为{director}、{producer}或{instructor}（导演 / 监制 / 导师、"
                          "mentee / mentor ……）"),
    "importer.odd_email": ('"{email}" does not look like an e-mail address; kept as written',
                           "“{email}”不像邮箱地址；按原样保留"),
    "importer.spill": (("{count} value beyond the last column is ignored ({first!r} …); is a delimiter inside an "
                        "unquoted field?",
                        "{count} values beyond the last column are ignored ({first!r} …); is a delimiter inside an "
                        "unquoted field?"),
                       "最后一列之后的 {count} 个值被忽略（{first!r} ……）；是否有未加引号的字段里含有分隔符？"),
    "importer.director_capacity": ("a {director} takes no mentees; capacity {capacity} is ignored",
                                   "{director}不带学员；名额 {capacity} 被忽略"),
    "importer.capacity_default": ("capacity missing ({role}); the default {capacity} is used{also}",
                                  "{role}缺少名额；使用默认值 {capacity}{also}"),
    "importer.bad_capacity": ('"{text}" is not a capacity; expected a whole number of {directors}, 0 or more',
                              "“{text}”不是名额；应为 0 或更大的整数"),
    "importer.bad_level": ('"{item}" has level "{level}"; expected a whole number from 1 to 5 (e.g. "{example}")',
                           "“{item}”的等级是“{level}”；应为 1 到 5 的整数（如“{example}”）"),
    "importer.level_without_skill": ('"{item}" has a level but no skill before the colon',
                                     "“{item}”有等级，但冒号前没有专长"),
    "importer.bad_slot": ('"{item}" is not a slot; expected a day and part such as "Mon AM", "周三 晚上", '
                          '"Mon-Fri PM", "2026-03-02 AM" or "any"',
                          "“{item}”不是时段；应为日期加时段，如“周三 晚上”“Mon AM”“周一至周五 下午”"
                          "“2026-03-02 AM”或“全部”"),
    "importer.slot_mixed_range": ('"{item}" mixes a weekday and a date in one range',
                                  "“{item}”在一个范围里混用了星期和日期"),
    "importer.slot_outside_calendar": ('"{item}" names slots outside the program calendar ({slots}); the calendar '
                                       "runs {first} … {last}",
                                       "“{item}”包含项目日程之外的时段（{slots}）；日程为 {first} …… {last}"),
    "importer.slot_bad_date": ('"{item}" has {token}, which is not a real date', "“{item}”中的 {token} 不是有效日期"),
    "importer.slot_backwards": ('"{item}" runs backwards: {last} is before {first}',
                                "“{item}”的范围是倒的：{last} 在 {first} 之前"),
    "importer.bad_grid_cell": ('"{answer}" in the {option} column of the availability grid is not a part of the '
                               "day, an hour or a day; expected e.g. Morning, 14:00-16:00, 上午",
                               "可用时间表格 {option} 列中的“{answer}”不是时段、钟点或日期；应为 上午、"
                               "14:00-16:00、Morning 等"),
    "importer.unknown_term": ('unknown {kind} "{text}" kept as a custom term "{key}"{also}',
                              "未知的{kind}“{text}”作为自定义词条“{key}”保留{also}"),
    "importer.unknown_term_guess": ('unknown {kind} "{text}" kept as a custom term "{key}"; the closest known {kind} '
                                    "is {guess}{also}",
                                    "未知的{kind}“{text}”作为自定义词条“{key}”保留；最接近的已知{kind}是“{guess}”{also}"),

    # people
    "importer.duplicate_id": ('the id "{id}" is already used on line {first}; expected a unique id per person',
                              "编号“{id}”已在第 {first} 行使用；每人的编号应唯一"),
    "importer.same_person": ("this row describes the same person ({id}) as line {first}; expected each person once",
                             "这一行与第 {first} 行是同一个人（{id}）；每人只应出现一次"),
    "importer.twin_email": ("the e-mail {email} is also on line {first}; expected one row per person (give each row "
                            "an id if they are two people)",
                            "邮箱 {email} 也出现在第 {first} 行；每人只应有一行（如果是两个人，请各给一个编号）"),
    "importer.twin_name": ("another {role} called {name} is on line {first}; expected one row per person (give each "
                           "an id or e-mail if they are two people)",
                           "第 {first} 行还有一位叫 {name} 的{role}；每人只应有一行（如果是两个人，请各给一个编号或邮箱）"),
    "importer.conflict": ("{what}; not imported: choose --on-conflict add (a new person) or update (the same "
                          "person), or choose per person in the import wizard",
                          "{what}；未导入：请加上 --on-conflict=add（新增一人）或 --on-conflict=update（同一人），或在导入向导中逐人选择"),
    "importer.conflict_id_name": ("the id {id} is {existing} in the program, but this row names {name}",
                                  "编号 {id} 在项目中是 {existing}，但这一行是 {name}"),
    "importer.conflict_id_role": ("the id {id} is {existing} ({existing_role}) in the program, but this row's role "
                                  "is {role}",
                                  "编号 {id} 在项目中是{existing_role} {existing}，但这一行把他/她列为{role}"),
    "importer.conflict_email_role": ("the e-mail {email} is {existing} ({existing_role}) in the program, but this "
                                     "row ({name}) has the role {role}",
                                     "邮箱 {email} 在项目中属于{existing_role} {existing}，但这一行（{name}）是{role}"),
    "importer.conflict_name_email": ("{existing} ({id}) in the program has the e-mail {email}, but this row's "
                                     "{name} has {new_email}: perhaps another person of the same name",
                                     "项目中的 {existing}（{id}）邮箱是 {email}，而这一行的 {name} 邮箱是 {new_email}："
                                     "可能是同名的另一个人"),
    "importer.ref_several": ("several people are called {text} ({ids}); give the id instead",
                             "有好几位叫 {text}（{ids}）；请改填编号"),
    "importer.ref_unknown": ("no person in this file or program is called {text!r}",
                             "文件和项目中都没有叫 {text!r} 的人"),
    "importer.ref_unknown_guess": ("no person in this file or program is called {text!r} (did you mean {guess}?)",
                                   "文件和项目中都没有叫 {text!r} 的人（是不是 {guess}？）"),
    "importer.ref_self": ("a person cannot refer to themselves", "不能填写本人"),
    "importer.ref_left_out": ("{why}; left out", "{why}；已略去"),

    # the command line's options and report
    "importer.cli_would_import": ("Would import {file} into {db}", "将把 {file} 导入 {db}"),
    "importer.cli_imported": ("Imported {file} into {db}", "已把 {file} 导入 {db}"),
    "importer.cli_read_text": ("read as: {encoding} text, {delimiter}-separated", "读取方式：{encoding} 文本，{delimiter}分隔"),
    "importer.cli_read_sheet": ("read as: Excel worksheet {sheet!r}", "读取方式：Excel 工作表 {sheet!r}"),
    "importer.delimiter_comma": ("comma", "逗号"),
    "importer.delimiter_semicolon": ("semicolon", "分号"),
    "importer.delimiter_tab": ("tab", "制表符"),
    "importer.cli_counts": ("{added} added, {updated} updated, {unchanged} unchanged, {warnings} warnings",
                            "新增 {added} 人，更新 {updated} 人，未变 {unchanged} 人，{warnings} 个警告"),
    "importer.cli_columns": ("columns:", "列："),
    "importer.cli_column_field": ("“{header}” → {field} ({score}): {reason}", "“{header}” → {field}（{score}）：{reason}"),
    "importer.cli_column_option": ("“{header}” → {field}, option “{option}”: {reason}",
                                   "“{header}” → {field}，选项“{option}”：{reason}"),
    "importer.cli_column_form": ("“{header}” → form column: {reason}", "“{header}” → 表单列：{reason}"),
    "importer.cli_column_note": ("“{header}” → note: {reason}", "“{header}” → 备注：{reason}"),
    "importer.cli_column_ignored": ("“{header}” → ignored: {reason}", "“{header}” → 忽略：{reason}"),
    "importer.cli_added": ("+ {id} {name} ({role})", "+ {id} {name}（{role}）"),
    "importer.cli_updated": ("~ {id} {name}:", "~ {id} {name}："),
    "importer.cli_change": ("{field}: {before} → {after}", "{field}：{before} → {after}"),
    "importer.cli_conflict_resolved": ("! line {line}: {what} → {choice}", "! 第 {line} 行：{what} → {choice}"),
    "importer.cli_more": ("… and {count} more", "……另有 {count} 条"),
    "importer.cli_dry_run": ("Dry run: nothing was written.", "试运行：没有写入任何内容。"),
    "importer.cli_errors": (("pairing import: {file}: {count} error, nothing was imported:",
                             "pairing import: {file}: {count} errors, nothing was imported:"),
                            "pairing import：{file}：{count} 个错误，没有导入任何内容："),
    "importer.cli_warning": ("warning: {text}", "警告：{text}"),
    "importer.empty_value": ("(empty)", "（空）"),
}
