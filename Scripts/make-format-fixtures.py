#!/usr/bin/env python3
"""Regenerate the decoder's format fixtures in Tests/DecodeTests/Fixtures/formats/.

RUN BY HAND, ONCE, WHEN THE FIXTURES MUST CHANGE; ITS OUTPUTS ARE COMMITTED. Tests only read the
committed files and never run this script, so they need none of the tools below.

Usage:
    python3 Scripts/make-format-fixtures.py [-o OUTPUT_DIR]

Needs Python 3 (standard library only) and these Debian packages: libreoffice-writer-nogui (soffice),
poppler-utils (pdftotext, pdftoppm), qpdf (qpdf, fix-qdf), fonts-noto-cjk; catdoc and antiword are only
used to check the .doc. Every report text here is original and synthetic: the places are real (region
detection needs gazetteer names), the bureaus' work, figures and wording are invented.

One report, REPORT below, is the single source of truth for everything under same/; the files there
hold the same report in five formats, so a test can decode each and compare with report.txt:

  same/report.txt   REPORT itself, UTF-8, one paragraph a line, headings with their numbers
                    (一、 （一） 1.), the table's rows tab-separated, the <br> block as separate lines.
  same/report.html  A county-portal shaped saved page in GBK (meta http-equiv charset=gbk): <title> with
                    the site suffix, ArticleTitle/PubDate/ContentSource/SiteName/ColumnName/Keywords metas,
                    header + search form, nav, breadcrumb, <script>, <style>, the article (<h1>, info line,
                    <p> paragraphs, one <br>-separated block, a 3x3 <table>), related links, <aside>, footer.
  same/report.docx  Hand-written WordprocessingML (zipfile, fixed 2024-01-01 timestamps, byte-identical
                    across runs). Headings carry AUTOMATIC numbering (w:numPr -> numbering.xml: level 0
                    chineseCounting "%1、", level 1 chineseCounting "（%2）", level 2 decimal "%3.") and their
                    text has no number, as Word saves them; levels 1-2 use styles Heading1/Heading2 (names
                    "heading 1"/"heading 2"), level 3 uses a custom style w:styleId="a3" w:name="标题 3"
                    (see styles_xml); body paragraphs are split into runs at script changes; one w:br; one
                    3x3 w:tbl; docProps/core.xml with title, creator 余姚市教育局办公室, fixed dates.
  same/report.doc   report.docx converted by LibreOffice 7.4 (soffice --convert-to doc); its property
                    streams keep report.docx's dates, and reruns gave identical bytes. The heading numbers
                    stay automatic (a list), and LibreOffice reading the .doc back renders them. Both
                    command-line readers (catdoc 0.95, antiword 0.37.x, Debian 12) print the Chinese
                    correctly but NOT the list numbers:
                        catdoc -w -d utf-8 report.doc     one paragraph a line (-w: no wrapping at 72
                                                          columns); every heading number dropped;
                                                          table cells tab-separated.
                        antiword -w 0 -m UTF-8.txt report.doc
                                                          paragraphs separated by blank lines; 一、 and
                                                          1. dropped, and （一） （二） printed as
                                                          antiword's own outline numbers "1 " "2 ";
                                                          table as |cell |cell | rows.
  same/report.pdf   A text PDF of a variant of report.docx that has a header part (running header
                    余姚市教育局文件) and a footer with a PAGE field (— 1 —), exported by LibreOffice;
                    A4, GB/T 9704 margins, 16 pt body: 5 pages. pdftotext prints the header line at the
                    top and the page number (as "—1—") at the bottom of every page, pages separated by
                    form feeds; like a PDF from Word, it also prints spaces between Chinese and digits
                    ("2023 年") and, on a justified line that had to stretch, between all characters.
                    The Info dates are fixed, LibreOffice's /DocChecksum and random /ID dropped and the
                    /ID made deterministic (qpdf): reruns on one machine give identical bytes, but another
                    LibreOffice or font version will give different ones.

And, around it:

  scanned.pdf       One page holding only an image (page 1 of report.pdf rendered at 40 dpi in grey by
                    pdftoppm, embedded as a Flate-compressed DeviceGray image XObject in a PDF written by
                    hand here). No text layer: pdftotext prints only a form feed.
  sharing.html      A document-sharing-site shaped page, UTF-8 (<meta charset="utf-8">): login bar, ad
                    blocks (div.ad), download button, 相关文档/猜你喜欢 link lists, footer; a second, shorter
                    report (象山县教育局2024年工作要点) in <div id="doc-content">, one <p>/<div> a paragraph.
                    The report is the only substantial text that is not a link.
  corrupt.docx      The first 3,000 bytes of report.docx: starts like a zip, has no central directory.
  nodocument.docx   A valid zip with [Content_Types].xml, _rels/.rels and docProps/core.xml but no
                    word/document.xml.
  encrypted.pdf     report.pdf encrypted by qpdf (AES-256, user password "user", owner "owner");
                    pdftotext fails with "Incorrect password". Random salt: differs on every run.
  empty.html        A portal page with head, nav and footer and an empty article: no body text.
  tree/             A source folder tree: tree/浙江省/宁波市/{余姚市,鄞州区,宁海县}/ each with one short
                    .txt report; the 鄞州区 one says only 区教育局, so its folder is the only region
                    evidence; tree/浙江省/宁波市/ holds an .html copy of the 宁海县 report (a prefecture
                    folder for a county's report); tree/.DS_Store and tree/浙江省/.hidden.txt are hidden
                    files a folder walk must skip.
"""

