"""A benchmark run for one section rewrites that section of docs/performance.md only."""

from bench.harness import splice

DOC = "# Performance\n\nintro\n\n## Participants\n\nkept\n\n## Production shape\n\nkept too\n"


def test_a_new_section_goes_before_the_one_named():
    new = splice(DOC, "## Reports", "## Reports\n\nfigures\n", before="## Production shape")
    assert new == (
        "# Performance\n\nintro\n\n## Participants\n\nkept\n\n## Reports\n\nfigures\n\n"
        "## Production shape\n\nkept too\n"
    )


def test_a_second_run_replaces_the_section_and_nothing_else():
    once = splice(DOC, "## Reports", "## Reports\n\nold\n", before="## Production shape")
    twice = splice(once, "## Reports", "## Reports\n\nnew\n", before="## Production shape")
    assert twice == once.replace("old", "new")


def test_without_the_heading_named_it_goes_at_the_end():
    assert splice("# P\n\nintro\n", "## Reports", "## Reports\n\nx\n", before="## Nope") == (
        "# P\n\nintro\n\n## Reports\n\nx\n"
    )
