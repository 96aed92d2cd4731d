"""Page and snippet factories for the public site (wagtail-factories: pass parent=...)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from home.models import HomePage, Partner, ProjectPage, StandardPage
from news.models import CallIndexPage, CallPage, NewsIndexPage, NewsPage, Topic


def home_page(language_code="it"):
    """The home page of a language (the Italian one exists from the migrations)."""
    return HomePage.objects.get(depth=2, locale__language_code=language_code)


def translate(page, language_code):
    """A published copy of a page (and its missing parents) in another language."""
    translated = page.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=True
    )
    translated.save_revision().publish()
    return translated


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Pagina {n}")


class ProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"Progetto {n}")
    programme = "PR FSE+ Toscana 2021–2027"
    start_date = datetime.date(2025, 3, 1)
    end_date = datetime.date(2027, 2, 28)


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Notizie"
    slug = "notizie"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Notizia numero {n}")
    lead = factory.Faker("sentence", locale="it_IT")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) - datetime.timedelta(days=n))


class CallIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CallIndexPage

    title = "Avvisi"
    slug = "avvisi"


class CallPageFactory(wagtail_factories.PageFactory):
    """An open call by default: opened ten days ago, closes in thirty."""

    class Meta:
        model = CallPage

    title = factory.Sequence(lambda n: f"Avviso {n}")
    lead = "Avviso pubblico."
    audience = "host_companies"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="it"))


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner {n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="it"))


class ResultsPageFactory(wagtail_factories.PageFactory):
    """A results page; pass ``project`` (an operational projects.Project)."""

    class Meta:
        model = "results.ResultsPage"

    title = factory.Sequence(lambda n: f"Risultati {n}")
    intro = "I numeri del progetto."
