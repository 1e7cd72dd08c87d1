#!/usr/bin/env python3
"""Synthetic benchmark corpus: N raw education-bureau reports, as an archive and as a Hugo site.

    python3 bench/generate.py --reports N --out bench/work/N [--seed S]

writes
  OUT/archive/  archive.toml (the repo's, search off), templates/ (a copy of the repo's),
                content/r000123_<code>.txt (raw sources: singles, 第N篇 collections, 目录 collections,
                with site chrome, page-number markers, spam and anonymised names), expected-reports.txt
  OUT/hugo/     hugo.toml, content/reports/<source>-<n>.md (YAML front matter + Markdown), layouts/
  OUT/manifest.tsv  one line per source: file, form, reports, style
  OUT/stamp.json    what generated it (written last: a corpus without it is incomplete)

Text is recombined from the sentences and headings of the seed sources in content/*.txt; places
come from Sources/ReportParser/Resources/gazetteer.tsv. Standard library only, deterministic
from --seed, streaming: nothing but the sentence pool is kept in memory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GENERATOR_VERSION = 1

# --------------------------------------------------------------------------------------------
# Seed corpus → pools of headings and sentences

CN_DIGITS = "〇一二三四五六七八九"
CN_NUMS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
           "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"]

# Words that make a line look like chrome to the cleaner, or like a collection/article marker
# to the splitter; sentences holding them stay out of the pool.
FORBIDDEN = ["目录", "篇", "http", "www", "|", "｜", "出自", "下载", "文库", "范文", "本文", "会员",
             "免责", "版权", "转载", "链接", " > ", "\ufffd"]
# A sentence starting with one of these is a fragment cut out of a longer one.
FRAGMENT_START = set("第的了和与及等合》、，,：:；;”’）)】」』.．%")
# What makes a line a report's title to the parser (TitleLine.documentWords); headings avoid them.
DOCUMENT_WORDS = ["总结", "计划", "要点", "思路", "打算", "规划", "安排", "报告", "回顾", "汇报"]
INNER_MARKER = re.compile(
    r"[一二三四五六七八九十]、|[（(][一二三四五六七八九十]{1,3}[)）]|(?<![\d.])\d{1,2}\s?[.．、,](?!\d)|[①-⑳]|第[一二三四五六七八九十\d]+[篇页]")
LEAD_MARKER = re.compile(r"^\s*(?:[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}\s?[.．、]|[①-⑳])\s*")
SENTENCE = re.compile(r"[^。！？；!?;\n]*[。！？；!?;][”’」』）)]*")
H1_LINE = re.compile(r"^[一二三四五六七八九十]{1,2}、\s*([^。！？；\d\s][^。！？；]{3,26})$")
H1_INLINE = re.compile(r"[一二三四五六七八九十]{1,2}、([^。！？；\s\d（()）]{4,26})(?=[（(]一[)）])")
H2 = re.compile(r"[（(][一二三四五六七八九十]{1,2}[)）]\s*([^。！？；\n（()）\d]{4,28}。)")
H3 = re.compile(r"(?:^|[\s。])\d{1,2}\s?[.．]\s*([^。！？；\n\d（()）.]{3,18}。)")

# Used only if the seed corpus yields too few headings of a level.
FALLBACK_H1 = ["坚持党建引领，全面加强党对教育工作的领导", "推进学前教育普及普惠发展", "促进义务教育优质均衡发展",
               "加强教师队伍建设", "深化教育综合改革", "全力保障校园安全稳定", "提升教育信息化水平",
               "落实立德树人根本任务", "改善学校办学条件", "推进依法治教"]
FALLBACK_H2 = ["强化组织领导。", "健全工作机制。", "加大经费投入。", "加强督导检查。", "深化课堂改革。",
               "规范办学行为。", "抓好安全教育。", "完善资助体系。"]


def glob_regex(pattern: str) -> str:
    out = []
    for ch in pattern:
        out.append(".*" if ch == "*" else r"\d" if ch == "#" else re.escape(ch))
    return "".join(out)


def load_noise_rules(path: Path) -> tuple[list[re.Pattern], list[str]]:
    """(line rules as anchored regexes, literal text rules) from noise-rules.txt."""
    line_rules, text_rules = [], []
    for raw in path.read_text(encoding="utf-8").splitlines():
        raw = raw.strip()
        if not raw or raw.startswith("#"):
            continue
        parts = raw.split(None, 2)
        if len(parts) < 3:
            continue
        _, kind, pattern = parts
        if kind == "text":
            text_rules.append(pattern)
        else:
            line_rules.append(re.compile(glob_regex(pattern)))
    return line_rules, text_rules


class Pools:
    def __init__(self, content_dir: Path, rules_path: Path):
        line_rules, text_rules = load_noise_rules(rules_path)
        # Rules as "anywhere in the sentence", to keep chrome look-alikes out of the pool.
        loose = [re.compile(re.sub(r"^(\.\*)+|(\.\*)+$", "", r.pattern) or "^$") for r in line_rules]
        h1, h2, h3, sentences = {}, {}, {}, {}
        for path in sorted(content_dir.glob("*.txt")):
            text = path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
            lines = []
            for line in text.split("\n"):
                line = line.strip().strip("|｜").strip()
                if not line or (len(line) <= 200 and any(r.fullmatch(line) for r in line_rules)):
                    continue
                for t in text_rules:
                    line = line.replace(t, "")
                # A page marker `N、` breaking a sentence: join the page to the text it continues.
                if (m := re.match(r"\d{1,2}、", line)) and lines and not re.search(r"[。！？；!?;：:][”’」』）)]*$", lines[-1]):
                    lines[-1] += line[m.end():]
                    continue
                lines.append(line)
            for line in lines:
                if m := H1_LINE.match(line):
                    h1.setdefault(m.group(1).strip(), None)
                for m in H1_INLINE.finditer(line):
                    h1.setdefault(m.group(1), None)
                for m in H2.finditer(line):
                    h2.setdefault(m.group(1).strip(), None)
                for m in H3.finditer(line):
                    h3.setdefault(m.group(1).strip(), None)
            body = "\n".join(lines)
            for m in SENTENCE.finditer(body):
                s = LEAD_MARKER.sub("", m.group(0).strip()).strip()
                if not (16 <= len(s) <= 240) or INNER_MARKER.search(s) or s[0] in FRAGMENT_START:
                    continue
                if re.search(r"(?:总结|计划|要点|思路|打算)\s*(?:\d|xx|XX)", s):  # a title glued to the text
                    continue
                if any(w in s for w in FORBIDDEN) or any(r.search(s) for r in loose):
                    continue
                if s[-1] in ";；":
                    s = s[:-1] + "。"
                sentences.setdefault(s, None)

        def clean_heads(d, fallback):
            out = [h for h in d if not any(w in h for w in FORBIDDEN) and not re.search(r"\d|篇|年级|^第", h)
                   and not any(w in h for w in DOCUMENT_WORDS)]
            return out if len(out) >= len(fallback) else out + fallback

        self.h1 = clean_heads(h1, FALLBACK_H1)
        self.h2 = clean_heads(h2, FALLBACK_H2)
        self.h3 = clean_heads(h3, FALLBACK_H2)
        self.sentences = list(sentences)
        if len(self.sentences) < 100:
            raise SystemExit(f"generate.py: only {len(self.sentences)} sentences in {content_dir}; need the seed sources")


# --------------------------------------------------------------------------------------------
# Places

class Gazetteer:
    def __init__(self, path: Path):
        self.rows: dict[str, tuple[str, str]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            self.rows[cols[0]] = (cols[1], cols[2] if len(cols) > 2 else "")
        self.counties = sorted(c for c in self.rows if c[4:] != "00")
        self.prefectures = sorted(c for c in self.rows if c[4:] == "00" and c[2:] != "0000")

    def chain(self, code: str) -> list[str]:
        """[province, prefecture?, county?] names, from the top."""
        out = []
        while code:
            name, parent = self.rows[code]
            out.append(name)
            code = parent
        return out[::-1]


ANON = ["xx区", "XX县", "**县", "某县", "_____县", "x区", "XX市", "xx县"]


class Place:
    __slots__ = ("name", "short", "chain", "code", "level")

    def __init__(self, name: str, chain: list[str], code: str):
        self.name = name          # as in the title: 余姚市 / XX县
        self.chain = chain        # [province, prefecture, county] as known (empty when anonymised)
        self.code = code          # adcode, or "anon"
        self.level = name[-1] if name[-1] in "县区市旗州" else "县"


def pick_place(rng: random.Random, gaz: Gazetteer) -> Place:
    r = rng.random()
    if r < 0.20:
        return Place(rng.choice(ANON), [], "anon")
    if r < 0.35:
        code = rng.choice(gaz.prefectures)
        return Place(gaz.rows[code][0], gaz.chain(code), code)
    code = rng.choice(gaz.counties)
    return Place(gaz.rows[code][0], gaz.chain(code), code)


# --------------------------------------------------------------------------------------------
# One report, as structured values

def cn_year(y: int) -> str:
    return "".join(CN_DIGITS[int(d)] for d in str(y))


def cn_date(y: int, m: int, d: int) -> str:
    return f"{cn_year(y)}年{CN_NUMS[m]}月{CN_NUMS[d] if d <= 20 else '二十' + CN_NUMS[d - 20] if d < 30 else '三十' + CN_NUMS[d - 30]}日"


SPECIAL = ["校园安全", "教师队伍建设", "学前教育", "依法治教", "教育信息化", "行政执法", "教育督导", "学生资助", "德育"]


class Report:
    __slots__ = ("title", "place", "year", "kind", "date", "cn_date", "opening", "sections", "closing", "issuer")


def make_title(rng: random.Random, place: Place, year: int, kind: str, digit_first_ok: bool) -> str:
    p = place.name
    if len(place.chain) >= 2 and rng.random() < 0.15:
        p = place.chain[0] + p  # 浙江省宁波市…, 北京市东城区…
    if kind == "summary":
        forms = [f"{p}教育局{year}年工作总结", f"{p}教育局{year}年度工作总结", f"{p}教育局{year}年教育工作总结"]
        if digit_first_ok:
            forms.append(f"{year}年{p}教育局工作总结")
    elif kind == "plan":
        forms = [f"{p}教育局{year}年工作要点", f"{p}教育局{year}年工作计划", f"{p}教育局{year}年教育工作要点"]
        if digit_first_ok:
            forms.append(f"{year}年{p}教育工作要点")
    elif kind == "summary-plan":
        forms = [f"{p}教育局{year}年工作总结和{year + 1}年工作思路", f"{p}教育局{year}年工作总结及{year + 1}年工作计划"]
    else:
        forms = [f"{p}教育局{year}年{rng.choice(SPECIAL)}工作总结"]
    return rng.choice(forms)


def sentences(rng: random.Random, pools: Pools, n: int) -> str:
    return "".join(rng.choice(pools.sentences) for _ in range(n))


def make_report(rng: random.Random, pools: Pools, gaz: Gazetteer, digit_first_ok: bool = True) -> Report:
    r = Report()
    r.place = place = pick_place(rng, gaz)
    r.year = year = rng.randint(2000, 2025)
    r.kind = kind = rng.choices(["summary", "plan", "summary-plan", "special"], [45, 25, 18, 12])[0]
    r.title = make_title(rng, place, year, kind, digit_first_ok)
    r.issuer = f"{place.name}教育局"
    if kind == "plan":
        sy, sm, sd = (year, rng.randint(1, 3), rng.randint(1, 28)) if rng.random() < 0.7 else (year - 1, 12, rng.randint(1, 31))
    else:
        sy, sm, sd = (year, 12, rng.randint(1, 31)) if rng.random() < 0.7 else (year + 1, 1, rng.randint(1, 28))
    sy = min(max(sy, 2000), 2025)
    r.date = f"{sy:04d}-{sm:02d}-{sd:02d}"
    r.cn_date = cn_date(sy, sm, sd) if rng.random() < 0.5 else f"{sy}年{sm}月{sd}日"

    who = place.name if rng.random() < 0.6 else f"全{place.level}"
    if kind == "plan":
        lead = f"{year}年全{place.level}教育工作的总体要求是：坚持以人民为中心的发展思想，落实立德树人根本任务，推动{who}教育高质量发展。"
    else:
        lead = rng.choice([
            f"{year}年，在{place.level}委、{place.level}政府的正确领导下，{who}教育系统紧紧围绕年初确定的目标任务，凝心聚力，攻坚克难，各项工作取得新成效。",
            f"{year}年，{who}教育系统以办人民满意的教育为宗旨，深化教育改革，提升教育质量，较好地完成了全年各项目标任务。",
        ])
    r.opening = lead + sentences(rng, pools, rng.randint(1, 3)) + ("现将有关情况报告如下：" if kind != "plan" else "")

    budget = rng.randint(1150, 2300)  # characters: ≈ 3.5–7 KB of UTF-8
    used = len(r.title) + len(r.opening)
    n_sections = rng.randint(3, 6)
    heads = rng.sample(pools.h1, min(n_sections, len(pools.h1)))
    r.sections = []
    for i, head in enumerate(heads):
        if kind == "summary-plan" and i == len(heads) - 1:
            head = f"{year + 1}年工作思路"
        subs = []
        n_subs = rng.randint(1, 4)
        for _ in range(n_subs):
            text = sentences(rng, pools, rng.randint(1, 3))
            items = []
            if rng.random() < 0.25:
                items = [(rng.choice(pools.h3), sentences(rng, pools, rng.randint(1, 2))) for _ in range(rng.randint(2, 3))]
            sub = (rng.choice(pools.h2), text, items)
            subs.append(sub)
            used += len(sub[0]) + len(text) + sum(len(a) + len(b) for a, b in items)
            if used > budget * (i + 1) / len(heads):
                break
        r.sections.append((head, subs))
        if used > budget and i >= 2:
            break
    r.closing = sentences(rng, pools, rng.randint(1, 2)) if rng.random() < 0.5 else ""
    return r


# --------------------------------------------------------------------------------------------
# Rendering: raw text (archive) and Markdown (Hugo)

SPAM = "本篇文章来自资料管理下载。"


def raw_blocks(r: Report, rng: random.Random, paren: tuple[str, str], spam: bool) -> list[str]:
    """The report body (without its title) as paragraphs, in reading order."""
    lo, hi = paren
    out = [r.opening]
    for i, (head, subs) in enumerate(r.sections):
        out.append(f"{CN_NUMS[i + 1]}、{head}")
        for j, (h2, text, items) in enumerate(subs):
            out.append(f"{lo}{CN_NUMS[j + 1]}{hi}{h2}{text}")
            for k, (h3, t3) in enumerate(items):
                out.append(f"{k + 1}.{h3}{t3}")
    if r.closing:
        out.append(r.closing)
    if spam:
        # Injected after a sentence inside a long paragraph, where sites put it.
        cands = [i for i, b in enumerate(out) if len(b) > 80 and "。" in b[:-1]]
        if cands:
            i = rng.choice(cands)
            cut = out[i].index("。") + 1
            out[i] = out[i][:cut] + SPAM + out[i][cut:]
    return out


MD_ESCAPE = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    return MD_ESCAPE.sub(r"\\\1", text)


class TopicClassifier:
    """The keyword taxonomy of archive.toml: one regex over all keywords, longest first."""

    def __init__(self, topics: list[tuple[str, list[str]]]):
        self.names = [name for name, _ in topics]
        self.topic_of: dict[str, list[int]] = {}
        for i, (_, kws) in enumerate(topics):
            for k in kws:
                self.topic_of.setdefault(k, []).append(i)
        words = sorted(self.topic_of, key=len, reverse=True)
        self.regex = re.compile("|".join(map(re.escape, words))) if words else None

    def __call__(self, r: Report) -> list[str]:
        """Each section counts for the topics its keywords hit most, weighted by its length;
        a report's topics are those covering at least 15% of its text (at most 5)."""
        if not self.regex:
            return []
        weight = [0] * len(self.names)
        total = 0
        for head, subs in r.sections:
            text = head + "".join(h + t + "".join(a + b for a, b in items) for h, t, items in subs)
            total += len(text)
            hits = [0] * len(self.names)
            for m in self.regex.finditer(text):
                for i in self.topic_of[m.group(0)]:
                    hits[i] += 1
            best = max(hits)
            if best:
                for i, h in enumerate(hits):
                    if h * 2 >= best:
                        weight[i] += len(text)
        ranked = sorted(((w, -i) for i, w in enumerate(weight) if w and w >= 0.15 * total), reverse=True)[:5]
        return [self.names[-i] for _, i in ranked]


