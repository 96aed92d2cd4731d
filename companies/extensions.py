"""Where the apps built on companies add to it, so that companies imports none of them.

Each list is filled from those apps' ``AppConfig.ready()``:

- ``start_conditions``: callables ``(placement) -> [missing item]``, asked before a placement
  starts after the company's own documents (agreements: the project's start conditions);
- ``dashboard_todos``: callables ``(company, user) -> [Todo]`` added to the company
  dashboard's to-do list (participants: the internship months to confirm or countersign);
- ``company_urls``: URL patterns served under ``/companies/`` in the ``companies`` namespace
  (participants: the company's page of monthly internship attendance).
"""

start_conditions = []
dashboard_todos = []
company_urls = []


def add(registry, item):
    """Adds ``item`` once, however many times ``ready()`` runs (tests may run it again)."""
    if item not in registry:
        registry.append(item)
