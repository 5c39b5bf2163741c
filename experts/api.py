"""The experts part of the read-only JSON API (/api/v1/experts/)."""

from django.db.models import Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers

from catalogue.api.schema import DETAIL_ERRORS, LIST_ERRORS, PLATFORM_PARAMETER
from catalogue.api.serializers import AbsoluteUrlField, OutcomesSerializer, TrainingSerializer
from catalogue.enums import Competence
from catalogue.models import Training

from . import competences, outcomes, profile_review, response_times
from .filters import ExpertFilter
from .models import Expert


class ExpertListSerializer(serializers.ListSerializer):
    """Outcomes and response times of the whole page in a fixed number of queries."""

    def to_representation(self, data):
        items = list(data.all() if hasattr(data, "all") else data)
        _figures(self.context, [expert.pk for expert in items])
        return super().to_representation(items)


def _figures(context, ids):
    ids = [pk for pk in ids if pk not in context.get("expert_figured", set())]
    if not ids:
        return
    figures = outcomes.figures_for("expert", ids)
    objectives = outcomes.by_objective("expert", ids)
    context.setdefault("expert_outcomes", {}).update(
        {
            pk: {
                "answered": f.answered,
                "reached": f.reached,
                "partly": f.partly,
                "by_objective": objectives.get(pk, []),
            }
            for pk, f in figures.items()
        }
    )
    context.setdefault("expert_response_hours", {}).update(response_times.hours_for(ids))
    context.setdefault("expert_figured", set()).update(ids)


class ExpertSerializer(serializers.ModelSerializer):
    url = AbsoluteUrlField()
    outcomes = serializers.SerializerMethodField(help_text="Did their trainings reach visitors' objectives?")
    response_time_hours = serializers.SerializerMethodField(
        help_text="Median hours to a first reply to a brief over the last 12 months (unanswered briefs count as "
        "infinite); null below 3 briefs or when most are unanswered."
    )

    @extend_schema_field(OutcomesSerializer)
    def get_outcomes(self, expert):
        _figures(self.context, [expert.pk])
        return self.context["expert_outcomes"][expert.pk]

    @extend_schema_field(serializers.FloatField(allow_null=True))
    def get_response_time_hours(self, expert):
        _figures(self.context, [expert.pk])
        return self.context["expert_response_hours"].get(expert.pk)

    focuses = serializers.ListField(child=serializers.CharField(), read_only=True)
    languages = serializers.ListField(child=serializers.CharField(), read_only=True)
    platforms = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Expert
        fields = [
            "slug",
            "name",
            "headline",
            "url",
            "focuses",
            "languages",
            "city",
            "platforms",
            "website",
            "outcomes",
            "response_time_hours",
        ]
        list_serializer_class = ExpertListSerializer


class ApproachSerializer(serializers.Serializer):
    platform = serializers.SlugField(help_text="A platform slug.")
    uses = serializers.ListField(child=serializers.SlugField(), help_text="Use codes taught on that platform.")


class ProfileReviewSerializer(serializers.Serializer):
    reviewed_at = serializers.DateTimeField(help_text="When a curator approved the public version.")
    checks = serializers.ListField(
        child=serializers.ChoiceField(choices=profile_review.RUBRIC_KEYS),
        help_text="The rubric checks the curator confirmed; empty if approved before rubrics were recorded.",
    )


class ExpertDetailSerializer(ExpertSerializer):
    """The approved version of a profile (experts.profile_workflow): pending edits never show here."""

    bio = serializers.CharField(read_only=True, help_text="Markdown.")
    photo = serializers.SerializerMethodField(help_text="Absolute URL of the photo, or null.")
    approaches = serializers.SerializerMethodField(
        help_text='What the expert teaches on each platform: [{"platform": slug, "uses": [use codes]}].'
    )
    competences = serializers.SerializerMethodField(
        help_text="Competence codes (knowledge, know_how, interpersonal) the expert's published trainings teach."
    )
    reviewed_at = serializers.DateTimeField(read_only=True, help_text="When a curator last approved this profile.")
    review = serializers.SerializerMethodField(help_text="What a curator checked on the approved version.")
    trainings = serializers.SerializerMethodField(help_text="The expert's published trainings.")

    class Meta(ExpertSerializer.Meta):
        fields = [
            *ExpertSerializer.Meta.fields,
            "bio",
            "photo",
            "approaches",
            "competences",
            "reviewed_at",
            "review",
            "trainings",
        ]

    @extend_schema_field(ProfileReviewSerializer(allow_null=True))
    def get_review(self, expert):
        review = profile_review.public_review(expert)
        return ProfileReviewSerializer(review).data if review else None

    @extend_schema_field(ApproachSerializer(many=True))
    def get_approaches(self, expert):
        return [{"platform": row["platform"], "uses": list(row["uses"])} for row in expert.approaches or []]

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=Competence.choices)))
    def get_competences(self, expert):
        return competences.from_trainings(expert.published_trainings)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_photo(self, expert):
        if not expert.photo:
            return None
        request = self.context.get("request")
        return request.build_absolute_uri(expert.photo.url) if request else expert.photo.url

    @extend_schema_field(TrainingSerializer(many=True))
    def get_trainings(self, expert):
        return TrainingSerializer(expert.published_trainings, many=True, context=self.context).data


@extend_schema(
    summary="Experts",
    description="Trainers with at least one published training.",
    parameters=[PLATFORM_PARAMETER],
    responses={200: ExpertSerializer(many=True), **LIST_ERRORS},
)
class ExpertListAPIView(generics.ListAPIView):
    serializer_class = ExpertSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ExpertFilter

    def get_queryset(self):
        return Expert.objects.public().prefetch_related("platforms").order_by("name", "pk")


@extend_schema(
    summary="One expert",
    description="A public profile with the expert's published trainings.",
    responses={200: ExpertDetailSerializer, **DETAIL_ERRORS},
)
class ExpertDetailAPIView(generics.RetrieveAPIView):
    serializer_class = ExpertDetailSerializer
    lookup_field = "slug"

    def get_queryset(self):
        published = (
            Training.objects.published()
            .with_next_session()
            .select_related("trainer")
            .prefetch_related("objectives", "platforms")
        )
        return Expert.objects.public().prefetch_related(
            "platforms", Prefetch("trainings", published, to_attr="published_trainings")
        )