def hugo_markdown(r: Report, classify: TopicClassifier) -> str:
    fm = ["---", f"title: {json.dumps(r.title, ensure_ascii=False)}", f"date: {r.date}",
          f"regions: {json.dumps(r.place.chain, ensure_ascii=False)}", f'years: ["{r.year}"]',
          f"topics: {json.dumps(classify(r), ensure_ascii=False)}", "---", ""]
    body = [md(r.opening), ""]
    for i, (head, subs) in enumerate(r.sections):
        body += [f"## {CN_NUMS[i + 1]}、{md(head)}", ""]
        for j, (h2, text, items) in enumerate(subs):
            body += [f"### （{CN_NUMS[j + 1]}）{md(h2)}", "", md(text), ""]
            for k, (h3, t3) in enumerate(items):
                body += [f"{k + 1}\\.{md(h3)}{md(t3)}", ""]
    if r.closing:
        body += [md(r.closing), ""]
    body += [md(r.issuer) + "  ", r.cn_date, ""]
    return "\n".join(fm + body)


# Chrome lines, all of which the standard noise rules drop.
def breadcrumb(rng, title):
    site = rng.choice(["百味书屋", "范文网", "教育资源网", "公文之家"])
    return rng.choice([f"您的位置：{site} > 范文大全 > 工作总结 > {title}", f"当前位置：首页 > 工作总结 > {title}"])


