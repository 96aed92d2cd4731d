"""Allowance rules are versioned data: periods of one project never overlap, and only staff
with the permission edit them in the admin."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from allowance.models import AllowanceRule, ExtraItem, as_rule
from tests.factories.participants import ProjectFactory
from tests.factories.users import StaffUserFactory, UserFactory, admin_user

pytestmark = pytest.mark.django_db

D = datetime.date


def rule(project, start, end=None, **kwargs):
    values = {
        "name": f"Regole dal {start}",
        "counted_kinds": ["course", "internship"],
        "basis": "hour",
        "rate": Decimal("5.00"),
        "monthly_cap": Decimal("500.00"),
    }
    return AllowanceRule(project=project, valid_from=start, valid_to=end, **(values | kwargs))


def test_versions_of_a_project_may_not_overlap():
    project = ProjectFactory()
    first = rule(project, D(2026, 1, 1), D(2026, 6, 30))
    first.full_clean()
    first.save()
    rule(project, D(2026, 7, 1)).full_clean()  # the day after: fine
    with pytest.raises(ValidationError) as refused:
        rule(project, D(2026, 6, 30)).full_clean()
    assert "valid_from" in refused.value.message_dict
    with pytest.raises(ValidationError):
        rule(project, D(2025, 1, 1), None).full_clean()  # open-ended from before
    rule(ProjectFactory(), D(2026, 3, 1)).full_clean()  # another project: fine


def test_a_period_ends_after_it_starts_and_counts_some_activity():
    project = ProjectFactory()
    with pytest.raises(ValidationError) as refused:
        rule(project, D(2026, 5, 1), D(2026, 4, 30), counted_kinds=[]).full_clean()
    assert set(refused.value.message_dict) == {"valid_to", "counted_kinds"}
    with pytest.raises(ValidationError):
        rule(project, D(2026, 5, 1), counted_kinds=["gardening"]).full_clean()


def test_a_version_becomes_plain_values_for_the_calculation():
    version = rule(ProjectFactory(), D(2026, 1, 1), rounding="ROUND_DOWN")
    version.save()
    ExtraItem.objects.create(
        rule=version, kind="housing", label="Casa", amount=Decimal("150"), basis="month"
    )
    plain = as_rule(AllowanceRule.objects.get(pk=version.pk))
    assert plain.counted_kinds == {"course", "internship"}
    assert plain.round(Decimal("1.239")) == Decimal("1.23")
    assert plain.extras[0].amount == Decimal("150")


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def form_data(project, **overrides):
    data = {
        "project": project.pk,
        "name": "DGR 123/2026",
        "valid_from": "2026-01-01",
        "valid_to": "",
        "counted_kinds": ["course", "workshop"],
        "basis": "hour",
        "rate": "5.00",
        "monthly_cap": "500.00",
        "rounding": "ROUND_HALF_UP",
        "rounding_step": "0.01",
        "threshold_percent": "70",
        "below_threshold": "proportional",
        "extras-TOTAL_FORMS": "1",
        "extras-INITIAL_FORMS": "0",
        "extras-MIN_NUM_FORMS": "0",
        "extras-MAX_NUM_FORMS": "1000",
        "extras-0-kind": "housing",
        "extras-0-label": "Autonomia abitativa",
        "extras-0-basis": "month",
        "extras-0-amount": "200.00",
        "extras-0-cap": "",
        "extras-0-min_attendance_percent": "70",
        "extras-0-min_days": "0",
        "extras-0-ORDER": "1",
    }
    return data | overrides


def test_staff_with_the_permission_add_a_version_with_its_extras(client, no_staff_mfa):
    project = ProjectFactory()
    user = admin_user(
        UserFactory(is_staff=True),
        "wagtailadmin.access_admin",
        "allowance.add_allowancerule",
        "allowance.view_allowancerule",
    )
    client.force_login(user)
    response = client.post(url("allowance_rules:add"), form_data(project))
    assert response.status_code == 302, response.context["form"].errors
    saved = AllowanceRule.objects.get()
    assert saved.counted_kinds == ["course", "workshop"]
    assert saved.extras.get().label == "Autonomia abitativa"
    overlapping = client.post(url("allowance_rules:add"), form_data(project, name="Bis"))
    assert overlapping.status_code == 200
    assert "overlaps" in overlapping.text
    assert AllowanceRule.objects.count() == 1


def test_staff_without_the_permission_are_refused(client, no_staff_mfa):
    user = admin_user(UserFactory(is_staff=True), "wagtailadmin.access_admin")
    client.force_login(user)
    assert client.get(url("allowance_rules:index")).status_code == 403
    response = client.post(url("allowance_rules:add"), form_data(ProjectFactory()))
    assert response.status_code == 403
    assert not AllowanceRule.objects.exists()


@pytest.mark.parametrize("language", ["it", "en", "ar"])
def test_the_rules_screens_open_in_every_language(client, no_staff_mfa, language):
    version = rule(ProjectFactory(), D(2026, 1, 1))
    version.save()
    client.force_login(StaffUserFactory())
    with translation.override(language):
        assert client.get(url("allowance_rules:index", language=language)).status_code == 200
        edit = client.get(url("allowance_rules:edit", version.pk, language=language))
    assert edit.status_code == 200
    assert 'name="counted_kinds"' in edit.text


def test_a_rule_row_opens_the_editor_from_its_title_and_keeps_delete_in_its_menu(
    client, no_staff_mfa
):
    version = rule(ProjectFactory(), D(2026, 1, 1))
    version.save()
    client.force_login(StaffUserFactory())
    with translation.override("en"):
        listing = client.get(url("allowance_rules:index")).text
        edit, delete = (
            url("allowance_rules:edit", version.pk),
            url("allowance_rules:delete", version.pk),
        )
    start = listing.index('<table class="listing"')
    table = listing[start : listing.index("</table>", start)]
    assert table.count(f'href="{edit}"') == 1
    assert table.count(f'href="{delete}"') == 1
    assert table.count('data-controller="w-dropdown"') == 1
