"""Company-facing URLs, under each language prefix (/it/companies/…)."""

from django.urls import path

from companies import views

app_name = "companies"

urlpatterns = [
    path("", views.company_index, name="index"),
    path("new/", views.start, name="start"),
    path("<int:pk>/", views.dashboard, name="dashboard"),
    path("<int:pk>/identity/", views.identity, name="identity"),
    path("<int:pk>/submit/", views.submit, name="submit"),
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
]
