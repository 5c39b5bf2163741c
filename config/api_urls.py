"""The read-only JSON API under /api/v1/ (see DESIGN.md)."""

from django.urls import path

from catalogue.api.match import MatchAPIView
from catalogue.api.objectives import ObjectiveListAPIView
from catalogue.api.platforms import PlatformListAPIView
from catalogue.api.schema import DocsView, SchemaView
from catalogue.api.trainings import TrainingDetailAPIView, TrainingListAPIView
from experts.api import ExpertDetailAPIView, ExpertListAPIView

app_name = "api"
urlpatterns = [
    path("trainings/", TrainingListAPIView.as_view(), name="training_list"),
    path("trainings/<str:slug>/", TrainingDetailAPIView.as_view(), name="training_detail"),
    path("experts/", ExpertListAPIView.as_view(), name="expert_list"),
    path("experts/<str:slug>/", ExpertDetailAPIView.as_view(), name="expert_detail"),
    path("objectives/", ObjectiveListAPIView.as_view(), name="objective_list"),
    path("platforms/", PlatformListAPIView.as_view(), name="platform_list"),
    path("match/", MatchAPIView.as_view(), name="match"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(), name="docs"),
]
