#!/usr/bin/env python3
"""Pagefind's answers to the acceptance queries on a built site, for comparison with the archive's own index.

    python3 bench/pagefind_queries.py SITE [--queries 学前,控辍保学,安全,师德] [--top 3] [--json out.json]

SITE is a built site with Pagefind's index in SITE/pagefind/ (e.g. the seed site built with Pagefind found).
Serves it over HTTP, opens a page of its own (served from memory, the site is not touched) in headless
Chromium (a fresh one per query: an empty cache) that imports /pagefind/pagefind.js and runs search(), and
prints per query the time search() and the top results' data took, the requests and bytes that fetched, the
number of results and the top ones: URL, title, the first sub-result's anchor, and the highlighted excerpt,
with each <mark>ed stretch listed, so one sees whether the whole query is highlighted or single characters.
Beside them, as a reference, the reports that hold the query verbatim most (in headings first, then in all
their text, counted in the site's reports/*.md), and how often each result holds it.
No Node: Pagefind's own JS API in the browser.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import Chromium, SiteServer  # noqa: E402

QUERIES = ["学前", "控辍保学", "安全", "师德"]
PAGE = "/__pagefind_queries.html"
HTML = b"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>pagefind queries</title></head>
<body><pre id="out"></pre></body></html>"""
# Runs in the page: every query through Pagefind's JS API, the top results' data loaded.
SCRIPT = """(async () => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.options({excerptLength: 30});
  const out = [];
  for (const q of %s) {
    const t0 = performance.now();
    const s = await pf.search(q);
    const top = await Promise.all(s.results.slice(0, %d).map(r => r.data()));
    out.push({query: q, count: s.results.length, ms: Math.round(performance.now() - t0), top: top.map(d => ({
      url: d.url, title: (d.meta || {}).title, excerpt: d.excerpt,
      sub: (d.sub_results || []).slice(0, 2).map(x => ({url: x.url, title: x.title, excerpt: x.excerpt}))}))});
  }
  document.getElementById('out').textContent = JSON.stringify(out);
  return out;
})()"""
MARK = re.compile(r"<mark>(.*?)</mark>")


def exact_counts(site: Path, query: str) -> dict[str, tuple[int, int]]:
    """Per report page URL: how often the query occurs verbatim in its headings and in its whole Markdown."""
    out = {}
    for md in sorted((site / "reports").rglob("*.md")):
        text = md.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        heads = sum(line.count(query) for line in text.splitlines() if line.startswith("#"))
        url = "/" + md.relative_to(site).with_suffix(".html").as_posix()
        out[url] = (heads, text.count(query))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path, help="a built site with pagefind/ in it")
    ap.add_argument("--queries", default=",".join(QUERIES), help="comma-separated (default %(default)s)")
    ap.add_argument("--top", type=int, default=3, help="results shown per query (default 3)")
    ap.add_argument("--bundle", type=Path, help="Pagefind's output folder, served as /pagefind/ (default SITE/pagefind)")
    ap.add_argument("--chromium", help="the Chromium binary (default: chromium on PATH)")
    ap.add_argument("--json", type=Path, help="also write the answers as JSON")
    args = ap.parse_args(argv)
    bundle = args.bundle or args.site / "pagefind"
    if not (bundle / "pagefind.js").is_file():
        ap.error(f"{bundle}/pagefind.js is missing: build the site with Pagefind installed, or name it with --bundle")
    answers = []
    with SiteServer(args.site, {PAGE: HTML}, {"/pagefind/": bundle}) as server:
        # A fresh browser per query: what one query fetches with an empty cache.
        for q in (q for q in args.queries.split(",") if q):
            with Chromium(args.chromium) as browser:
                browser.navigate(server.url + PAGE)
                browser.evaluate("new Promise(r => document.readyState === 'complete' ? r() : addEventListener('load', r))")
                start = time.perf_counter()
                answer = browser.evaluate(SCRIPT % (json.dumps([q], ensure_ascii=False), args.top), timeout=120)[0]
            files = [(p, n) for _, p, n in server.since(start) if p != PAGE]
            answer.update(requests=len(files), bytes=sum(n for _, n in files), files=files)
            answers.append(answer)
    for a in answers:
        counts = exact_counts(args.site, a["query"])
        best = sorted((u for u in counts if counts[u][1]), key=lambda u: (-counts[u][0], -counts[u][1], u))
        a["reference"] = [{"url": u, "in_headings": counts[u][0], "total": counts[u][1]} for u in best[:args.top]]
        print(f"\n{a['query']}: {a['count']} results ({a['ms']} ms, {a['requests']} requests, "
              f"{a['bytes'] / 1024:.0f} KB fetched); {len(best)} reports hold it verbatim, most "
              f"(in headings, in all): " + ", ".join(f"{u} ({counts[u][0]}, {counts[u][1]})" for u in best[:args.top]))
        for i, r in enumerate(a["top"], 1):
            sub = r["sub"][0] if r["sub"] else {}
            marks = sorted(set(MARK.findall(sub.get("excerpt") or r["excerpt"] or "")))
            h, t = counts.get(r["url"], (0, 0))
            print(f"  {i}. {r['title']}  {r['url']}  (verbatim: {h} in headings, {t} in all)")
            print(f"     section: {sub.get('title', '-')}  {sub.get('url', '-')}")
            print(f"     marked: {' '.join(marks) or '-'}")
            print(f"     excerpt: {re.sub(r'<[^>]+>', '', r['excerpt'] or '')[:80]}")
    if args.json:
        args.json.write_text(json.dumps(answers, ensure_ascii=False, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
