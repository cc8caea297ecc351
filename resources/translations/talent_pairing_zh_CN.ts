<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlternativesModel</name>
    <message>
        <location filename="../../ui/models/team_model.py" line="555"/>
        <source>How the team&apos;s score changes with this alternative</source>
        <translation>采用此替代人选后团队分数的变化</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="559"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="559"/>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="559"/>
        <source>Replaces</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="559"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="559"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="584"/>
        <source>(added)</source>
        <translation>（新增）</translation>
    </message>
</context>
<context>
    <name>AvailabilityGrid</name>
    <message>
        <location filename="../../ui/widgets/availability_grid.py" line="26"/>
        <source>Availability</source>
        <translation>可用时间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/availability_grid.py" line="80"/>
        <source>%n slots selected</source>
        <translation>
            <numerusform>已选 %n 个时段</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BreakdownBars</name>
    <message>
        <location filename="../../ui/team_detail.py" line="39"/>
        <source>Score breakdown</source>
        <translation>分数构成</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="68"/>
        <source>No breakdown</source>
        <translation>无分数构成</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../ui/pairing_settings.py" line="49"/>
        <source>Change pairing settings</source>
        <translation>修改配对设置</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="27"/>
        <source>Duplicate %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="27"/>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="34"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="47"/>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="57"/>
        <source>Lock %1 with %2</source>
        <translation>锁定 %1 与 %2</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="58"/>
        <source>Unlock %1 from %2</source>
        <translation>解除 %1 与 %2 的锁定</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="33"/>
        <source>Teams as CSV (spreadsheet text)</source>
        <translation>团队 CSV（表格文本）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="34"/>
        <source>Teams as Excel workbook</source>
        <translation>团队 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="35"/>
        <source>Printable PDF sheets, one page per team</source>
        <translation>可打印的 PDF，每个团队一页</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="36"/>
        <source>Calendar invitations (ICS) for the first meetings</source>
        <translation>首次会面的日历邀请（ICS）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="37"/>
        <source>Compatibility matrix (CSV)</source>
        <translation>匹配度矩阵（CSV）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="38"/>
        <source>Roster in the import format (CSV)</source>
        <translation>导入格式的名单（CSV）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="45"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="46"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="47"/>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="48"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="98"/>
        <location filename="../../ui/export_dialog.py" line="253"/>
        <location filename="../../ui/export_dialog.py" line="292"/>
        <location filename="../../ui/export_dialog.py" line="315"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="112"/>
        <source>Export format</source>
        <translation>导出格式</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="116"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="117"/>
        <source>&amp;Save to:</source>
        <translation>保存到(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="119"/>
        <source>Language of the sheets</source>
        <translation>表格语言</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="123"/>
        <source>&amp;Language of the sheets:</source>
        <translation>表格语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="124"/>
        <source>For older Excel or WPS (GB18030 encoding)</source>
        <translation>适用于旧版 Excel 或 WPS（GB18030 编码）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="125"/>
        <source>Write CSV in GB18030 encoding</source>
        <translation>以 GB18030 编码写入 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="130"/>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="135"/>
        <source>Export status</source>
        <translation>导出状态</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="139"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="142"/>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="143"/>
        <source>Open the folder of the written file</source>
        <translation>打开写入文件所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="156"/>
        <source>File to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="158"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="159"/>
        <source>Choose the file to write</source>
        <translation>选择要写入的文件</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="173"/>
        <source>Include &amp;contacts (e-mail, phone)</source>
        <translation>包含联系方式(&amp;C)（邮箱、电话）</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="174"/>
        <source>Include e-mail addresses and phone numbers</source>
        <translation>包含邮箱地址和电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="177"/>
        <source>Off by default: e-mail addresses and phone numbers are personal data. Include them only when everyone who receives the file may see them. Calendar invitations list attendees only with contacts.</source>
        <translation>默认关闭：邮箱和电话属于个人信息。只有在所有收件人都可以看到时才包含。日历邀请只有在包含联系方式时才列出参会者。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="209"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="222"/>
        <source>Choose the file to write with Browse…, then export again.</source>
        <translation>请通过“浏览…”选择要写入的文件，然后再次导出。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="224"/>
        <source>This program has no teams yet. Open the Pairing page, press Propose, then export again.</source>
        <translation>该项目还没有团队。请打开“配对”页面，点击“生成方案”，然后再次导出。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="229"/>
        <source>%1

Choose another file with Browse…, then export again.</source>
        <translation>%1

请通过“浏览…”选择其他文件，然后再次导出。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="234"/>
        <source>The folder %1 does not exist. Choose another place with Browse….</source>
        <translation>文件夹 %1 不存在。请通过“浏览…”选择其他位置。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="236"/>
        <source>%1 cannot be written here (no permission). Choose another folder with Browse….</source>
        <translation>无法在此写入 %1（没有权限）。请通过“浏览…”选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="239"/>
        <source>%1 is a folder. Add a file name, or choose one with Browse….</source>
        <translation>%1 是一个文件夹。请加上文件名，或通过“浏览…”选择。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="271"/>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="286"/>
        <source>Wrote %1 to %2.</source>
        <translation>已将 %1 写入 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="292"/>
        <source>The file was written, but note:

%1</source>
        <translation>文件已写入，但请注意：

%1</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="299"/>
        <source>Export &amp;again</source>
        <translation>再次导出(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="301"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="311"/>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="316"/>
        <source>%1

Nothing was written. Fix this and export again.</source>
        <translation>%1

未写入任何内容。请修正后再次导出。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="320"/>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="326"/>
        <location filename="../../ui/export_dialog.py" line="335"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/import_pages.py" line="97"/>
        <source>Choose a roster file</source>
        <translation>选择名单文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="98"/>
        <source>A CSV, tab-separated or Excel (.xlsx) file, in English or Chinese. Nothing is written until you apply the import.</source>
        <translation>CSV、制表符分隔或 Excel (.xlsx) 文件，中英文均可。在确认导入之前不会写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="101"/>
        <source>Roster file</source>
        <translation>名单文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="102"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="108"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="112"/>
        <source>Tip: you can also drop a file on the main window.</source>
        <translation>提示：也可以把文件拖放到主窗口上。</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="125"/>
        <source>&lt;p&gt;Form exports are read as they are; you check every column next. Headers recognised at once:&lt;/p&gt;</source>
        <translation>&lt;p&gt;报名表导出文件可直接读取，每一列都可在后面核对。可直接识别的列标题：&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="133"/>
        <source>Import roster</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="134"/>
        <source>Rosters (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>名单 (*.csv *.tsv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>HeatLegend</name>
    <message>
        <location filename="../../ui/charts.py" line="338"/>
        <source>Colour scale of the heatmap</source>
        <translation>热力图色标</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="351"/>
        <source>low %1</source>
        <translation>低 %1</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="351"/>
        <source>high %1</source>
        <translation>高 %1</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="366"/>
        <source>forbidden</source>
        <translation>禁止</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="373"/>
        <source>chosen</source>
        <translation>已选</translation>
    </message>
</context>
<context>
    <name>Heatmap</name>
    <message>
        <location filename="../../ui/charts.py" line="126"/>
        <source>Compatibility heatmap of %1 and %2</source>
        <translation>%1与%2匹配度热力图</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="105"/>
        <source>%1 %2, %3 %4, %5 chosen pairs</source>
        <translation>%1 位%2，%3 位%4，已选 %5 对</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="327"/>
        <source>Forbidden pair (avoid list, organization or no shared slot)</source>
        <translation>禁止的配对（回避名单、同一机构或没有共同时段）</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="328"/>
        <source>Score %1</source>
        <translation>分数 %1</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="329"/>
        <source>Chosen in the latest run</source>
        <translation>在最近一次方案中被选中</translation>
    </message>
</context>
<context>
    <name>ImportModels</name>
    <message>
        <location filename="../../ui/models/import_models.py" line="60"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_models.py" line="60"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_models.py" line="61"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_models.py" line="61"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_models.py" line="98"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/models/import_models.py" line="99"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/import_pages.py" line="40"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="41"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="42"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="43"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="44"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="45"/>
        <source>Organization</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="46"/>
        <source>Genres</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="47"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="48"/>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="49"/>
        <source>Availability</source>
        <translation>可用时间</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="50"/>
        <source>Capacity</source>
        <translation>名额</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="51"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="52"/>
        <source>Prefers</source>
        <translation>偏好</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="53"/>
        <source>Avoid</source>
        <translation>回避</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="54"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="55"/>
        <source>Given name (combined into the name)</source>
        <translation>名（与姓合成姓名）</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="56"/>
        <source>Family name (combined into the name)</source>
        <translation>姓（与名合成姓名）</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="46"/>
        <source>Import roster</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="49"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="180"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="185"/>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="191"/>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
</context>
<context>
    <name>LoadBars</name>
    <message>
        <location filename="../../ui/charts.py" line="400"/>
        <source>Producers</source>
        <translation>制片人</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="400"/>
        <source>Instructors</source>
        <translation>导师</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="406"/>
        <source>%1 mentors, %2 full</source>
        <translation>%1 位导师，%2 位已满</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="418"/>
        <source>%1 load: %2 taken out of capacity</source>
        <translation>%1负担：已占用的%2数与名额</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="447"/>
        <source>No mentors yet.</source>
        <translation>还没有导师。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <location filename="../../ui/main_window.py" line="640"/>
        <source>Program pages</source>
        <translation>程序页面</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>Start a new program file</source>
        <translation>新建一个项目文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>Open a program file</source>
        <translation>打开项目文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>Save a copy of the program and continue in the copy</source>
        <translation>保存项目副本，并在副本中继续工作</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>&amp;Import Roster…</source>
        <translation>导入名单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>Import people from a CSV or Excel file</source>
        <translation>从 CSV 或 Excel 文件导入人员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90"/>
        <source>Export the pairing as sheets, PDF or calendar invitations</source>
        <translation>将配对导出为表格、PDF 或日历邀请</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>&amp;Program…</source>
        <translation>项目(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>Name, dates, meeting cadence and role names of the program</source>
        <translation>项目名称、日期、会面频率与人员称谓</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Pre&amp;ferences…</source>
        <translation>偏好设置(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Language, default weights and solver time limit</source>
        <translation>界面语言、默认权重和求解时限</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>Cut the selected people (or, in a team, the mentor to move)</source>
        <translation>剪切所选人员（在团队中则剪切要移动的导师）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>Copy the selected people or teams as a table for Excel or WPS</source>
        <translation>将所选人员或团队复制为表格，可粘贴到 Excel 或 WPS</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>Paste rows copied from a spreadsheet (checked like an import)</source>
        <translation>粘贴从电子表格复制的行（与导入一样检查）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>&amp;Add Person…</source>
        <translation>添加人员(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>&amp;Edit Person…</source>
        <translation>编辑人员(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>Dup&amp;licate</source>
        <translation>创建副本(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>Filter the roster</source>
        <translation>筛选名单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>&amp;About Talent Pairing</source>
        <translation>关于 Talent Pairing(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>No recent programs</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U) %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R) %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>Pairing</source>
        <translation>配对</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>Schedule</source>
        <translation>日程</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>Pictures</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <location filename="../../ui/main_window.py" line="711"/>
        <source>Teams are being proposed</source>
        <translation>正在生成配对方案</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>A proposal is running in this program. Stop it (Esc on the Pairing page) or wait until it ends, then open the other program.</source>
        <translation>此项目正在生成配对方案。请先停止（在“配对”页按 Esc）或等待其结束，再打开其他项目。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>Cannot open the program</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303"/>
        <source>%1

Choose another file, or create a new program with File ▸ New.</source>
        <translation>%1

请选择其他文件，或通过“文件 ▸ 新建”创建新项目。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326"/>
        <source>• %1 on %2 (process %3), open since %4</source>
        <translation>• %1，在 %2 上（进程 %3），自 %4 起打开</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>Open elsewhere too</source>
        <translation>已在别处打开</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="329"/>
        <source>This program is already open in another window:
%1

Both windows show what the other changes, and a change to something the other window changed meanwhile is refused. To only look, open it read-only.</source>
        <translation>此项目已在另一个窗口中打开：
%1

两个窗口都会显示对方所做的修改；如果要修改的内容已被另一个窗口改过，修改会被拒绝。如果只是查看，请以只读方式打开。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="334"/>
        <source>Open &amp;read-only</source>
        <translation>以只读方式打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="335"/>
        <source>Open and &amp;edit</source>
        <translation>打开并编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="349"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="350"/>
        <source>This program is open read-only here, so nothing was changed. Close it and open it again to edit it.</source>
        <translation>此项目在这里以只读方式打开，因此没有做任何修改。如需编辑，请关闭后重新打开。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354"/>
        <source>Not done</source>
        <translation>未执行</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="356"/>
        <source>Changed elsewhere</source>
        <translation>已在别处修改</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="369"/>
        <source>%1 was deleted in another window or program, so your change was not made.</source>
        <translation>%1 已在另一个窗口或程序中被删除，因此您的修改没有执行。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="371"/>
        <source>%1 was changed in another window or program since you saw it, so your change was not saved (it would have overwritten theirs).</source>
        <translation>您看到 %1 之后，它已在另一个窗口或程序中被修改，因此您的修改没有保存（否则会覆盖对方的修改）。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="374"/>
        <source>The pairing settings were changed in another window or program since you saw them, so your change was not saved.</source>
        <translation>您看到配对设置之后，它们已在另一个窗口或程序中被修改，因此您的修改没有保存。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <source>Reload to see the program as it is now, then make your change again if it is still needed.</source>
        <translation>请重新载入以查看项目的当前状态，如仍需要，再重新修改。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="389"/>
        <source>Reloaded: the window shows the program as it is now.</source>
        <translation>已重新载入：窗口显示项目的当前状态。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="393"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="414"/>
        <source>Another window or program changed this program; the pages show it as it is now.</source>
        <translation>另一个窗口或程序修改了此项目；各页面已显示其当前状态。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425"/>
        <source>%1 — Edit ▸ Undo reverses it.</source>
        <translation>%1 — 可通过“编辑 ▸ 撤销”撤回。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425"/>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="451"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="472"/>
        <source>Talent programs (*.pairing);;All files (*)</source>
        <translation>人才计划项目 (*.pairing);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="497"/>
        <source>Program is open</source>
        <translation>项目已打开</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="498"/>
        <source>%1 is the program you have open. Choose another name for the new program.</source>
        <translation>%1 是当前打开的项目。请为新项目换一个名称。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="523"/>
        <source>Open program</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="534"/>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="535"/>
        <source>This program lives in a shared database, not in a file. Copy it with the database&apos;s own backup tools.</source>
        <translation>此项目保存在共享数据库中，而不是文件中。请使用数据库自身的备份工具复制。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="538"/>
        <source>Save program as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="556"/>
        <source>Cannot save the program</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="557"/>
        <source>%1

Your program is unchanged; choose another folder.</source>
        <translation>%1

项目没有任何改动；请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="565"/>
        <source>Saved a copy as %1; you are now working in it.</source>
        <translation>已将副本保存为 %1，现在正在副本中工作。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="571"/>
        <source>No program open</source>
        <translation>没有打开的项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="572"/>
        <source>Open or create a program first, then import a roster into it.</source>
        <translation>请先打开或新建项目，再向其中导入名单。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="592"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="655"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="656"/>
        <source>&lt;p&gt;In a roster table, start typing to filter it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在名单表格中直接输入即可筛选。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="659"/>
        <source>About Talent Pairing</source>
        <translation>关于 Talent Pairing</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="660"/>
        <source>&lt;b&gt;Talent Pairing&lt;/b&gt;&lt;p&gt;Pairs young directors with senior producers and instructors for film talent programs.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Talent Pairing&lt;/b&gt;&lt;p&gt;为电影人才计划将青年导演与资深制片人和导师配对。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="712"/>
        <source>A proposal is still running. Stop it and keep the best teams found so far, or wait until it ends? Either way the run is saved before the window closes.</source>
        <translation>配对方案仍在生成中。要停止并保留目前找到的最佳团队，还是等待其结束？无论哪种方式，方案都会在窗口关闭前保存。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="715"/>
        <source>&amp;Stop and keep the best</source>
        <translation>停止并保留最佳结果(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="716"/>
        <source>&amp;Wait, then close</source>
        <translation>等待结束后关闭(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="717"/>
        <source>&amp;Don&apos;t close</source>
        <translation>不关闭(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="735"/>
        <source>Stopping the proposal; the window closes once its best teams are saved.</source>
        <translation>正在停止生成；最佳团队保存后窗口将关闭。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="738"/>
        <source>The window closes when the proposal ends.</source>
        <translation>方案生成结束后窗口将关闭。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/import_pages.py" line="267"/>
        <source>Match the columns</source>
        <translation>匹配列</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="268"/>
        <source>Each column of the file, with its first answers, what it will hold and why. Change any choice; columns added by the form tool are set aside.</source>
        <translation>文件中的每一列：前几个回答、将用作什么以及原因。任何选择都可以修改；表单工具自动添加的列已搁置。</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="271"/>
        <source>Role of everyone in the file</source>
        <translation>文件中所有人的角色</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="272"/>
        <source>Taken from the role column</source>
        <translation>取自“角色”列</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="273"/>
        <source>Directors</source>
        <translation>导演</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="273"/>
        <source>Producers</source>
        <translation>制片人</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="274"/>
        <source>Instructors</source>
        <translation>导师</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="286"/>
        <source>Import &amp;without genres, skills, needs or availability</source>
        <translation>不导入类型、专长、需求和可用时间，继续(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="289"/>
        <source>&amp;People in the file are:</source>
        <translation>文件中的人员是(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="307"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="307"/>
        <source>First answers</source>
        <translation>前几个回答</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="308"/>
        <source>Holds</source>
        <translation>用作</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="308"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="350"/>
        <source>What column %1 holds</source>
        <translation>“%1”列用作什么</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="352"/>
        <source>Form column (set aside)</source>
        <translation>表单列（已搁置）</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="354"/>
        <source>%1: “%2”</source>
        <translation>%1：“%2”</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="356"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="367"/>
        <source>%1 (sure: %2)</source>
        <translation>%1（把握：%2）</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="388"/>
        <source>“%1” could be %2</source>
        <translation>“%1”可能是 %2</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="390"/>
        <source>Choose what these columns hold: %1.</source>
        <translation>请选择这些列用作什么：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="398"/>
        <source>None of genres, skills, needs or availability is matched to a column, so pairing would have little to go on.</source>
        <translation>类型、专长、需求、可用时间都没有对应的列，配对将缺少依据。</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="401"/>
        <source>These columns look like them: %1.</source>
        <translation>这些列像是它们：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="331"/>
        <source>(no header)</source>
        <translation>（无表头）</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="355"/>
        <source>Keep as note</source>
        <translation>作为备注保留</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location filename="../../ui/models/team_model.py" line="488"/>
        <source>Checked: the pair is locked and every run keeps it. Drag to another team to move.</source>
        <translation>已勾选：此配对已锁定，每次方案都会保留。拖到其他团队即可移动。</translation>
    </message>
</context>
<context>
    <name>MentorRole</name>
    <message>
        <location filename="../../ui/models/team_model.py" line="434"/>
        <source>Producer</source>
        <translation>制片人</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="435"/>
        <source>Instructor</source>
        <translation>导师</translation>
    </message>
</context>
<context>
    <name>NewProgramDialog</name>
    <message>
        <location filename="../../ui/new_program.py" line="43"/>
        <location filename="../../ui/new_program.py" line="85"/>
        <source>New program</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="47"/>
        <source>e.g. BJIFF Talents 2026</source>
        <translation>例如：北影节青年导演计划 2026</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="49"/>
        <source>Talent program (young directors, producers, instructors)</source>
        <translation>人才培养计划（青年导演、监制、导师）</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="50"/>
        <source>Screenwriting camp (screenwriters, lead mentors)</source>
        <translation>编剧营（编剧学员、主导师）</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="51"/>
        <source>Action-performance camp (performers, action directors, coaches)</source>
        <translation>动作表演营（学员、动作导演、教练）</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="53"/>
        <source>Other (name the roles later)</source>
        <translation>其他（稍后为角色命名）</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="57"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="62"/>
        <source>&amp;Import a roster (CSV or Excel) next</source>
        <translation>接着导入名单（CSV 或 Excel）(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="64"/>
        <source>The kind only sets what the program calls its people; change it, the dates and the role names later with File ▸ Program.</source>
        <translation>类型只决定项目对人员的称谓；之后可通过“文件 ▸ 项目”修改类型、日期和角色名称。</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="68"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="69"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="70"/>
        <source>&amp;Save in:</source>
        <translation>保存到(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="72"/>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="89"/>
        <source>Save the new program as</source>
        <translation>新项目另存为</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="90"/>
        <source>Talent programs (*.pairing)</source>
        <translation>人才计划项目 (*.pairing)</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="106"/>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/new_program.py" line="108"/>
        <source>%1 exists already: choose another name, or open it with File ▸ Open.</source>
        <translation>%1 已存在：请换一个名称，或通过“文件 ▸ 打开”打开它。</translation>
    </message>
</context>
<context>
    <name>PairingPage</name>
    <message>
        <location filename="../../ui/pairing_page.py" line="137"/>
        <source>Pairing settings</source>
        <translation>配对设置</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="157"/>
        <source>Run summary</source>
        <translation>方案摘要</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="161"/>
        <source>&amp;Details</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="163"/>
        <source>Show the solver&apos;s figures (objective, proven bound, gap, time)</source>
        <translation>显示求解器的数据（目标值、已证明上界、差距、用时）</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="186"/>
        <source>Selected team</source>
        <translation>所选团队</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="214"/>
        <source>Find a person&apos;s team (name or id)…</source>
        <translation>查找某人所在的团队（姓名或编号）…</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="215"/>
        <source>Find a person&apos;s team</source>
        <translation>查找某人所在的团队</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="242"/>
        <source>The shown run is out of date</source>
        <translation>显示的方案已过时</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="246"/>
        <location filename="../../ui/pairing_page.py" line="765"/>
        <source>Propose &amp;again</source>
        <translation>重新生成(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="248"/>
        <source>C&amp;heck teams</source>
        <translation>检查团队(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="259"/>
        <source>&amp;Propose teams</source>
        <translation>生成方案(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="263"/>
        <location filename="../../ui/pairing_page.py" line="754"/>
        <location filename="../../ui/pairing_page.py" line="763"/>
        <location filename="../../ui/pairing_page.py" line="781"/>
        <source>Propose teams</source>
        <translation>生成方案</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="264"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="265"/>
        <source>Stop and keep the best teams found so far (Esc).</source>
        <translation>停止并保留目前找到的最佳团队（Esc）。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="268"/>
        <source>Cancel the proposal</source>
        <translation>取消生成</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="271"/>
        <source>Proposal progress</source>
        <translation>生成进度</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="274"/>
        <source>Press Propose to form teams.</source>
        <translation>点击“生成方案”组建团队。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="275"/>
        <source>Proposal status</source>
        <translation>生成状态</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="288"/>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="341"/>
        <source>&amp;Unmatched and diagnosis</source>
        <translation>未匹配与诊断(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="343"/>
        <source>&amp;Run history</source>
        <translation>方案历史(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="353"/>
        <source>Cu&amp;t mentor (to move to another team)</source>
        <translation>剪切导师(&amp;T)（以移到其他团队）</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="355"/>
        <source>&amp;Paste mentor into this team</source>
        <translation>将导师粘贴到此团队(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="367"/>
        <source>Select another team and press Ctrl+V to move %1 there.</source>
        <translation>选择另一个团队并按 Ctrl+V，即可把 %1 移到那里。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="474"/>
        <source>Done: %1 teams, %2, in %3 s.</source>
        <translation>完成：%1 个团队，%2，用时 %3 秒。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="481"/>
        <source>The program could not be read: %1</source>
        <translation>无法读取项目：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="553"/>
        <source>Propose teams for every %1 (F5); locked pairs are kept.</source>
        <translation>为每位%1生成团队（F5）；已锁定的配对会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="555"/>
        <source>Unmatched %1 and diagnosis</source>
        <translation>未匹配的%1与诊断</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pairing_page.py" line="571"/>
        <source>%n new %1 without a team (%2)</source>
        <translation>
            <numerusform>%n 位新%1没有团队（%2）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pairing_page.py" line="574"/>
        <source>%n of its people left the roster (%1)</source>
        <translation>
            <numerusform>其中 %n 人已不在名单中（%1）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pairing_page.py" line="577"/>
        <source>%n team(s) now break a rule (%1)</source>
        <translation>
            <numerusform>%n 个团队现在违反规则（%1）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="579"/>
        <source>the pairing settings changed</source>
        <translation>配对设置已更改</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="580"/>
        <source>Since run %1 was proposed: %2. Propose again, or check the teams and fix them by hand.</source>
        <translation>方案 %1 生成以来：%2。请重新生成，或检查团队并手动调整。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="587"/>
        <source>Since this run was proposed:</source>
        <translation>此方案生成以来：</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="588"/>
        <source>• %1 (%2) is new and has no team.</source>
        <translation>• %1（%2）是新加入的，还没有团队。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="589"/>
        <source>• %1 left the roster.</source>
        <translation>• %1 已不在名单中。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="591"/>
        <source>• The team of %1 breaks a rule: %2</source>
        <translation>• %1 的团队违反规则：%2</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="594"/>
        <source>• The pairing settings changed.</source>
        <translation>• 配对设置已更改。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="604"/>
        <source>No teams yet. Set what matters on the left and press Propose.</source>
        <translation>还没有团队。在左侧设置重要因素，然后点击“生成方案”。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="606"/>
        <source>Run %1 — %2 — %3 teams, %4 unmatched — score %5</source>
        <translation>方案 %1 — %2 — %3 个团队，%4 人未匹配 — 分数 %5</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="619"/>
        <source>Solver: objective %1 (with the stability bonus), proven bound %2, gap %3, %4 s.</source>
        <translation>求解器：目标值 %1（含稳定性加分），已证明上界 %2，差距 %3，用时 %4 秒。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="631"/>
        <source>Every %1 has a team, and every hard rule holds.</source>
        <translation>每位%1都有团队，所有硬性规则均满足。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="633"/>
        <source>Every %1 of this run has a team.</source>
        <translation>此方案中每位%1都有团队。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pairing_page.py" line="634"/>
        <source>%n %1 without a team:</source>
        <translation>
            <numerusform>%n 位%1没有团队：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="728"/>
        <source>this may be the best possible</source>
        <translation>可能已是最佳</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="729"/>
        <source>at most %1 % better is possible</source>
        <translation>最多还能提高 %1 %</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="730"/>
        <source>still looking</source>
        <translation>仍在寻找</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="731"/>
        <source>Best so far %1 · %2 · %3 s</source>
        <translation>目前最佳 %1 · %2 · %3 秒</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="733"/>
        <source>proven bound %1</source>
        <translation>已证明上界 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="762"/>
        <source>The teams were not saved in the program; see the message.</source>
        <translation>团队未保存到项目中；请查看提示。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="857"/>
        <source>Locked, so the next Propose keeps it: %1 (uncheck to let it change).</source>
        <translation>已锁定，下次生成方案时会保留：%1（取消勾选即可让它变化）。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="629"/>
        <source>Diagnosis:</source>
        <translation>诊断：</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="668"/>
        <source>Looking for alternatives…</source>
        <translation>正在寻找备选…</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="710"/>
        <source>Forming teams…</source>
        <translation>正在组建团队…</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="724"/>
        <source>Stopping — keeping the best teams found so far…</source>
        <translation>正在停止 — 保留目前找到的最佳团队…</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="751"/>
        <source>Done: run %1 saved; showing it…</source>
        <translation>完成：方案 %1 已保存，正在显示…</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="779"/>
        <source>The proposal failed.</source>
        <translation>生成方案失败。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="785"/>
        <source>Cancelled before any team was found; nothing was saved.</source>
        <translation>在找到任何团队之前已取消；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="801"/>
        <source>Lock team</source>
        <translation>锁定团队</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="801"/>
        <source>Unlock team</source>
        <translation>解锁团队</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="831"/>
        <source>Not allowed: %1</source>
        <translation>不允许：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="832"/>
        <source>Score change: %1</source>
        <translation>分数变化：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="839"/>
        <location filename="../../ui/pairing_page.py" line="842"/>
        <source>Change the team</source>
        <translation>修改团队</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="843"/>
        <source>This change would break a hard rule, so it was not made:

%1</source>
        <translation>此修改会违反硬性规则，因此没有执行：

%1</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_page.py" line="847"/>
        <source>Move %1 to the team of %2</source>
        <translation>将 %1 移到 %2 的团队</translation>
    </message>
</context>
<context>
    <name>PeopleListEditor</name>
    <message>
        <location filename="../../ui/person_editor.py" line="35"/>
        <source>Person to add</source>
        <translation>要添加的人员</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="40"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="41"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="42"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="43"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <location filename="../../ui/person_editor.py" line="99"/>
        <source>director</source>
        <translation>导演</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="99"/>
        <source>producer</source>
        <translation>制片人</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="100"/>
        <source>instructor</source>
        <translation>导师</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="101"/>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="101"/>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="119"/>
        <source>Roster id</source>
        <translation>名单编号</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="120"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="121"/>
        <source>Organization</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="122"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="123"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="125"/>
        <source>Genres</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="127"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="129"/>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="131"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="134"/>
        <source>Capacity</source>
        <translation>名额</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="136"/>
        <source>Default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="138"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="150"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="151"/>
        <source>&amp;Id:</source>
        <translation>编号(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="152"/>
        <source>&amp;Organization:</source>
        <translation>机构(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="153"/>
        <source>E-&amp;mail:</source>
        <translation>邮箱(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="154"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="155"/>
        <source>&amp;Genres:</source>
        <translation>类型(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="157"/>
        <source>&amp;Skills:</source>
        <translation>技能(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="158"/>
        <source>&amp;Capacity:</source>
        <translation>名额(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="160"/>
        <source>Nee&amp;ds:</source>
        <translation>需求(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="163"/>
        <source>&amp;Languages:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="164"/>
        <source>No&amp;tes:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="166"/>
        <source>Other columns:</source>
        <translation>其他列：</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="170"/>
        <source>&amp;Availability (click or drag; Space toggles)</source>
        <translation>可用时间(&amp;A)（点击或拖动；空格键切换）</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="200"/>
        <source>Other columns from the imported roster</source>
        <translation>导入名单中的其他列</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="211"/>
        <source>Preferences, best first</source>
        <translation>偏好（最想要的在前）</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="213"/>
        <source>Never pair with</source>
        <translation>绝不配对</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="214"/>
        <source>P&amp;refers (best first)</source>
        <translation>偏好(&amp;R)（最想要的在前）</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="215"/>
        <source>A&amp;void</source>
        <translation>回避(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="245"/>
        <source>Enter a name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="248"/>
        <source>Enter an id (for example D25); it must be unique in the program.</source>
        <translation>请输入编号（例如 D25），编号在项目内必须唯一。</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="250"/>
        <source>The id %1 is already used by someone else; choose another.</source>
        <translation>编号 %1 已被他人使用，请换一个。</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="276"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="277"/>
        <source>Your changes to %1 are not saved. Discard them?</source>
        <translation>对 %1 的修改尚未保存。要放弃吗？</translation>
    </message>
    <message>
        <location filename="../../ui/person_editor.py" line="278"/>
        <source>this person</source>
        <translation>此人员</translation>
    </message>
</context>
<context>
    <name>PicturesPage</name>
    <message>
        <location filename="../../ui/charts.py" line="556"/>
        <source>Computing the pictures…</source>
        <translation>正在计算图表…</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="568"/>
        <source>Heatmap, scrollable</source>
        <translation>热力图（可滚动）</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="572"/>
        <source>Stronger colour: better match. Framed: chosen in the latest run. Grey hatched: the pair is forbidden. Hover a cell for names and score.</source>
        <translation>颜色越深匹配越好。带框：在最近一次方案中被选中。灰色斜线：禁止的配对。将鼠标悬停在格子上可查看姓名和分数。</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="578"/>
        <source>Selected pair</source>
        <translation>选中的配对</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="584"/>
        <source>Mentor load, scrollable</source>
        <translation>导师负担（可滚动）</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="587"/>
        <source>Team scores (number of teams per score band)</source>
        <translation>团队分数（各分数段的团队数）</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="596"/>
        <source>Who fits whom: %1 × %2</source>
        <translation>谁适合谁：%1 × %2</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="600"/>
        <source>%1 load (%2 / capacity)</source>
        <translation>%1负担（%2数 / 名额）</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="660"/>
        <source>The pictures could not be computed: %1</source>
        <translation>无法计算图表：%1</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="687"/>
        <source>No run yet: the heatmap shows how well each pair fits; press Propose on the Pairing page to see chosen pairs and loads.</source>
        <translation>还没有方案：热力图显示每一对的匹配程度；在“配对”页面点击“生成方案”即可查看选中的配对和负担。</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="690"/>
        <source>Latest run: %1 (%2 teams).</source>
        <translation>最近一次方案：%1（%2 个团队）。</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="716"/>
        <source>Click a cell (or use the arrow keys) to select a pair.</source>
        <translation>点击一个格子（或使用方向键）选择一个配对。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/preferences.py" line="24"/>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="27"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="29"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="33"/>
        <source>Solver time limit in seconds</source>
        <translation>求解时限（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="36"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="57"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="58"/>
        <source>The window switches to the chosen language when you press OK.</source>
        <translation>按“确定”后窗口即切换到所选语言。</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="61"/>
        <source>Solver &amp;time limit:</source>
        <translation>求解时限(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="62"/>
        <source>Default weights for new programs</source>
        <translation>新项目的默认权重</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../ui/import_pages.py" line="148"/>
        <source>Check how the file was read</source>
        <translation>检查文件的读取方式</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="149"/>
        <source>If the text looks garbled or the columns are wrong, change the encoding, delimiter or header row.</source>
        <translation>如果文字乱码或列不对，请更改编码、分隔符或表头行。</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="151"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="152"/>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="153"/>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="154"/>
        <source>Worksheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="158"/>
        <source>File preview</source>
        <translation>文件预览</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="161"/>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="162"/>
        <source>&amp;Delimiter:</source>
        <translation>分隔符(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="163"/>
        <source>&amp;Worksheet:</source>
        <translation>工作表(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="164"/>
        <source>&amp;Header row:</source>
        <translation>表头行(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="184"/>
        <location filename="../../ui/import_pages.py" line="187"/>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="188"/>
        <source>Comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="188"/>
        <source>Semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="188"/>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="218"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="224"/>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="232"/>
        <source>Excel workbook, sheet “%1”</source>
        <translation>Excel 工作簿，工作表“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="234"/>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="234"/>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="234"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="235"/>
        <source>%1 text, %2-separated</source>
        <translation>%1 文本，%2分隔</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="237"/>
        <source>Read as: %1; header on line %2; %3 rows.</source>
        <translation>读取方式：%1；表头在第 %2 行；共 %3 行。</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="244"/>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>ProgramDialog</name>
    <message>
        <location filename="../../ui/program_dialog.py" line="36"/>
        <source>Program</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="44"/>
        <source>Talent program</source>
        <translation>人才培养计划</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="45"/>
        <source>Screenwriting camp</source>
        <translation>编剧营</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="46"/>
        <source>Action-performance camp</source>
        <translation>动作表演营</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="47"/>
        <source>Blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="49"/>
        <source>First week starts on</source>
        <translation>第一周开始于</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="55"/>
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="57"/>
        <source>Once</source>
        <translation>仅一次</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="57"/>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="58"/>
        <source>Every second week</source>
        <translation>每两周</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="59"/>
        <source>Every fourth week</source>
        <translation>每四周</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="64"/>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="66"/>
        <location filename="../../ui/program_dialog.py" line="83"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="67"/>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="72"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="73"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="75"/>
        <source>&amp;Length:</source>
        <translation>周期(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="76"/>
        <source>Teams &amp;meet:</source>
        <translation>会面频率(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="77"/>
        <source>Meeting l&amp;ength:</source>
        <translation>会面时长(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="78"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="79"/>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="81"/>
        <source>What the program calls its people</source>
        <translation>项目对人员的称谓</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="84"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="85"/>
        <source>Mentee (director)</source>
        <translation>学员（导演）</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="85"/>
        <source>Lead mentor (producer)</source>
        <translation>主导师（制片人）</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="86"/>
        <source>Panel mentor (instructor)</source>
        <translation>专项导师（导师）</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="86"/>
        <source>Any mentor</source>
        <translation>指导者（统称）</translation>
    </message>
    <message>
        <location filename="../../ui/program_dialog.py" line="148"/>
        <source>Change the program</source>
        <translation>修改项目属性</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../ui/import_pages.py" line="430"/>
        <source>Review and apply</source>
        <translation>检查并应用</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="435"/>
        <source>People added and fields changed</source>
        <translation>新增的人和修改的字段</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="440"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="475"/>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="480"/>
        <source>The file could not be checked: %1</source>
        <translation>无法检查文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="489"/>
        <source>%1 to add, %2 to update, %3 unchanged. Errors: %4. Warnings: %5.</source>
        <translation>新增 %1，更新 %2，不变 %3。错误：%4。警告：%5。</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="492"/>
        <source>Fix the errors in the file (or the column matching, or choose for each conflict) and try again; nothing has been written.</source>
        <translation>请修正文件中的错误（或列的匹配，或为每个冲突做出选择）后重试；尚未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="512"/>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="515"/>
        <source>What to do with line %1</source>
        <translation>第 %1 行如何处理</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="516"/>
        <source>Do not import this row</source>
        <translation>不导入这一行</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="517"/>
        <source>Add as a new person</source>
        <translation>作为新的人新增</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="518"/>
        <source>Update the person in the program</source>
        <translation>更新项目中的这个人</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="494"/>
        <source>Press Apply to import. You can undo the import with Edit ▸ Undo.</source>
        <translation>按“应用”导入。可以通过“编辑 ▸ 撤销”撤销导入。</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../ui/models/roster_model.py" line="77"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster_model.py" line="78"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster_model.py" line="79"/>
        <source>Organization</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster_model.py" line="81"/>
        <source>Genres</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster_model.py" line="83"/>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster_model.py" line="85"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster_model.py" line="87"/>
        <source>Free slots</source>
        <translation>空闲时段</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster_model.py" line="89"/>
        <source>Capacity</source>
        <translation>名额</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster_model.py" line="91"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../ui/roster_page.py" line="98"/>
        <source>Filter by name, genre or skill (English or 中文)…</source>
        <translation>按姓名、类型或技能筛选（中文或 English）…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="99"/>
        <source>Filter people</source>
        <translation>筛选人员</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="102"/>
        <location filename="../../ui/roster_page.py" line="339"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="102"/>
        <source>Add a person</source>
        <translation>添加一位人员</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="103"/>
        <location filename="../../ui/roster_page.py" line="340"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="103"/>
        <source>Edit the selected person</source>
        <translation>编辑所选人员</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="104"/>
        <location filename="../../ui/roster_page.py" line="341"/>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="104"/>
        <source>Duplicate the selected people</source>
        <translation>复制所选人员</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="105"/>
        <location filename="../../ui/roster_page.py" line="342"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="105"/>
        <source>Delete the selected people</source>
        <translation>删除所选人员</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="122"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="155"/>
        <source>Nobody here yet. Import the roster a sign-up form or a colleague sent you (CSV or Excel, English or Chinese), paste rows copied from a spreadsheet with Ctrl+V, or add people one by one.</source>
        <translation>这里还没有人员。可以导入报名表或同事发来的名单（CSV 或 Excel，中英文均可），用 Ctrl+V 粘贴从电子表格复制的行，或逐个添加人员。</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="159"/>
        <source>&amp;Import a roster…</source>
        <translation>导入名单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="234"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="247"/>
        <source>The roster could not be read: %1</source>
        <translation>无法读取名单：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/roster_page.py" line="291"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="293"/>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / 共 %2</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="386"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="401"/>
        <source>Not changed: %1</source>
        <translation>未修改：%1</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="406"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/roster_page.py" line="416"/>
        <source>Copied %n people as a table.</source>
        <translation>
            <numerusform>已将 %n 人复制为表格。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="430"/>
        <source>The clipboard holds no table: copy a header row and the people&apos;s rows from a spreadsheet, then paste again.</source>
        <translation>剪贴板中没有表格：请从电子表格复制标题行和人员行，然后再粘贴。</translation>
    </message>
</context>
<context>
    <name>RunDiffModel</name>
    <message>
        <location filename="../../ui/models/run_history_model.py" line="207"/>
        <source>Director</source>
        <translation>导演</translation>
    </message>
    <message>
        <location filename="../../ui/models/run_history_model.py" line="208"/>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <location filename="../../ui/models/run_history_model.py" line="208"/>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <location filename="../../ui/models/run_history_model.py" line="220"/>
        <source>(no team)</source>
        <translation>（无团队）</translation>
    </message>
</context>
<context>
    <name>RunHistoryModel</name>
    <message>
        <location filename="../../ui/models/run_history_model.py" line="126"/>
        <source>Run</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../ui/models/run_history_model.py" line="126"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/models/run_history_model.py" line="126"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/run_history_model.py" line="126"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../../ui/models/run_history_model.py" line="126"/>
        <source>Could be better</source>
        <translation>可提升空间</translation>
    </message>
    <message>
        <location filename="../../ui/models/run_history_model.py" line="127"/>
        <source>Teams changed</source>
        <translation>变化的团队</translation>
    </message>
</context>
<context>
    <name>RunHistoryPanel</name>
    <message>
        <location filename="../../ui/run_history.py" line="41"/>
        <source>Run history: select one run to show it, two to compare</source>
        <translation>方案历史：选一个查看，选两个比较</translation>
    </message>
    <message>
        <location filename="../../ui/run_history.py" line="50"/>
        <source>&amp;Show this run</source>
        <translation>查看此方案(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/run_history.py" line="51"/>
        <source>Show the selected run</source>
        <translation>查看所选方案</translation>
    </message>
    <message>
        <location filename="../../ui/run_history.py" line="58"/>
        <location filename="../../ui/run_history.py" line="89"/>
        <source>Select two runs to see which teams changed.</source>
        <translation>选择两个方案，查看哪些团队发生了变化。</translation>
    </message>
    <message>
        <location filename="../../ui/run_history.py" line="62"/>
        <source>Teams that changed between the two selected runs</source>
        <translation>两个所选方案之间发生变化的团队</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/run_history.py" line="94"/>
        <source>From run %1 to run %2: %n team(s) changed.</source>
        <translation>
            <numerusform>从方案 %1 到方案 %2：%n 个团队发生变化。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../ui/schedule_page.py" line="325"/>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="326"/>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="328"/>
        <source>Week </source>
        <translation>第 </translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="331"/>
        <source>Show the week of</source>
        <translation>查看谁的一周</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="337"/>
        <source>Place every meeting anew</source>
        <translation>全部重新安排</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="338"/>
        <source>&amp;Schedule meetings</source>
        <translation>安排会面(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="339"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="348"/>
        <source>Show:</source>
        <translation>查看：</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="366"/>
        <source>Meetings of the week</source>
        <translation>本周会面</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="369"/>
        <source>Meetings in the selected slot</source>
        <translation>所选时段的会面</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="375"/>
        <source>Teams short of meetings</source>
        <translation>会面不足的小组</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="379"/>
        <source>In the selected slot (Ctrl+arrow keys move the chosen meeting):</source>
        <translation>所选时段的会面（Ctrl+方向键移动所选会面）：</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="381"/>
        <source>Teams short of meetings:</source>
        <translation>会面不足的小组：</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="335"/>
        <location filename="../../ui/schedule_page.py" line="336"/>
        <location filename="../../ui/schedule_page.py" line="500"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="390"/>
        <source>Reading the meetings…</source>
        <translation>正在读取会面安排…</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="418"/>
        <source>The shown meetings are out of date</source>
        <translation>显示的会面安排已过时</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="423"/>
        <source>Schedule meetings a&amp;gain</source>
        <translation>重新安排会面(&amp;G)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/schedule_page.py" line="536"/>
        <source>Teams short of meetings: %n</source>
        <translation>
            <numerusform>会面不足的小组：%n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="540"/>
        <source>No run yet: propose teams on the Pairing page, then schedule their meetings.</source>
        <translation>还没有配对结果：请先在“配对”页生成分组，再安排会面。</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="542"/>
        <source>Run %1 has no meeting schedule yet: press Schedule meetings.</source>
        <translation>第 %1 次配对还没有会面日程：请点击“安排会面”。</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="546"/>
        <source>Run %1: %2 meetings over %3 weeks from %4; %5 team(s) short of meetings.</source>
        <translation>第 %1 次配对：自 %4 起 %3 周共 %2 次会面；%5 个小组会面不足。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/schedule_page.py" line="567"/>
        <source>%n meeting(s) are at a time when a member is no longer free (teams: %1).</source>
        <translation>
            <numerusform>%n 次会面所在时间已有成员没空（小组：%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/schedule_page.py" line="570"/>
        <source>%n of the people who meet left the roster (%1).</source>
        <translation>
            <numerusform>参加会面的人中有 %n 人已不在名单中（%1）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="573"/>
        <source>The program&apos;s dates or meeting length changed since the meetings were placed.</source>
        <translation>安排会面之后，项目的日期或会面时长有变动。</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="575"/>
        <source>Place the meetings of the changed teams again; the others keep theirs.</source>
        <translation>重新安排有变动的小组的会面；其他小组保留原安排。</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="577"/>
        <source>Place every meeting anew from the run&apos;s teams and everyone&apos;s free time.</source>
        <translation>按本次方案的小组和每个人的空闲时间重新安排全部会面。</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="654"/>
        <source>Move the meeting of team %1</source>
        <translation>移动第 %1 组的会面</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_page.py" line="696"/>
        <source>Schedule the meetings of run %1</source>
        <translation>安排第 %1 次配对的会面</translation>
    </message>
</context>
<context>
    <name>ScoreHistogram</name>
    <message>
        <location filename="../../ui/charts.py" line="469"/>
        <source>Distribution of team scores</source>
        <translation>团队分数分布</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="474"/>
        <source>%1 teams, scores from %2 to %3</source>
        <translation>%1 个团队，分数从 %2 到 %3</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="489"/>
        <source>No teams yet.</source>
        <translation>还没有团队。</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../ui/pairing_settings.py" line="103"/>
        <source>What matters (weights)</source>
        <translation>重要因素（权重）</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_settings.py" line="202"/>
        <source>Weight: %1</source>
        <translation>权重：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_settings.py" line="130"/>
        <source>Teams and rules</source>
        <translation>团队与规则</translation>
    </message>
    <message>
        <location filename="../../ui/pairing_settings.py" line="146"/>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>TagEdit</name>
    <message>
        <location filename="../../ui/widgets/tag_edit.py" line="56"/>
        <source>e.g. editing:4, 摄影, sound</source>
        <translation>例如：剪辑:4, 摄影, 声音</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/tag_edit.py" line="58"/>
        <source>e.g. drama, 科幻, documentary</source>
        <translation>例如：剧情, 科幻, 纪录片</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/tag_edit.py" line="60"/>
        <source>separate items with commas</source>
        <translation>多项之间用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/tag_edit.py" line="159"/>
        <source> (closest: %1)</source>
        <translation>（最接近：%1）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/tag_edit.py" line="161"/>
        <source>Not in the vocabulary, kept as custom: %1</source>
        <translation>不在词表中，作为自定义词保留：%1</translation>
    </message>
</context>
<context>
    <name>TeamDetail</name>
    <message>
        <location filename="../../ui/team_detail.py" line="126"/>
        <source>Selected team</source>
        <translation>所选团队</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="136"/>
        <source>Check result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="140"/>
        <source>Why this team</source>
        <translation>为什么是这个团队</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="144"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="146"/>
        <source>Reasons:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="145"/>
        <source>Meeting slots</source>
        <translation>会面时段</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="146"/>
        <source>Meeting slots:</source>
        <translation>会面时段：</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="161"/>
        <source>Team members</source>
        <translation>团队成员</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="173"/>
        <source>Lock every pair of this team</source>
        <translation>锁定此团队的每一对</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="177"/>
        <source>Unlock every pair of this team</source>
        <translation>解锁此团队的每一对</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="216"/>
        <source>&amp;Apply this alternative</source>
        <translation>使用此备选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="156"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="158"/>
        <source>Check a mentor to lock the pair; drag a mentor onto another team to move them.</source>
        <translation>勾选导师即可锁定配对；把导师拖到其他团队即可移动。</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="172"/>
        <source>&amp;Lock all</source>
        <translation>全部锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="176"/>
        <source>U&amp;nlock all</source>
        <translation>全部解锁(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="187"/>
        <source>Alternatives</source>
        <translation>备选</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="189"/>
        <source>Double-click an alternative to use it, or drag it onto a team.</source>
        <translation>双击备选即可使用，或把它拖到团队上。</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="192"/>
        <source>Alternative mentors</source>
        <translation>备选导师</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="210"/>
        <source>Why this alternative</source>
        <translation>此替代人选的理由</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="214"/>
        <source>Alternatives status</source>
        <translation>备选状态</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="217"/>
        <source>Use the selected alternative</source>
        <translation>使用所选备选</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="237"/>
        <source>Select a team to see why it was formed.</source>
        <translation>选择一个团队，查看它的组建原因。</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="243"/>
        <source>Team of %1 — score %2</source>
        <translation>%1 的团队 — 分数 %2</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="245"/>
        <location filename="../../ui/team_detail.py" line="292"/>
        <location filename="../../ui/team_detail.py" line="297"/>
        <source>(none given)</source>
        <translation>（未提供）</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="248"/>
        <source>No shared free slot.</source>
        <translation>没有共同的空闲时段。</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="268"/>
        <source>No alternative keeps every hard rule.</source>
        <translation>没有满足所有硬性规则的备选。</translation>
    </message>
    <message>
        <location filename="../../ui/team_detail.py" line="292"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
</context>
<context>
    <name>TeamTableModel</name>
    <message>
        <location filename="../../ui/models/team_model.py" line="267"/>
        <location filename="../../ui/models/team_model.py" line="270"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="251"/>
        <source>Director</source>
        <translation>导演</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="251"/>
        <source>Producer</source>
        <translation>制片人</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="251"/>
        <source>Instructors</source>
        <translation>导师</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="267"/>
        <location filename="../../ui/models/team_model.py" line="270"/>
        <location filename="../../ui/models/team_model.py" line="273"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="267"/>
        <source>Slots</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="270"/>
        <source>Meeting slots</source>
        <translation>会面时段</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="271"/>
        <source>Locked pairs</source>
        <translation>已锁定的配对</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="273"/>
        <source>Team number</source>
        <translation>团队编号</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="274"/>
        <source>Meeting slots: when every member of the team is free</source>
        <translation>会面时段：团队每位成员都有空的时段</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="275"/>
        <source>Locked pairs: kept by every Propose</source>
        <translation>已锁定的配对：每次生成方案都会保留</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="268"/>
        <source>Locks</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="236"/>
        <location filename="../../ui/models/team_model.py" line="322"/>
        <location filename="../../ui/models/team_model.py" line="335"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/models/team_model.py" line="349"/>
        <source>No locked pairs</source>
        <translation>没有锁定的配对</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/welcome_page.py" line="20"/>
        <source>&lt;h2&gt;Talent Pairing&lt;/h2&gt;&lt;p&gt;Pair young directors with producers and instructors. Open a program or start a new one.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Talent Pairing&lt;/h2&gt;&lt;p&gt;为青年导演匹配制片人和导师。打开一个项目，或新建一个项目。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="25"/>
        <source>&amp;New program…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="26"/>
        <source>&amp;Open program…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="41"/>
        <source>Recent programs:</source>
        <translation>最近的项目：</translation>
    </message>
</context>
</TS>
