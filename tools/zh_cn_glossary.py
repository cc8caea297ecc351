"""Simplified Chinese for the interface strings, used by tools/fill_translations.py to fill the .ts file.

Keys are the English source texts (a (context, source) key overrides one context). Qt Linguist
remains the place to review them; this file lets a new string be translated in a code review.
"""

ZH_CN: dict = {
    # main window
    "Program pages": "程序页面", "&New…": "新建(&N)…", "Start a new program file": "新建一个项目文件",
    "&Open…": "打开(&O)…", "Open a program file": "打开项目文件", "Save &As…": "另存为(&A)…",
    "Save a copy of the program and continue in the copy": "保存项目副本，并在副本中继续工作",
    "&Import Roster…": "导入名单(&I)…", "Import people from a CSV or Excel file": "从 CSV 或 Excel 文件导入人员",
    "&Export…": "导出(&E)…", "Export the pairing as sheets, PDF or calendar invitations": "将配对导出为表格、PDF 或日历邀请",
    "Pre&ferences…": "偏好设置(&F)…", "Language, default weights and solver time limit": "界面语言、默认权重和求解时限",
    "&Quit": "退出(&Q)", "&Undo": "撤销(&U)", "&Redo": "重做(&R)", "&Add Person…": "添加人员(&A)…",
    "&Edit Person…": "编辑人员(&E)…", "D&uplicate": "复制(&U)", "&Delete": "删除(&D)", "&Find": "查找(&F)",
    "Filter the roster": "筛选名单", "&Keyboard Shortcuts": "键盘快捷键(&K)", "&About Talent Pairing": "关于 Talent Pairing(&A)",
    "&File": "文件(&F)", "Open &Recent": "最近打开(&R)", "&Edit": "编辑(&E)", "&View": "视图(&V)", "&Help": "帮助(&H)",
    "No recent programs": "没有最近的项目", "Directors": "导演", "Producers": "制片人", "Instructors": "导师",
    "Pairing": "配对", "Pictures": "图表", "Cannot open the program": "无法打开项目",
    "%1\n\nChoose another file, or create a new program with File ▸ New.": "%1\n\n请选择其他文件，或通过“文件 ▸ 新建”创建新项目。",
    "Talent programs (*.pairing);;All files (*)": "人才计划项目 (*.pairing);;所有文件 (*)",
    "New program": "新建项目", "Program is open": "项目已打开",
    "%1 is the program you have open. Choose another name for the new program.": "%1 是当前打开的项目。请为新项目换一个名称。",
    "Cannot create the program": "无法创建项目", "%1 could not be replaced: %2": "无法替换 %1：%2",
    "Open program": "打开项目", "Save program as": "项目另存为", "Cannot save the program": "无法保存项目",
    "The copy could not be written to %1: %2\n\nYour program is unchanged; choose another folder.": "副本无法写入 %1：%2\n\n项目没有任何改动；请选择其他文件夹。",
    "Saved a copy as %1; you are now working in it.": "已将副本保存为 %1，现在正在副本中工作。",
    "No program open": "没有打开的项目", "Open or create a program first, then import a roster into it.": "请先打开或新建项目，再向其中导入名单。",
    "Keyboard shortcuts": "键盘快捷键", "<p>In a roster table, start typing to filter it.</p>": "<p>在名单表格中直接输入即可筛选。</p>",
    "About Talent Pairing": "关于 Talent Pairing",
    "<b>Talent Pairing</b><p>Pairs young directors with senior producers and instructors for film talent programs.</p>": "<b>Talent Pairing</b><p>为电影人才计划将青年导演与资深制片人和导师配对。</p>",
    "<h2>Talent Pairing</h2><p>Pair young directors with producers and instructors. Open a program or start a new one.</p>": "<h2>Talent Pairing</h2><p>为青年导演匹配制片人和导师。打开一个项目，或新建一个项目。</p>",
    "&New program…": "新建项目(&N)…", "&Open program…": "打开项目(&O)…", "Recent programs:": "最近的项目：",
    # roster
    "ID": "编号", "Name": "姓名", "Organization": "机构", "Genres": "类型", "Needs": "需求", "Skills": "技能",
    "Free slots": "空闲时段", "Capacity": "名额", "Languages": "语言",
    "Filter by name, genre or skill (English or 中文)…": "按姓名、类型或技能筛选（中文或 English）…",
    "Filter people": "筛选人员", "&Add…": "添加(&A)…", "Add a person": "添加一位人员", "&Edit…": "编辑(&E)…",
    "Edit the selected person": "编辑所选人员", "Duplicate the selected people": "复制所选人员",
    "Delete the selected people": "删除所选人员", "People": "人员", "%n people": "%n 人",
    "%1 of %2 shown": "显示 %1 / 共 %2", "%1 (copy)": "%1（副本）",
    # commands
    "Duplicate %1": "复制 %1", "Add %1": "添加 %1", "Edit %1": "编辑 %1", "Delete %1": "删除 %1",
    "Lock %1 with %2": "锁定 %1 与 %2", "Unlock %1 from %2": "解除 %1 与 %2 的锁定", "Change pairing settings": "修改配对设置",
    # person editor
    ("PersonEditor", "director"): "导演", ("PersonEditor", "producer"): "制片人", ("PersonEditor", "instructor"): "导师",
    "New %1": "新建%1", ("PersonEditor", "Edit %1"): "编辑%1", "Roster id": "名单编号", "E-mail": "邮箱", "Phone": "电话",
    "Default (%1)": "默认（%1）", "Notes": "备注", "&Name:": "姓名(&N)：", "&Id:": "编号(&I)：",
    "&Organization:": "机构(&O)：", "E-&mail:": "邮箱(&M)：", "&Phone:": "电话(&P)：", "&Genres:": "类型(&G)：",
    "&Skills:": "技能(&S)：", "&Capacity:": "名额(&C)：", "Nee&ds:": "需求(&D)：", "&Languages:": "语言(&L)：",
    "No&tes:": "备注(&T)：", "&Availability (click or drag; Space toggles)": "可用时间(&A)（点击或拖动；空格键切换）",
    "Preferences, best first": "偏好（最想要的在前）", "Never pair with": "绝不配对", "P&refers (best first)": "偏好(&R)（最想要的在前）",
    "A&void": "回避(&V)", "Enter a name.": "请输入姓名。",
    "Enter an id (for example D25); it must be unique in the program.": "请输入编号（例如 D25），编号在项目内必须唯一。",
    "The id %1 is already used by someone else; choose another.": "编号 %1 已被他人使用，请换一个。",
    "Person to add": "要添加的人员", "Add": "添加", "Remove": "移除", "Up": "上移", "Down": "下移",
    "Availability": "可用时间", "%n slots selected": "已选 %n 个时段",
    "e.g. editing:4, 摄影, sound": "例如：剪辑:4, 摄影, 声音", "e.g. drama, 科幻, documentary": "例如：剧情, 科幻, 纪录片",
    "separate items with commas": "多项之间用逗号分隔", " (closest: %1)": "（最接近：%1）",
    "Not in the vocabulary, kept as custom: %1": "不在词表中，作为自定义词保留：%1",
    # import wizard
    "Choose a roster file": "选择名单文件",
    "A CSV, tab-separated or Excel (.xlsx) file, in English or Chinese. Nothing is written until you apply the import.": "CSV、制表符分隔或 Excel (.xlsx) 文件，中英文均可。在确认导入之前不会写入任何内容。",
    "Roster file": "名单文件", "&Browse…": "浏览(&B)…", "&File:": "文件(&F)：",
    "Tip: you can also drop a file on the main window.": "提示：也可以把文件拖放到主窗口上。",
    "Import roster": "导入名单", "Rosters (*.csv *.tsv *.txt *.xlsx);;All files (*)": "名单 (*.csv *.tsv *.txt *.xlsx);;所有文件 (*)",
    "Problem": "问题", "Line": "行", "Column": "列", "Details": "详情", "Error": "错误", "Warning": "警告",
    "Id": "编号", "Role": "角色", "Prefers": "偏好", "Avoid": "回避", "&Apply": "应用(&A)", "Importing…": "正在导入…",
    "Import %1": "导入 %1", "Nothing was imported: %1": "未导入任何内容：%1",
    "Match the columns": "匹配列",
    "Each column of the file is matched to a roster field by its header. Check the suggestions; columns kept as notes are stored with the person.": "文件的每一列都按表头匹配到名单字段。请检查建议；作为备注保留的列会随人员一起保存。",
    "Role of everyone in the file": "文件中所有人的角色", "Taken from the role column": "取自“角色”列",
    "&People in the file are:": "文件中的人员是(&P)：", "Column in the file": "文件中的列", "First value": "第一个值",
    "Roster field": "名单字段", "Note": "说明", "(no header)": "（无表头）", "Field of column %1": "第 %1 列的字段",
    "Keep as note": "作为备注保留", "suggested: the header looks like “%1”": "建议：表头看起来像“%1”",
    "Check how the file was read": "检查文件的读取方式",
    "If the text looks garbled or the columns are wrong, change the encoding, delimiter or header row.": "如果文字乱码或列不对，请更改编码、分隔符或表头行。",
    "Encoding": "编码", "Delimiter": "分隔符", "Header row": "表头行", "File preview": "文件预览",
    "&Encoding:": "编码(&E)：", "&Delimiter:": "分隔符(&D)：", "&Header row:": "表头行(&H)：", "Detect": "自动检测",
    "Comma": "逗号", "Semicolon": "分号", "Tab": "制表符", "Reading the file…": "正在读取文件…",
    "The file could not be read: %1": "无法读取文件：%1", "Excel workbook, sheet “%1”": "Excel 工作簿，工作表“%1”",
    "comma": "逗号", "semicolon": "分号", "tab": "制表符", "%1 text, %2-separated": "%1 文本，%2分隔",
    "Read as: %1; header on line %2; %3 rows.": "读取方式：%1；表头在第 %2 行；共 %3 行。", "Line %1: %2": "第 %1 行：%2",
    "Review and apply": "检查并应用", "Problems found": "发现的问题", "Checking every row…": "正在检查每一行…",
    "The file could not be checked: %1": "无法检查文件：%1",
    "%1 to add, %2 to update, %3 unchanged. Errors: %4. Warnings: %5.": "新增 %1，更新 %2，不变 %3。错误：%4。警告：%5。",
    "Fix the errors in the file (or the column matching) and try again; nothing has been written.": "请修正文件（或列匹配）中的错误后重试；尚未写入任何内容。",
    "Press Apply to import. You can undo the import with Edit ▸ Undo.": "按“应用”导入。可以通过“编辑 ▸ 撤销”撤销导入。",
    # preferences
    "director and mentors work in the same genres": "导演与导师从事相同类型",
    "the team covers what the director wants to learn": "团队覆盖导演想学的内容", "Meeting slots": "会面时段",
    "the team has many free slots in common": "团队有较多共同空闲时段", "Preferences": "偏好设置",
    ("Preferences", "Preferences"): "意向", "people get whom they asked for": "人员得到自己希望的搭档",
    "Language": "语言", "the team shares a language": "团队有共同语言", "Balanced load": "负担均衡",
    "mentors carry similar numbers of directors": "各位导师带的导演数量相近", "Stability": "稳定性",
    "a new proposal keeps the previous teams": "新方案保留之前的团队", "Interface language": "界面语言",
    "System default": "跟随系统", "Solver time limit in seconds": "求解时限（秒）", " s": " 秒", "&Language:": "语言(&L)：",
    "A new language is used the next time Talent Pairing starts.": "新的语言将在下次启动 Talent Pairing 时生效。",
    "Solver &time limit:": "求解时限(&T)：", "Default weights for new programs": "新项目的默认权重",
}

