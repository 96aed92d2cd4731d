"""The result indicators: the situation of the people who left the project in the period,
at their exit and six months later (the path's exit and follow-up, participants.Path).

Who counts: every path of the project (or of the projects co-financed by the kind of fund
asked for) that ended (completed or withdrawn) in the period, by its exit date, in the
territory of the person's record. A follow-up not yet recorded is a category of its own.
Same suppression as the entry tables; two queries.
"""

from django.utils.translation import gettext_lazy as _

from monitoring.indicators import (
    build_table,
    count_groups,
    people_margin,
    territory_columns,
)
from monitoring.suppression import protect
from participants.models import ContractType, ExitOutcome

RESULT_GROUPS = [
    ("exit_outcome", _("Situation at exit"), ExitOutcome.choices, _("Not recorded")),
    ("contract_type", _("Contract at exit"), ContractType.choices, _("No contract")),
    (
        "follow_up_outcome",
        _("Situation six months after exit"),
        ExitOutcome.choices,
        _("Not followed up yet"),
    ),
]


def leavers(scope):
    """One dict per path that ended in the period: territory and outcomes."""
    paths = scope.paths().filter(exited_on__gte=scope.starts_on, exited_on__lte=scope.ends_on)
    return [
        {
            "id": row["participant_id"],
            "territory": row["participant__territory_id"],
            "exit_outcome": row["exit_outcome"],
            "contract_type": row["contract_type"],
            "follow_up_outcome": row["follow_up_outcome"],
        }
        for row in paths.values(
            "participant_id",
            "participant__territory_id",
            "exit_outcome",
            "contract_type",
            "follow_up_outcome",
        )
    ]


def result_counts(scope):
    people = leavers(scope)
    columns = territory_columns(scope, people)
    column_ids = [territory.pk for territory in columns]
    groups = {
        key: count_groups(people, column_ids, lambda p, key=key: p[key], choices)
        for key, _label, choices, _empty in RESULT_GROUPS
    }
    return columns, people_margin(people, column_ids), groups


def results_table(scope):
    """The result indicators of ``scope``, every count already suppressed."""
    columns, margin, groups = result_counts(scope)
    hidden, margin_hidden = protect(groups, margin)
    return build_table(
        "results",
        _("Results at exit and six months later"),
        _("People who left the project in the period, by territory."),
        RESULT_GROUPS,
        groups,
        margin,
        columns,
        hidden,
        margin_hidden,
        margin_label=_("People who left"),
    )
