"""Company-facing URLs, under /<language>/companies/<pk>/agreements/."""

from django.urls import path

from agreements import views

app_name = "agreements"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("agreement/upload/", views.upload, name="upload"),
    path("agreement/<str:language>/", views.download, name="download"),
    path("placements/<int:placement_pk>/upload/", views.upload, name="placement_upload"),
    path(
        "placements/<int:placement_pk>/<str:language>/",
        views.download,
        name="placement_download",
    ),
    path("signatories/", views.signatories, name="signatories"),
    path("signatories/<int:signatory_pk>/remove/", views.signatory_remove, name="signatory_remove"),
]