# The pairing page, pictures and export dialog (the pairing engineer's strings).
ZH_CN.update({
    "Mentor": "指导者", "Replaces": "替换", "Score change": "分数变化", "Why": "原因", "Producer": "制片人",
    "Instructor": "导师", "(added)": "（新增）", "Score breakdown": "分数构成", "No breakdown": "无分数构成",
    "Export": "导出", "Export format": "导出格式", "&Format:": "格式(&F)：", "&Save to:": "保存到(&S)：",
    "Language of the sheets": "表格语言", "&Language of the sheets:": "表格语言(&L)：",
    "For older Excel or WPS (GB18030 encoding)": "适用于旧版 Excel 或 WPS（GB18030 编码）",
    "Write CSV in GB18030 encoding": "以 GB18030 编码写入 CSV", "Export progress": "导出进度", "Export status": "导出状态",
    "&Export": "导出(&E)", "File to write": "要写入的文件", "Choose the file to write": "选择要写入的文件",
    "Include &contacts (e-mail, phone)": "包含联系方式(&C)（邮箱、电话）",
    "Include e-mail addresses and phone numbers": "包含邮箱地址和电话号码",
    "Off by default: e-mail addresses and phone numbers are personal data. Include them only when everyone who receives the file may see them. Calendar invitations list attendees only with contacts.": "默认关闭：邮箱和电话属于个人信息。只有在所有收件人都可以看到时才包含。日历邀请只有在包含联系方式时才列出参会者。",
    "Export to": "导出到", "Choose the file to write with Browse…, then export again.": "请通过“浏览…”选择要写入的文件，然后再次导出。",
    "This program has no teams yet. Open the Pairing page, press Propose, then export again.": "该项目还没有团队。请打开“配对”页面，点击“生成方案”，然后再次导出。",
    "The folder %1 does not exist. Choose another place with Browse….": "文件夹 %1 不存在。请通过“浏览…”选择其他位置。",
    "%1 cannot be written here (no permission). Choose another folder with Browse….": "无法在此写入 %1（没有权限）。请通过“浏览…”选择其他文件夹。",
    "%1 is a folder. Add a file name, or choose one with Browse….": "%1 是一个文件夹。请加上文件名，或通过“浏览…”选择。",
    "Writing…": "正在写入…", "Wrote %1 to %2.": "已将 %1 写入 %2。", "The file was written, but note:\n\n%1": "文件已写入，但请注意：\n\n%1",
    "Nothing was written.": "未写入任何内容。", "%1\n\nNothing was written. Fix this and export again.": "%1\n\n未写入任何内容。请修正后再次导出。",
    "Cancelled; nothing was written.": "已取消；未写入任何内容。", "Cancelling…": "正在取消…",
    "Compatibility heatmap of directors and producers": "导演与制片人匹配度热力图",
    "%1 directors, %2 producers, %3 chosen pairs": "%1 位导演，%2 位制片人，已选 %3 对",
    "Forbidden pair (avoid list, organization or no shared slot)": "禁止的配对（回避名单、同一机构或没有共同时段）",
    "Score %1": "分数 %1", "Chosen in the latest run": "在最近一次方案中被选中",
    "Mentor load: directors taken out of capacity": "导师负担：已带导演数 / 名额", "%1 mentors, %2 full": "%1 位导师，%2 位已满",
    "No mentors yet.": "还没有导师。",
    "Checked: the pair is locked and every run keeps it. Drag to another team to move.": "已勾选：此配对已锁定，每次方案都会保留。拖到其他团队即可移动。",
    "Pairing settings": "配对设置", "Run summary": "方案摘要", "Selected team": "所选团队", "&Propose teams": "生成方案(&P)",
    "Propose teams for every director (F5); locked pairs are kept.": "为每位导演生成团队（F5）；已锁定的配对会保留。",
    "Propose teams": "生成方案", "&Cancel": "取消(&C)", "Stop and keep the best teams found so far (Esc).": "停止并保留目前找到的最佳团队（Esc）。",
    "Cancel the proposal": "取消生成", "Proposal progress": "生成进度", "Press Propose to form teams.": "点击“生成方案”组建团队。",
    "Proposal status": "生成状态", "Teams": "团队", "Unmatched directors and diagnosis": "未匹配的导演与诊断",
    "&Unmatched and diagnosis": "未匹配与诊断(&U)", "Run &history": "方案历史(&H)",
    "Run history: select one run to show it, two to compare": "方案历史：选一个查看，选两个比较",
    "&Show this run": "查看此方案(&S)", "Show the selected run": "查看所选方案",
    "Select two runs to see which teams changed.": "选择两个方案，查看哪些团队发生了变化。",
    "Teams that changed between the two selected runs": "两个所选方案之间发生变化的团队",
    "No teams yet. Set what matters on the left and press Propose.": "还没有团队。在左侧设置重要因素，然后点击“生成方案”。",
    "Run %1 — %2 — %3 teams, %4 unmatched — score %5": "方案 %1 — %2 — %3 个团队，%4 人未匹配 — 分数 %5",
    " (at most %1 % below the best possible)": "（最多比最优低 %1 %）", "Diagnosis:": "诊断：",
    "Every director has a team, and every hard rule holds.": "每位导演都有团队，所有硬性规则均满足。",
    "%n director(s) without a team:": "%n 位导演没有团队：", "Forming teams…": "正在组建团队…",
    "Stopping — keeping the best teams found so far…": "正在停止 — 保留目前找到的最佳团队…",
    "Best %1 · proven bound %2 · gap %3 · %4 s": "最佳 %1 · 已证上界 %2 · 差距 %3 · %4 秒",
    "Done: %1 teams, %2.": "完成：%1 个团队，%2。", "The proposal failed.": "生成方案失败。",
    "Cancelled before any team was found; nothing was saved.": "在找到任何团队之前已取消；未保存任何内容。",
    "Lock team": "锁定团队", "Unlock team": "解锁团队", "Not allowed: %1": "不允许：%1", "Score change: %1": "分数变化：%1",
    "Change the team": "修改团队", "This change would break a hard rule, so it was not made:\n\n%1": "此修改会违反硬性规则，因此没有执行：\n\n%1",
    "Move %1 to the team of %2": "将 %1 移到 %2 的团队", "From run %1 to run %2: %n team(s) changed.": "从方案 %1 到方案 %2：%n 个团队发生变化。",
    "Computing the pictures…": "正在计算图表…", "Who fits whom: directors × producers": "谁适合谁：导演 × 制片人",
    "Heatmap, scrollable": "热力图（可滚动）",
    "Stronger colour: better match. Framed: chosen in the latest run. Grey hatched: the pair is forbidden. Hover a cell for names and score.": "颜色越深匹配越好。带框：在最近一次方案中被选中。灰色斜线：禁止的配对。将鼠标悬停在格子上可查看姓名和分数。",
    "Mentor load (directors / capacity)": "导师负担（导演数 / 名额）", "Mentor load, scrollable": "导师负担（可滚动）",
    "Team scores": "团队分数", "The pictures could not be computed: %1": "无法计算图表：%1",
    "No run yet: the heatmap shows how well each pair fits; press Propose on the Pairing page to see chosen pairs and loads.": "还没有方案：热力图显示每一对的匹配程度；在“配对”页面点击“生成方案”即可查看选中的配对和负担。",
    "Latest run: %1 (%2 teams).": "最近一次方案：%1（%2 个团队）。", "Director": "导演", "Before": "之前", "After": "之后",
    "(no team)": "（无团队）", "Run": "方案", "Date": "日期", "Status": "状态", "Score": "分数", "Gap": "差距",
    "Teams changed": "变化的团队", "Distribution of team scores": "团队分数分布", "%1 teams, scores from %2 to %3": "%1 个团队，分数从 %2 到 %3",
    "No teams yet.": "还没有团队。", "What matters (weights)": "重要因素（权重）", "Weight: %1": "权重：%1",
    "Teams and rules": "团队与规则", "Fewest instructors per director": "每位导演最少的导师数",
    "Most instructors per director": "每位导演最多的导师数", "to": "至", "&Instructors per director:": "每位导演的导师数(&I)：",
    "Every team must share a &meeting slot": "每个团队必须有共同的会面时段(&M)",
    "Never pair people from the same &organization": "不配对同一机构的人员(&O)",
    "&Fairness: lift the weakest team first, then the total": "公平模式(&F)：先提高最弱团队，再提高总分",
    "Time limit of a proposal in seconds": "生成方案的时限（秒）", "&Time limit:": "时限(&T)：",
    "Keep a previous team unless a change gains more than this": "除非修改带来的提升超过此值，否则保留之前的团队",
    "Stability &margin:": "稳定性阈值(&M)：", "Check result": "检查结果", "Why this team": "为什么是这个团队",
    "Reasons": "原因", "Reasons:": "原因：", "Meeting slots:": "会面时段：",
    "Members (check to lock a pair; drag to another team to move)": "成员（勾选以锁定配对；拖到其他团队即可移动）",
    "Team members": "团队成员", "&Lock whole team": "锁定整个团队(&L)", "Lock every pair of this team": "锁定此团队的每一对",
    "U&nlock whole team": "解锁整个团队(&N)", "Unlock every pair of this team": "解锁此团队的每一对",
    "Alternatives (double-click or drag onto a team)": "备选（双击或拖到团队上）", "Alternative mentors": "备选导师",
    "&Use this alternative": "使用此备选(&U)", "Use the selected alternative": "使用所选备选",
    "Select a team to see why it was formed.": "选择一个团队，查看它的组建原因。", "Team of %1 — score %2": "%1 的团队 — 分数 %2",
    "(none given)": "（未提供）", "No shared free slot.": "没有共同的空闲时段。", "#": "#", "Instructors": "导师",
    "Locks": "锁定", "%n locked": "已锁定 %n", "none": "无", " (+%n more)": "（另有 %n 个）", "No locked pairs": "没有锁定的配对",
})

