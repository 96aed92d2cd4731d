"""Factories for accounts."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from wagtail.users.models import UserProfile

DEFAULT_PASSWORD = "a-Long-test-passphrase-42"


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a verified primary e-mail address (allauth), able to log in."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="it_IT")
    last_name = factory.Faker("last_name", locale="it_IT")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=extracted is not False
            )


class StaffUserFactory(UserFactory):
    """A superuser: can open the Wagtail admin."""

    is_staff = True
    is_superuser = True


def admin_user(user, *permissions):
    """``user`` with the given permissions ("app_label.codename"), reading the admin in English.

    Assertions then read Wagtail's English labels whatever the site's default language.
    """
    for label in permissions:
        app_label, codename = label.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def staff_in_group(group_name, **kwargs):
    """A staff user (not a superuser) in one of the project's groups, reading the admin in
    English."""
    from django.contrib.auth.models import Group

    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return admin_user(user)


def moderator_of(*territories, **kwargs):
    """A member of the Moderators group assigned to the given territories."""
    user = staff_in_group("Moderators", **kwargs)
    for territory in territories:
        territory.moderators.add(user)
    return user