def date_line(rng, year):
    y = min(max(year + rng.randint(0, 1), 2000), 2025)
    return rng.choice([f"发布时间：{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 热度：{rng.randint(10, 999)}",
                       f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 09:27:42 来源网站: 百味书屋"])


def footer(rng):
    lines = ["来源：网络整理 免责声明：本文仅限学习分享，如产生版权问题，请联系我们及时删除。", "相关文章"]
    lines += rng.sample(["推荐范文", "热门文章", "猜你喜欢", "返回顶部", "上一篇：教育局工作总结范文", "下一篇：学校工作计划"], 2)
    return lines


def share_banner(title):
    return f"《{title}.docx》由会员分享，可在线阅读，更多相关《{title}.docx》请在文库上搜索。"


def page_marked(text: str, rng: random.Random, start: int = 1, every: int = 800) -> tuple[list[str], int]:
    """A long text cut into page lines `1、…` `2、…`, each cut mid-sentence (as sharing sites do)."""
    out, n, pos = [], start, 0
    while pos < len(text):
        end = pos + every + rng.randint(-150, 150)
        if end >= len(text) - 60:
            end = len(text)
        else:
            while end < len(text) and (text[end - 1] in "。！？；!?;…”’」』）)：:、 \u3000" or text[end] in "、 \u3000" or text[end].isdigit()):
                end += 1
        out.append(f"{n}、{text[pos:end]}")
        n += 1
        pos = end
    return out, n


def with_page_markers(lines: list[str], rng: random.Random, every: int = 800) -> list[str]:
    """Page markers cut into the long paragraph lines of a line-per-paragraph file, mid-sentence."""
    out, n, since = [], 1, rng.randint(200, every)
    for line in lines:
        since += len(line)
        if since < every or len(line) < 120:
            out.append(line)
            continue
        # Cut inside this line, away from its ends and from sentence ends.
        cut = rng.randint(40, len(line) - 40)
        while cut < len(line) - 20 and (line[cut - 1] in "。！？；!?;…”’」』）)：:、 " or line[cut] in "、 " or line[cut].isdigit()):
            cut += 1
        if cut >= len(line) - 20:
            out.append(line)
            continue
        out += [line[:cut], f"{n}、{line[cut:]}"]
        n += 1
        since = len(line) - cut
    # The cleaner takes page markers only as a running sequence of at least three.
    return out if n > 3 else lines


# --------------------------------------------------------------------------------------------
# Sources: one single report, a 第N篇 collection or a 目录 collection

class Writer:
    def __init__(self, out: Path, pools: Pools, gaz: Gazetteer, topics, seed: int):
        self.out, self.pools, self.gaz = out, pools, gaz
        self.classify = TopicClassifier(topics)
        self.rng = random.Random(seed)
        self.content = out / "archive" / "content"
        self.hugo_content = out / "hugo" / "content" / "reports"
        self.manifest = open(out / "manifest.tsv", "w", encoding="utf-8")
        self.manifest.write("source\tform\treports\tstyle\n")
        self.sources = 0
        self.reports = 0
        self.bytes = 0

    def close(self):
        self.manifest.close()

    def emit(self, reports: list[Report], form: str, style: str, lines: list[str]):
        self.sources += 1
        first = reports[0].place.code
        stem = f"r{self.sources:06d}_{first}"
        data = ("\n".join(lines) + "\n").encode("utf-8")
        (self.content / f"{stem}.txt").write_bytes(data)
        self.bytes += len(data)
        for i, r in enumerate(reports):
            (self.hugo_content / f"{stem}-{i + 1}.md").write_text(hugo_markdown(r, self.classify), encoding="utf-8")
        self.reports += len(reports)
        self.manifest.write(f"{stem}.txt\t{form}\t{len(reports)}\t{style}\n")

    # -- single report ---------------------------------------------------------------------
    def single(self):
        rng = self.rng
        r = make_report(rng, self.pools, self.gaz)
        paren = ("（", "）") if rng.random() < 0.5 else ("(", ")")
        blocks = raw_blocks(r, rng, paren, spam=rng.random() < 0.2)
        sig = [r.issuer, r.cn_date]
        style = rng.choices(["portal", "plain", "oneline", "sharing"], [40, 30, 15, 15])[0]
        if style == "sharing":
            # Document-sharing site: banner, then the whole text as pages `1、…` cut mid-sentence.
            text = " ".join([r.title] + blocks + sig)
            pages, _ = page_marked(text, rng)
            lines = [share_banner(r.title)] + pages
        elif style == "oneline":
            # Government portal flattened: the title, then the whole report on one line.
            lines = []
            if rng.random() < 0.5:
                lines.append(date_line(rng, r.year))
            lines += [r.title, " ".join(blocks + sig)]
        else:
            body = with_page_markers(blocks, rng) if rng.random() < 0.25 else blocks
            sep = [""] if style == "portal" else []
            indent = "  " if style == "portal" else ""
            lines = []
            if style == "portal":
                lines += [breadcrumb(rng, r.title), "", r.title, "", date_line(rng, r.year), ""]
            else:
                lines += [r.title]
            for b in body:
                lines += [indent + b] + sep
            lines += sig
            if style == "portal":
                lines += [""] + footer(rng)
        self.emit([r], "single", style, lines)

    # -- 第N篇 collection ----------------------------------------------------------------------
    def marked_collection(self, k: int):
        rng = self.rng
        reports = [make_report(rng, self.pools, self.gaz) for _ in range(k)]
        year = reports[0].year
        theme = rng.choice([f"{year}年县教育局工作总结", f"教育局{year}年度工作总结", f"{year}年教育局工作计划",
                            "教育局年度工作总结", f"{year}年区教育局工作要点"])
        ctitle = rng.choice([f"{theme}汇编({k}篇)", f"{theme}{k}篇", f"{theme}{CN_NUMS[k]}篇", f"{theme}（{k}篇）"])
        paren = ("（", "）") if rng.random() < 0.5 else ("(", ")")
        lines = []
        if rng.random() < 0.5:
            lines += [f"> 工作总结 > 教育总结", "栏目", ""]
        lines += [ctitle, ""]
        if rng.random() < 0.6:
            lines += [date_line(rng, year), ""]
        lines += [theme, ""]
        page = rng.random() < 0.3
        for i, r in enumerate(reports):
            blocks = raw_blocks(r, rng, paren, spam=rng.random() < 0.15)
            size = (len(r.title) + sum(map(len, blocks)) + 99) // 100 * 100
            num = CN_NUMS[i + 1] if rng.random() < 0.8 else str(i + 1)
            lines += [f"第{num}篇 {r.title} {size}字", ""]
            if rng.random() < 0.8:
                lines += [r.title, ""]
            for b in blocks:
                lines += [b, ""]
            lines += [r.issuer, "", r.cn_date, ""]
        if page:
            lines = with_page_markers(lines, rng)
        lines += [f"《{ctitle}.doc》", "将本文的Word文档下载，方便收藏和打印", "推荐度：", "点击下载文档", "", "相关稿件"]
        self.emit(reports, "markers", "sharing" if page else "lines", lines)

    # -- 目录 collection -------------------------------------------------------------------------
    def toc_collection(self, k: int):
        rng = self.rng
        # A 目录 entry number must be followed by a non-digit: titles start with the place.
        reports = [make_report(rng, self.pools, self.gaz, digit_first_ok=False) for _ in range(k)]
        titles = [r.title for r in reports]
        if len(set(titles)) < k:  # the splitter finds each listed title in the body: keep them distinct
            for i, r in enumerate(reports):
                if titles.index(r.title) != i:
                    r.title = f"{r.place.name}教育局{r.year}年第{CN_NUMS[i + 1]}季度工作总结"
                    titles[i] = r.title
        year = reports[0].year
        theme = rng.choice([f"教育局{year}年度工作总结", f"{year}年教育局工作计划", f"教育局{year}年工作要点"])
        ctitle = rng.choice([f"{theme}汇编({k}篇)", f"{theme}{k}篇", f"{theme}({k}篇)"])
        paren = ("（", "）") if rng.random() < 0.5 else ("(", ")")
        entries, page = [], 2
        bodies = []
        for i, r in enumerate(reports):
            blocks = raw_blocks(r, rng, paren, spam=rng.random() < 0.15)
            bodies.append(blocks)
            sep = rng.choice([".", ".", " .", "、"])
            marker = f"{i + 1}{sep}" if i > 0 or rng.random() < 0.7 else rng.choice(["L", "l"])
            entries.append(f"{marker}{r.title} {page}")
            page += max(1, (len(r.title) + sum(map(len, blocks))) // 600)
        # Each page number runs straight into the next entry's number (`…总结 22.…`), as a flattened
        # .docx preview has it: the parser's 目录 reader takes a page number only at an entry's very end.
        toc = f"{ctitle}目录{''.join(entries)}"
        style = rng.choice(["sharing", "lines"])
        if style == "sharing":
            # As a .docx preview flattens it: one stream, titles running on after the signature.
            parts = [toc]
            for r, blocks in zip(reports, bodies):
                parts.append(r.title + "".join(blocks) + f"{r.issuer} {r.cn_date} ")
            pages, _ = page_marked(" ".join(parts).rstrip(), rng)
            lines = [share_banner(ctitle)] + pages
        else:
            lines = [breadcrumb(rng, ctitle)] if rng.random() < 0.5 else []
            lines.append(toc)
            for r, blocks in zip(reports, bodies):
                lines += [r.title] + blocks + [r.issuer, r.cn_date]
            if rng.random() < 0.3:
                lines = with_page_markers(lines, rng)
            lines += footer(rng)
        self.emit(reports, "toc", style, lines)


# --------------------------------------------------------------------------------------------
# The two sites' fixed files

def archive_config(repo_config: str) -> str:
    """The repo's archive.toml with search off, the default folders and no overrides."""
    out, skip = [], False
    for line in repo_config.splitlines():
        m = re.match(r"\s*\[\[?\s*([A-Za-z0-9_.]+)\s*\]\]?", line)
        if m:
            skip = m.group(1) in ("build", "search", "overrides")
        if not skip:
            out.append(line)
    out += ["", "[build]", 'content = "content"', 'output = "public"', 'templates = "templates"',
            "", "[search]", "enabled = false", ""]
    return "\n".join(out)


def hugo_version() -> tuple[int, int] | None:
    exe = shutil.which("hugo")
    if not exe:
        return None
    try:
        text = subprocess.run([exe, "version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r"v(\d+)\.(\d+)", text)
    return (int(m.group(1)), int(m.group(2))) if m else None


def pagination_style(choice: str) -> str:
    if choice != "auto":
        return choice
    v = hugo_version()
    # Debian bookworm ships 0.111, which knows only `paginate`; 0.128 moved it to [pagination].
    return "pagerSize" if v and v >= (0, 128) else "paginate"


HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<header><a href="{{ "" | relURL }}">{{ site.Title }}</a> ·
<a href="{{ "reports/" | relURL }}">全部报告</a> ·
<a href="{{ "regions/" | relURL }}">地区</a> ·
<a href="{{ "years/" | relURL }}">年份</a> ·
<a href="{{ "topics/" | relURL }}">主题</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2006-01-02" }}
{{ range .GetTerms "regions" }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}
{{ range .GetTerms "years" }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
<p>{{ range .GetTerms "topics" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
<nav>{{ .TableOfContents }}</nav>
{{ .Content }}
</article>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}
<ul>
{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>
{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
""",
    "index.html": """{{ define "main" }}
<h1>{{ site.Title }}</h1>
<p>{{ len (where site.RegularPages "Section" "reports") }} 篇报告</p>
<h2>最新报告</h2>
<ul>
{{ range first 20 (where site.RegularPages "Section" "reports").ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>
{{ end }}</ul>
{{ end }}
""",
}


def hugo_config(site: dict, pagination: str) -> str:
    lines = [f"baseURL = {json.dumps(site.get('base_url', 'https://example.org/'), ensure_ascii=False)}",
             'languageCode = "zh-cn"',
             f"title = {json.dumps(site.get('title', 'Reports'), ensure_ascii=False)}",
             "hasCJKLanguage = true",
             "buildFuture = true"]
    if pagination == "paginate":
        lines.append(f"paginate = {site.get('page_size', 50)}")
    lines += ["", "[taxonomies]", '  region = "regions"', '  year = "years"', '  topic = "topics"']
    if pagination == "pagerSize":
        lines += ["", "[pagination]", f"  pagerSize = {site.get('page_size', 50)}"]
    return "\n".join(lines) + "\n"


def stamp_for(reports: int, seed: int, pagination: str) -> dict:
    """What a corpus depends on: a corpus whose stamp differs is stale."""
    h = hashlib.sha256()
    for p in [Path(__file__), REPO / "archive.toml", REPO / "Sources/ReportParser/Resources/gazetteer.tsv",
              REPO / "Sources/ReportParser/Resources/noise-rules.txt", *sorted((REPO / "content").glob("*.txt")),
              *sorted(p for p in (REPO / "templates").rglob("*") if p.is_file())]:
        h.update(str(p.relative_to(REPO) if p.is_relative_to(REPO) else p.name).encode())
        h.update(p.read_bytes())
    return {"generator": GENERATOR_VERSION, "reports": reports, "seed": seed, "hugo_pagination": pagination,
            "inputs_sha256": h.hexdigest()}


def generate(reports: int, out: Path, seed: int, pagination: str, quiet: bool = False) -> dict:
    t0 = time.monotonic()
    pools = Pools(REPO / "content", REPO / "Sources/ReportParser/Resources/noise-rules.txt")
    gaz = Gazetteer(REPO / "Sources/ReportParser/Resources/gazetteer.tsv")
    repo_config_text = (REPO / "archive.toml").read_text(encoding="utf-8")
    config = tomllib.loads(repo_config_text)
    topics = [(t["name"], t.get("keywords", [])) for t in config.get("topics", [])]

    if out.exists():
        # Only ever replace a corpus this script wrote.
        if any(out.iterdir()) and not (out / "manifest.tsv").exists():
            raise SystemExit(f"generate.py: {out} exists and is not a generated corpus (no manifest.tsv); not deleting it")
        shutil.rmtree(out)
    archive, hugo = out / "archive", out / "hugo"
    (archive / "content").mkdir(parents=True)
    (hugo / "content" / "reports").mkdir(parents=True)
    cfg = archive_config(repo_config_text)
    tomllib.loads(cfg)  # still valid TOML
    (archive / "archive.toml").write_text(cfg, encoding="utf-8")
    # A copy, not a symlink: the tool lists templates/ with FileManager.enumerator(atPath:), which
    # does not descend into a symlinked folder. The stamp hashes templates/, so an edit regenerates.
    shutil.copytree(REPO / "templates", archive / "templates")

    site = config.get("site", {})
    (hugo / "hugo.toml").write_text(hugo_config(site, pagination), encoding="utf-8")
    (hugo / "content" / "reports" / "_index.md").write_text('---\ntitle: "全部报告"\n---\n', encoding="utf-8")
    for tax, name in [("regions", "地区"), ("years", "年份"), ("topics", "主题")]:
        (hugo / "content" / tax).mkdir()
        (hugo / "content" / tax / "_index.md").write_text(f'---\ntitle: "{name}"\n---\n', encoding="utf-8")
    for rel, text in HUGO_LAYOUTS.items():
        p = hugo / "layouts" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")

    w = Writer(out, pools, gaz, topics, seed)
    rng = w.rng
    try:
        while w.reports < reports:
            left = reports - w.reports
            form = rng.random()
            if form < 0.60 or left < 3:
                w.single()
            elif form < 0.85:
                w.marked_collection(min(rng.randint(3, 8), left))
            else:
                w.toc_collection(min(rng.randint(3, 8), left))
    finally:
        w.close()
    (archive / "expected-reports.txt").write_text(f"{w.reports}\n")
    stamp = stamp_for(reports, seed, pagination)
    stamp.update({"sources": w.sources, "written_reports": w.reports, "content_bytes": w.bytes,
                  "seconds": round(time.monotonic() - t0, 2),
                  "pool": {"sentences": len(pools.sentences), "h1": len(pools.h1), "h2": len(pools.h2), "h3": len(pools.h3)}})
    (out / "stamp.json").write_text(json.dumps(stamp, ensure_ascii=False, indent=1) + "\n")
    if not quiet:
        print(f"generated {w.reports} reports in {w.sources} sources ({w.bytes / 1e6:.1f} MB of source text) "
              f"into {out} in {stamp['seconds']:.1f}s (pool: {len(pools.sentences)} sentences, "
              f"{len(pools.h1)}/{len(pools.h2)}/{len(pools.h3)} headings)")
    return stamp


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, required=True, help="number of reports to write")
    ap.add_argument("--out", type=Path, required=True, help="folder to (re)create, e.g. bench/work/10000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hugo-pagination", choices=["auto", "paginate", "pagerSize"], default="auto",
                    help="hugo.toml pagination key: `paginate` (Hugo < 0.128, Debian bookworm) or "
                         "[pagination] pagerSize (Hugo ≥ 0.128); auto asks the installed hugo")
    args = ap.parse_args(argv)
    if args.reports < 1:
        ap.error("--reports must be at least 1")
    generate(args.reports, args.out, args.seed, pagination_style(args.hugo_pagination))
    return 0


if __name__ == "__main__":
    sys.exit(main())
