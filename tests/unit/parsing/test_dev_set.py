"""Every labelled dev message parses to exactly its `expected` (no per-message special cases exist)."""

import pytest
from verzek.parsing import parse_message

from tests.unit.parsing.conftest import dev_rows

ROWS = dev_rows()


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_dev_message_parses_to_expected(row):
    assert parse_message(row["text"]).to_expected_dict() == row["expected"]


def test_dev_exact_match_rate_is_complete():
    exact = sum(parse_message(r["text"]).to_expected_dict() == r["expected"] for r in ROWS)
    assert exact == len(ROWS), f"exact match {exact}/{len(ROWS)}"


def test_dev_opens_with_consistent_levels_are_tradable():
    # Of the dev opens only the ones a post alone cannot judge (no side-defining levels) may be rejected.
    rejected = {r["id"]: parse_message(r["text"]).rejected for r in ROWS if r["expected"]["kind"] == "open"}
    assert {k: v for k, v in rejected.items() if v} == {}
