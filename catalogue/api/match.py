"""GET /api/v1/match/?objective=TEXT&lang=fr|en: the matcher as JSON (DESIGN.md)."""

from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from ..bounds import validate_visible_text
from ..enums import Focus, Format
from ..matching import MEDIA, MIXED, NETWORK, UNKNOWN, analyse
from ..models import Objective
from ..ranking import rank_experts, rank_trainings

MAX_OBJECTIVE_LENGTH = 500
LANGUAGES = ["fr", "en"]
MATCH_FOCUSES = [MEDIA, NETWORK, MIXED, UNKNOWN]


class MatchQuerySerializer(serializers.Serializer):
    objective = serializers.CharField(
        max_length=MAX_OBJECTIVE_LENGTH,
        validators=[validate_visible_text],
        help_text=(
            "The visitor's objective in French or English (free text or an objective's slug): 1 to 500 characters, "
            "at least one visible, no control characters (line breaks included)."
        ),
    )
    lang = serializers.ChoiceField(
        choices=LANGUAGES, default="fr", required=False, help_text="Language of names, explanation and reasons."
    )


class MatchObjectiveSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    focus = serializers.ChoiceField(choices=Focus.choices)
    score = serializers.FloatField(help_text="0 to 1; 1 for an exact slug.")


class MatchTrainingSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    focus = serializers.ChoiceField(choices=Focus.choices)
    format = serializers.ChoiceField(choices=Format.choices)
    score = serializers.FloatField(help_text="0 to 1.")
    reasons = serializers.ListField(child=serializers.CharField(), help_text="Why it ranked there.")


class MatchExpertSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    focuses = serializers.ListField(child=serializers.ChoiceField(choices=Focus.choices))
    score = serializers.FloatField(help_text="0 to 1.")
    reasons = serializers.ListField(child=serializers.CharField(), help_text="Why this expert is proposed.")


class MatchSerializer(serializers.Serializer):
    query = serializers.CharField()
    focus = serializers.ChoiceField(choices=MATCH_FOCUSES)
    objectives = MatchObjectiveSerializer(many=True, help_text="Recognised objectives, best first.")
    explanation = serializers.CharField()
    trainings = MatchTrainingSerializer(many=True)
    experts = MatchExpertSerializer(many=True)


def match_payload(text, lang):
    """The API's answer for an objective (call under translation.override(lang))."""
    analysis = analyse(text, Objective.objects.active(), lang)
    return {
        "query": analysis.query,
        "focus": analysis.focus,
        "objectives": [
            {
                "slug": r.objective.slug,
                "name": getattr(r.objective, f"name_{lang}") or r.objective.name_fr,
                "focus": r.objective.focus,
                "score": r.score,
            }
            for r in analysis.objectives
        ],
        "explanation": analysis.explanation,
        "trainings": [
            {
                "slug": r.training.slug,
                "title": r.training.title,
                "focus": r.training.focus,
                "format": r.training.format,
                "score": r.score,
                "reasons": r.reasons,
            }
            for r in rank_trainings(analysis)
        ],
        "experts": [
            {
                "slug": r.expert.slug,
                "name": r.expert.name,
                "focuses": list(r.expert.focuses or []),
                "score": r.score,
                "reasons": r.reasons,
            }
            for r in rank_experts(analysis)
        ],
    }


class MatchAPIView(APIView):
    """Which kind of objective a text names, and the trainings and experts that fit it."""

    @extend_schema(
        operation_id="match",
        summary="Match an objective",
        description=(
            "Reads a visitor's objective (French or English free text, or an objective's slug) and answers its "
            "focus (`media`, `network`, `mixed` or `unknown`), the curated objectives recognised, a plain-language "
            "explanation, and the published trainings and experts that fit it, each with its reasons."
        ),
        parameters=[MatchQuerySerializer],
        responses={
            200: MatchSerializer,
            400: OpenApiResponse(
                response=OpenApiTypes.OBJECT,
                description=(
                    "`objective` missing, blank, longer than 500 characters or holding control characters, "
                    "or `lang` not fr/en."
                ),
                examples=[OpenApiExample("missing", value={"objective": ["This field is required."]})],
            ),
        },
        tags=["match"],
    )
    def get(self, request):
        lang = request.query_params.get("lang")
        with translation.override(lang if lang in LANGUAGES else translation.get_language()):
            params = MatchQuerySerializer(data=request.query_params)
            if not params.is_valid():
                return Response(params.errors, status=400)
            lang = params.validated_data["lang"]
        with translation.override(lang):
            return Response(MatchSerializer(match_payload(params.validated_data["objective"], lang)).data)
