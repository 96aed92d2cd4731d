"""The staff action "Export this person's data" (JSON): permissioned, scoped, logged."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.log_actions import log

from companies.backoffice.refusals import forbidden
from participants.export import personal_data
from participants.models import Participant


@never_cache
@require_POST
def export(request, pk):
    """The person's data as a JSON download; every export is in the audit log."""
    person = get_object_or_404(Participant.objects.visible_to_staff(request.user), pk=pk)
    if not request.user.has_perm("participants.export_participant"):
        return forbidden()
    body = json.dumps(personal_data(person), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    log(person, "approdo.participant.export", user=request.user)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{person.code}.json"'
    return response
