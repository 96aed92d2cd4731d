"""Company-facing URLs, under each language prefix (/it/companies/…)."""

from django.urls import path

from companies import extensions, views

app_name = "companies"

urlpatterns = [
    path("", views.company_index, name="index"),
    path("new/", views.start, name="start"),
    path("join/", views.join, name="join"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("<int:pk>/", views.dashboard, name="dashboard"),
    path("<int:pk>/identity/", views.identity, name="identity"),
    path("<int:pk>/declarations/", views.declarations, name="declarations"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/documents/", views.documents, name="documents"),
    path("<int:pk>/documents/<uuid:kind_key>/upload/", views.upload, name="document_upload"),
    path(
        "<int:pk>/documents/<int:document_pk>/download/",
        views.download,
        name="document_download",
    ),
    path(
        "<int:pk>/documents/<int:document_pk>/withdraw/",
        views.withdraw,
        name="document_withdraw",
    ),
    path("<int:pk>/interns/<int:placement_pk>/", views.intern_card, name="intern_card"),
    path(
        "<int:pk>/interns/<int:placement_pk>/answer/",
        views.placement_decide,
        name="placement_decide",
    ),
    path("<int:pk>/team/", views.team, name="team"),
    path("<int:pk>/team/invite/", views.invite, name="invite"),
    path(
        "<int:pk>/team/invitations/<int:invitation_pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<int:pk>/team/members/<int:member_pk>/role/", views.member_role, name="member_role"),
    path(
        "<int:pk>/team/members/<int:member_pk>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path("<int:pk>/team/leave/", views.leave, name="leave"),
    path(
        "<int:pk>/team/requests/<int:request_pk>/",
        views.join_request_decide,
        name="join_request_decide",
    ),
    path("<int:pk>/sites/", views.sites, name="sites"),
    path("<int:pk>/sites/add/", views.site_form, name="site_add"),
    path("<int:pk>/sites/<int:site_pk>/", views.site_form, name="site_edit"),
    path("<int:pk>/sites/<int:site_pk>/delete/", views.site_delete, name="site_delete"),
    path("<int:pk>/positions/", views.positions, name="positions"),
    path("<int:pk>/positions/add/", views.position_form, name="position_add"),
    path("<int:pk>/positions/<int:position_pk>/", views.position_form, name="position_edit"),
    path(
        "<int:pk>/positions/<int:position_pk>/delete/",
        views.position_delete,
        name="position_delete",
    ),
    # Pages that apps built on companies serve in its area (companies/extensions.py).
    *extensions.company_urls,
]
