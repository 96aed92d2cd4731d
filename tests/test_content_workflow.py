"""The content workflow: editors submit, content reviewers approve and publish."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow, WorkflowPage

from tests.factories.pages import StandardPageFactory, home_page
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module("home.migrations.0007_content_review_workflow")


def staff_in(group_name):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_editor_submits_and_reviewer_publishes():
    editor, reviewer = staff_in("Editors"), staff_in("Content reviewers")
    page = StandardPageFactory(parent=home_page(), title="Chi siamo")
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(reviewer).can_publish()

    page.title = "Chi siamo e cosa facciamo"
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert workflow.name == "Content review"
    state = workflow.start(page, editor)
    task_state = state.current_task_state
    task = task_state.task.specific
    assert "approve" in [action[0] for action in task.get_actions(page, reviewer)]
    assert task.get_actions(page, editor) == []

    page.refresh_from_db()
    assert page.title == "Chi siamo"  # nothing public changes before approval
    task.on_action(task_state, reviewer, "approve", comment="Va bene così.")
    page.refresh_from_db()
    assert page.live
    assert page.title == "Chi siamo e cosa facciamo"


def test_migration_is_reversible():
    root = Page.get_first_root_node()
    migration.remove_workflow(apps, None)
    assert not Group.objects.filter(name="Content reviewers").exists()
    assert not Workflow.objects.filter(name="Content review").exists()
    assert WorkflowPage.objects.get(page=root).workflow.name != "Content review"
    migration.create_workflow(apps, None)
    migration.create_workflow(apps, None)  # idempotent
    assert WorkflowPage.objects.get(page=root).workflow.name == "Content review"
    assert Group.objects.filter(name="Content reviewers").count() == 1
