from django.db.models import Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import generics

from ..filters import TrainingFilter
from ..models import Session, Training
from .schema import (
    COMPETENCE_PARAMETER,
    DETAIL_ERRORS,
    FORMAT_PARAMETER,
    LIST_ERRORS,
    OBJECTIVE_PARAMETER,
    PLATFORM_PARAMETER,
    USE_PARAMETER,
)
from .serializers import TrainingDetailSerializer, TrainingSerializer


@extend_schema(
    summary="Published trainings",
    description=(
        "The catalogue with the same filter parameters as the /trainings/ page. "
        "Repeat `objective`, `platform`, `use` and `competence` to ask for several; "
        "a training must teach every `competence` asked."
    ),
    parameters=[OBJECTIVE_PARAMETER, PLATFORM_PARAMETER, USE_PARAMETER, COMPETENCE_PARAMETER, FORMAT_PARAMETER],
    responses={200: TrainingSerializer(many=True), **LIST_ERRORS},
)
class TrainingListAPIView(generics.ListAPIView):
    serializer_class = TrainingSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = TrainingFilter

    def get_queryset(self):
        return (
            Training.objects.published()
            .with_next_session()
            .select_related("trainer")
            .prefetch_related("objectives", "platforms", "uses")
        )


@extend_schema(
    summary="One published training",
    description="With its upcoming sessions, objectives, platforms and trainer.",
    responses={200: TrainingDetailSerializer, **DETAIL_ERRORS},
)
class TrainingDetailAPIView(generics.RetrieveAPIView):
    serializer_class = TrainingDetailSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return (
            Training.objects.published()
            .with_next_session()
            .select_related("trainer")
            .prefetch_related(
                "objectives", "platforms", "uses", Prefetch("sessions", Session.objects.order_by("starts_at"))
            )
        )
