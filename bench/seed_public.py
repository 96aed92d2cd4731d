"""Seeds the public-page benchmark (run with the bench environment; prints JSON).

``news N`` tops the Italian news index up to N live news items, so that query counts can be
compared at the demo's dozen and at hundreds; ``cookie`` signs the demo company user in and
prints the session cookie, for the logged-in reading scenario.
"""

import datetime
import json
import sys

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import transaction  # noqa: E402

from news.models import NewsIndexPage, NewsPage  # noqa: E402
from users.models import User  # noqa: E402

COMPANY_USER = "azienda@approdo.example"


def top_up_news(count):
    """Adds plain live news items (no revisions: only the listing's size matters)."""
    index = NewsIndexPage.objects.get(locale__language_code="it")
    existing = NewsPage.objects.child_of(index).count()
    with transaction.atomic():
        for n in range(existing, count):
            index.add_child(
                instance=NewsPage(
                    title=f"Notizia di prova {n}",
                    slug=f"notizia-di-prova-{n}",
                    lead="Una notizia per misurare l'elenco.",
                    date=datetime.date(2024, 1, 1) - datetime.timedelta(days=n),
                    live=True,
                )
            )
    return {"news": NewsPage.objects.child_of(index).count()}


def company_cookie():
    user = User.objects.get(email=COMPANY_USER)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return {"cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}"}


if __name__ == "__main__":
    if sys.argv[1] == "news":
        print(json.dumps(top_up_news(int(sys.argv[2]))))
    else:
        print(json.dumps(company_cookie()))
