"""Fills the stored ATECO section, and sets up the staff groups of the back office.

- Editors (Wagtail's group): CMS content, unchanged.
- Moderators: review host companies (and, with the documents work, their documents) of the
  territories they are assigned to. Wagtail creates this group with page-publishing rights;
  here content approval belongs to "Content reviewers", so those page rights are removed.
- Tutors: follow placements (the placements work adds their permissions).

Reversible: the reverse restores Wagtail's default page rights for Moderators.
"""

from django.db import migrations

from companies.validators import ateco_section

MODERATOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("companies", "company", "view_company"),
    ("companies", "company", "review_company"),
    ("companies", "position", "view_position"),
]
TUTOR_PERMISSIONS = [("wagtailadmin", "admin", "access_admin")]
WAGTAIL_MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]


# The names Django would give them after migrating; created here because on a fresh database
# post_migrate has not run yet when this migration does.
NAMES = {
    "access_admin": "Can access Wagtail admin",
    "view_company": "Can view company",
    "review_company": "Can decide on host companies' dossiers",
    "view_position": "Can view position",
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": NAMES.get(codename, codename.replace("_", " ").capitalize())},
    )
    return perm


def forwards(apps, schema_editor):
    Company = apps.get_model("companies", "Company")
    for company in Company.objects.only("pk", "ateco_code").iterator():
        Company.objects.filter(pk=company.pk).update(
            ateco_section=ateco_section(company.ateco_code)
        )

    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Group.objects.get_or_create(name="Editors")
    moderators, _created = Group.objects.get_or_create(name="Moderators")
    GroupPagePermission.objects.filter(group=moderators).delete()
    for spec in MODERATOR_PERMISSIONS:
        moderators.permissions.add(permission(apps, *spec))
    tutors, _created = Group.objects.get_or_create(name="Tutors")
    for spec in TUTOR_PERMISSIONS:
        tutors.permissions.add(permission(apps, *spec))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Group.objects.filter(name="Tutors").delete()
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    for spec in MODERATOR_PERMISSIONS:
        if spec[0] == "companies":
            moderators.permissions.remove(permission(apps, *spec))
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in WAGTAIL_MODERATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=moderators,
                page=root,
                permission=permission(apps, "wagtailcore", "page", codename),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0006_backoffice"),
        ("wagtailcore", "0098_apitoken"),
        ("home", "0007_content_review_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
