#!/usr/bin/env python3
"""Benchmark `archive build` against Hugo on synthetic corpora of N reports.

    python3 bench/run.py [--sizes 10000,100000] [--runs 3] [--archive-only] [--json bench/results/…]

For each size: (re)generates bench/work/N when it is missing or stale (bench/generate.py), then runs
each tool --runs times, alternating which goes first: a full build (output and caches moved aside, see remove()), a
no-change rebuild, and a rebuild after one source changed (a sentence appended to one report;
restored afterwards). Every build runs under /usr/bin/time -v for user+sys CPU and peak RSS; wall
time is measured around it. The archive builds with search on (--no-search turns it off): the seconds of
its "search" step are read from the build's output and set beside the goals, and bench/search_queries.py
then measures five queries in headless Chromium against the largest site built; bench/serve_reload.py times an edit
saved under `archive serve` until its page is reloaded, at the largest size. Prints the tables, issue 15's goals and
the machine (cores, disk), and
writes them as JSON (default bench/results/bench-<sizes>.json). Exits non-zero when a build fails.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
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
import tables  # noqa: E402

CHANGE = "\n本年度各项工作均已按计划完成，基准测试追加此句。\n"
# Issue 14's goals for search indexing (seconds of the build's "search" step, the build's peak RSS in MB).
SEARCH_GOALS = {10_000: (5, 512), 100_000: (60, 1024)}
# Issue 15's goals: archive's full build at most this share of Hugo's wall time; peak RSS, no-change and one-change
# rebuilds at 100,000 reports; the parser alone on one core.
WALL_SHARE_GOALS = {10_000: 1 / 3, 100_000: 1 / 4}
BUILD_GOALS_100K = {"rss_mb": 512, "no-change_s": 2.0, "one-change_s": 1.0}
SERVE_RELOAD_GOAL_MS = 100
PARSER_GOAL_MBS = 100
# The build's per-step breakdown, "(4.20s: config 0.00s, …, search 1.23s, …)"; the line Pagefind's runs printed.
SEARCH_STEP = re.compile(r"[(,:] search ([\d.]+)s|^search index: ([\d.]+)s", re.M)


class BuildFailed(Exception):
    pass


def show(cmd: list[str] | str, cwd: Path | None = None):
    text = cmd if isinstance(cmd, str) else shlex.join(str(c) for c in cmd)
    here = cwd is None or Path(cwd).resolve() == Path.cwd().resolve()
    print(f"+ {'' if here else '(cd ' + rel(cwd) + ') '}{text}", flush=True)


def rel(p: Path) -> str:
    try:
        return str(Path(p).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(p)


def run(cmd: list[str], cwd: Path | None = None):
    show(cmd, cwd)
    if subprocess.run(cmd, cwd=cwd).returncode != 0:
        raise BuildFailed(f"command failed: {shlex.join(cmd)}")


TRASH = BENCH / "work" / "trash"


def remove(*paths: Path):
    """Moves paths into bench/work/trash, emptied when the benchmark ends.

    Deleting tens of thousands of files just before a timed build would bill that build for them:
    ext4 without a journal (as on this machine) skips inodes freed in the last minute or more when
    it allocates new ones, and the scan grows with the number freed, so a build's time came to
    depend on what was deleted before it (Hugo's full build varied from 12 to 35 s). Moving a
    folder frees nothing, and both tools then start from the same state."""
    for p in paths:
        if p.exists() or p.is_symlink():
            TRASH.mkdir(parents=True, exist_ok=True)
            target = TRASH / f"{len(list(TRASH.iterdir())):04d}-{p.name}"
            show(["mv", rel(p), rel(target)])
            p.rename(target)


def settle(*warm: Path):
    """Writes back and drops the page cache, then reads the build's inputs (and the tool) back in.

    Every full build then starts from the same memory. Without this, the outputs of earlier runs
    (kept in bench/work/trash, see remove()) filled the page cache, and each later run paid for
    reclaiming it: archive's 100,000-report build went from 40 to 53 s over three runs. Needs root;
    without it the runs go on unsettled."""
    if os.geteuid() != 0 or not os.access("/proc/sys/vm/drop_caches", os.W_OK):
        return
    show("sync; echo 1 > /proc/sys/vm/drop_caches; cat inputs > /dev/null")
    os.sync()
    with open("/proc/sys/vm/drop_caches", "w") as f:
        f.write("1\n")
    # The tool's shared libraries (the Swift runtime) too: a cold start would read them from disk.
    libs = [Path(m) for t in warm if t.is_file() and os.access(t, os.X_OK)
            for m in re.findall(r"=> (/\S+)", subprocess.run(["ldd", str(t)], capture_output=True, text=True).stdout)]
    for p in [*warm, *libs]:
        for f in ([p] if p.is_file() else (q for q in p.rglob("*") if q.is_file())):
            with open(f, "rb") as h:
                while h.read(1 << 20):
                    pass


def empty_trash():
    if TRASH.exists():
        show(["rm", "-rf", rel(TRASH)])
        shutil.rmtree(TRASH)


def apt_install(packages: list[str]):
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    cmd = sudo + ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    show(cmd)
    if subprocess.run(cmd).returncode != 0:
        run(sudo + ["apt-get", "update"])
        run(cmd)


# --------------------------------------------------------------------------------------------
# One timed build

TIME_FIELDS = {
    "user": re.compile(r"User time \(seconds\): ([\d.]+)"),
    "sys": re.compile(r"System time \(seconds\): ([\d.]+)"),
    "rss_kb": re.compile(r"Maximum resident set size \(kbytes\): (\d+)"),
}


def timed(cmd: list[str], cwd: Path | None = None) -> dict:
    """Runs cmd under /usr/bin/time -v: wall seconds, user+sys CPU seconds, peak RSS, stdout."""
    show(cmd, cwd)
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", *cmd], cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    # /usr/bin/time appends its report to the command's stderr.
    cut = p.stderr.rfind("\tCommand being timed:")
    tool_err, report = (p.stderr[:cut], p.stderr[cut:]) if cut >= 0 else (p.stderr, "")
    for line in p.stdout.strip().splitlines()[-3:]:
        print(f"    {line[:300]}")
    if p.returncode != 0:
        sys.stderr.write(tool_err[-4000:])
        raise BuildFailed(f"exit status {p.returncode}: {shlex.join(cmd)}")
    vals = {k: float(m.group(1)) if (m := rx.search(report)) else 0.0 for k, rx in TIME_FIELDS.items()}
    out = {"wall_s": round(wall, 3), "cpu_s": round(vals["user"] + vals["sys"], 2),
           "user_s": vals["user"], "sys_s": vals["sys"], "rss_mb": round(vals["rss_kb"] / 1024, 1), "stdout": p.stdout}
    if m := SEARCH_STEP.search(p.stdout):
        out["search_s"] = float(m.group(1) or m.group(2))
    print(f"    -> {out['wall_s']:.2f} s wall, {out['cpu_s']:.2f} s user+sys, {out['rss_mb']:.0f} MB peak RSS", flush=True)
    return out


def count_html(folder: Path) -> int:
    n = 0
    for _, _, files in os.walk(folder):
        n += sum(1 for f in files if f.endswith(".html"))
    return n


# --------------------------------------------------------------------------------------------
# The two tools' scenarios

class Corpus:
    def __init__(self, size: int, seed: int):
        self.size = size
        self.work = BENCH / "work" / str(size)
        self.archive = self.work / "archive"
        self.hugo = self.work / "hugo"
        self.hugo_out = self.work / "hugo-public"
        self.seed = seed

    def ensure(self, pagination: str):
        """Generates the corpus unless its stamp says it was made from the same inputs."""
        want = generate.stamp_for(self.size, self.seed, pagination)
        try:
            have = json.loads((self.work / "stamp.json").read_text())
        except (OSError, ValueError):
            have = {}
        stale = [k for k in want if have.get(k) != want[k]]
        if not stale:
            print(f"corpus {rel(self.work)} is up to date ({have.get('sources')} sources, {have.get('written_reports')} reports)")
            return
        print(f"corpus {rel(self.work)}: {'missing' if not have else 'stale (' + ', '.join(stale) + ')'}; generating")
        run([Path(sys.executable).name if shutil.which(Path(sys.executable).name) == sys.executable else sys.executable,
             rel(BENCH / "generate.py"), "--reports", str(self.size), "--out", rel(self.work),
             "--seed", str(self.seed), "--hugo-pagination", pagination])

    def changed_source(self) -> tuple[Path, Path]:
        """A single-report source from the middle of the corpus, and its report's Markdown."""
        with open(self.work / "manifest.tsv", encoding="utf-8") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        singles = [r for r in rows[len(rows) // 2:] if r["form"] == "single"] or rows
        stem = singles[0]["source"].removesuffix(".txt")
        return self.archive / "content" / f"{stem}.txt", self.hugo / "content" / "reports" / f"{stem}-1.md"

    @property
    def expected_reports(self) -> int:
        return int((self.archive / "expected-reports.txt").read_text().strip())


def with_change(path: Path, build):
    """Appends a sentence to path, builds, and puts the file back as it was."""
    original = path.read_bytes()
    show(f"echo {shlex.quote(CHANGE.strip())} >> {rel(path)}")
    with open(path, "ab") as f:
        f.write(CHANGE.encode("utf-8"))
    try:
        return build()
    finally:
        path.write_bytes(original)


def set_search(config: Path, on: bool):
    """Turns the corpus's [search] on or off (generate.py writes it off)."""
    text = config.read_text(encoding="utf-8")
    new = re.sub(r"(\[search\]\s*\nenabled = )(true|false)", rf"\g<1>{'true' if on else 'false'}", text)
    if "[search]" not in new:
        new = text.rstrip("\n") + f"\n\n[search]\nenabled = {'true' if on else 'false'}\n"
    if new != text:
        config.write_text(new, encoding="utf-8")


def archive_scenarios(c: Corpus, tool: Path) -> dict[str, dict]:
    cmd = [str(tool), "build", "--config", rel(c.archive / "archive.toml")]
    public = c.archive / "public"
    stale = [p for p in c.archive.glob(".public.*")]  # the spare site, and staging folders a killed build left
    remove(public, c.archive / ".archive-cache", *stale)
    settle(tool, c.archive / "content", c.archive / "templates", c.archive / "archive.toml")
    out = {"full": timed(cmd)}
    m = re.search(r"built (\d+) reports", out["full"]["stdout"])
    out["full"]["reports"] = int(m.group(1)) if m else None
    out["full"]["pages"] = count_html(public)
    out["no-change"] = timed(cmd)
    out["no-change"]["pages"] = count_html(public)
    src, _ = c.changed_source()
    out["one-change"] = with_change(src, lambda: timed(cmd))
    out["one-change"]["pages"] = count_html(public)
    # The edit undone: a second one-source rebuild, the first to start from the site the last swap put aside.
    out["one-change again"] = timed(cmd)
    out["one-change again"]["pages"] = count_html(public)
    # A source added beside it (a copy) and removed again: the reports after it move by one in
    # every list it is in and in the search index. Measured, not one of issue 15's goals.
    copy = src.with_name(f"{src.stem}-copy{src.suffix}")
    show(f"cp {rel(src)} {rel(copy)}")
    shutil.copyfile(src, copy)
    try:
        out["source added"] = timed(cmd)
        out["source added"]["pages"] = count_html(public)
    finally:
        show(f"rm {rel(copy)}")
        copy.unlink(missing_ok=True)
    out["source removed"] = timed(cmd)
    out["source removed"]["pages"] = count_html(public)
    return out


def hugo_scenarios(c: Corpus) -> dict[str, dict]:
    cmd = ["hugo", "--quiet", "--source", rel(c.hugo), "--destination", str(c.hugo_out)]
    remove(c.hugo_out)
    settle(Path(shutil.which("hugo")), c.hugo)
    out = {"full": timed(cmd)}
    out["full"]["pages"] = count_html(c.hugo_out)
    out["no-change"] = timed(cmd)
    out["no-change"]["pages"] = count_html(c.hugo_out)
    _, md = c.changed_source()
    out["one-change"] = with_change(md, lambda: timed(cmd))
    out["one-change"]["pages"] = count_html(c.hugo_out)
    return out


PARSER_RUNS = 3


def parser_throughput(c: Corpus, tool: Path) -> float:
    """`archive bench-parse` on the corpus's sources: the parser alone, one core, in memory (MB/s by CPU time).
    The median of PARSER_RUNS runs: one run of a second varies by a tenth with what the machine's other tenants do."""
    cmd = [str(tool), "bench-parse", "--megabytes", "100"]
    rates = []
    for _ in range(PARSER_RUNS):
        show(cmd, c.archive)
        p = subprocess.run(cmd, cwd=c.archive, capture_output=True, text=True)
        m = re.search(r"([\d.]+) MB/s", p.stdout)
        if p.returncode != 0 or not m:
            raise BuildFailed(f"bench-parse failed: {p.stderr.strip()[-500:]}")
        print(f"    {p.stdout.strip()}")
        rates.append(float(m.group(1)))
    return statistics.median(rates)


# --------------------------------------------------------------------------------------------

SCENARIOS = ["full", "no-change", "one-change", "one-change again", "source added", "source removed"]  # the last three, archive's only


def summarise(size: int, tool: str, scenario: str, samples: list[dict]) -> dict:
    walls = [s["wall_s"] for s in samples]
    med = statistics.median(walls)
    search = [s["search_s"] for s in samples if "search_s" in s]
    return {
        "size": size, "tool": tool, "scenario": scenario, "runs": len(samples),
        "wall_s_median": round(med, 3), "wall_s_min": round(min(walls), 3),
        "cpu_s_median": round(statistics.median(s["cpu_s"] for s in samples), 2),
        "rss_mb_peak": max(s["rss_mb"] for s in samples),
        "pages": samples[-1]["pages"],
        "reports_per_s": round(size / med, 1) if med > 0 else None,
        "search_s_median": round(statistics.median(search), 3) if search else None,
        "samples": [{k: v for k, v in s.items() if k != "stdout"} for s in samples],
    }


def print_table(rows: list[dict], ratios: dict):
    head = ["size", "tool", "scenario", "wall s med (min)", "user+sys s", "peak RSS MB", "pages", "reports/s",
            "search s", "archive/hugo wall", "archive/hugo RSS"]
    table = [head]
    for r in rows:
        ratio = ratios.get((r["size"], r["scenario"])) if r["tool"] == "archive" else None
        table.append([str(r["size"]), r["tool"], r["scenario"], f"{r['wall_s_median']:.2f} ({r['wall_s_min']:.2f})",
                      f"{r['cpu_s_median']:.2f}", f"{r['rss_mb_peak']:.0f}", str(r["pages"]),
                      f"{r['reports_per_s']:.0f}" if r["reports_per_s"] else "-",
                      f"{r['search_s_median']:.2f}" if r.get("search_s_median") is not None else "-",
                      f"{ratio['wall']:.2f}" if ratio else "", f"{ratio['rss']:.2f}" if ratio else ""])
    tables.print_table(table, left=3)


def search_goals(rows: list[dict]) -> list[dict]:
    """Per size, the full build's search step and peak RSS against issue 14's goals, where it sets them."""
    out = []
    for r in rows:
        if r["tool"] != "archive" or r["scenario"] not in ("full", "one-change"):
            continue
        goal = SEARCH_GOALS.get(r["size"])
        secs, rss = r.get("search_s_median"), r["rss_mb_peak"]
        met = None if goal is None or secs is None else secs <= goal[0] and (r["scenario"] != "full" or rss <= goal[1])
        out.append({"size": r["size"], "scenario": r["scenario"], "search_s": secs, "rss_mb": rss,
                    "goal_s": goal[0] if goal else None, "goal_rss_mb": goal[1] if goal else None, "met": met})
    return out


def print_goals(goals: list[dict]):
    """The search step beside its goals: ≤ 5 s and ≤ 0.5 GB at 10,000 reports, ≤ 60 s and ≤ 1 GB at 100,000;
    after one source changed (what `serve` does on an edit) within the same seconds."""
    if not goals:
        return
    print("\nsearch indexing (the build's \"search\" step; peak RSS is the whole build's)")
    print(f"{'size':>7}  {'scenario':<10}  {'search s':>8}  {'goal s':>6}  {'peak RSS MB':>11}  {'goal MB':>7}  met")
    for g in goals:
        secs = f"{g['search_s']:.2f}" if g["search_s"] is not None else "-"
        print(f"{g['size']:>7}  {g['scenario']:<10}  {secs:>8}  {g['goal_s'] or '-':>6}  {g['rss_mb']:>11.0f}  "
              f"{(g['goal_rss_mb'] or '-') if g['scenario'] == 'full' else '':>7}  "
              f"{'-' if g['met'] is None else 'yes' if g['met'] else 'NO'}")


def serve_reload(c: Corpus, tool: Path, out_json: Path) -> dict | None:
    """bench/serve_reload.py on the corpus: an edit saved under `archive serve` until its page is reloaded."""
    src, _ = c.changed_source()
    page = f"reports/{src.stem.replace('_', '-')}-1.html"
    return run_reporting([sys.executable, str(BENCH / "serve_reload.py"), str(c.archive), str(tool), str(src), page],
                         out_json, "the serve reload benchmark did not see every edit")


def run_reporting(cmd: list[str], out_json: Path, failure: str):
    """Runs a benchmark script that writes its results to out_json (--json) and returns them, or None."""
    cmd = [*cmd, "--json", str(out_json)]
    show(cmd)
    if subprocess.run(cmd).returncode != 0:
        print(f"warning: {failure}")
    try:
        return json.loads(out_json.read_text())
    except (OSError, ValueError):
        return None


def build_goals(rows: list[dict], ratios: dict, parser_rates: dict[int, float], reload: dict | None = None,
                reload_size: int | None = None) -> list[dict]:
    """Issue 15's goals beside what was measured: each a (goal, measured, met) row."""
    out = []
    by = {(r["size"], r["tool"], r["scenario"]): r for r in rows}

    def add(what: str, goal: str, measured: str, met: bool | None):
        out.append({"goal": what, "target": goal, "measured": measured, "met": met})

    for size, share in sorted(WALL_SHARE_GOALS.items()):
        ratio = ratios.get((size, "full"))
        if ratio:
            add(f"full build at {size:,}, archive/hugo wall", f"<= {share:.2f}", f"{ratio['wall']:.2f}", ratio["wall"] <= share)
    big = {sc: by.get((100_000, "archive", sc)) for sc in SCENARIOS}
    if big["full"]:
        add("peak RSS at 100,000 (full build)", f"<= {BUILD_GOALS_100K['rss_mb']} MB", f"{big['full']['rss_mb_peak']:.0f} MB",
            big["full"]["rss_mb_peak"] <= BUILD_GOALS_100K["rss_mb"])
    for sc in ("no-change", "one-change", "one-change again"):
        if big[sc]:
            goal = BUILD_GOALS_100K["one-change_s" if sc == "one-change again" else f"{sc}_s"]
            add(f"{sc} build at 100,000 (new process)", f"<= {goal:g} s", f"{big[sc]['wall_s_median']:.2f} s", big[sc]["wall_s_median"] <= goal)
    for sc in ("source added", "source removed"):
        if big[sc]:
            add(f"{sc} at 100,000 (new process)", "(measured only)", f"{big[sc]['wall_s_median']:.2f} s", None)
    small, large = by.get((10_000, "archive", "full")), big["full"]
    if small and large:
        growth = large["wall_s_median"] / small["wall_s_median"]
        add("full build 10,000 -> 100,000, wall growth", "<= 10x (linear)", f"{growth:.1f}x", growth <= 10)
    if reload and reload.get("page_ms_median") is not None:
        ms = reload["page_ms_median"]
        add(f"serve at {reload_size:,}: edit saved -> page reloaded", f"<= {SERVE_RELOAD_GOAL_MS} ms", f"{ms:.0f} ms",
            ms <= SERVE_RELOAD_GOAL_MS)
    for size, mbs in sorted(parser_rates.items()):
        add(f"parser alone, {size:,} corpus (one core, CPU time)", f">= {PARSER_GOAL_MBS} MB/s", f"{mbs:.1f} MB/s", mbs >= PARSER_GOAL_MBS)
    return out


def print_build_goals(goals: list[dict]):
    if not goals:
        return
    print("\nbuild goals (issue 15)")
    table = [["goal", "target", "measured", "met"]]
    table += [[g["goal"], g["target"], g["measured"], "-" if g["met"] is None else "yes" if g["met"] else "NO"] for g in goals]
    tables.print_table(table, left=1)


def machine() -> dict:
    """Cores, memory and the disk the benchmark folder is on: the figures mean little without them."""
    info = {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()}
    try:
        with open("/proc/cpuinfo") as f:
            info["cpu_model"] = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), None)
        with open("/proc/meminfo") as f:
            info["memory_gb"] = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
        mount = subprocess.run(["findmnt", "-n", "-o", "SOURCE,FSTYPE,OPTIONS", "--target", str(BENCH / "work")],
                               capture_output=True, text=True).stdout.split()
        if mount:
            info["disk"] = {"device": mount[0], "filesystem": mount[1] if len(mount) > 1 else None}
            dev = Path(mount[0]).name
            rot = Path(f"/sys/block/{dev}/queue/rotational")
            if rot.exists():
                info["disk"]["rotational"] = rot.read_text().strip() == "1"
    except (OSError, StopIteration, IndexError):
        pass
    return info


def query_benchmark(site: Path, out_json: Path) -> list[dict] | None:
    """bench/search_queries.py on a built site: latency and bytes fetched of five queries."""
    if not (site / "search" / "index.json").is_file():
        print(f"\nsearch queries: skipped, {rel(site)} has no search/index.json (no index of the archive's own)")
        return None
    return run_reporting([sys.executable, str(BENCH / "search_queries.py"), str(site)], out_json,
                         "search_queries.py: a query did not finish (its row says which)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000", help="comma-separated report counts (default 10000,100000)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each tool and scenario (default 3)")
    ap.add_argument("--archive-only", action="store_true", help="benchmark archive alone; do not install or run Hugo")
    ap.add_argument("--hugo-sizes", help="comma-separated sizes at which to run Hugo too (default: every size)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    ap.add_argument("--tool", type=Path, help="an archive binary to use as it is (default: build .build/release/archive)")
    ap.add_argument("--no-search", dest="search", action="store_false",
                    help="build the archive without search (no search step, no query benchmark)")
    ap.add_argument("--json", type=Path, help="where to write the results (default bench/results/bench-<sizes>.json)")
    args = ap.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        ap.error("--sizes takes comma-separated integers, e.g. 10000,100000")
    if not sizes or min(sizes) < 1 or args.runs < 1:
        ap.error("--sizes and --runs must be positive")
    try:
        hugo_sizes = set(sizes) if args.hugo_sizes is None else {int(s) for s in args.hugo_sizes.split(",") if s.strip()}
    except ValueError:
        ap.error("--hugo-sizes takes comma-separated integers")
    if args.archive_only:
        hugo_sizes = set()
    out_json = args.json or BENCH / "results" / f"bench-{'-'.join(map(str, sizes))}{'-archive' if args.archive_only else ''}.json"

    try:
        if not Path("/usr/bin/time").exists():
            apt_install(["time"])
        # The search queries are timed in a browser, as a reader runs them.
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            apt_install(["chromium"])
        if args.tool:
            tool = args.tool.resolve()
        else:
            run(["swift", "build", "-c", "release", "--product", "archive"], cwd=REPO)
            tool = REPO / ".build" / "release" / "archive"
        hugo_version = None
        if hugo_sizes:
            if not shutil.which("hugo"):
                apt_install(["hugo"])
            hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
            print(hugo_version)
        pagination = generate.pagination_style("auto")

        rows, ratios, checks, parser_rates = [], {}, [], {}
        for size in sizes:
            corpus = Corpus(size, args.seed)
            corpus.ensure(pagination)
            set_search(corpus.archive / "archive.toml", args.search)
            parser_rates[size] = parser_throughput(corpus, tool)
            expected = corpus.expected_reports
            samples: dict[tuple[str, str], list[dict]] = {}
            tools = ["archive", "hugo"] if size in hugo_sizes else ["archive"]
            for i in range(args.runs):
                print(f"\n== {size} reports, run {i + 1}/{args.runs}")
                for t in (tools if i % 2 == 0 else tools[::-1]):
                    res = archive_scenarios(corpus, tool) if t == "archive" else hugo_scenarios(corpus)
                    for sc, r in res.items():
                        samples.setdefault((t, sc), []).append(r)
                    if t == "archive" and res["full"].get("reports") != expected:
                        msg = f"{size}: archive built {res['full'].get('reports')} reports, the generator wrote {expected}"
                        print(f"warning: {msg}")
                        checks.append(msg)
            for t in tools:
                for sc in SCENARIOS:
                    if (t, sc) in samples:
                        rows.append(summarise(size, t, sc, samples[(t, sc)]))
            if size in hugo_sizes:
                by = {(r["tool"], r["scenario"]): r for r in rows if r["size"] == size}
                for sc in SCENARIOS:
                    if ("hugo", sc) not in by:
                        continue
                    a, h = by[("archive", sc)], by[("hugo", sc)]
                    ratios[(size, sc)] = {"wall": a["wall_s_median"] / h["wall_s_median"] if h["wall_s_median"] else 0,
                                          "rss": a["rss_mb_peak"] / h["rss_mb_peak"] if h["rss_mb_peak"] else 0}
    except BuildFailed as e:
        print(f"error: {e}", file=sys.stderr)
        return 1

    finally:
        empty_trash()

    print_table(rows, ratios)
    goals = search_goals(rows) if args.search else []
    print_goals(goals)
    queries = None
    if args.search and sizes:
        largest = BENCH / "work" / str(max(sizes)) / "archive" / "public"
        queries = query_benchmark(largest, out_json.with_name(out_json.stem + "-queries.json"))
    reload = None
    if sizes:
        largest = Corpus(max(sizes), args.seed)
        reload = serve_reload(largest, tool, out_json.with_name(out_json.stem + "-serve.json"))
    build = build_goals(rows, ratios, parser_rates, reload, max(sizes) if sizes else None)
    print_build_goals(build)
    here = machine()
    disk = here.get("disk") or {}
    print(f"\nmachine: {here['cpus']} cores ({here.get('cpu_model') or 'unknown CPU'}), {here.get('memory_gb', '?')} GB, "
          f"disk {disk.get('device', '?')} ({disk.get('filesystem', '?')}"
          f"{', rotational' if disk.get('rotational') else ', not rotational' if disk.get('rotational') is False else ''})")
    for msg in checks:
        print(f"warning: {msg}")
    out_json.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "sizes": sizes, "runs": args.runs, "seed": args.seed, "hugo_sizes": sorted(hugo_sizes),
        "machine": here,
        "hugo": hugo_version,
        "results": rows,
        "ratios": [{"size": s, "scenario": sc, "archive_over_hugo_wall": round(v["wall"], 3),
                    "archive_over_hugo_rss": round(v["rss"], 3)} for (s, sc), v in ratios.items()],
        "parser_mb_per_s": {str(k): v for k, v in parser_rates.items()},
        "search_goals": goals,
        "build_goals": build,
        "serve_reload": reload,
        "search_queries": [{k: v for k, v in q.items() if k != "files"} for q in queries or []],
        "warnings": checks,
    }
    out_json.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    print(f"\nwrote {rel(out_json)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