import argparse
import html
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "Tests/DecodeTests/Fixtures/formats"

ZIP_DATE = (2024, 1, 1, 0, 0, 0)
# The PDF's one font. The docx names 仿宋_GB2312, 黑体 etc., which fontconfig would replace with Noto CJK;
# Noto CJK is CFF-based and LibreOffice 7.4 embeds it as Type 1 fonts (at most 256 glyphs each), which
# made report.pdf 190 KB. Droid Sans Fallback (fonts-droid-fallback) is TrueType: 78 KB.
PDF_FONT = "Droid Sans Fallback"
PDF_DATE = "D:20231228100000+08'00'"

# ---------------------------------------------------------------------------------------------------
# The report. Markup inside this string (nothing else is special):
#   a line starting with "|"  is a table row, cells separated by "|";
#   "<br>" inside a line       is a line break inside one paragraph.
# Headings are recognised by their GB/T 9704 numbers: 一、 / （一） / 1.
# ---------------------------------------------------------------------------------------------------

REPORT = """\
余姚市教育局2023年工作总结
2023年，余姚市教育局在市委、市政府的领导和上级教育部门的指导下，围绕“办好人民满意的教育”这一目标，聚焦学前普惠、义务均衡、高中多样、职教融合四条主线，扎实推进各项工作。全年教育经费总投入24.6亿元，同比增长6.8%，年初确定的重点任务均按期完成。现将全年工作总结如下。
一、基础教育质量稳步提升
（一）学前教育普惠扩容
全年新建、改扩建幼儿园12所，新增学位2160个，普惠性幼儿园在园幼儿占比达到98.5%。我们把公办幼儿园建设列入年度民生实事项目，逐园制定建设时间表，每月通报进度。针对城区学位紧张的问题，在城东新区和江南片区各布局一所九班规模的公办园，两所园均已于9月顺利开园。
（二）义务教育优质均衡
1.深化城乡教育共同体建设
全市组建城乡教育共同体31个，覆盖乡村学校57所，实现乡村学校全覆盖。共同体内部统一教学计划、统一教研活动、统一质量监测，全年开展联合教研活动420余场次，城乡学校之间的质量差距进一步缩小。
2.推动“双减”工作落地见效
义务教育学校课后服务参与率达到96.3%，作业公示制度在全部学校落实。全年排查校外培训机构186家次，依法查处违规培训行为9起，对群众反映的问题做到件件有回音。
3.加强学生体质健康和心理健康工作
坚持校园体育活动每天一小时，全市中小学生体质健康测试优良率达到61.2%，比上年提高3.4个百分点。各校配齐专兼职心理健康教师，建立心理问题学生一人一档，全年开展家长课堂活动260场。
（三）普通高中多样发展
支持两所学校创建省一级特色示范高中，新开设选修课程74门，走班教学实现全覆盖。2023年高考本科上线率达到78.9%，高分段人数保持稳定，学生综合素质评价工作获得省级推广。
（四）特殊教育关爱到位
全市适龄残疾儿童少年入学率达到99.1%，对不能到校就读的重度残疾学生开展送教上门服务，全年送教1860人次。新建融合教育资源教室6个，特殊教育学校职业教育部新开设烘焙、园艺两个专业，帮助残疾学生掌握一技之长。
二、教师队伍建设持续加强
（一）完善教师招引和培养机制
全年公开招聘新教师238名，其中研究生学历46名。实施“青蓝工程”，为三年内新入职教师配备结对导师，师徒结对实现全覆盖。组织中小学教师全员培训，人均完成培训92.5学时。
（二）发挥名师名校长引领作用
新增宁波市名教师和学科骨干教师65名，建成名师工作室28个。全年组织名师送教下乡活动53场，受益教师3100余人次，乡村学校青年教师在市级以上比赛中获奖人数比上年增加17人。
（三）严格师德师风管理
开展师德师风专项整治，全体在职教师签订师德承诺书。围绕有偿补课、违规收受礼品等问题开展明察暗访，全年受理相关信访件11件，已全部依规办结。
三、教育保障能力明显增强
（一）校舍建设和校园安全
全年实施校舍建设项目19个，竣工交付学校5所，新增校舍面积8.7万平方米。完成32所学校食堂“明厨亮灶”改造，校园安全技防设施达标率保持100%，全年未发生重大校园安全责任事故。
截至12月底，全市各类学校基本情况如下：<br>普通中小学校118所，在校学生10.2万人；<br>幼儿园96所，在园幼儿2.6万人；<br>中等职业学校4所，在校学生9800人。
（二）教育数字化转型
建成智慧校园示范校21所，数字教育资源平台访问量累计达到320万人次。推进新生入学“一件事”改革，新生入学线上报名率达到99.2%，家长平均跑腿次数明显减少。主要指标完成情况见下表。
|指标|2022年|2023年
|普惠性幼儿园在园幼儿占比|97.1%|98.5%
|义务教育课后服务参与率|94.8%|96.3%
四、职业教育和终身教育协同推进
（一）职业教育产教融合
职业学校与本地模具、光电、家电等重点产业企业共建产业学院6个，订单培养学生1240名，毕业生就业（升学）率达到98.7%。学生在省职业能力大赛中获一等奖4项，新增省级高水平专业群1个。
（二）社区教育和老年教育
社区教育覆盖全市21个乡镇（街道），全年开展各类培训4.8万人次。老年大学新增教学点9个，开设智能手机使用、传统戏曲等课程，在学老年学员比上年增加2300人。
五、全面从严治党和作风建设
坚持把党建工作与教育业务同部署、同落实，全年开展中小学党组织书记专题培训2期。深入推进清廉学校建设，建成市级清廉学校示范点15个。持续改进机关作风，教育系统政务服务事项办理满意率达到99.6%，全年办理人大代表建议和政协委员提案37件，办复率100%。
六、存在的问题和2024年工作打算
回顾全年工作，城区学位供给仍然偏紧，乡村学校骨干教师流失问题尚未根本解决，教育数字化应用的深度还不够。2024年，我们将重点做好以下工作：一是加快城区学校建设，确保新增学位3000个以上；二是完善乡村教师激励机制，稳定乡村教师队伍；三是深化教育数字化改革，推动优质资源共享，努力让每个孩子都能享有公平而有质量的教育。
余姚市教育局
2023年12月28日
"""

