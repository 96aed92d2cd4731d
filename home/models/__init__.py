"""Site-wide pages and settings: the home page, the shared page base, projects and
partners, the contact form, footer settings, page feedback."""

from home.feedback import PageFeedback
from home.models.base import BasePage
from home.models.contact import FormField, FormPage
from home.models.pages import (
    HOME_PAGE_LISTINGS,
    PAGE_FUNDING,
    PROJECT_PAGE_LISTINGS,
    HomePage,
    ProjectLinkMixin,
    ProjectPage,
    StandardPage,
    add_listings,
)
from home.models.projects import Partner, ProjectPageFields, ProjectPartner
from home.models.site_settings import FundingDisclosure, SiteSettings

__all__ = [
    "HOME_PAGE_LISTINGS",
    "PAGE_FUNDING",
    "PROJECT_PAGE_LISTINGS",
    "BasePage",
    "FormField",
    "FormPage",
    "FundingDisclosure",
    "HomePage",
    "PageFeedback",
    "Partner",
    "ProjectLinkMixin",
    "ProjectPage",
    "ProjectPageFields",
    "ProjectPartner",
    "SiteSettings",
    "StandardPage",
    "add_listings",
]
