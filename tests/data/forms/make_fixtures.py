"""Writes the sign-up form exports of this folder (see README.md for the layout each one follows).

Run `python tests/data/forms/make_fixtures.py` to rebuild them; the files are committed so that the tests
read real bytes (BOMs, code pages, workbooks) exactly as a curator receives them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent


def write_csv(name: str, rows, encoding: str = "utf-8-sig") -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    (HERE / name).write_bytes(buffer.getvalue().encode(encoding))


def write_xlsx(name: str, rows, title: str = "Sheet1") -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(HERE / name)


WJX_META = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]


def wjx_text() -> None:
    """问卷星 "按选项文本" download: choices joined by ┋, other answers as 其他〖…〗, skipped as (跳过)."""
    header = WJX_META + ["1、您的姓名：", "2、您的报名身份：", "3、您的邮箱：", "4、手机号码：", "5、所在单位：",
                         "6、您创作或擅长的类型：【多选题】", "7、您的专长（导师、监制填写）：",
                         "8、您希望学习的方向（青年导演填写）：", "9、可参加时间：", "10、可带学员名额（导师、监制填写）：",
                         "11、其他想说的"]
    rows = [
        [1, "2026/2/20 10:02:11", "95秒", "手机提交", "直接访问", "120.244.1.1(北京-北京)", "陈思远", "青年导演",
         "chen.siyuan@example.cn", "13800000001", "北影青年工作室", "剧情┋科幻┋其他〖公路片〗", "(跳过)",
         "剪辑┋调色┋剧作", "周一 上午┋周三 晚上┋周六", "(跳过)", "希望认识做科幻的监制"],
        [2, "2026/2/20 11:15:40", "120秒", "微信", "N/A", "183.2.1.1(广东-广州)", "周敏", "监制/制片人",
         "zhou.min@example.cn", "13800000002", "红灯笼影业", "科幻┋动作", "制片管理┋融资┋创投", "(跳过)",
         "周一至周五 下午", "2", ""],
        [3, "2026/2/20 12:01:09", "80秒", "手机提交", "直接访问", "61.1.1.1(上海-上海)", "许文静", "专业导师",
         "xu.wenjing@example.cn", "13800000003", "上海青年影像工作室", "纪录片┋剧情", "摄影┋剪辑", "(跳过)",
         "周六┋周日", "3", ""],
        [4, "2026/2/21 09:30:00", "150秒", "链接", "直接访问", "36.1.1.1(浙江-杭州)", "林晓雨", "青年导演",
         "lin.xiaoyu@example.cn", "13800000004", "中传影视创作中心", "青春┋其他〖女性题材〗", "(跳过)",
         "导演创作┋声音", "周二 晚上┋周四 晚上", "(跳过)", ""],
    ]
    write_csv("wjx_text.csv", [header, *rows])


def wjx_number() -> None:
    """问卷星 "按选项序号" download of a directors' form: one 0/1 column per option of a multiple choice."""
    header = WJX_META + ["1、姓名", "2、邮箱", "3、(剧情)", "3、(喜剧)", "3、(科幻)", "3、(纪录片)",
                         "4、希望学习的方向(剪辑)", "4、希望学习的方向(摄影)", "4、希望学习的方向(剧作)",
                         "5、可参加时间(周一)", "5、可参加时间(周三)", "5、可参加时间(周六)"]
    rows = [
        [1, "2026/2/22 10:00:00", "60秒", "手机提交", "直接访问", "1.1.1.1(北京-北京)", "王一帆", "wang@example.cn",
         1, 0, 1, 0, 1, 0, 1, "上午", "", "上午┋下午"],
        [2, "2026/2/22 10:05:00", "75秒", "微信", "N/A", "2.2.2.2(四川-成都)", "赵雨桐", "zhao@example.cn",
         0, 0, 0, 1, 0, 1, 0, "", "晚上", "全天"],
    ]
    write_csv("wjx_number.csv", [header, *rows])


