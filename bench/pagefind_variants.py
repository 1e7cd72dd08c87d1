#!/usr/bin/env python3
"""What Pagefind's cost is made of: the same sites indexed in several variants, at N reports.

    python3 bench/pagefind_variants.py --sizes 1000,10000 [--runs 2] [--variants zh,en,…]
        [--pagefind 'CMD …'] [--tool .build/release/archive] [--json bench/results/pagefind-….json]

For each size: the corpus bench/work/N (bench/generate.py, search off), its site built once with
`archive build`, then one copy of the site per variant (bench/work/N/pagefind/<variant>/site), indexed
--runs times with `pagefind --site … --output-path …` under /usr/bin/time -v. Variants:

  zh              the site as built: pages lang="zh-CN", Pagefind's extended build segments Chinese
  force-en        the same site, `--force-language en` (no segmentation, no HTML rewritten)
  en              every page lang="en": no segmentation, a run of Han text up to punctuation is one "word"
  bigram-en       en, and the report text pre-segmented: every Han run written as its overlapping bigrams
                  (学前教育 → 学前 前教 教育), what an index of CJK bigrams would hold
  sections-zh     only the report pages, data-pagefind-body on each section (not the intro, the signature
                  or the topic tags), lang zh-CN: section text only
  sections-bigram-en  sections-zh, pre-segmented into bigrams, lang="en"
  minimal-bigram-en   each report page reduced to its title and body text (no chrome, TOC, figure table),
                  bigrams, lang="en": the least HTML Pagefind can be given for the same words
  unique-bigram-en    minimal-bigram-en with each distinct bigram written once per page: the same vocabulary
                  and page count with far fewer word positions

Prints a table (wall, peak RSS, index bytes and files, pages and words Pagefind reports, and whether the two
runs wrote the same bytes) and writes it as JSON. Needs Pagefind's extended build (`make search`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
import generate  # noqa: E402  (bench/generate.py)
from run import Corpus, TIME_FIELDS, rel  # noqa: E402  (bench/run.py)
import tables  # noqa: E402  (bench/tables.py)

VARIANTS = ["zh", "force-en", "en", "bigram-en", "sections-zh", "sections-bigram-en",
            "minimal-bigram-en", "unique-bigram-en"]
# The parts of Pagefind's output that are the index (the rest is its fixed JS, CSS and WebAssembly).
INDEX_PARTS = ("index", "fragment", "filter")

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
HAN_RUN = re.compile(f"[{HAN}]{{2,}}")
TAG_SPLIT = re.compile(r"(<[^>]*>)")
HTML_LANG = re.compile(r'<html lang="[^"]*">')
BODY_DIV = re.compile(r'<div class="body" data-pagefind-body>(.*?)\n  </div>\n', re.S)
TITLE_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
TAGS_P = re.compile(r'<p class="tags">.*?</p>\n?', re.S)
SIGNATURE = re.compile(r'<div class="signature">.*?</div>', re.S)
SECTION_OPEN = re.compile(r'<section id="(s[\d-]+)"')


# --------------------------------------------------------------------------------------------
# Page rewrites

def bigram_run(m: re.Match) -> str:
    run = m.group(0)
    return " " + " ".join(run[i:i + 2] for i in range(len(run) - 1)) + " "


def bigrams(html: str) -> str:
    """Every Han run of two or more in the page's text (not in tags) as its bigrams, spaced."""
    parts = TAG_SPLIT.split(html)
    head_end = next((i for i, p in enumerate(parts) if p.startswith("<body")), 0)
    return "".join(p if i <= head_end or p.startswith("<") else HAN_RUN.sub(bigram_run, p)
                   for i, p in enumerate(parts))


def set_lang(html: str, lang: str) -> str:
    return HTML_LANG.sub(f'<html lang="{lang}">', html, count=1)


def sections_only(html: str) -> str:
    """data-pagefind-body on each section instead of the whole body; topic tags ignored."""
    html = html.replace('<div class="body" data-pagefind-body>', '<div class="body">', 1)
    html = SECTION_OPEN.sub(r'<section id="\1" data-pagefind-body', html)
    return html.replace('<p class="tags">', '<p class="tags" data-pagefind-ignore>')


