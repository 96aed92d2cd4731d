"""`make bench`, allowance: a month's run for 1,000 people finishes in seconds, with the same
number of queries as for 50 people, and running it again creates nothing.

`section(env)` measures and returns the Markdown section of docs/performance.md and whether
it met its targets; bench/run.py appends it. `python -m bench.run --only allowance` runs this
scenario alone and replaces its section.
"""

from bench.harness import run_json

SIZES = (50, 1000)
SECONDS = 10  # "finishes in seconds": the first run, cold, for the larger size
HEADING = "## Allowance: a month's run for 1,000 people"


def measure(env):
    return [run_json("bench.seed_allowance", str(count), env=env) for count in SIZES]


def render(runs):
    """The Markdown section and whether every target was met."""
    small, large = runs
    lines = [
        HEADING,
        "",
        "November of a course (eight four-hour days, every third person missing two days,",
        "every seventh with a justified absence) is locked, then `compute_month` runs in one",
        "process with production settings: the first run creates every statement, the second",
        "must find nothing to create or change. Queries are counted for both sizes.",
        "",
        "| people | statements | first run s | first run queries | second run s "
        "| second run queries | created/updated the second time | target | result |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    ok_all = True
    for run in runs:
        first, again = run["first"], run["again"]
        created, updated, _corrections = again["result"]
        ok = (
            run["statements"] == run["people"]
            and created == updated == 0
            and first["queries"] == small["first"]["queries"]
            and (run is not large or first["seconds"] <= SECONDS)
        )
        ok_all = ok_all and ok
        lines.append(
            f"| {run['people']:,} | {run['statements']:,} | {first['seconds']:.2f} | "
            f"{first['queries']} | {again['seconds']:.2f} | {again['queries']} | "
            f"{created}/{updated} | ≤ {SECONDS} s, constant queries, idempotent | "
            f"{'pass' if ok else 'FAIL'} |"
        )
    lines.append("")
    return "\n".join(lines), ok_all


def section(env):
    return render(measure(env))
