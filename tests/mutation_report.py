"""`make mutation`: mutmut over the modules that guard people and money; writes docs/testing.md.

Runs on SQLite (mutmut forks a process per mutant; PostgreSQL connections do not survive a
fork), one mutant at a time, each against the tests that run the mutated function only (the
selection in pyproject.toml's [tool.mutmut]). Usage:

    python -m tests.mutation_report                      # every module in only_mutate
    python -m tests.mutation_report "companies.privacy.*" # mutant-name globs: a subset

Not part of CI: a full run takes long. The score and each surviving mutant are written to
the "Mutation score" section of docs/testing.md, with the date and what was run.
"""

import fnmatch
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DOC = BASE_DIR / "docs" / "testing.md"
START, END = "<!-- mutation:start -->", "<!-- mutation:end -->"
RESULT = re.compile(r"^\s+(?P<name>\S+): (?P<status>.+)$")


def mutmut(*args, check=True):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    binary = Path(sys.executable).with_name("mutmut")
    return subprocess.run(
        [str(binary), *args], cwd=BASE_DIR, env=env, check=check, text=True, capture_output=True
    )


def results():
    """{mutant name: status} for every mutant mutmut knows, killed ones included."""
    out = mutmut("results", "--all", "true").stdout
    return {m["name"]: m["status"] for m in map(RESULT.match, out.splitlines()) if m}


def report(found, patterns):
    counts = Counter(found.values())
    decided = sum(n for status, n in counts.items() if status not in ("not checked",))
    killed = counts["killed"] + counts["timeout"]
    score = f"{100 * killed / decided:.1f} %" if decided else "n/a"
    lines = [
        START,
        f"Last run: {date.today().isoformat()}, mutmut, "
        f"mutants: {', '.join(patterns) if patterns else 'every module in only_mutate'}.",
        "",
        f"**Score: {score}** ({killed} killed of {decided} checked; "
        + ", ".join(f"{status}: {n}" for status, n in sorted(counts.items()))
        + ").",
        "",
        "Surviving mutants (`mutmut show NAME` prints the change):",
        "",
    ]
    survivors = sorted(name for name, status in found.items() if status == "survived")
    lines += [f"- `{name}`" for name in survivors] or ["- none"]
    lines.append(END)
    return "\n".join(lines)


def main(patterns):
    run = mutmut("run", "--max-children", "1", *patterns, check=False)
    sys.stdout.write(run.stdout[-3000:])
    found = results()
    if patterns:
        found = {
            name: status
            for name, status in found.items()
            if any(fnmatch.fnmatch(name, p) for p in patterns)
        }
    section = report(found, patterns)
    text = DOC.read_text()
    text = re.sub(f"{re.escape(START)}.*{re.escape(END)}", lambda _m: section, text, flags=re.S)
    DOC.write_text(text)
    print(section)


if __name__ == "__main__":
    main(sys.argv[1:])
