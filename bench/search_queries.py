#!/usr/bin/env python3
"""Query latency and bytes fetched of the site's own search, in headless Chromium over HTTP.

    python3 bench/search_queries.py SITE [--queries 学前,控辍保学,安全,师德,2023] [--runs 1] [--json out.json]

SITE is a built site (public/). Serves it over HTTP (python's http.server in a thread, every response's
path and size logged) and, per query, starts a fresh headless Chromium (empty cache) on
search.html?q=<query>, then waits in real time (DevTools pipe, not virtual time) until the client marks
#search-results with data-state="done", and reads data-ms (milliseconds from the query's start to the
first results shown), data-done-ms (until their sections and quotes are in) and data-count. Then it waits
for the network to go quiet (the client fetches report pages for quotes after the first results) and sums
what that page load fetched, leaving out the search page itself and style.css: the index files under
search/, the client script, report pages. "again ms" is the same query typed into a page that searched
before (typed_queries): what every query but a reader's first costs.
Prints a table; exits non-zero when a query never finishes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tables  # noqa: E402
from browser import Chromium, SiteServer  # noqa: E402

QUERIES = ["学前", "控辍保学", "安全", "师德", "2023"]
# The page's own load: not what a query costs.
NOT_COUNTED = {"style.css", "favicon.ico"}
STATE = """(() => { const e = document.getElementById('search-results');
  return e ? [e.dataset.state || '', e.dataset.ms || '', e.dataset.count || '', e.dataset.doneMs || ''] : null; })()"""


def fetched(entries: list[tuple[float, str, int]], page: str) -> list[tuple[str, int]]:
    out = []
    for _, path, size in entries:
        name = urllib.parse.unquote(path.split("?")[0]).lstrip("/")
        if name == page or name.rsplit("/", 1)[-1] in NOT_COUNTED:
            continue
        out.append((name, size))
    return out


def one_query(server: SiteServer, chromium: str | None, page: str, query: str, timeout: float,
              quiet: float) -> dict:
    with Chromium(chromium) as browser:
        start = time.perf_counter()
        browser.navigate(f"{server.url}/{page}?q={urllib.parse.quote(query)}")
        state = None
        while time.perf_counter() - start < timeout:
            state = browser.evaluate(STATE)
            if state and state[0] == "done":
                break
            time.sleep(0.01)
        else:
            return {"query": query, "error": f"no data-state=done within {timeout:.0f} s (last: {state})"}
        done = time.perf_counter()
        seen = done - start
        # Requests the results started (report pages for snippets) finish after the first results: wait until
        # `quiet` seconds pass, after the results, without a request (at most 5 s).
        while time.perf_counter() < done + 5:
            last = max((e[0] for e in server.since(start)), default=done)
            last = max(last, done)
            if time.perf_counter() - last >= quiet:
                break
            time.sleep(0.05)
        files = fetched(server.since(start), page)
    return {"query": query, "count": int(state[2] or 0), "ms": float(state[1] or "nan"), "done_ms": float(state[3] or "nan"),
            "load_to_done_ms": round(seen * 1000), "requests": len(files), "bytes": sum(s for _, s in files),
            "files": files}


WARM_UP = "教育"


def typed_queries(server: SiteServer, chromium: str | None, page: str, queries: list[str], timeout: float) -> dict:
    """Milliseconds to the first results of each query typed into one page that has searched before (for
    WARM_UP): the script and index.json are in memory and connections open, as for every query but a
    reader's first; the query's own shards, lists and docs are still fetched."""
    out = {}
    with Chromium(chromium) as browser:
        browser.navigate(f"{server.url}/{page}?q={urllib.parse.quote(WARM_UP)}")
        for query in [WARM_UP] + queries:
            if query != WARM_UP:
                browser.evaluate(f"""(() => {{ document.getElementById('search-results').dataset.state = '';
                  document.getElementById('search-input').value = {json.dumps(query)};
                  document.getElementById('search-form').requestSubmit(); }})()""")
            start, state = time.perf_counter(), None
            while time.perf_counter() - start < timeout:
                state = browser.evaluate(STATE)
                if state and state[0] == "done":
                    break
                time.sleep(0.01)
            out[query] = float(state[1]) if state and state[0] == "done" and state[1] else float("nan")
    return out


def print_table(rows: list[dict]):
    head = ["query", "results", "ms", "quotes ms", "again ms", "page load→done ms", "requests", "KB fetched"]
    table = [head]
    for r in rows:
        if "error" in r:
            table.append([r["query"], "-", "-", "-", "-", "-", "-", r["error"]])
            continue
        table.append([r["query"], str(r["count"]), f"{r['ms']:.0f}", f"{r['done_ms']:.0f}", f"{r['warm_ms']:.0f}", str(r["load_to_done_ms"]), str(r["requests"]),
                      f"{r['bytes'] / 1024:.1f}"])
    tables.print_table(table)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path, help="a built site")
    ap.add_argument("--queries", default=",".join(QUERIES), help="comma-separated (default %(default)s)")
    ap.add_argument("--page", default="search.html", help="the search page, relative to the site (default %(default)s)")
    ap.add_argument("--runs", type=int, default=1, help="runs per query, each a fresh browser; the median is shown")
    ap.add_argument("--timeout", type=float, default=30, help="seconds to wait for a query's results (default 30)")
    ap.add_argument("--quiet", type=float, default=0.5, help="seconds without a request that end a page load (default 0.5)")
    ap.add_argument("--chromium", help="the Chromium binary (default: chromium on PATH)")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON")
    args = ap.parse_args(argv)
    if not (args.site / args.page).is_file():
        ap.error(f"{args.site / args.page} is missing: build the site with search on")
    rows = []
    queries = [q for q in args.queries.split(",") if q and q != WARM_UP]
    with SiteServer(args.site) as server:
        typed = [typed_queries(server, args.chromium, args.page, queries, args.timeout) for _ in range(args.runs)]
        for q in queries:
            runs = [one_query(server, args.chromium, args.page, q, args.timeout, args.quiet) for _ in range(args.runs)]
            ok = [r for r in runs if "error" not in r]
            if not ok:
                rows.append(runs[0])
                continue
            row = dict(ok[-1])
            row["ms"] = statistics.median(r["ms"] for r in ok)
            row["done_ms"] = statistics.median(r["done_ms"] for r in ok)
            row["warm_ms"] = statistics.median(t[q] for t in typed)
            row["load_to_done_ms"] = round(statistics.median(r["load_to_done_ms"] for r in ok))
            row["runs"] = len(ok)
            rows.append(row)
    print_table(rows)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    return 1 if any("error" in r for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