def tencent() -> None:
    """腾讯问卷 download: 编号 counts responses (not a person id), answer times, location, numbered questions."""
    header = ["编号", "开始答题时间", "结束答题时间", "答题时长", "地理位置国家和地区", "地理位置省", "地理位置市",
              "用户类型", "用户标识", "昵称", "1.姓名", "2.身份", "3.邮箱", "4.擅长类型", "5.专长", "6.可参加时间",
              "7.名额"]
    rows = [
        [1, "2026-02-23 09:00:01", "2026-02-23 09:03:10", "189", "中国", "北京", "北京", "微信", "o6_1", "阿远",
         "孙浩然", "监制", "sun@example.cn", "剧情|悬疑", "制片|发行", "周一至周五 晚上", "3"],
        [2, "2026-02-23 10:11:00", "2026-02-23 10:12:40", "100", "中国", "上海", "上海", "微信", "o6_2", "Grace",
         "Grace Kim", "监制/制片人", "grace@example.org", "纪录片", "融资|电影节策略", "周六|周日", "2"],
        [3, "2026-02-23 11:30:00", "2026-02-23 11:35:00", "300", "中国", "广东", "深圳", "QQ", "o6_3", "小马",
         "马嘉欣", "制片人", "ma@example.cn", "动画|科幻", "创投|制片", "周三 下午", "2"],
    ]
    write_csv("tencent.csv", [header, *rows])


def google_forms() -> None:
    """Google Forms responses downloaded as CSV (Sheets): Timestamp, Email Address, split names, checkbox
    answers joined by ", ", and a checkbox grid "Availability [Monday]" … with parts of the day as answers."""
    header = ["Timestamp", "Email Address", "First name", "Last name", "Are you applying as a mentor or a mentee?",
              "Which genres do you work in?", "What can you teach? (mentors)",
              "What would you like to learn? (mentees)", "Availability [Monday]", "Availability [Tuesday]",
              "Availability [Wednesday]", "Availability [Thursday]", "Availability [Friday]",
              "How many mentees can you take?"]
    rows = [
        ["2026/02/24 9:12:03 AM GMT+8", "maya@example.org", "Maya", "Okafor", "Mentee", "Documentary, Drama", "",
         "Editing (Avid, Premiere), Sound design", "Morning, Afternoon", "", "Evening", "", "", ""],
        ["2026/02/24 10:40:55 AM GMT+8", "arjun@example.org", "Arjun", "Mehta", "Mentor", "Sci-fi, Thriller",
         "Editing (Avid, Premiere), Cinematography, VFX", "", "", "Afternoon", "Afternoon", "", "Morning", "3"],
        ["2026/02/24 1:03:20 PM GMT+8", "li.na@example.cn", "娜", "李", "Mentee", "Drama, Other: road movie", "",
         "Screenwriting, Editing (Avid, Premiere)", "", "", "", "Morning, Evening", "Morning", ""],
    ]
    write_csv("google_forms.csv", [header, *rows], encoding="utf-8")


def google_busy() -> None:
    """A student-team survey (gruepr kind) from Google Forms: a grid of the hours one is NOT free."""
    header = ["Timestamp", "Email Address", "Full name", "Role",
              "Which times are you unavailable? [Mon]", "Which times are you unavailable? [Tue]",
              "Which times are you unavailable? [Wed]", "Which times are you unavailable? [Thu]",
              "Which times are you unavailable? [Fri]", "Which times are you unavailable? [Sat]",
              "Which times are you unavailable? [Sun]", "Genres"]
    rows = [
        ["2026/02/25 8:00:00 PM GMT+8", "tom@example.org", "Tom Hartley", "Mentee", "8AM;9AM;10AM;11AM",
         "8AM;9AM;10AM;11AM;1PM;2PM;3PM;4PM;7PM;8PM", "", "8AM;9AM;10AM;11AM;1PM;2PM", "7PM;8PM",
         "8AM;9AM;10AM;11AM;1PM;2PM;3PM;4PM;7PM;8PM", "8AM;9AM;10AM;11AM;1PM;2PM;3PM;4PM;7PM;8PM", "Comedy"],
    ]
    write_csv("google_busy.csv", [header, *rows], encoding="utf-8")


