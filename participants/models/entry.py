"""What the ESF+ common indicators (Reg. (EU) 2021/1057, Annex I) ask about a person at entry
that is not a special category: gender, employment situation, education, household. Each
can be answered "prefers not to say"; left empty, it was not asked. The age band is computed
from the date of birth. The special-category indicators are not here: they live, encrypted
and consented, in monitoring.MonitoringRecord, which no moderator, tutor or company reaches.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

NOT_STATED = "not_stated"
NOT_STATED_LABEL = _("Prefers not to say")


class Gender(models.TextChoices):
    FEMALE = "female", _("Woman")
    MALE = "male", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    NOT_STATED = NOT_STATED, NOT_STATED_LABEL


class LabourStatus(models.TextChoices):
    EMPLOYED = "employed", _("Employed, including self-employed")
    # Exclusive categories: Annex I's "unemployed, including long-term unemployed" is the
    # sum of these two.
    UNEMPLOYED = "unemployed", _("Unemployed, not long-term")
    LONG_TERM_UNEMPLOYED = (
        "long_term_unemployed",
        _("Long-term unemployed (over 12 months; over 6 under the age of 25)"),
    )
    INACTIVE = "inactive", _("Inactive (neither working nor looking for work)")
    NOT_STATED = NOT_STATED, NOT_STATED_LABEL


class EducationLevel(models.TextChoices):
    ISCED_0_2 = "isced_0_2", _("Primary or lower secondary (ISCED 0–2)")
    ISCED_3_4 = "isced_3_4", _("Upper or post-secondary (ISCED 3–4)")
    ISCED_5_8 = "isced_5_8", _("Tertiary (ISCED 5–8)")
    NOT_STATED = NOT_STATED, NOT_STATED_LABEL


class Household(models.TextChoices):
    JOBLESS = "jobless", _("Nobody in the household works")
    JOBLESS_WITH_CHILDREN = (
        "jobless_with_children",
        _("Nobody in the household works, with dependent children"),
    )
    SINGLE_ADULT_WITH_CHILDREN = "single_adult_children", _("Single adult with dependent children")
    NONE = "none", _("None of these")
    NOT_STATED = NOT_STATED, NOT_STATED_LABEL


class AgeBand(models.TextChoices):
    """The Annex I age groups at entry."""

    UNDER_30 = "under_30", _("Below 30")
    FROM_30_TO_54 = "30_54", _("30 to 54")
    FROM_55 = "55_plus", _("55 and above")


def age_band(date_of_birth, on):
    """The Annex I band of a person born on ``date_of_birth`` on day ``on``; "" if unknown."""
    from projects.eligibility import age_on

    if date_of_birth is None or on is None:
        return ""
    age = age_on(date_of_birth, on)
    if age < 30:
        return AgeBand.UNDER_30
    return AgeBand.FROM_30_TO_54 if age < 55 else AgeBand.FROM_55


class EntryData(models.Model):
    """The Participant's Annex I entry fields (a mixin, so they are declared in one place)."""

    gender = models.CharField(_("gender"), max_length=12, choices=Gender.choices, blank=True)
    labour_status = models.CharField(
        _("employment situation at entry"),
        max_length=22,
        choices=LabourStatus.choices,
        blank=True,
    )
    education_level = models.CharField(
        _("education level (ISCED)"), max_length=10, choices=EducationLevel.choices, blank=True
    )
    household = models.CharField(
        _("household situation"), max_length=22, choices=Household.choices, blank=True
    )

    class Meta:
        abstract = True
