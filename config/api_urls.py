"""The read-only JSON API under /api/v1/ (see DESIGN.md)."""

from django.urls import path

from catalogue.api.match import MatchAPIView

app_name = "api"
urlpatterns = [
    path("match/", MatchAPIView.as_view(), name="match"),
]
