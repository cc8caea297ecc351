"""Words of the meeting schedule: why a team is short of meetings, and the `schedule` command's report."""

MESSAGES = {
    "schedule.no_start": (
        "The program has no first week yet: set its start date ({command}, or the Program dialog) so that "
        "meetings can be placed on real dates.",
        "项目尚未设置第一周：请先设置开始日期（{command}，或在“项目”对话框中），才能把会面排在具体日期上。"),
    "schedule.no_run": (
        "The program has no run yet: propose teams ({command}) before scheduling their meetings.",
        "项目还没有配对结果：请先生成分组（{command}），再安排会面。"),
    "schedule.no_teams": (
        "Run {run} has no teams to schedule.",
        "第 {run} 次配对没有可安排会面的小组。"),
    "schedule.never_free": (
        ("{team}: {person} has no free slot in the program calendar, so its {count} meeting cannot be placed.",
         "{team}: {person} has no free slot in the program calendar, so its {count} meetings cannot be placed."),
        "{team}：{person} 在项目日历中没有空闲时段，{count} 次会面都无法安排。"),
    "schedule.never_together": (
        ("{team}: {first} and {second} are never free at the same time, so its {count} meeting cannot be "
         "placed.",
         "{team}: {first} and {second} are never free at the same time, so its {count} meetings cannot be "
         "placed."),
        "{team}：{first} 与 {second} 没有共同的空闲时段，{count} 次会面都无法安排。"),
    "schedule.no_common_slot": (
        ("{team}: {people} are never all free at once, so its {count} meeting cannot be placed.",
         "{team}: {people} are never all free at once, so its {count} meetings cannot be placed."),
        "{team}：{people} 没有全员都空闲的时段，{count} 次会面都无法安排。"),
    "schedule.no_slot_in_weeks": (
        ("{team} is {count} meeting short: its members share no free slot in week(s) {weeks}.",
         "{team} is {count} meetings short: its members share no free slot in week(s) {weeks}."),
        "{team} 少了 {count} 次会面：成员在第 {weeks} 周没有共同的空闲时段。"),
    "schedule.clash": (
        ("{team} is {count} meeting short: in its free slots ({slots}) the time of {people} is taken by {teams}.",
         "{team} is {count} meetings short: in its free slots ({slots}) the time of {people} is taken by {teams}."),
        "{team} 少了 {count} 次会面：在其空闲时段（{slots}）{people} 已与 {teams} 会面。"),
    "schedule.summary": (
        "{meetings} meetings of {teams} teams over {weeks} weeks from {start}, {cadence}; "
        "teams short of meetings: {short}.",
        "{teams} 个小组共 {meetings} 次会面，自 {start} 起共 {weeks} 周，{cadence}；{short} 个小组会面不足。"),
    "schedule.kept": (
        "{kept} teams kept their meetings; {moved} team(s) were placed again.",
        "{kept} 个小组保留原会面安排；{moved} 个小组重新安排。"),
    "schedule.not_free": (
        "{person} is not free at {slot}.",
        "{person} 在 {slot} 没有空。"),
    "schedule.busy": (
        "{person} already meets {team} then ({when}).",
        "{person} 在该时间（{when}）已与 {team} 会面。"),
    "schedule.move_refused": ("The meeting cannot move there.", "会面无法移到该时间。"),
    "schedule.outside": (
        "{when} is outside the program's weeks or the meeting's period.",
        "{when} 不在项目周期或该次会面所属的时段内。"),
    "schedule.no_schedule": (
        "Run {run} has no meeting schedule yet: run {command} first.",
        "第 {run} 次配对还没有会面日程：请先运行 {command}。"),
    "schedule.made_for_export": (
        "Run {run} had no saved schedule, so one was made for this export and not saved; run {command} to "
        "save it.",
        "第 {run} 次配对没有保存的日程，本次导出临时排定且未保存；运行 {command} 可保存。"),
    "schedule.fallback_start": (
        "The program has no start date, so its first week was taken as the week of {start}; set the "
        "program's start date and export again to use the real dates.",
        "项目没有设置开始日期，第一周暂按 {start} 所在的一周计算；请设置项目开始日期后重新导出。"),
    "schedule.team_regular": (
        ("{team}: {count} meeting, {slot} {cadence}, {first} to {last}",
         "{team}: {count} meetings, {slot} {cadence}, {first} to {last}"),
        "{team}：{count} 次会面，{cadence}{slot}，{first} 至 {last}"),
    "schedule.team_dates": (
        ("{team}: {count} meeting: {dates}", "{team}: {count} meetings: {dates}"),
        "{team}：{count} 次会面：{dates}"),
    "schedule.team_none": ("{team}: no meeting", "{team}：没有会面"),
    "schedule.when": ("{date} {slot}", "{date} {slot}"),
    "schedule.week": ("Week {week} ({date})", "第 {week} 周（{date}）"),
    "schedule.series": (
        ("{slot} {time}, {cadence}, {first} to {last} ({count} meeting)",
         "{slot} {time}, {cadence}, {first} to {last} ({count} meetings)"),
        "{cadence}{slot} {time}，{first} 至 {last}（{count} 次）"),
    "schedule.single": ("{date} {slot} {time}", "{date} {slot} {time}"),
    "schedule.meetings": ("Meetings", "会面"),
    "schedule.people_weeks": ("People by week", "人员周日程"),
    "schedule.column_team": ("Team", "小组"),
    "schedule.column_director": ("{Director}", "{Director}"),
    "schedule.column_date": ("Date", "日期"),
    "schedule.column_slot": ("Day and part", "时段"),
    "schedule.column_start": ("Start", "开始"),
    "schedule.column_end": ("End", "结束"),
    "schedule.column_people": ("People", "成员"),
    "schedule.column_person": ("Person", "人员"),
    "schedule.column_role": ("Role", "角色"),
    "schedule.not_scheduled": ("Not scheduled yet.", "尚未安排会面。"),
    "schedule.mentor_rule_missing": (
        "The solver has no rule that each mentor's teams meet at different weekly times; the schedule does "
        "what the pairing allows and says what it could not place.",
        "配对求解器没有“同一指导者的各小组每周会面时间不同”这一规则；日程在现有配对下尽量安排，并说明无法安排的部分。"),
    "schedule.ics_summary": ("Team {number} meeting: {director}", "第 {number} 组会面：{director}"),
    "schedule.ics_calendar": ("{program}: meetings of run {run}", "{program}：第 {run} 次配对的会面"),
    "schedule.ics_person": ("{program}: meetings of {person}", "{program}：{person} 的会面"),
    "schedule.ics_genres": ("Shared genres: {values}", "共同类型：{values}"),
    "schedule.ics_needs": ("Needs covered: {values}", "覆盖需求：{values}"),
    "schedule.stale": (
        "The teams {teams} of run {run} changed since its meetings were scheduled: run {command} again to "
        "place them with their new people.",
        "第 {run} 次配对中 {teams} 的成员在排定会面后有变动：请重新运行 {command}，按新成员安排会面。"),
}