ZH_CN.update({
    "Opening %1…": "正在打开 %1…", "The program could not be read: %1": "无法读取项目：%1",
    "Done: run %1 saved; showing it…": "完成：方案 %1 已保存，正在显示…",
})

ZH_CN.update({"Worksheet": "工作表", "&Worksheet:": "工作表(&W)："})

ZH_CN.update({"%1 — Edit ▸ Undo reverses it.": "%1 — 可通过“编辑 ▸ 撤销”撤回。", "Undone: %1": "已撤销：%1"})

ZH_CN.update({
    "Done: %1 teams, %2, in %3 s.": "完成：%1 个团队，%2，用时 %3 秒。", "Looking for alternatives…": "正在寻找备选…",
    "Shared &meeting slot": "共同会面时段(&M)", "Keep &organizations apart": "不同机构分开(&O)", "&Fairness mode": "公平模式(&F)",
    "Every team has at least one slot when all its members are free.": "每个团队至少有一个全体成员都空闲的时段。",
    "Never pair people who work for the same organization.": "不配对在同一机构工作的人员。",
    "Lift the weakest team first, then the total score.": "先提高最弱的团队，再提高总分。", "Members": "成员",
    "Check a mentor to lock the pair; drag a mentor onto another team to move them.": "勾选导师即可锁定配对；把导师拖到其他团队即可移动。",
    "Alternatives": "备选", "Double-click an alternative to use it, or drag it onto a team.": "双击备选即可使用，或把它拖到团队上。",
    "Alternatives status": "备选状态", "No alternative keeps every hard rule.": "没有满足所有硬性规则的备选。",
})

