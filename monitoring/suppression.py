"""Small-cell suppression for tables with margins, on top of the project report's rule.

The project report (companies.project_report) hides every count below SMALL_CELL and
withholds a total that would give a hidden count back. Indicator tables have totals both
ways (a category across territories; a territory's categories add up to its participants),
so a hidden count could be recovered along either line: the complementary suppression here
also hides, line by line, the smallest count shown beside it until no line gives one back.
"""

from companies.project_report import HIDDEN, SMALL_CELL, WITHHELD, mask


def reveals(hidden_values):
    """Whether a line whose total is shown gives its hidden counts back (or bounds them
    too tightly): one hidden count, hidden counts adding up to less than SMALL_CELL, or
    hidden counts that must all be at the largest value a hidden count can have."""
    if not hidden_values:
        return False
    return (
        len(hidden_values) == 1
        or sum(hidden_values) < SMALL_CELL
        or all(value == SMALL_CELL - 1 for value in hidden_values)
    )


def _protect_line(values, hidden, cells, total):
    """Hides one more cell of the line if it reveals; True when it did."""
    if total in hidden:
        return False
    if not reveals([values[cell] for cell in cells if cell in hidden]):
        return False
    shown = [cell for cell in cells if cell not in hidden]
    hidden.add(min(shown, key=lambda cell: (values[cell], cell)) if shown else total)
    return True


def protect(groups, margin):
    """Which cells to hide, in a set of category × column tables sharing one margin.

    ``groups``: {name: [[count per column] per category]}, the last column being the row
    total; ``margin``: [participants per column], the last one the grand total, which every
    group's column adds up to. Returns (hidden cells as (group, row, column), hidden margin
    columns). The margin is shared so that no table shows a total another one hides.
    """
    values = {}
    for name, rows in groups.items():
        for r, row in enumerate(rows):
            for c, count in enumerate(row):
                values[(name, r, c)] = count
    for c, count in enumerate(margin):
        values[("margin", 0, c)] = count
    hidden = {cell for cell, count in values.items() if count < SMALL_CELL}
    last = len(margin) - 1
    lines = [([("margin", 0, c) for c in range(last)], ("margin", 0, last))]
    for name, rows in groups.items():
        for r in range(len(rows)):
            lines.append(([(name, r, c) for c in range(last)], (name, r, last)))
        for c in range(last + 1):
            lines.append(([(name, r, c) for r in range(len(rows))], ("margin", 0, c)))
    changed = True
    while changed:
        changed = False
        for cells, total in lines:
            changed |= _protect_line(values, hidden, cells, total)
    margin_hidden = {c for (name, _r, c) in hidden if name == "margin"}
    return {cell for cell in hidden if cell[0] != "margin"}, margin_hidden


def shown(count, is_hidden):
    """A cell as displayed: the count, HIDDEN for a small one, WITHHELD for one hidden only
    so that a small one beside it stays hidden."""
    if not is_hidden:
        return count
    return HIDDEN if mask(count) == HIDDEN else WITHHELD
