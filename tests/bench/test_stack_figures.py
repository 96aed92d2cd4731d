"""The figures the production-shape benchmark reports (bench/soak.py, bench/stack.py)."""

import os

import pytest

from bench.soak import growth, percentile, tree_rss_kb
from bench.stack import HEADING, splice, visible_after


def test_percentile_is_a_value_observed_by_nearest_rank():
    latencies = list(range(1, 101))  # 1 … 100 ms
    assert percentile(latencies, 95) == 95
    assert percentile(latencies, 50) == 50
    assert percentile([7.0], 95) == 7.0
    assert percentile([3, 1, 2], 100) == 3
    assert percentile([], 95) == 0.0


def test_memory_growth_compares_the_last_third_with_the_first():
    assert growth([100, 100, 100, 100, 100, 100]) == 0
    # One spike in the middle does not count; the thirds' means do.
    assert growth([100, 100, 400, 400, 110, 110]) == 0.1
    assert growth([200, 200, 200, 100, 100, 100]) == -0.5
    assert growth([100]) == 0.0


def test_a_process_tree_has_resident_memory_and_a_gone_one_none():
    assert tree_rss_kb(os.getpid()) > 0
    assert tree_rss_kb(2**22 + 7) == 0  # beyond pid_max's default: no such process


def test_a_publish_is_visible_from_the_first_request_that_stays_new():
    seen = [(1.0, False), (1.2, True), (1.3, False), (1.5, True), (1.6, True)]
    assert visible_after(seen, returned=1.1) == pytest.approx(0.4)
    # Shown before the publish returned (the refresh happens inside it): no delay.
    assert visible_after([(0.9, True), (1.0, True)], returned=1.1) == 0.0
    assert visible_after([(1.0, True), (1.2, False)], returned=1.1) is None


def test_the_section_replaces_its_old_self_and_keeps_the_rest():
    old = f"# Performance\n\nintro\n\n{HEADING}\n\nold figures\n\n## Later section\n\nkept\n"
    new = splice(old, f"{HEADING}\n\nnew figures\n")
    assert (
        new == f"# Performance\n\nintro\n\n{HEADING}\n\nnew figures\n\n## Later section\n\nkept\n"
    )
    assert splice("# Performance\n\nintro\n", f"{HEADING}\n\nfigures\n") == (
        f"# Performance\n\nintro\n\n{HEADING}\n\nfigures\n"
    )