ZH_CN.update({
    "Save As": "另存为",
    "This program lives in a shared database, not in a file. Copy it with the database's own backup tools.": "此项目保存在共享数据库中，而不是文件中。请使用数据库自身的备份工具复制。",
})

ZH_CN.update({"Loading…": "正在加载…", "The roster could not be read: %1": "无法读取名单：%1"})

ZH_CN.update({
    "Colour scale of the heatmap": "热力图色标", "low %1": "低 %1", "high %1": "高 %1", "forbidden": "禁止",
    "chosen": "已选", "Team scores (number of teams per score band)": "团队分数（各分数段的团队数）",
})

# Strings the pairing engineer's code passes through an alias (`tr = QCoreApplication.translate`),
# keyed by context: lupdate finds them once the alias is named `translate`.
ZH_CN.update({
    ("ExportDialog", "Teams as CSV (spreadsheet text)"): "团队 CSV（表格文本）",
    ("ExportDialog", "Teams as Excel workbook"): "团队 Excel 工作簿",
    ("ExportDialog", "Printable PDF sheets, one page per team"): "可打印的 PDF，每个团队一页",
    ("ExportDialog", "Calendar invitations (ICS) for the first meetings"): "首次会面的日历邀请（ICS）",
    ("ExportDialog", "Compatibility matrix (CSV)"): "匹配度矩阵（CSV）",
    ("ExportDialog", "Roster in the import format (CSV)"): "导入格式的名单（CSV）",
    ("ExportDialog", "Excel workbooks (*.xlsx)"): "Excel 工作簿 (*.xlsx)",
    ("ExportDialog", "PDF documents (*.pdf)"): "PDF 文档 (*.pdf)",
    ("ExportDialog", "Calendar files (*.ics)"): "日历文件 (*.ics)",
    ("ExportDialog", "CSV files (*.csv)"): "CSV 文件 (*.csv)",
    ("Criteria", "Higher: teams share more genres."): "越高：团队共同的类型越多。",
    ("Criteria", "Higher: instructors cover more of what each director wants to learn."): "越高：导师覆盖导演想学内容越多。",
    ("Criteria", "Higher: teams have more free slots in common."): "越高：团队共同空闲时段越多。",
    ("Criteria", "Higher: people get the partners they asked for."): "越高：更多人得到自己希望的搭档。",
    ("Criteria", "Higher: team members share a language more often."): "越高：团队成员更常有共同语言。",
    ("Criteria", "Higher: directors are spread more evenly across mentors."): "越高：导演在导师之间分配得更均匀。",
    ("Criteria", "Higher: a new proposal keeps more teams of the previous run."): "越高：新方案保留更多之前的团队。",
    ("Criteria", "Shared genres"): "共同类型", ("Criteria", "Needs covered"): "需求覆盖",
    ("Criteria", "Meeting slots"): "会面时段", ("Criteria", "Preferences"): "意向",
    ("Criteria", "Shared language"): "共同语言", ("Criteria", "Balanced load"): "负担均衡",
    ("Criteria", "Stability"): "稳定性",
    ("RunStatus", "optimal"): "最优", ("RunStatus", "good (not proven best)"): "良好（未证明最优）",
    ("RunStatus", "infeasible"): "无可行方案", ("RunStatus", "cancelled"): "已取消", ("RunStatus", "no result"): "无结果",
})

