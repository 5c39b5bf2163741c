"""GET /api/v1/match/?objective=TEXT&lang=fr|en: the matcher as JSON (DESIGN.md).

Also reads `platform` (repeatable), `competence` (repeatable) and `language`,
as the match page does (catalogue.match).
"""

from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from ..bounds import validate_visible_text
from ..enums import Competence, Focus, Format, Language
from ..match import MAX_CHOSEN_PLATFORMS, find_match
from ..matching import MEDIA, MIXED, NETWORK, UNKNOWN

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
    platform = serializers.ListField(
        child=serializers.SlugField(max_length=80),
        required=False,
        max_length=MAX_CHOSEN_PLATFORMS,
        help_text="Platform slug where the visitor wants to act (see /api/v1/platforms/); repeatable. Unknown slugs "
        "are ignored. Platforms named in `objective` are recognised too.",
    )
    competence = serializers.ListField(
        child=serializers.ChoiceField(choices=Competence.choices),
        required=False,
        max_length=3,
        help_text="Competence the visitor needs; repeatable. Trainings that teach every one asked rank higher.",
    )
    language = serializers.ChoiceField(
        choices=Language.choices,
        required=False,
        help_text="Language the visitor wants to be trained in; by default `lang`. A fit factor below objective "
        "and platform.",
    )


class NamedSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class SuggestionSerializer(serializers.Serializer):
    objective = serializers.SlugField()
    platform = serializers.SlugField(allow_null=True)
    name = serializers.CharField(help_text="“Spread your messages on LinkedIn”.")
    focus = serializers.ChoiceField(choices=Focus.choices)
    url = serializers.CharField(help_text="The match page for this choice.")


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
    language = serializers.ChoiceField(choices=Language.choices)
    platforms = serializers.ListField(child=serializers.SlugField(), help_text="Slugs of its platforms.")
    uses = serializers.ListField(child=serializers.SlugField(), help_text="Codes of the uses it teaches.")
    competences = serializers.ListField(child=serializers.ChoiceField(choices=Competence.choices))
    score = serializers.FloatField(help_text="0 to 1: fit (platform, objective, focus, uses, competences, language).")
    reasons = serializers.ListField(child=serializers.CharField(), help_text="The facts of this training that fit.")


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
    platforms = NamedSerializer(many=True, help_text="Platforms named in the text or chosen with `platform`.")
    uses = NamedSerializer(many=True, help_text="Uses named in the text or needed by the recognised objectives.")
    competences = serializers.ListField(
        child=serializers.ChoiceField(choices=Competence.choices), help_text="Competence codes asked."
    )
    suggestions = SuggestionSerializer(
        many=True,
        help_text="One-click objectives (“for what?”): non-empty whenever focus is `unknown` but a platform or the "
        "environment was named.",
    )
    trainings = MatchTrainingSerializer(many=True)
    experts = MatchExpertSerializer(many=True)


def match_payload(text, lang, platforms=(), competences=(), language="", request=None):
    """The API's answer for an objective (call under translation.override(lang)); `request`: the
    visitor's Django request, when an anonymous one may use the match caches (catalogue.match)."""
    match = find_match(text, lang, platforms, competences, language, request=request)
    analysis, wishes = match.analysis, match.wishes
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
        "platforms": [{"slug": p.slug, "name": p.name} for p in wishes.platforms],
        "uses": [{"slug": u.code, "name": u.name} for u in wishes.uses],
        "competences": wishes.competences,
        "suggestions": [
            {
                "objective": s.objective.slug,
                "platform": s.platform.slug if s.platform else None,
                "name": s.name,
                "focus": s.focus,
                "url": s.url,
            }
            for s in match.suggestions
        ],
        "trainings": [
            {
                "slug": r.training.slug,
                "title": r.training.title,
                "focus": r.training.focus,
                "format": r.training.format,
                "language": r.training.language,
                "platforms": [p.slug for p in r.training.platforms.all()],
                "uses": [u.code for u in r.training.uses.all()],
                "competences": r.training.competences,
                "score": r.score,
                "reasons": r.reasons,
            }
            for r in match.trainings()
        ],
        "experts": [
            {
                "slug": r.expert.slug,
                "name": r.expert.name,
                "focuses": list(r.expert.focuses or []),
                "score": r.score,
                "reasons": r.reasons,
            }
            for r in match.experts()
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
            "explanation, and the published trainings and experts that fit it, each with its reasons. Platforms "
            "(named in the text or with `platform`), uses, competences and language refine the ranking; a platform "
            "never decides the focus. When the text names only a platform or the environment, `focus` stays "
            "`unknown` and `suggestions` lists that platform's objectives from both sides."
        ),
        parameters=[MatchQuerySerializer],
        responses={
            200: MatchSerializer,
            400: OpenApiResponse(
                response=OpenApiTypes.OBJECT,
                description=(
                    "`objective` missing, blank, longer than 500 characters or holding control characters, "
                    "`lang` or `language` not fr/en, an unknown `competence`, or more than 5 `platform`."
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
        data = params.validated_data
        with translation.override(lang):
            payload = match_payload(
                data["objective"],
                lang,
                platforms=data.get("platform", []),
                competences=data.get("competence", []),
                language=data.get("language", ""),
                request=request._request,
            )
            return Response(MatchSerializer(payload).data)
