from drf_spectacular.utils import extend_schema
from rest_framework import generics

from ..models import Objective
from .schema import LIST_ERRORS
from .serializers import ObjectiveSerializer


@extend_schema(
    summary="Objectives",
    description="The active objectives visitors may name, media- or network-focused.",
    responses={200: ObjectiveSerializer(many=True), **LIST_ERRORS},
)
class ObjectiveListAPIView(generics.ListAPIView):
    serializer_class = ObjectiveSerializer

    def get_queryset(self):
        return Objective.objects.active()