ZH_CN.update({
    "<p>Recognised column headers (English or Chinese; other columns are kept as notes):</p>": "<p>可识别的列标题（中英文均可；其他列作为备注保留）：</p>",
})

ZH_CN.update({("MainWindow", "Du&plicate"): "复制(&P)"})

ZH_CN.update({"The window switches to the chosen language when you press OK.": "按“确定”后窗口即切换到所选语言。"})

ZH_CN.update({
    "Discard changes?": "放弃修改？", "Your changes to %1 are not saved. Discard them?": "对 %1 的修改尚未保存。要放弃吗？",
    "this person": "此人员",
})

ZH_CN.update({"Other columns:": "其他列：", "Other columns from the imported roster": "导入名单中的其他列"})

ZH_CN.update({
    "&Run history": "方案历史(&R)", "Cu&t mentor (to move to another team)": "剪切导师(&T)（以移到其他团队）",
    "&Paste mentor into this team": "将导师粘贴到此团队(&P)",
    "Select another team and press Ctrl+V to move %1 there.": "选择另一个团队并按 Ctrl+V，即可把 %1 移到那里。",
    "Fairness mo&de": "公平模式(&D)", "Stability mar&gin:": "稳定性阈值(&G)：", "&Apply this alternative": "使用此备选(&A)",
})

