"""Words of the pairing sheets (pairing/exports): refusals and run statuses."""

MESSAGES = {
    "sheets.no_run": ("This program has no run yet: propose teams (solve) before exporting pairing sheets.",
                      "本项目还没有方案：请先生成分组（solve），再导出配对表。"),
    "sheets.no_teams": ("Run {run} has no teams to export ({status}: {why}).",
                        "第 {run} 号方案没有可导出的分组（{status}：{why}）。"),
    "sheets.unknown_format": ("Unknown export format {format}; choose one of {formats}.",
                              "未知的导出格式 {format}；请从 {formats} 中选择。"),
    "sheets.pdf_needs_qt": ("PDF export needs the Qt renderer, which is not available here; run it through `{command}` "
                            "or the window.", "导出 PDF 需要 Qt 渲染器，此处不可用；请通过 `{command}` 或窗口导出。"),
    "sheets.unknown_encoding": ("Unknown encoding {encoding}: use utf-8-sig (the default) or gb18030.",
                                "未知的编码 {encoding}：请使用 utf-8-sig（默认）或 gb18030。"),
    "sheets.no_team_formed": ("no team was formed", "没有形成任何分组"),
    "sheets.partial_run": ("Run {run} is infeasible: the file holds a partial pairing.",
                           "第 {run} 号方案无可行方案：文件中是部分配对。"),
}
