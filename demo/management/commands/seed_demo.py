"""`manage.py seed_demo`: the demo site for local development (never in production)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from demo.builder import DemoBuilder


class Command(BaseCommand):
    help = "Load the demo content and demo accounts (never with production settings)."

    def handle(self, *args, **options):
        if settings.APPRODO_ENVIRONMENT == "production":
            raise CommandError("seed_demo refuses to run with production settings.")
        credentials = DemoBuilder().build()
        out = self.stdout
        out.write(self.style.SUCCESS("\nApprodo demo is ready."))
        out.write("  Site:   http://127.0.0.1:8000/it/  ·  /en/  ·  /ar/")
        out.write("  Admin:  http://127.0.0.1:8000/admin/ (through the site login)")
        out.write("  Demo log-ins (passwords change on every run, shown only here):")
        for role, email, password in credentials:
            out.write(f"    {role:<10} {email:<28} {password}")
        pages = Page.objects.filter(depth__gte=2).count()
        out.write(f"  Pages in all languages: {pages}\n")