# desktop, issue 11: closing while proposing, exports that say where, Edit ▸ Cut/Copy/Paste, pasted rows
ZH_CN.update({
    "Open &folder": "打开文件夹(&F)", "Open the folder of the written file": "打开写入文件所在的文件夹",
    "Export &again": "再次导出(&A)", ("ExportDialog", "Close"): "关闭",
    "Cu&t": "剪切(&T)", "Cut the selected people (or, in a team, the mentor to move)": "剪切所选人员（在团队中则剪切要移动的导师）",
    "&Copy": "复制(&C)", "Copy the selected people or teams as a table for Excel or WPS": "将所选人员或团队复制为表格，可粘贴到 Excel 或 WPS",
    "&Paste": "粘贴(&P)", "Paste rows copied from a spreadsheet (checked like an import)": "粘贴从电子表格复制的行（与导入一样检查）",
    "Dup&licate": "创建副本(&L)", "Teams are being proposed": "正在生成配对方案",
    "A proposal is running in this program. Stop it (Esc on the Pairing page) or wait until it ends, then open the other program.":
        "此项目正在生成配对方案。请先停止（在“配对”页按 Esc）或等待其结束，再打开其他项目。",
    "Wrote %1": "已写入 %1",
    "A proposal is still running. Stop it and keep the best teams found so far, or wait until it ends? Either way the run is saved before the window closes.":
        "配对方案仍在生成中。要停止并保留目前找到的最佳团队，还是等待其结束？无论哪种方式，方案都会在窗口关闭前保存。",
    "&Stop and keep the best": "停止并保留最佳结果(&S)", "&Wait, then close": "等待结束后关闭(&W)",
    "&Don't close": "不关闭(&D)", "Stopping the proposal; the window closes once its best teams are saved.": "正在停止生成；最佳团队保存后窗口将关闭。",
    "The window closes when the proposal ends.": "方案生成结束后窗口将关闭。",
    "Copied %n people as a table.": "已将 %n 人复制为表格。",
    "The clipboard holds no table: copy a header row and the people's rows from a spreadsheet, then paste again.":
        "剪贴板中没有表格：请从电子表格复制标题行和人员行，然后再粘贴。",
})

# Import wizard: the column plan and the review (issue 13).
ZH_CN.update({
    "Given name (combined into the name)": "名（与姓合成姓名）",
    "Family name (combined into the name)": "姓（与名合成姓名）",
    "Each column of the file, with its first answers, what it will hold and why. Change any choice; columns "
    "added by the form tool are set aside.": "文件中的每一列：前几个回答、将用作什么以及原因。任何选择都可以修改；"
                                           "表单工具自动添加的列已搁置。",
    "Import &without genres, skills, needs or availability": "不导入类型、专长、需求和可用时间，继续(&W)",
    "First answers": "前几个回答", "Holds": "用作", "Why": "原因", "What column %1 holds": "“%1”列用作什么",
    "Form column (set aside)": "表单列（已搁置）", "%1: “%2”": "%1：“%2”", "Ignore": "忽略",
    "%1 (sure: %2)": "%1（把握：%2）",
    "None of genres, skills, needs or availability is matched to a column, so pairing would have little to go "
    "on.": "类型、专长、需求、可用时间都没有对应的列，配对将缺少依据。",
    "These columns look like them: %1.": "这些列像是它们：%1。",
    "People added and fields changed": "新增的人和修改的字段",
    "Fix the errors in the file (or the column matching, or choose for each conflict) and try again; nothing "
    "has been written.": "请修正文件中的错误（或列的匹配，或为每个冲突做出选择）后重试；尚未写入任何内容。",
    "What to do with line %1": "第 %1 行如何处理", "Do not import this row": "不导入这一行",
    "Add as a new person": "作为新的人新增", "Update the person in the program": "更新项目中的这个人",
})

# the Schedule page and the Program dialog (calendar issue 10)
ZH_CN.update({
    "Schedule": "日程", "&Program…": "项目(&P)…",
    "Name, dates, meeting cadence and role names of the program": "项目名称、日期、会面频率与人员称谓",
    "◀ Previous week": "◀ 上一周", "Next week ▶": "下一周 ▶", "Week ": "第 ", "Show the week of": "查看谁的一周",
    "Place every meeting anew": "全部重新安排", "&Schedule meetings": "安排会面(&S)", "Cancel": "取消",
    "Show:": "查看：", "Meetings of the week": "本周会面", "Meetings in the selected slot": "所选时段的会面",
    "Teams short of meetings": "会面不足的小组",
    "In the selected slot (Ctrl+arrow keys move the chosen meeting):": "所选时段的会面（Ctrl+方向键移动所选会面）：",
    "Teams short of meetings:": "会面不足的小组：", "Everyone": "所有人", "Teams short of meetings: %n": "会面不足的小组：%n",
    "No run yet: propose teams on the Pairing page, then schedule their meetings.":
        "还没有配对结果：请先在“配对”页生成分组，再安排会面。",
    "Run %1 has no meeting schedule yet: press Schedule meetings.": "第 %1 次配对还没有会面日程：请点击“安排会面”。",
    "Run %1: %2 meetings over %3 weeks from %4; %5 team(s) short of meetings.":
        "第 %1 次配对：自 %4 起 %3 周共 %2 次会面；%5 个小组会面不足。",
    "Move the meeting of team %1": "移动第 %1 组的会面", "Schedule the meetings of run %1": "安排第 %1 次配对的会面",
    "Program": "项目", "Talent program": "人才培养计划", "Screenwriting camp": "编剧营",
    "Action-performance camp": "动作表演营", "Blank": "空白", "First week starts on": "第一周开始于",
    " weeks": " 周", "Once": "仅一次", "Every week": "每周", "Every second week": "每两周",
    "Every fourth week": "每四周", " minutes": " 分钟", "English": "英文", "Simplified Chinese": "简体中文",
    "&Name:": "名称(&N)：", "&Kind:": "类型(&K)：", "&Length:": "周期(&L)：", "Teams &meet:": "会面频率(&M)：",
    "Meeting l&ength:": "会面时长(&E)：", "&Language:": "语言(&L)：", "&Time zone:": "时区(&T)：",
    "What the program calls its people": "项目对人员的称谓", "Chinese": "中文",
    "Mentee (director)": "学员（导演）", "Lead mentor (producer)": "主导师（制片人）",
    "Panel mentor (instructor)": "专项导师（导师）", "Any mentor": "指导者（统称）",
    "Change the program": "修改项目属性",
})

