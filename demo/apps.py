from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site for development and tests: ``manage.py seed_demo`` and its content.

    Installed by the development and test settings only; no other app imports it.
    """

    name = "demo"
    verbose_name = "Demo"