# The second, shorter report, for sharing.html (another county of the same province).
SHARED_REPORT = """\
象山县教育局2024年工作要点
2024年全县教育工作的总体要求是：以提高教育质量为核心，以促进教育公平为重点，统筹推进各级各类教育协调发展，不断增强群众的教育获得感。
一、推进基础教育扩优提质
（一）扩大优质学前教育资源
新建幼儿园3所，新增学位720个，普惠性幼儿园覆盖率稳定在95%以上。
（二）提升义务教育质量
深化城乡学校结对帮扶，组建教育共同体16个，推进乡村小规模学校提质，全年开展送教活动不少于80场次。落实课后服务全覆盖，丰富课后服务内容，引进非学科类优质资源进校园，力争学生参与率达到95%以上。
（三）推动普通高中特色发展
支持县内高中开展选课走班和学科特色建设，建设学科教学基地2个，稳步提升高考本科上线率。
二、建设高素质教师队伍
（一）加强教师培养培训
全年招聘新教师120名，组织全员培训，人均培训不少于72学时。实施青年教师成长计划，开展县级教坛新秀、优质课评比活动，新培养县级以上骨干教师40名。
（二）优化教师资源配置
推进县域内教师交流轮岗，交流比例不低于符合条件教师总数的15%，重点向海岛和山区学校倾斜。
三、筑牢教育安全底线
完善校园安全风险防控体系，开展防溺水、交通安全等专题教育，学校安全隐患排查整改率达到100%。加强学校食堂管理，推进中小学食堂食品安全智慧监管，确保师生饮食安全。
四、提升教育治理水平
深化教育领域“放管服”改革，优化入学报名流程，推进教育督导评估，全面完成年度中小学校责任督学挂牌督导任务。
象山县教育局
2024年2月20日
"""

# tree/: short original reports. The 鄞州区 one names no place, only 区教育局.
TREE_REPORTS = {
    "浙江省/宁波市/余姚市/余姚市教育局2022年工作总结.txt": """\
余姚市教育局2022年工作总结
2022年，余姚市教育局围绕教育优质均衡发展目标，统筹做好校园疫情防控和教育教学工作。
一、办学条件持续改善
全年新建、改扩建学校8所，新增学位3600个，完成21所学校运动场地改造。
二、教育质量稳步提高
义务教育学校全部开展课后服务，学生参与率达到93.6%。中考、高考各项指标保持稳定，全市学生体质健康测试合格率达到95.4%。
三、教师队伍不断优化
招聘新教师205名，新增省市级名师骨干41名，开展教师全员培训，人均完成培训86学时。
四、存在的不足
城区学位仍然紧张，教育信息化应用水平有待提高，下一步将继续加大投入。
余姚市教育局
2022年12月26日
""",
    "浙江省/宁波市/鄞州区/2024年工作计划.txt": """\
区教育局2024年工作计划
2024年，区教育局将以办好人民满意的教育为目标，重点抓好以下几方面工作。
一、扩大优质教育资源
加快推进新建学校项目，全年计划新增学位2400个，启动4所学校改扩建工程。
二、提升教育教学质量
深化课堂教学改革，完善质量监测体系，组织区级教学评比活动12项。推进课后服务提质增效，丰富学生社团活动。
三、加强教师队伍建设
实施骨干教师培养计划，全年培训教师不少于3000人次，推进校长教师交流轮岗。
四、守牢校园安全底线
完善校园安全管理制度，每季度开展一次隐患排查。
区教育局
2024年1月15日
""",
    "浙江省/宁波市/宁海县/宁海县教育局2023年工作要点.txt": """\
宁海县教育局2023年工作要点
2023年，宁海县教育局将以推进教育现代化为主线，着力补短板、强弱项、提质量。
一、优化教育布局
完成中小学布局调整规划修编，新建幼儿园2所、小学1所，新增学位1350个。
二、深化教育改革
推进集团化办学，新组建教育集团3个；完善中小学课后服务，力争参与率达到95%。
三、强化队伍建设
招聘教师110名，开展乡村教师专项培训，评选县级教坛新秀30名。
四、守牢安全底线
落实校园安全责任制，每月开展一次安全检查，确保全年不发生重大安全事故。
宁海县教育局
2023年2月10日
""",
}
TREE_HTML_COPY = ("浙江省/宁波市/宁海县/宁海县教育局2023年工作要点.txt",
                  "浙江省/宁波市/宁海县教育局2023年工作要点.html")