# desktop, issue 11: one program, many viewers; undo that says when it cannot apply
ZH_CN.update({
    "&Undo %1": "撤销(&U) %1", "&Redo %1": "重做(&R) %1",
    "• %1 on %2 (process %3), open since %4": "• %1，在 %2 上（进程 %3），自 %4 起打开",
    "Open elsewhere too": "已在别处打开",
    "This program is already open in another window:\n%1\n\nBoth windows show what the other changes, and a change to something the other window changed meanwhile is refused. To only look, open it read-only.":
        "此项目已在另一个窗口中打开：\n%1\n\n两个窗口都会显示对方所做的修改；如果要修改的内容已被另一个窗口改过，修改会被拒绝。如果只是查看，请以只读方式打开。",
    "Open &read-only": "以只读方式打开(&R)", "Open and &edit": "打开并编辑(&E)", "Read-only": "只读",
    "This program is open read-only here, so nothing was changed. Close it and open it again to edit it.":
        "此项目在这里以只读方式打开，因此没有做任何修改。如需编辑，请关闭后重新打开。",
    "Not done": "未执行", "Changed elsewhere": "已在别处修改", "&Reload": "重新载入(&R)",
    "%1 was deleted in another window or program, so your change was not made.": "%1 已在另一个窗口或程序中被删除，因此您的修改没有执行。",
    "%1 was changed in another window or program since you saw it, so your change was not saved (it would have overwritten theirs).":
        "您看到 %1 之后，它已在另一个窗口或程序中被修改，因此您的修改没有保存（否则会覆盖对方的修改）。",
    "The pairing settings were changed in another window or program since you saw them, so your change was not saved.":
        "您看到配对设置之后，它们已在另一个窗口或程序中被修改，因此您的修改没有保存。",
    "Reload to see the program as it is now, then make your change again if it is still needed.":
        "请重新载入以查看项目的当前状态，如仍需要，再重新修改。",
    "Reloaded: the window shows the program as it is now.": "已重新载入：窗口显示项目的当前状态。",
    "Another window or program changed this program; the pages show it as it is now.": "另一个窗口或程序修改了此项目；各页面已显示其当前状态。",
    " (read-only)": "（只读）",
})

ZH_CN.update({"“%1” could be %2": "“%1”可能是 %2", "Choose what these columns hold: %1.": "请选择这些列用作什么：%1。"})

# desktop, issue 11: the Pairing page always true, words for curators, room to read
ZH_CN.update({
    "&Details": "详情(&D)", "Show the solver's figures (objective, proven bound, gap, time)": "显示求解器的数据（目标值、已证明上界、差距、用时）",
    "Find a person's team (name or id)…": "查找某人所在的团队（姓名或编号）…", "Find a person's team": "查找某人所在的团队",
    "The shown run is out of date": "显示的方案已过时", "Propose &again": "重新生成(&A)", "C&heck teams": "检查团队(&H)",
    "%n new director(s) without a team (%1)": "%n 位新导演没有团队（%1）",
    "%n of its people left the roster (%1)": "其中 %n 人已不在名单中（%1）",
    "%n team(s) now break a rule (%1)": "%n 个团队现在违反规则（%1）",
    "the pairing settings changed": "配对设置已更改",
    "Since run %1 was proposed: %2. Propose again, or check the teams and fix them by hand.":
        "方案 %1 生成以来：%2。请重新生成，或检查团队并手动调整。",
    "Since this run was proposed:": "此方案生成以来：", "• %1 (%2) is new and has no team.": "• %1（%2）是新加入的，还没有团队。",
    "• %1 left the roster.": "• %1 已不在名单中。", "• The team of %1 breaks a rule: %2": "• %1 的团队违反规则：%2",
    "• The pairing settings changed.": "• 配对设置已更改。",
    "Solver: objective %1 (with the stability bonus), proven bound %2, gap %3, %4 s.":
        "求解器：目标值 %1（含稳定性加分），已证明上界 %2，差距 %3，用时 %4 秒。",
    "this may be the best possible": "可能已是最佳", "at most %1 % better is possible": "最多还能提高 %1 %",
    "still looking": "仍在寻找", "Best so far %1 · %2 · %3 s": "目前最佳 %1 · %2 · %3 秒", "proven bound %1": "已证明上界 %1",
    "Locked, so the next Propose keeps it: %1 (uncheck to let it change).": "已锁定，下次生成方案时会保留：%1（取消勾选即可让它变化）。",
    "Every director of this run has a team.": "此方案中每位导演都有团队。",
    "Could be better": "可提升空间", "best possible": "最佳",
})