def minimal(html: str, lang: str) -> str:
    """Only the title and the body's text, in the least HTML that keeps headings with ids."""
    title = TITLE_H1.search(html)
    body = BODY_DIV.search(html)
    inner = SIGNATURE.sub("", TAGS_P.sub("", body.group(1) if body else ""))
    t = title.group(1) if title else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{t}</title></head>'
            f'<body><h1 data-pagefind-meta="title">{t}</h1><div data-pagefind-body>{inner}</div></body></html>\n')


def unique_words(html: str) -> str:
    """The page's words (after bigrams) each once, in first-seen order, as one paragraph."""
    title = TITLE_H1.search(html)
    body = BODY_DIV.search(html) or re.search(r"<div data-pagefind-body>(.*)</div></body>", html, re.S)
    text = TAG_SPLIT.sub(" ", body.group(1) if body else "")
    seen = dict.fromkeys(w for w in re.split(r"[\s\W]+", text) if w)
    t = title.group(1) if title else ""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{t}</title></head>'
            f'<body><h1 data-pagefind-meta="title">{t}</h1><div data-pagefind-body><p>{" ".join(seen)}</p>'
            f'</div></body></html>\n')


def rewrite(variant: str, rel_path: str, html: str) -> str | None:
    """The page as the variant has it; None leaves it out of the variant's site."""
    report = rel_path.startswith("reports/")
    if variant == "en":
        return set_lang(html, "en")
    if variant == "bigram-en":
        return set_lang(bigrams(html) if report else html, "en")
    if not report:
        return None
    if variant == "sections-zh":
        return sections_only(html)
    if variant == "sections-bigram-en":
        return set_lang(bigrams(sections_only(html)), "en")
    if variant == "minimal-bigram-en":
        return bigrams(minimal(html, "en"))
    if variant == "unique-bigram-en":
        return unique_words(bigrams(minimal(html, "en")))
    raise ValueError(variant)


def variant_site(variant: str, base: Path, folder: Path) -> Path:
    """The site the variant indexes: the base site itself, or a rewritten copy (made once, kept)."""
    if variant in ("zh", "force-en"):
        return base
    site = folder / "site"
    stamp = folder / "site.stamp"
    key = f"{base.stat().st_mtime_ns}"
    if site.is_dir() and stamp.exists() and stamp.read_text() == key:
        return site
    shutil.rmtree(site, ignore_errors=True)
    started = time.perf_counter()
    pages = 0
    for path in sorted(base.rglob("*.html")):
        rel_path = path.relative_to(base).as_posix()
        out = rewrite(variant, rel_path, path.read_text(encoding="utf-8"))
        if out is None:
            continue
        target = site / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(out, encoding="utf-8")
        pages += 1
    stamp.write_text(key)
    print(f"  {variant}: wrote {pages} pages into {rel(site)} in {time.perf_counter() - started:.1f}s", flush=True)
    return site


# --------------------------------------------------------------------------------------------
# Runs

def pagefind_command(arg: str | None) -> list[str]:
    if arg:
        return shlex.split(arg)
    if os.environ.get("ARCHIVE_PAGEFIND"):
        return shlex.split(os.environ["ARCHIVE_PAGEFIND"])
    venv = REPO / ".tools" / "venv" / "bin" / "python3"
    return [str(venv), "-m", "pagefind"]


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def index_size(folder: Path) -> tuple[int, int]:
    """Bytes and files of the index proper: index/, fragment/, filter/ and the .pf_meta file."""
    files = [p for p in folder.rglob("*") if p.is_file()
             and (p.relative_to(folder).parts[0] in INDEX_PARTS or p.suffix == ".pf_meta")]
    return sum(p.stat().st_size for p in files), len(files)


def run_pagefind(cmd: list[str], site: Path, out: Path, extra: list[str]) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    full = [*cmd, "--site", str(site), "--output-path", str(out), *extra]
    print(f"+ {shlex.join(full)}", flush=True)
    started = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", *full], capture_output=True, text=True)
    wall = time.perf_counter() - started
    if p.returncode != 0:
        sys.stderr.write(p.stdout[-2000:] + p.stderr[-2000:])
        raise SystemExit(f"error: Pagefind failed on {site}")
    vals = {k: float(m.group(1)) if (m := rx.search(p.stderr)) else 0.0 for k, rx in TIME_FIELDS.items()}
    stat = lambda what: int(m.group(1)) if (m := re.search(rf"Indexed (\d+) {what}", p.stdout)) else 0
    size, files = index_size(out)
    r = {"wall_s": round(wall, 2), "cpu_s": round(vals["user"] + vals["sys"], 2),
         "rss_mb": round(vals["rss_kb"] / 1024), "pages": stat("pages"), "words": stat("words"),
         "index_bytes": size, "index_files": files}
    print(f"    -> {r['wall_s']:.2f} s wall, {r['cpu_s']:.2f} s CPU, {r['rss_mb']} MB peak RSS, "
          f"{r['pages']} pages, {r['words']} words, {size / 1e6:.1f} MB in {files} files", flush=True)
    return r