TREE_HIDDEN = {
    # A hidden report that looks real: a folder walk that reads it would pick up a fourth report.
    "浙江省/.hidden.txt": "隐藏文件测试：本文件不应被读取。\n某地教育局2023年工作总结\n一、这一行不应出现在任何结果中。\n",
}
# The start of a real .DS_Store (Bud1 header); content beyond that is irrelevant.
DS_STORE = b"\x00\x00\x00\x01Bud1" + bytes(range(32)) * 4


# ---------------------------------------------------------------------------------------------------
# Parsing REPORT into blocks
# ---------------------------------------------------------------------------------------------------

H1 = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
H2 = re.compile(r"^（([一二三四五六七八九十]+)）(.+)$")
H3 = re.compile(r"^(\d+)\.(.+)$")
DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


def parse(text):
    """Blocks (kind, value): title, h1/h2/h3 (number, text without number), p (lines of one paragraph,
    split at <br>), table (rows of cells), sign, date."""
    lines = text.rstrip("\n").split("\n")
    blocks = [("title", lines[0])]
    body = lines[1:]
    table = []
    for i, line in enumerate(body):
        if line.startswith("|"):
            table.append(line[1:].split("|"))
            continue
        if table:
            blocks.append(("table", table))
            table = []
        if m := H1.match(line):
            blocks.append(("h1", m.groups()))
        elif m := H2.match(line):
            blocks.append(("h2", m.groups()))
        elif m := H3.match(line):
            blocks.append(("h3", m.groups()))
        elif DATE.match(line) and i == len(body) - 1:
            blocks.append(("date", line))
        elif i == len(body) - 2 and line.endswith("教育局"):
            blocks.append(("sign", line))
        else:
            blocks.append(("p", line.split("<br>")))
    if table:
        blocks.append(("table", table))
    return blocks


def plain_text(text):
    """The .txt form: <br> becomes a newline, table rows are tab-separated."""
    out = []
    for line in text.rstrip("\n").split("\n"):
        if line.startswith("|"):
            out.append("\t".join(line[1:].split("|")))
        else:
            out.extend(line.split("<br>"))
    return "\n".join(out) + "\n"


def heading_line(kind, value):
    number, text = value
    return {"h1": f"{number}、{text}", "h2": f"（{number}）{text}", "h3": f"{number}.{text}"}[kind]


# ---------------------------------------------------------------------------------------------------
# same/report.html: a county portal's saved article page, GBK
# ---------------------------------------------------------------------------------------------------

def e(s):
    return html.escape(s, quote=True)


