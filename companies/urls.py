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
]
