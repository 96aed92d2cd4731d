"""The user's reminder preferences, under each language prefix (/it/accounts/reminders/)."""

from django.urls import path

from reminders import views

app_name = "reminders"

urlpatterns = [path("", views.reminder_preferences, name="preferences")]