def base_site(corpus: Corpus, tool: Path) -> Path:
    """The corpus's site without search, built unless it is there."""
    public = corpus.archive / "public"
    if not (public / "reports").is_dir():
        cmd = [str(tool), "build", "--config", str(corpus.archive / "archive.toml")]
        print(f"+ {shlex.join(cmd)}", flush=True)
        subprocess.run(cmd, check=True)
    return public


def print_table(rows: list[dict]):
    head = ["size", "variant", "wall s (runs)", "CPU s", "peak RSS MB", "pages", "words", "index MB", "files",
            "same bytes"]
    table = [head] + [[str(r["size"]), r["variant"], f"{r['wall_s_median']:.1f} ({' / '.join(f'{w:.1f}' for w in r['walls'])})",
                       f"{r['cpu_s_median']:.1f}", str(r["rss_mb_peak"]), str(r["pages"]), str(r["words"]),
                       f"{r['index_bytes'] / 1e6:.1f}", str(r["index_files"]), r["deterministic"]] for r in rows]
    tables.print_table(table, left=2)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated report counts (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=2, help="Pagefind runs per variant (default 2; 2 or more checks determinism)")
    ap.add_argument("--variants", default=",".join(VARIANTS), help=f"comma-separated, of {', '.join(VARIANTS)}")
    ap.add_argument("--pagefind", help="the command that runs Pagefind (default: $ARCHIVE_PAGEFIND, else .tools/venv's python3 -m pagefind)")
    ap.add_argument("--tool", type=Path, default=REPO / ".build" / "release" / "archive", help="the archive binary")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path, help="where to write the results (default bench/results/pagefind-<sizes>.json)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    variants = [v for v in args.variants.split(",") if v]
    if unknown := [v for v in variants if v not in VARIANTS]:
        ap.error(f"unknown variants: {', '.join(unknown)}")
    cmd = pagefind_command(args.pagefind)
    version = subprocess.run([*cmd, "--version"], capture_output=True, text=True)
    if version.returncode != 0:
        ap.error(f"Pagefind does not run as {shlex.join(cmd)} (`make search` installs it; or --pagefind)")
    print(version.stdout.strip())
    pagination = generate.pagination_style("auto")
    rows = []
    for size in sizes:
        corpus = Corpus(size, args.seed)
        corpus.ensure(pagination)
        base = base_site(corpus, args.tool)
        for variant in variants:
            folder = corpus.work / "pagefind" / variant
            site = variant_site(variant, base, folder)
            extra = ["--force-language", "en"] if variant == "force-en" else []
            samples, digests = [], []
            for i in range(args.runs):
                out = folder / f"out-{i + 1}"
                samples.append(run_pagefind(cmd, site, out, extra))
                digests.append(tree_digest(out))
            differ = sorted({k for d in digests[1:] for k in set(d) | set(digests[0]) if d.get(k) != digests[0].get(k)})
            same = "-" if len(digests) < 2 else "yes" if not differ else f"no ({len(differ)} of {len(digests[0])} files)"
            walls = [s["wall_s"] for s in samples]
            rows.append({"size": size, "variant": variant, "runs": len(samples), "walls": walls,
                         "wall_s_median": statistics.median(walls),
                         "cpu_s_median": statistics.median(s["cpu_s"] for s in samples),
                         "rss_mb_peak": max(s["rss_mb"] for s in samples), "pages": samples[-1]["pages"],
                         "words": samples[-1]["words"], "index_bytes": samples[-1]["index_bytes"],
                         "index_files": samples[-1]["index_files"], "deterministic": same,
                         "differing_files": differ[:20]})
    print_table(rows)
    out_json = args.json or BENCH / "results" / f"pagefind-{'-'.join(map(str, sizes))}.json"
    out_json.parent.mkdir(parents=True, exist_ok=True)
    out_json.write_text(json.dumps({"pagefind": version.stdout.strip(), "sizes": sizes, "results": rows},
                                   ensure_ascii=False, indent=1) + "\n")
    print(f"\nwrote {rel(out_json)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
