"""Content workflow: editors submit, the "Content reviewers" group approves and publishes.

Creates the reviewers' group with page permissions on the whole tree, a one-step workflow
with a group-approval task, and assigns it to the root page (so every language is covered).
Reversible: the reverse restores Wagtail's default workflow on the root page.
"""

from django.db import migrations

GROUP = "Content reviewers"
WORKFLOW = "Content review"
TASK = "Approval by a content reviewer"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return perm


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes.ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    reviewers, _created = Group.objects.get_or_create(name=GROUP)
    reviewers.permissions.add(permission(apps, "wagtailadmin", "admin", "access_admin"))
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=reviewers, page=root, permission=permission(apps, "wagtailcore", "page", codename)
        )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, model, codenames in COLLECTION_PERMISSIONS:
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=reviewers,
                    collection=root_collection,
                    permission=permission(apps, app_label, model, codename),
                )

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.add(reviewers)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Task = apps.get_model("wagtailcore.Task")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")

    root = Page.objects.filter(depth=1).first()
    default = Workflow.objects.exclude(name=WORKFLOW).order_by("pk").first()
    if root is not None:
        if default is not None:
            WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": default})
        else:
            WorkflowPage.objects.filter(page=root).delete()
    Workflow.objects.filter(name=WORKFLOW).delete()
    Task.objects.filter(name=TASK).delete()
    Group.objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_pagefeedback"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