def msforms() -> None:
    """Microsoft Forms "Open results in Excel" download: ID, Start time, Completion time, Email, Name,
    Last modified time, then one column per question; multiple answers end with ";"; anonymous responders."""
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "Your full name",
              "I am joining as", "Genres you work in", "Skills you can teach", "When are you available?",
              "Max mentees"]
    rows = [
        [1, "2/26/26 18:01:02", "2/26/26 18:04:11", "anonymous", "Anonymous", "", "Daniel Osei", "Mentor",
         "Drama;Comedy;", "Acting;Directing;", "Mon PM;Wed PM;", 2],
        [2, "2/26/26 18:05:40", "2/26/26 18:09:00", "elena@example.org", "Elena Petrova", "", "Elena Petrova",
         "Mentor", "Horror;Thriller;", "Sound;Film music;", "Sat;Sun;", 3],
        [3, "2/26/26 19:00:00", "2/26/26 19:02:30", "anonymous", "Anonymous", "", "Priya Nair", "Mentor",
         "Animation;", "VFX;Production design;", "Tue-Thu EVE;", 4],
    ]
    write_xlsx("msforms.xlsx", [header, *rows], title="Form1")


def canvas() -> None:
    """Canvas quiz "Student Analysis" report: name, id, sis_id, section…, each question as "<id>: <text>"
    followed by its points column, then n correct, n incorrect, score."""
    header = ["name", "id", "sis_id", "section", "section_id", "section_sis_id", "submitted", "attempt",
              "51001: Which genres do you work in?", "1.0", "51002: When are you available?", "1.0",
              "51003: What would you like to learn?", "1.0", "n correct", "n incorrect", "score"]
    rows = [
        ["Chloé Martin", "2", "S1002", "Film 101", "301", "F101", "2026-02-27 10:00:00 UTC", "1", "Drama,Comedy",
         "0.0", "Mon AM,Wed PM", "0.0", "Cinematography", "0.0", "0", "0", "0.0"],
        ["Kenji Watanabe", "3", "S1003", "Film 101", "301", "F101", "2026-02-27 10:05:00 UTC", "1", "Sci-fi", "0.0",
         "Tue PM", "0.0", "VFX,Sound", "0.0", "0", "0", "0.0"],
    ]
    write_csv("canvas.csv", [header, *rows], encoding="utf-8")


def jinshuju() -> None:
    """金数据 download: question columns first, then 提交人, 提交时间, device, browser, region, IP, channel…"""
    header = ["序号", "姓名", "身份", "擅长类型", "可参加时间", "提交人", "提交时间", "修改时间", "填写设备", "操作系统",
              "浏览器", "填写地区", "IP", "来源渠道", "微信昵称"]
    rows = [
        [1, "何星辰", "青年导演", "科幻、动画", "周五 晚上", "匿名", "2026-02-28 09:00:00", "2026-02-28 09:00:00",
         "手机", "iOS", "微信", "北京", "1.2.3.4", "直接访问", "星辰"],
    ]
    write_csv("jinshuju.csv", [header, *rows])


def wps_title() -> None:
    """A colleague's WPS sheet: a merged title row and a date row above the header, 序号 numbering the rows."""
    rows = [
        ["2026 青年导演短片扶持计划 导师名单"],
        ["导出时间：2026-02-20"],
        ["序号", "姓名", "角色", "单位", "擅长", "可带人数", "档期", "备注"],
        [1, "罗斌", "导师", "星河视效", "视效、调色", 2, "周一至周五 晚上", "可线上"],
        [2, "高晓萌", "讲师", "岭南影像社", "表演、剧作", 3, "周六、周日", ""],
    ]
    write_xlsx("wps_title.xlsx", rows, title="导师")


def encodings() -> None:
    """A UTF-8 export with one stray Latin-1 byte, and a genuinely Windows-1252 file (guessed, warned)."""
    text = "name,role,genres\r\nJosé Müller,director,drama\r\nRenée Dubois,director,comedy\r\n"
    data = text.encode("utf-8").replace("Renée".encode("utf-8"), b"Ren\xe9e")
    (HERE / "utf8_stray_byte.csv").write_bytes(data)
    legacy = ("name,role,genres,notes\r\nJosé Müller,director,drama,Café crème à côté\r\n"
              "Renée Dubois,director,comedy,Façade – naïve\r\n")
    (HERE / "cp1252_names.csv").write_bytes(legacy.encode("cp1252"))


if __name__ == "__main__":
    for make in (wjx_text, wjx_number, tencent, google_forms, google_busy, msforms, canvas, jinshuju, wps_title,
                 encodings):
        make()
