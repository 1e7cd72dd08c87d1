#!/usr/bin/env python3
"""A mixed-format copy of a generated corpus, and the build time of both.

    python3 bench/mixed.py --corpus bench/work/10000 [--runs 3] [--no-build]

reads CORPUS/archive (bench/generate.py's output) and writes CORPUS-mixed/archive: the same sources,
the same config and templates, with the sources saved, in turn, as text (8 in 20), a GBK web page with a
portal's chrome (4 in 20), a Word file (4 in 20), a PDF (3 in 20) and a Word 97–2003 file (1 in 20). The
web pages and Word files are written here (standard library only); the PDFs and .doc files are
converted from the Word files by LibreOffice (`soffice`, Debian's libreoffice-writer-nogui), in batches.
Then, unless --no-build, times a full `archive build` of each corpus --runs times, alternating, the way
bench/run.py does (old output moved aside, page cache settled), and prints the medians. Deterministic from the corpus, except for what LibreOffice stamps into PDFs.
"""

from __future__ import annotations

import argparse
import html
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
TOOL = REPO / ".build/release/archive"
sys.path.insert(0, str(BENCH))
from run import empty_trash, remove, settle  # noqa: E402  (bench/run.py: the same method as the main benchmark)
# Which format the i-th source (in name order) is saved as: 20 slots a cycle.
CYCLE = ["txt"] * 8 + ["html"] * 4 + ["docx"] * 4 + ["pdf"] * 3 + ["doc"]
STAMP = (2024, 1, 1, 0, 0, 0)


def portal_page(title: str, lines: list[str]) -> bytes:
    """A county portal's saved page: navigation, breadcrumb, the article, related links, footer."""
    e = html.escape
    nav = "".join(f'<li><a href="/col{i}/">栏目{i}</a></li>' for i in range(1, 9))
    related = "".join(f'<li><a href="/art/{i}.html">相关文章{i}</a></li>' for i in range(1, 7))
    body = "\n".join(f"<p>{e(line)}</p>" for line in lines if line.strip())
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{e(title)}_政府门户网站</title><meta name="ArticleTitle" content="{e(title)}">
<script>var x = 1;</script><style>p {{ margin: 0 }}</style></head>
<body><header><div class="logo">政府门户网站</div><form><input name="q"><button>搜索</button></form></header>
<nav><ul>{nav}</ul></nav>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/gzzj/">工作总结</a></div>
<div class="article">
{body}
</div>
<div class="related"><h3>相关文章</h3><ul>{related}</ul></div>
<footer>版权所有 政府门户网站 备案号 00000000号</footer></body></html>
"""
    return page.encode("gb18030")


def docx(lines: list[str]) -> bytes:
    """A minimal Word file: a paragraph a line."""
    e = lambda t: html.escape(t, quote=False)
    paragraphs = "".join(f'<w:p><w:r><w:t xml:space="preserve">{e(line)}</w:t></w:r></w:p>' for line in lines)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f"<w:body>{paragraphs}</w:body></w:document>")
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": document,
    }
    out = tempfile.SpooledTemporaryFile()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, STAMP), text)
    out.seek(0)
    return out.read()


def convert(files: list[Path], to: str, out: Path, batch: int = 200):
    """Word files → `to` (pdf, doc) with LibreOffice, in batches (one start-up each)."""
    profile = Path(tempfile.mkdtemp(prefix="bench-soffice-"))
    try:
        for i in range(0, len(files), batch):
            subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to,
                            "--outdir", str(out), *map(str, files[i:i + batch])],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(f"  {to}: {min(i + batch, len(files))}/{len(files)}", flush=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def make_mixed(corpus: Path) -> Path:
    src, dst = corpus / "archive", Path(str(corpus) + "-mixed") / "archive"
    stamp = dst.parent / "mixed-from.txt"
    if stamp.exists() and stamp.read_text() == (corpus / "stamp.json").read_text():
        return dst
    if dst.parent.exists():
        if not stamp.exists():
            raise SystemExit(f"mixed.py: {dst.parent} exists and was not written by this script; not deleting it")
        shutil.rmtree(dst.parent)
    (dst / "content").mkdir(parents=True)
    shutil.copy(src / "archive.toml", dst / "archive.toml")
    shutil.copytree(src / "templates", dst / "templates")
    counts = {k: 0 for k in set(CYCLE)}
    pending: dict[str, list[Path]] = {"pdf": [], "doc": []}
    work = Path(tempfile.mkdtemp(prefix="bench-mixed-"))
    try:
        for i, path in enumerate(sorted((src / "content").glob("*.txt"))):
            kind = CYCLE[i % len(CYCLE)]
            counts[kind] += 1
            text = path.read_text(encoding="utf-8")
            lines = text.split("\n")
            stem = path.stem
            if kind == "txt":
                shutil.copy(path, dst / "content" / path.name)
            elif kind == "html":
                (dst / "content" / f"{stem}.html").write_bytes(portal_page(next((l for l in lines if l.strip()), stem), lines))
            elif kind == "docx":
                (dst / "content" / f"{stem}.docx").write_bytes(docx(lines))
            else:
                staged = work / f"{stem}.docx"
                staged.write_bytes(docx(lines))
                pending[kind].append(staged)
        for kind, files in pending.items():
            if files:
                convert(files, kind, dst / "content")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    stamp.write_text((corpus / "stamp.json").read_text())
    print("mixed corpus: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())), flush=True)
    return dst


def build(site: Path) -> float:
    """A full build, timed; old output moved aside (not deleted) and the page cache settled first, as bench/run.py does."""
    remove(site / "public", site / ".archive-cache")
    settle(site / "content", TOOL)
    t0 = time.monotonic()
    done = subprocess.run([str(TOOL), "build"], cwd=site, capture_output=True, text=True)
    seconds = time.monotonic() - t0
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-2000:] + done.stderr[-2000:])
        raise SystemExit(f"mixed.py: archive build failed in {site}")
    return seconds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True, help="a bench/generate.py corpus, e.g. bench/work/10000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-build", action="store_true", help="only write the mixed corpus")
    args = ap.parse_args(argv)
    if not (args.corpus / "stamp.json").exists():
        ap.error(f"{args.corpus} is not a complete generated corpus (run bench/generate.py first)")
    mixed = make_mixed(args.corpus)
    if args.no_build:
        return 0
    times: dict[str, list[float]] = {"text": [], "mixed": []}
    try:
        for run in range(args.runs):
            order = [("text", args.corpus / "archive"), ("mixed", mixed)]
            for name, site in order if run % 2 == 0 else reversed(order):
                times[name].append(build(site))
                print(f"  run {run + 1} {name}: {times[name][-1]:.2f} s", flush=True)
    finally:
        empty_trash()
    for name, values in times.items():
        print(f"{name:5}  full build  median {statistics.median(values):.2f} s  (min {min(values):.2f})")
    print(f"mixed / text: {statistics.median(times['mixed']) / statistics.median(times['text']):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