ZH_CN.update({
    "<p>Form exports are read as they are; you check every column next. Headers recognised at once:</p>":
        "<p>报名表导出文件可直接读取，每一列都可在后面核对。可直接识别的列标题：</p>",
})

# desktop, issue 11: File ▸ New, an empty program, cells edited in place
ZH_CN.update({
    "e.g. BJIFF Talents 2026": "例如：北影节青年导演计划 2026",
    "Talent program (young directors, producers, instructors)": "人才培养计划（青年导演、监制、导师）",
    "Screenwriting camp (screenwriters, lead mentors)": "编剧营（编剧学员、主导师）",
    "Action-performance camp (performers, action directors, coaches)": "动作表演营（学员、动作导演、教练）",
    "Other (name the roles later)": "其他（稍后为角色命名）",
    "&Import a roster (CSV or Excel) next": "接着导入名单（CSV 或 Excel）(&I)",
    "The kind only sets what the program calls its people; change it, the dates and the role names later with File ▸ Program.":
        "类型只决定项目对人员的称谓；之后可通过“文件 ▸ 项目”修改类型、日期和角色名称。",
    "&Save in:": "保存到(&S)：", "&Create": "创建(&C)", "Save the new program as": "新项目另存为",
    "Talent programs (*.pairing)": "人才计划项目 (*.pairing)", "The folder %1 does not exist.": "文件夹 %1 不存在。",
    "%1 exists already: choose another name, or open it with File ▸ Open.": "%1 已存在：请换一个名称，或通过“文件 ▸ 打开”打开它。",
    "Nobody here yet. Import the roster a sign-up form or a colleague sent you (CSV or Excel, English or Chinese), paste rows copied from a spreadsheet with Ctrl+V, or add people one by one.":
        "这里还没有人员。可以导入报名表或同事发来的名单（CSV 或 Excel，中英文均可），用 Ctrl+V 粘贴从电子表格复制的行，或逐个添加人员。",
    "&Import a roster…": "导入名单(&I)…", "Not changed: %1": "未修改：%1",
    # desk-live: a proposal set aside (issue 11)
    "The teams were not saved in the program; see the message.": "团队未保存到项目中；请查看提示。",
    # desk-live: the program's role names in the Pairing and Pictures pages (issue 10)
    "Compatibility heatmap of %1 and %2": "%1与%2匹配度热力图",
    "%1 %2, %3 %4, %5 chosen pairs": "%1 位%2，%3 位%4，已选 %5 对",
    "Propose teams for every %1 (F5); locked pairs are kept.": "为每位%1生成团队（F5）；已锁定的配对会保留。",
    "Unmatched %1 and diagnosis": "未匹配的%1与诊断",
    "Every %1 has a team, and every hard rule holds.": "每位%1都有团队，所有硬性规则均满足。",
    "%n %1 without a team:": "%n 位%1没有团队：",
    "%n new %1 without a team (%2)": "%n 位新%1没有团队（%2）",
    "Every %1 of this run has a team.": "此方案中每位%1都有团队。",
    "Who fits whom: %1 × %2": "谁适合谁：%1 × %2",
    "%1 load (%2 / capacity)": "%1负担（%2数 / 名额）",
    # desk-live: the alternatives table fits its panel (issue 11)
    "Change": "变化", "How the team's score changes with this alternative": "采用此替代人选后团队分数的变化",
    "Why this alternative": "此替代人选的理由", "%1 %2: %3": "%1 %2：%3",
    "%1 load: %2 taken out of capacity": "%1负担：已占用的%2数与名额",
    # desk-walk: message boxes walked in Chinese (issue 11)
    "%1\n\nYour program is unchanged; choose another folder.": "%1\n\n项目没有任何改动；请选择其他文件夹。",
    "%1\n\nChoose another file with Browse…, then export again.": "%1\n\n请通过“浏览…”选择其他文件，然后再次导出。",
    # desk-room: every column of the teams in view at 1280×800 (issue 11)
    "Slots": "时段", "Team number": "团队编号", "Meeting slots: when every member of the team is free":
        "会面时段：团队每位成员都有空的时段", "Locked pairs: kept by every Propose": "已锁定的配对：每次生成方案都会保留",
    "Locked pairs": "已锁定的配对", "&Lock all": "全部锁定(&L)", "U&nlock all": "全部解锁(&N)",
})

# desk-refresh: the Pictures and Schedule pages follow the program in place (issue 11)
ZH_CN.update({
    "Selected pair": "选中的配对",
    "Click a cell (or use the arrow keys) to select a pair.": "点击一个格子（或使用方向键）选择一个配对。",
    "The shown meetings are out of date": "显示的会面安排已过时",
    "Schedule meetings a&gain": "重新安排会面(&G)",
    "%n meeting(s) are at a time when a member is no longer free (teams: %1).":
        "%n 次会面所在时间已有成员没空（小组：%1）。",
    "%n of the people who meet left the roster (%1).": "参加会面的人中有 %n 人已不在名单中（%1）。",
    "The program's dates or meeting length changed since the meetings were placed.":
        "安排会面之后，项目的日期或会面时长有变动。",
    "Place the meetings of the changed teams again; the others keep theirs.": "重新安排有变动的小组的会面；其他小组保留原安排。",
    "Place every meeting anew from the run's teams and everyone's free time.": "按本次方案的小组和每个人的空闲时间重新安排全部会面。",
    "Reading the meetings…": "正在读取会面安排…",
})
