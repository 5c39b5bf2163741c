from drf_spectacular.utils import extend_schema
from rest_framework import generics

from ..models import Platform
from .schema import LIST_ERRORS
from .serializers import PlatformSerializer


@extend_schema(
    summary="Platforms",
    description="The social platforms trainings and experts cover.",
    responses={200: PlatformSerializer(many=True), **LIST_ERRORS},
)
class PlatformListAPIView(generics.ListAPIView):
    serializer_class = PlatformSerializer
    queryset = Platform.objects.all()
