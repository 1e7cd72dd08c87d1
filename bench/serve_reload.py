#!/usr/bin/env python3
"""Time from saving an edit to its report page reloaded, under `archive serve`.

    python3 bench/serve_reload.py <project folder> <archive binary> <source> <report page> [--edits 3] [--json F]

Starts `archive serve` on the project (its first build included), listens on the live-reload stream
(/__livereload) as an open page does, then appends a sentence to the source, N times: for each edit,
the milliseconds until the `reload` event arrives, and until the report page, fetched again as the
browser then does, holds the sentence. The source is put back as it was at the end.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("project", type=Path)
    ap.add_argument("tool", type=Path)
    ap.add_argument("source", type=Path, help="the source file to edit")
    ap.add_argument("page", help="the report page's path in the site, e.g. reports/x-1.html")
    ap.add_argument("--edits", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    serve = subprocess.Popen([str(args.tool), "serve", "--port", "0", "--config", str(args.project / "archive.toml")],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    said: list[str] = []
    threading.Thread(target=lambda: [said.append(line) for line in serve.stdout], daemon=True).start()
    original = args.source.read_bytes()
    results = []
    try:
        start = time.time()
        while not any("serving http://" in line for line in said):
            if serve.poll() is not None or time.time() - start > 1800:
                print("".join(said)[-3000:], file=sys.stderr)
                raise SystemExit("archive serve did not start")
            time.sleep(0.05)
        base = next(line for line in said if "serving http://" in line).split("serving ", 1)[1].split()[0]
        print(f"serving after {time.time() - start:.1f} s at {base}", flush=True)

        reloads: list[float] = []

        def listen():
            with urllib.request.urlopen(base + "__livereload", timeout=3600) as stream:
                for raw in stream:
                    if raw.decode("utf-8", "replace").startswith("event: reload"):
                        reloads.append(time.perf_counter())

        threading.Thread(target=listen, daemon=True).start()
        time.sleep(2)  # the stream is open and the watcher has its first look
        for i in range(args.edits):
            sentence = f"本年度开展第{i + 1}次基准测试专项行动。"
            seen = len(reloads)
            rebuilds = sum(1 for line in said if "rebuilt in" in line or "up to date in" in line)
            args.source.write_bytes(original + f"\n{sentence}\n".encode("utf-8"))
            saved = time.perf_counter()
            while len(reloads) == seen and time.perf_counter() - saved < 60:
                time.sleep(0.001)
            reload_ms = (reloads[seen] - saved) * 1000 if len(reloads) > seen else None
            page_ms = None
            while time.perf_counter() - saved < 60:
                with urllib.request.urlopen(base + args.page) as response:
                    if sentence in response.read().decode("utf-8", "replace"):
                        page_ms = (time.perf_counter() - saved) * 1000
                        break
                time.sleep(0.002)
            results.append({"reload_ms": reload_ms and round(reload_ms, 1), "page_ms": page_ms and round(page_ms, 1)})
            print(f"edit {i + 1}: reload event after {reload_ms or float('nan'):.0f} ms, "
                  f"page with the edit after {page_ms or float('nan'):.0f} ms", flush=True)
            # The full rebuild that follows the fast path ends before the next edit.
            deadline = time.time() + 900
            while sum(1 for line in said if "rebuilt in" in line or "up to date in" in line) == rebuilds and time.time() < deadline:
                time.sleep(0.2)
            time.sleep(1)
    finally:
        args.source.write_bytes(original)
        time.sleep(1)
        serve.terminate()
        serve.wait()
    log = [line.strip() for line in said if "updated" in line or "rebuilt in" in line]
    for line in log[-2 * args.edits:]:
        print(f"    {line}")
    ok = [r for r in results if r["page_ms"] is not None]
    summary = {"edits": results,
               "reload_ms_median": statistics.median(r["reload_ms"] for r in ok if r["reload_ms"]) if ok else None,
               "page_ms_median": statistics.median(r["page_ms"] for r in ok) if ok else None,
               "serve_log": log}
    print(f"median: reload event {summary['reload_ms_median']} ms, page with the edit {summary['page_ms_median']} ms")
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    return 0 if len(ok) == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
