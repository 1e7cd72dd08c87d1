#!/usr/bin/env bash
# Benchmark smoke test for CI: a small corpus (300 reports), archive only, one run.
# Generates bench/work/300, runs a full build, a no-change rebuild and a rebuild after one source changed,
# and checks that public/reports/ has a page per report the generator wrote and that the last build parsed
# only the changed source. Then five edits that move reports, built in turn, and a clean build of the sources
# they leave, which must give the same site. Exits non-zero on a failed build or a mismatch.
#   bash bench/ci.sh            # BENCH_CI_REPORTS=N for another size
set -euo pipefail
cd "$(dirname "$0")/.."

N="${BENCH_CI_REPORTS:-300}"
WORK="bench/work/$N"
SITE="$WORK/archive"
TOOL=.build/release/archive

run() { echo "+ $*"; "$@"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# Up to date, this is a no-op check of a few seconds; BENCH_CI_SKIP_BUILD=1 uses the tool as built.
if [ -n "${BENCH_CI_SKIP_BUILD:-}" ] && [ -x "$TOOL" ]; then
  echo "using $TOOL as built (BENCH_CI_SKIP_BUILD)"
else
  run swift build -c release --product archive
fi

t0=$(now)
run python3 bench/generate.py --reports "$N" --out "$WORK" --seed 1
t_gen=$(secs "$t0" "$(now)")
expected=$(cat "$SITE/expected-reports.txt")
# With search and compare pages on, and short list pages, so that the edits below reach every kind of file.
sed -i -e 's/^enabled = false$/enabled = true/' -e 's/^neighbours = false$/neighbours = true/' \
  -e 's/^page_size = .*/page_size = 10/' "$SITE/archive.toml"
for setting in 'enabled = true' 'neighbours = true' 'page_size = 10'; do
  grep -qx "$setting" "$SITE/archive.toml" || { echo "FAIL: could not set '$setting' in $SITE/archive.toml" >&2; exit 1; }
done

run rm -rf "$SITE/public" "$SITE/.archive-cache"
build() {  # prints the build's output (of $SITE, or of the config given); fails the script when the build fails
  local out
  if ! out=$(run "$TOOL" build --config "${1:-$SITE/archive.toml}"); then
    echo "$out" >&2; echo "FAIL: archive build exited non-zero" >&2; exit 1
  fi
  echo "$out"
}
t0=$(now)
full_out=$(build)
t_full=$(secs "$t0" "$(now)")
echo "$full_out"

t0=$(now)
again_out=$(build)
t_again=$(secs "$t0" "$(now)")
echo "$again_out"

# One source changed: only it is parsed again (the build cache is read in a new process).
changed=$(ls "$SITE/content" | sed -n '2p')
cp "$SITE/content/$changed" "$WORK/changed.orig"
printf '\n本年度各项工作均已按计划完成。\n' >> "$SITE/content/$changed"
t0=$(now)
change_out=$(build)
t_change=$(secs "$t0" "$(now)")
cp "$WORK/changed.orig" "$SITE/content/$changed"
echo "$change_out"

# One page per report: reports/<source>-<n>.html, or reports/<slug>/index.html with pretty_urls.
pages=$( { find "$SITE/public/reports" -maxdepth 1 -type f -name '*.html'
           find "$SITE/public/reports" -mindepth 2 -maxdepth 2 -type f -name 'index.html'; } 2>/dev/null | wc -l)
built=$(printf '%s\n' "$full_out" | sed -n 's/.*built \([0-9][0-9]*\) reports.*/\1/p' | tail -1)

echo
echo "bench-ci: $N reports requested, $expected written by the generator"
echo "  generate            ${t_gen} s"
echo "  full build          ${t_full} s  (archive: ${built:-?} reports)"
echo "  no-change rebuild   ${t_again} s"
echo "  one source changed  ${t_change} s"
echo "  report pages        $pages"

status=0
if ! printf '%s\n' "$change_out" | grep -q "(1 parsed)"; then
  echo "FAIL: after one source changed the build parsed more than that source" >&2
  status=1
fi
if [ "$pages" -ne "$expected" ]; then
  echo "FAIL: $pages report pages in $SITE/public/reports, expected $expected" >&2
  status=1
fi
if [ "${built:-}" != "$expected" ]; then
  echo "FAIL: archive build reported ${built:-no count} reports, expected $expected" >&2
  status=1
fi
if [ "$status" -ne 0 ]; then
  # Which sources were split differently from what the generator wrote (manifest.tsv).
  python3 - "$WORK" <<'PY' >&2
import csv, os, re, sys
work = sys.argv[1]
pages = {}
for name in os.listdir(os.path.join(work, "archive", "public", "reports")):
    m = re.match(r"(.+)-\d+(?:x*)(?:\.html)?$", name)
    if m and (name.endswith(".html") or os.path.isdir(os.path.join(work, "archive", "public", "reports", name))):
        pages[m.group(1)] = pages.get(m.group(1), 0) + 1
shown = 0
for row in csv.DictReader(open(os.path.join(work, "manifest.tsv"), encoding="utf-8"), delimiter="\t"):
    # The archive names pages by the source's slug: lowercase letters and digits, other runs as `-`.
    stem = re.sub(r"[^a-z0-9]+", "-", row["source"].removesuffix(".txt").lower()).strip("-")
    if pages.get(stem, 0) != int(row["reports"]) and shown < 20:
        print(f"  {row['source']} ({row['form']}, {row['style']}): {row['reports']} written, {pages.get(stem, 0)} pages")
        shown += 1
PY
  exit 1
fi

# Edits that move reports, each built in turn: the edit undone, a collection copied in, a report's years
# moved back, a source removed, another copied in. A clean build of the sources they leave, in a folder of
# its own, must then give the same site byte for byte: the incremental builds patch the spare site's files
# in place and renumber lists and the search index, and must not drift from what a full build writes.
collection=$(awk -F'\t' 'NR > 1 && $2 != "single" { print $1; exit }' "$WORK/manifest.tsv")
single=$(awk -F'\t' 'NR > 1 && $2 == "single" && ++n == 3 { print $1; exit }' "$WORK/manifest.tsv")
removed=$(tail -n 1 "$WORK/manifest.tsv" | cut -f1)
if [ -z "$collection" ] || [ -z "$single" ] || [ "$(printf '%s\n' "$changed" "$collection" "$single" "$removed" | sort -u | wc -l)" -ne 4 ]; then
  echo "FAIL: $N reports are too few for the edit sequence (it needs a collection, three single-report sources and four sources apart)" >&2
  exit 1
fi
t0=$(now)
seq_out=$(build)
cp "$SITE/content/$collection" "$SITE/content/copy-a-$collection"
seq_out+=$'\n'$(build)
python3 - "$SITE/content/$single" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
back = lambda m: m.group(0) if int(m.group(1)) < 3 else f"20{int(m.group(1)) - 3:02d}"
open(path, "w", encoding="utf-8").write(re.sub(r"20([0-9]{2})", back, text))
PY
seq_out+=$'\n'$(build)
rm "$SITE/content/$removed"
seq_out+=$'\n'$(build)
cp "$SITE/content/$changed" "$SITE/content/copy-b-$changed"
seq_out+=$'\n'$(build)
t_seq=$(secs "$t0" "$(now)")
echo "$seq_out"
CLEAN="$WORK/clean"
run rm -rf "$CLEAN"
mkdir -p "$CLEAN"
cp -r "$SITE/content" "$SITE/templates" "$SITE/archive.toml" "$CLEAN/"
build "$CLEAN/archive.toml" > /dev/null
echo "  five edits          ${t_seq} s, then a clean build of the same sources"
if ! site_diff=$(diff -r -q "$SITE/public" "$CLEAN/public"); then
  echo "FAIL: after the edits the site differs from a clean build of the same sources:" >&2
  printf '%s\n' "$site_diff" | head -20 >&2
  exit 1
fi
echo "bench-ci: OK"
