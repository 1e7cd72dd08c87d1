#!/usr/bin/env python3
"""Regenerate the PDF extractor's fixtures in Tests/DecodeTests/Fixtures/pdf/: report.pdf and permissions.pdf. (Its tests
also read ../formats/: same/report.pdf, scanned.pdf and encrypted.pdf, from Scripts/make-format-fixtures.py.)

RUN BY HAND WHEN THE FIXTURES MUST CHANGE; ITS OUTPUTS ARE COMMITTED. Tests read only the PDFs (and
run pdftotext on them), never this script. Needs Python 3 (standard library only) and the Debian
packages libreoffice-writer (soffice), qpdf and fonts-noto-cjk.

  report.pdf       A 3-page report written as a Word document with a header part (德清县教育局文件)
                   and a footer with a PAGE field (— 1 —), exported to PDF by LibreOffice: flat ODT →
                   .docx → .pdf. Justified 20 pt text at double line spacing, so that pdftotext puts spaces between the
                   characters of some lines and between Chinese and digits; a paragraph runs from
                   page 1 onto page 2. Title and Author are set in the document's properties.
  permissions.pdf  A one-page version (title, first paragraph, signature; same header and footer)
                   encrypted by qpdf with only an owner password and no copying allowed: readable, as
                   every viewer opens it.

The report is invented; the place is real, its figures and wording are not.
"""

import pathlib
import subprocess
import tempfile
from html import escape

HERE = pathlib.Path(__file__).resolve().parent.parent / "Tests/DecodeTests/Fixtures/pdf"

TITLE = "德清县教育局2022年工作总结"
HEADER = "德清县教育局文件"
BLOCKS = [
    ("Title1", TITLE),
    ("Body", "2022年，县教育局围绕“办公平而有质量的教育”这一目标，统筹推进各类教育协调发展，全年教育经费投入18.3亿元，同比增长5.2%。现将全年工作总结如下。"),
    ("Heading", "一、主要工作成效"),
    ("Heading", "（一）学前教育普及普惠"),
    ("Body", "全年新建幼儿园5所，新增学位1350个，普惠性幼儿园覆盖率达到96.8%。我们把幼儿园建设列入县政府民生实事项目，实行月通报、季督查，确保每一所新建园按期开园。"),
    ("Heading", "（二）义务教育优质均衡"),
    ("Body", "组建城乡教育共同体28个，实现乡村学校全覆盖。共同体内统一教学管理、统一教师研修、统一质量评价，全年开展同步课堂1260节，送教下乡活动310场次，乡村学校教学质量稳步提高，群众满意度明显提升。"),
    ("Heading", "二、教师队伍建设"),
    ("Body", "全年公开招聘新教师196名，实施“青蓝工程”，为新入职教师配备结对导师。新增市级名教师和学科骨干教师52名，建成名师工作室21个，交流轮岗教师248名，城乡师资配置更加均衡。"),
    ("Heading", "三、存在的问题"),
    ("Body", "一是城区学前教育资源仍然偏紧，部分新建小区配套幼儿园建设滞后；二是乡村学校优秀教师流失问题依然存在；三是职业教育专业设置与本地产业需求的匹配度有待提高。"),
    ("Heading", "四、2023年工作打算"),
    ("Body", "2023年，我们将继续深化教育领域综合改革，新建、改扩建幼儿园6所，推进义务教育优质均衡发展，完善教师招聘、培养、评价和激励机制，努力办好人民满意的教育。"),
    ("Signature", "德清县教育局"),
    ("Signature", "2023年1月10日"),
]

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title><dc:creator>德清县教育局办公室</dc:creator><meta:initial-creator>德清县教育局办公室</meta:initial-creator></office:meta>
<office:font-face-decls><style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Noto Serif CJK SC"
 style:font-name-asian="Noto Serif CJK SC" fo:font-size="20pt" style:font-size-asian="20pt"/></style:default-style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="40pt" fo:line-height="200%"/></style:style>
<style:style style:name="Title1" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="12pt"/></style:style>
<style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:text-indent="40pt"/></style:style>
<style:style style:name="Signature" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="Margin" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
 <style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
 fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
 <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>
 <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">
 <style:header><text:p text:style-name="Margin">{header}</text:p></style:header>
 <style:footer><text:p text:style-name="Margin">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>{body}</office:text></office:body></office:document>
"""


# A one-page document: its header is not running (one page), its page number still goes.
SHORT = [BLOCKS[0], BLOCKS[1], BLOCKS[-2], BLOCKS[-1]]


def run(*args, cwd=None):
    subprocess.run(args, check=True, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_pdf(work, name, blocks):
    """blocks as a Word document exported to PDF by LibreOffice, in work/<name>.pdf."""
    body = "".join(f'<text:p text:style-name="{style}">{escape(text)}</text:p>' for style, text in blocks)
    (work / f"{name}.fodt").write_text(FODT.format(title=TITLE, header=HEADER, body=body), encoding="utf-8")
    run("soffice", "--headless", "--convert-to", "docx", f"{name}.fodt", cwd=work)
    run("soffice", "--headless", "--convert-to", "pdf", f"{name}.docx", cwd=work)
    return work / f"{name}.pdf"


def compact(source, target):
    run("qpdf", "--object-streams=generate", "--recompress-flate", "--compression-level=9", "--deterministic-id",
        str(source), str(target))


def make_permissions(short):
    run("qpdf", "--encrypt", "", "owner", "256", "--extract=n", "--print=none", "--modify=none", "--",
        str(short), str(HERE / "permissions.pdf"))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        compact(make_pdf(work, "report", BLOCKS), HERE / "report.pdf")
        make_permissions(make_pdf(work, "short", SHORT))


if __name__ == "__main__":
    main()
