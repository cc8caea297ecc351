"""Words of the program's properties: refusals of bad values and the `program` command's report."""

MESSAGES = {
    "program.bad_date": (
        "{value} is not a date that exists: expected a day written YYYY-MM-DD, such as 2027-03-01.",
        "{value} 不是存在的日期：应按“年-月-日”书写，例如 2027-03-01。"),
    "program.bad_weeks": (
        "{value} weeks is not a program length: expected a whole number of weeks from {low} to {high}.",
        "{value} 周不是有效的项目周期：应为 {low} 到 {high} 之间的整数周。"),
    "program.bad_minutes": (
        "{value} minutes is not a meeting length: expected a whole number of minutes from {low} to {high}.",
        "{value} 分钟不是有效的会面时长：应为 {low} 到 {high} 之间的整数分钟。"),
    "program.bad_cadence": (
        "{value} is not a cadence: expected one of {choices}.",
        "{value} 不是会面频率：应为 {choices} 之一。"),
    "program.bad_kind": (
        "{value} is not a kind of program: expected one of {choices}.",
        "{value} 不是项目类型：应为 {choices} 之一。"),
    "program.bad_time_zone": (
        "{value} is not a time zone this computer knows: expected a name such as Asia/Shanghai.",
        "本机不认识时区 {value}：应为类似 Asia/Shanghai 的名称。"),
    "program.bad_language": (
        "{value} is not a language of the program: expected one of {choices}.",
        "{value} 不是项目可用的语言：应为 {choices} 之一。"),
    "program.bad_role": (
        "{value} does not name a role: expected ROLE=ENGLISH/中文 with ROLE one of {roles}, "
        "such as director=screenwriter/编剧学员.",
        "{value} 没有给出角色名称：应写作 角色=English/中文，角色为 {roles} 之一，"
        "例如 director=screenwriter/编剧学员。"),
    "program.bad_name": (
        "{value} is not a program name: expected 1 to 200 characters.",
        "{value} 不是有效的项目名称：应为 1 到 200 个字符。"),
    "program.name": ("Name: {value}", "名称：{value}"),
    "program.start": ("First week: {value}", "第一周：{value}"),
    "program.no_start": ("First week: not set", "第一周：未设置"),
    "program.weeks": ("Length: {value} weeks", "周期：{value} 周"),
    "program.cadence": ("Teams meet: {value}, {minutes} minutes each, {count} meetings per team",
                        "会面：{value}，每次 {minutes} 分钟，每组共 {count} 次"),
    "program.kind": ("Kind: {value}", "类型：{value}"),
    "program.language": ("Language: {value}", "语言：{value}"),
    "program.time_zone": ("Time zone: {value}", "时区：{value}"),
    "program.roles": ("People: {Director} / {Producer} / {Instructor}",
                      "人员称谓：{Director} / {Producer} / {Instructor}"),
    "program.saved": ("The program's properties are saved.", "项目属性已保存。"),
    "program.cadence_once": ("once", "仅一次"),
    "program.cadence_weekly": ("every week", "每周"),
    "program.cadence_fortnightly": ("every second week", "每两周"),
    "program.cadence_monthly": ("every fourth week", "每四周"),
    "program.kind_talent": ("talent program", "人才培养计划"),
    "program.kind_screenwriting": ("screenwriting camp", "编剧营"),
    "program.kind_action": ("action-performance camp", "动作表演营"),
    "program.kind_blank": ("blank", "空白"),
    "program.language_en": ("English", "英文"),
    "program.language_zh": ("Simplified Chinese", "简体中文"),
}