def portal_page(blocks, *, empty=False):
    title = blocks[0][1]
    site = "余姚市人民政府"
    nav = ["首页", "政务公开", "政务服务", "互动交流", "走进余姚", "专题专栏", "数据开放", "新闻中心", "政策文件"]
    nav_html = "\n".join(f'      <li><a href="/col/col{1000 + i}/index.html">{e(n)}</a></li>'
                         for i, n in enumerate(nav))
    article = []
    if not empty:
        article.append(f"    <h1>{e(title)}</h1>")
        article.append('    <div class="info">发布时间：2024-01-05 09:30&nbsp;&nbsp;来源：余姚市教育局'
                       '&nbsp;&nbsp;浏览次数：<span id="hits">1286</span></div>')
        article.append('    <div class="content" id="zoom">')
        for kind, value in blocks[1:]:
            if kind in ("h1", "h2", "h3"):
                article.append(f'      <p style="text-indent:2em"><strong>{e(heading_line(kind, value))}</strong></p>')
            elif kind == "p":
                article.append('      <p style="text-indent:2em">' + "<br>\n".join(e(x) for x in value) + "</p>")
            elif kind == "table":
                rows = []
                for r, row in enumerate(value):
                    tag = "th" if r == 0 else "td"
                    rows.append("          <tr>" + "".join(f"<{tag}>{e(c)}</{tag}>" for c in row) + "</tr>")
                article.append('      <table border="1" cellspacing="0" cellpadding="4" align="center">\n'
                               "        <tbody>\n" + "\n".join(rows) + "\n        </tbody>\n      </table>")
            elif kind in ("sign", "date"):
                article.append(f'      <p style="text-align:right">{e(value)}</p>')
        article.append("    </div>")
    else:
        article.append('    <div class="content" id="zoom">\n    </div>')
    related = ["余姚市教育局2022年工作总结", "余姚市教育局2024年工作要点", "余姚市2023年国民经济和社会发展统计公报",
               "余姚市教育事业发展“十四五”规划", "关于做好2024年义务教育招生工作的通知", "余姚市教育局2023年政府信息公开工作年度报告"]
    related_html = "\n".join(f'      <li><a href="/art/2024/1/{10 + i}/art_1229_{4567890 + i}.html">{e(r)}</a></li>'
                             for i, r in enumerate(related))
    meta_title = "" if empty else f'<meta name="ArticleTitle" content="{e(title)}">\n'
    page_title = f"{title}_{site}" if not empty else f"信息公开_{site}"
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{e(page_title)}</title>
<meta name="SiteName" content="{site}">
<meta name="SiteDomain" content="www.yy.gov.cn">
<meta name="ColumnName" content="工作总结">
<meta name="ColumnType" content="政务公开">
{meta_title}<meta name="PubDate" content="2024-01-05 09:30">
<meta name="ContentSource" content="余姚市教育局">
<meta name="Keywords" content="教育,工作总结">
<meta name="Description" content="余姚市人民政府门户网站">
<link rel="stylesheet" href="/images/common.css">
<style type="text/css">
  body {{ margin: 0; font-family: "Microsoft YaHei", sans-serif; }}
  .article h1 {{ font-size: 24px; text-align: center; }}
  .article .info {{ color: #666; text-align: center; border-bottom: 1px solid #ddd; }}
  .article table td, .article table th {{ border: 1px solid #999; }}
</style>
<script type="text/javascript">
  var _hmt = _hmt || [];
  function changeSize(size) {{ document.getElementById("zoom").style.fontSize = size + "px"; }}
  document.write("<div style='display:none'>统计代码</div>");
</script>
</head>
<body>
<header class="top">
  <div class="logo"><a href="/"><img src="/images/logo.png" alt="{site}"></a><span>{site}</span></div>
  <div class="tools"><a href="/">无障碍浏览</a> | <a href="/">长者模式</a> | <a href="/">English</a></div>
  <form class="search" action="/jrobot/search.do" method="get">
    <input type="text" name="q" placeholder="请输入关键字">
    <input type="hidden" name="webid" value="42">
    <button type="submit">搜索</button>
  </form>
</header>
<nav class="mainnav">
  <ul>
{nav_html}
  </ul>
</nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1001/index.html">政务公开</a> &gt; <a href="/col/col1229/index.html">工作总结</a></div>
<div class="main">
  <div class="article">
{chr(10).join(article)}
    <div class="share">【字体：<a href="javascript:changeSize(18)">大</a> <a href="javascript:changeSize(16)">中</a> <a href="javascript:changeSize(14)">小</a>】 <a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></div>
  </div>
  <div class="related">
    <h3>相关链接</h3>
    <ul>
{related_html}
    </ul>
  </div>
  <aside class="side">
    <h3>政务公开</h3>
    <ul>
      <li><a href="/col/col1229/index.html">工作总结</a></li>
      <li><a href="/col/col1230/index.html">规划计划</a></li>
      <li><a href="/col/col1231/index.html">统计信息</a></li>
    </ul>
    <div class="qr"><img src="/images/wx.png" alt="微信公众号"><span>扫一扫 关注我们</span></div>
  </aside>
</div>
<footer class="foot">
  <p><a href="/">网站地图</a> | <a href="/">联系我们</a> | <a href="/">隐私声明</a></p>
  <p>版权所有&copy;余姚市人民政府&nbsp;&nbsp;主办：余姚市人民政府办公室</p>
  <p><a href="https://beian.miit.gov.cn/">浙ICP备05012345号-1</a>&nbsp;&nbsp;浙公网安备 33028102000123号&nbsp;&nbsp;网站标识码：3302810001</p>
  <p>地址：余姚市阳明西路1号&nbsp;&nbsp;邮编：315400&nbsp;&nbsp;电话：0574-62712345</p>
</footer>
</body>
</html>
"""


# ---------------------------------------------------------------------------------------------------
# same/report.docx: hand-written WordprocessingML
# ---------------------------------------------------------------------------------------------------

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ASCII_RUN = re.compile(r"[0-9A-Za-z.%]+")


def x(s):
    return html.escape(s, quote=False)


def runs(text):
    """Split text into w:r elements at script changes, as Word does: digits and Latin letters get
    their own run with an ASCII font; CJK text stays in runs with only the East Asian font."""
    out, pos = [], 0
    for m in ASCII_RUN.finditer(text):
        if m.start() > pos:
            out.append(f'<w:r><w:t xml:space="preserve">{x(text[pos:m.start()])}</w:t></w:r>')
        out.append('<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr>'
                   f"<w:t>{x(m.group())}</w:t></w:r>")
        pos = m.end()
    if pos < len(text):
        out.append(f'<w:r><w:t xml:space="preserve">{x(text[pos:])}</w:t></w:r>')
    return "".join(out)


def document_xml(blocks, *, header_footer=False):
    body = []
    for kind, value in blocks:
        if kind == "title":
            body.append(f'<w:p><w:pPr><w:pStyle w:val="a4"/></w:pPr>{runs(value)}</w:p>')
        elif kind in ("h1", "h2", "h3"):
            style, ilvl = {"h1": ("Heading1", 0), "h2": ("Heading2", 1), "h3": ("a3", 2)}[kind]
            body.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:numPr><w:ilvl w:val="{ilvl}"/>'
                        f'<w:numId w:val="1"/></w:numPr></w:pPr>{runs(value[1])}</w:p>')
        elif kind == "p":
            parts = "<w:r><w:br/></w:r>".join(runs(line) for line in value)
            # Left-aligned when it has line breaks: justified, LibreOffice (like Word without the
            # doNotExpandShiftReturn option) spreads the characters of each line before a break over
            # the whole width, and pdftotext then prints them spaced out and out of order.
            ppr = '<w:pPr><w:jc w:val="left"/></w:pPr>' if len(value) > 1 else ""
            body.append(f"<w:p>{ppr}{parts}</w:p>")
        elif kind == "table":
            rows = []
            for r, row in enumerate(value):
                cells = []
                for c in row:
                    rpr = "<w:rPr><w:b/></w:rPr>" if r == 0 else ""
                    cells.append('<w:tc><w:tcPr><w:tcW w:w="2835" w:type="dxa"/></w:tcPr>'
                                 '<w:p><w:pPr><w:pStyle w:val="a5"/></w:pPr>'
                                 f'<w:r>{rpr}<w:t>{x(c)}</w:t></w:r></w:p></w:tc>')
                rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
            borders = "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                              for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
            body.append('<w:tbl><w:tblPr><w:tblW w:w="8505" w:type="dxa"/><w:jc w:val="center"/>'
                        f'<w:tblBorders>{borders}</w:tblBorders></w:tblPr>'
                        '<w:tblGrid><w:gridCol w:w="2835"/><w:gridCol w:w="2835"/><w:gridCol w:w="2835"/></w:tblGrid>'
                        + "".join(rows) + "</w:tbl>")
        elif kind in ("sign", "date"):
            body.append('<w:p><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0" w:right="1280"/>'
                        f'<w:jc w:val="right"/></w:pPr>{runs(value)}</w:p>')
    refs = ('<w:headerReference w:type="default" r:id="rId10"/>'
            '<w:footerReference w:type="default" r:id="rId11"/>') if header_footer else ""
    # GB/T 9704 page: A4, margins 37/35/28/26 mm; header and footer distances for the variant.
    sect = (f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>'
            '<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>')
    return f"{XML_DECL}<w:document {W_NS}><w:body>{''.join(body)}{sect}</w:body></w:document>"


def styles_xml():
    # Levels 1-2 use the built-in styles as Word writes them (English names "heading 1"/"heading 2";
    # Chinese Word only localises the display name). Level 3 uses a user-defined style named "标题 3":
    # what a template from WPS or an online converter leaves behind once pasted into Word, which keeps
    # it as a custom style with a generated id ("a3"), so neither the id nor an English name says it
    # is a heading; only its Chinese name and w:outlineLvl do. Heading3 is defined but unused (Word
    # keeps unused style definitions too). The title and table-cell styles are custom, Chinese-named.
    return f"""{XML_DECL}<w:styles {W_NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="579" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="a3"><w:name w:val="标题 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="a4"><w:name w:val="公文标题"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="579" w:line="700" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="a5"><w:name w:val="表格文字"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:line="400" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"""


def numbering_xml():
    # One multi-level list for the GB/T 9704 heading tree: 一、 / （一） / 1.  w:suff="nothing": no tab
    # between number and text, as in official documents. Each level restarts after a higher one.
    def lvl(ilvl, fmt, text):
        return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:suff w:val="nothing"/>'
                '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>')
    return (f'{XML_DECL}<w:numbering {W_NS}>'
            '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
            + lvl(0, "chineseCounting", "%1、")
            + lvl(1, "chineseCounting", "（%2）")
            + lvl(2, "decimal", "%3.")
            + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def header_xml():
    return (f'{XML_DECL}<w:hdr {W_NS}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
            '<w:r><w:t>余姚市教育局文件</w:t></w:r></w:p></w:hdr>')


def footer_xml():
    # GB/T 9704 page number: "— 1 —", the number from a PAGE field.
    return (f'{XML_DECL}<w:ftr {W_NS}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
            '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE  \\* MERGEFORMAT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>')


def content_types(*, docx_parts=True, header_footer=False):
    over = ['<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>']
    if docx_parts:
        wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        over = [f'<Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/>',
                f'<Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/>',
                f'<Override PartName="/word/numbering.xml" ContentType="{wml}.numbering+xml"/>'] + over + [
                '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>']
        if header_footer:
            over += [f'<Override PartName="/word/header1.xml" ContentType="{wml}.header+xml"/>',
                     f'<Override PartName="/word/footer1.xml" ContentType="{wml}.footer+xml"/>']
    return (f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + "".join(over) + "</Types>")


def package_rels():
    return (f'{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>")


def document_rels(*, header_footer=False):
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    extra = (f'<Relationship Id="rId10" Type="{rel}/header" Target="header1.xml"/>'
             f'<Relationship Id="rId11" Type="{rel}/footer" Target="footer1.xml"/>') if header_footer else ""
    return (f'{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/numbering" Target="numbering.xml"/>'
            f"{extra}</Relationships>")


def core_xml(title):
    return (f'{XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{x(title)}</dc:title><dc:subject></dc:subject><dc:creator>余姚市教育局办公室</dc:creator>"
            "<cp:keywords></cp:keywords><cp:lastModifiedBy>余姚市教育局办公室</cp:lastModifiedBy><cp:revision>3</cp:revision>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2023-12-25T01:30:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2023-12-28T02:15:00Z</dcterms:modified>'
            "</cp:coreProperties>")


def app_xml(chars):
    return (f'{XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            "<Template>Normal.dotm</Template><TotalTime>95</TotalTime><Pages>5</Pages>"
            f"<Words>{chars}</Words><Characters>{chars}</Characters><Application>Microsoft Office Word</Application>"
            "<DocSecurity>0</DocSecurity><Lines>60</Lines><Paragraphs>40</Paragraphs><ScaleCrop>false</ScaleCrop>"
            "<Company>余姚市教育局</Company><LinksUpToDate>false</LinksUpToDate><CharactersWithSpaces>"
            f"{chars}</CharactersWithSpaces><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
            "<AppVersion>16.0000</AppVersion></Properties>")


def zip_bytes(parts):
    """A zip of (name, text) parts in the given order, with fixed timestamps: byte-identical on reruns."""
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


def docx_bytes(blocks, *, header_footer=False, font=None):
    """report.docx; with header_footer, the variant with a running header and a page-number footer;
    with font, every w:rFonts names that font instead (see PDF_FONT)."""
    title = blocks[0][1]
    chars = len(re.sub(r"\s", "", plain_text(REPORT)))
    parts = [("[Content_Types].xml", content_types(header_footer=header_footer)),
             ("_rels/.rels", package_rels()),
             ("word/document.xml", document_xml(blocks, header_footer=header_footer)),
             ("word/_rels/document.xml.rels", document_rels(header_footer=header_footer)),
             ("word/styles.xml", styles_xml()),
             ("word/numbering.xml", numbering_xml())]
    if header_footer:
        parts += [("word/header1.xml", header_xml()), ("word/footer1.xml", footer_xml())]
    parts += [("docProps/core.xml", core_xml(title)), ("docProps/app.xml", app_xml(chars))]
    if font:
        parts = [(n, re.sub(r'w:(ascii|eastAsia|hAnsi|cs)="[^"]*"', f'w:\\1="{font}"', d)) for n, d in parts]
    return zip_bytes(parts)


# ---------------------------------------------------------------------------------------------------
# External tools
# ---------------------------------------------------------------------------------------------------

def run(*args, **kw):
    return subprocess.run(list(args), check=True, capture_output=True, **kw)


def soffice_convert(src, fmt, outdir, profile):
    # A private profile so a LibreOffice already running elsewhere doesn't swallow the conversion.
    run("soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
        "--convert-to", fmt, "--outdir", str(outdir), str(src))
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    if not out.exists():
        sys.exit(f"soffice did not write {out}")
    return out


def normalise_pdf(src, dst, tmp):
    """Fixed Info dates, no /DocChecksum, a deterministic /ID instead of a random one: edit the QDF form of the file (fix-qdf
    repairs the offsets), then let qpdf write a compact file."""
    qdf = tmp / "qdf.pdf"
    run("qpdf", "--qdf", "--object-streams=disable", str(src), str(qdf))
    data = qdf.read_bytes()
    data = re.sub(rb"/(CreationDate|ModDate) *\(D:[^)]*\)",
                  lambda m: b"/" + m.group(1) + b"(" + PDF_DATE.encode() + b")", data)
    # LibreOffice also puts a time-dependent /DocChecksum (not a standard key) into the trailer.
    data = re.sub(rb"\s*/DocChecksum /[0-9A-Fa-f]+", b"", data)
    # And a random /ID, which qpdf would keep (its first half) and hash into the new one.
    data = re.sub(rb"\s*/ID \[<[0-9A-Fa-f]*> *<[0-9A-Fa-f]*>\]", b"", data)
    fixed = tmp / "qdf-fixed.pdf"
    fixed.write_bytes(run("fix-qdf", input=data).stdout)
    run("qpdf", "--deterministic-id", "--object-streams=generate", "--compress-streams=y",
        "--recompress-flate", str(fixed), str(dst))


def image_only_pdf(width, height, gray, page_w=595, page_h=842):
    """A one-page PDF, written by hand, whose page shows a DeviceGray 8-bit image stretched over the
    page and holds no text at all."""
    img = zlib.compress(gray, 9)
    content = f"q {page_w} 0 0 {page_h} 0 0 cm /Im0 Do Q\n".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".encode(),
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w} {page_h}] "
        "/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>".encode(),
        f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray "
        f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(img)} >>\nstream\n".encode() + img + b"\nendstream",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"endstream",
        b"<< /Producer (make-format-fixtures.py) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info {len(objs)} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def read_pgm(data):
    """Width, height and pixels of a binary (P5) 8-bit PGM as pdftoppm writes it."""
    m = re.match(rb"P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h, maxval = (int(g) for g in m.groups())
    assert maxval == 255
    return w, h, data[m.end():m.end() + w * h]


# ---------------------------------------------------------------------------------------------------
# sharing.html, empty.html, tree/
# ---------------------------------------------------------------------------------------------------

def sharing_page(text):
    blocks = parse(text)
    title = blocks[0][1]
    paras = []
    for i, (kind, value) in enumerate(blocks[1:]):
        if kind in ("h1", "h2", "h3"):
            paras.append(f'    <div class="p" data-i="{i}"><b>{e(heading_line(kind, value))}</b></div>')
        elif kind == "p":
            paras.append(f'    <p class="p" data-i="{i}">{e("".join(value))}</p>')
        else:
            paras.append(f'    <div class="p right" data-i="{i}">{e(value)}</div>')
    ads = lambda n: f'<div class="ad" id="ad-{n}"><a href="https://ad.example.com/c?id={n}" rel="nofollow"><img src="/ad/{n}.jpg" alt="广告"></a><span>广告</span></div>'
    related = ["象山县教育局2023年工作总结", "2024年学校工作要点（通用版）", "教育局年度工作计划范文",
               "县教育局2024年工作思路", "中学2024年春季学期工作计划", "教育系统安全工作要点"]
    liked = ["幼儿园年度工作总结", "教师个人工作总结", "2024年教研工作计划", "学校党建工作要点", "班主任工作计划", "教育局述职报告"]
    lst = lambda items, base: "\n".join(f'      <li><a href="/p-{base + i}.html">{e(t)}</a><span class="pg">{3 + i}页</span></li>'
                                        for i, t in enumerate(items))
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{e(title)} - 文库分享网</title>
<meta name="keywords" content="{e(title)},工作要点,教育局">
<meta name="description" content="{e(title)}，免费下载，在线阅读。">
<script>window.__PAGE__ = {{"docId": "8f3a2c", "pages": 2, "vip": false}};</script>
<script src="https://cdn.example.com/ads.js" async></script>
<style>.ad {{ margin: 8px 0; }} #doc-content .p {{ text-indent: 2em; }} .right {{ text-align: right; }}</style>
</head>
<body>
<div class="loginbar"><a href="/">文库分享网</a> <a href="/login">登录</a> | <a href="/register">注册</a> <a href="/vip">开通VIP</a> <a href="/upload">上传文档</a></div>
<div class="searchbar"><form action="/search"><input name="q" value=""><button>搜索文档</button></form></div>
{ads(1)}
{ads(2)}
<div class="crumbs"><a href="/">首页</a> &gt; <a href="/c/jiaoyu">教育专区</a> &gt; <a href="/c/gongzuojihua">工作计划</a></div>
<div class="doc-head">
  <h1 class="doc-title">{e(title)}</h1>
  <div class="doc-meta"><span>上传者：<a href="/u/99812">wk_user</a></span> <span>2页</span> <span>4.5分</span> <span>1.2万阅读</span></div>
  <a class="btn-download" href="/download/8f3a2c">立即下载</a>
</div>
{ads(3)}
<div class="doc-wrap">
  <div id="doc-content">
    <div class="p title">{e(title)}</div>
{chr(10).join(paras)}
  </div>
  {ads(4)}
  <div class="doc-more"><a href="/download/8f3a2c">下载文档</a> <a href="/fav/8f3a2c">收藏</a> <a href="/report/8f3a2c">举报</a></div>
</div>
{ads(5)}
<div class="rel">
  <h3>相关文档</h3>
  <ul>
{lst(related, 70120)}
  </ul>
</div>
{ads(6)}
<div class="like">
  <h3>猜你喜欢</h3>
  <ul>
{lst(liked, 81230)}
  </ul>
</div>
{ads(7)}
<div class="footer"><a href="/about">关于我们</a> | <a href="/help">帮助中心</a> | <a href="/copyright">版权申诉</a> | <a href="/contact">联系客服</a><br>本站文档均由用户上传，仅供学习交流。 京ICP备12345678号</div>
</body>
</html>
"""


def tree_html(text):
    blocks = parse(text)
    title = blocks[0][1]
    body = []
    for kind, value in blocks[1:]:
        if kind in ("h1", "h2", "h3"):
            body.append(f"<p><strong>{e(heading_line(kind, value))}</strong></p>")
        elif kind == "p":
            body.append("<p>" + "<br>".join(e(v) for v in value) + "</p>")
        else:
            body.append(f'<p style="text-align:right">{e(value)}</p>')
    return (f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>{e(title)}</title>\n</head>\n'
            f'<body>\n<h1>{e(title)}</h1>\n' + "\n".join(body) + "\n</body>\n</html>\n")


# ---------------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", type=pathlib.Path, default=DEFAULT_OUTPUT)
    args = ap.parse_args()
    out = args.output
    for tool in ("soffice", "pdftotext", "pdftoppm", "qpdf", "fix-qdf"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found (apt-get install libreoffice-writer-nogui poppler-utils qpdf fonts-droid-fallback)")
    if PDF_FONT not in run("fc-list", ":", "family").stdout.decode():
        sys.exit(f"font {PDF_FONT} not found (apt-get install fonts-droid-fallback)")
    if out.exists():
        shutil.rmtree(out / "same", ignore_errors=True)
        shutil.rmtree(out / "tree", ignore_errors=True)
    same = out / "same"
    same.mkdir(parents=True, exist_ok=True)
    blocks = parse(REPORT)

    (same / "report.txt").write_text(plain_text(REPORT), encoding="utf-8")
    (same / "report.html").write_bytes(portal_page(blocks).encode("gbk"))
    docx = docx_bytes(blocks)
    (same / "report.docx").write_bytes(docx)

    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        profile = tmp / "lo-profile"
        doc = soffice_convert(same / "report.docx", "doc", tmp, profile)
        shutil.copyfile(doc, same / "report.doc")

        variant = tmp / "variant"
        variant.mkdir()
        (variant / "report.docx").write_bytes(docx_bytes(blocks, header_footer=True, font=PDF_FONT))
        pdf = soffice_convert(variant / "report.docx", "pdf", tmp, profile)
        normalise_pdf(pdf, same / "report.pdf", tmp)

        run("pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", str(same / "report.pdf"), str(tmp / "page"))
        w, h, gray = read_pgm(next(tmp.glob("page*.pgm")).read_bytes())
        (out / "scanned.pdf").write_bytes(image_only_pdf(w, h, gray))

        run("qpdf", "--encrypt", "user", "owner", "256", "--", str(same / "report.pdf"), str(out / "encrypted.pdf"))

    (out / "sharing.html").write_text(sharing_page(SHARED_REPORT), encoding="utf-8")
    (out / "empty.html").write_bytes(portal_page(blocks, empty=True).encode("gbk"))
    (out / "corrupt.docx").write_bytes(docx[:3000])
    (out / "nodocument.docx").write_bytes(zip_bytes([
        ("[Content_Types].xml", content_types(docx_parts=False)),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core_xml(blocks[0][1])),
    ]))

    tree = out / "tree"
    for rel, text in {**TREE_REPORTS, **TREE_HIDDEN}.items():
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        (tree / rel).write_text(text, encoding="utf-8")
    src, dst = TREE_HTML_COPY
    (tree / dst).write_text(tree_html(TREE_REPORTS[src]), encoding="utf-8")
    (tree / ".DS_Store").write_bytes(DS_STORE)

    for p in sorted(out.rglob("*")):
        if p.is_file() and p.name != "README.md":
            print(f"{p.stat().st_size:8d}  {p.relative_to(out)}")


if __name__ == "__main__":
    main()
