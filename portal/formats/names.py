"""Django strings whose translations the project's catalogues override.

Italian writes weekday and month names in lower case and has no plural "bytes", while
Django's Italian catalogue says "Mercoledì", "Settembre" and "633 bytes". Catalogues in
LOCALE_PATHS take precedence over Django's, but makemessages keeps only the strings it
finds in the project's sources: these marks keep them there. Nothing imports this module.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

WEEKDAYS = (
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
)
MONTHS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)
# django.template.defaultfilters.filesizeformat
BYTES = ngettext_lazy("%(size)d byte", "%(size)d bytes", "size")
