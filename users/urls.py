"""Pages of a user's own account, under each language prefix (/it/accounts/…).

Mounted before allauth's URLs, which share the /accounts/ prefix.
"""

from django.urls import path

from users import views

app_name = "users"

urlpatterns = [
    path("data/", views.account_data, name="data"),
    path("data/download/", views.download_data, name="download"),
    path("delete/", views.delete_account, name="delete"),
    path("2fa/totp/email-code/", views.send_totp_enrolment_code, name="totp_enrolment_code"),
]
