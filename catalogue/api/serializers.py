"""What the API shows of the catalogue. Only public fields: no status,
moderation data, e-mail addresses or accounts."""

from django.db.models import Count, Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .. import public_review
from ..models import OFFER_FACTS, SESSION_FACTS, Objective, Platform, Session, Training
from ..review_rules import RUBRIC_KEYS


class AbsoluteUrlField(serializers.Field):
    """The object's page on the site, absolute, in the request's language."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, obj):
        path = obj.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


AbsoluteUrlField = extend_schema_field(OpenApiTypes.URI)(AbsoluteUrlField)


class ObjectiveSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True, help_text="Name in the request's language (Accept-Language).")
    description = serializers.CharField(read_only=True)

    class Meta:
        model = Objective
        fields = ["slug", "focus", "name", "name_fr", "name_en", "description"]


class PlatformSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True, help_text="Name in the request's language (Accept-Language).")
    note = serializers.CharField(
        read_only=True, help_text="The curators' short nuance about this platform, in the request's language."
    )

    class Meta:
        model = Platform
        fields = ["slug", "name", "name_fr", "name_en", "note"]


class TrainerSummarySerializer(serializers.Serializer):
    """The trainer of a training, as shown on the training's page."""

    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)
    headline = serializers.CharField(read_only=True)
    city = serializers.CharField(read_only=True)
    focuses = serializers.ListField(child=serializers.CharField(), read_only=True)
    url = AbsoluteUrlField()


class SessionSerializer(serializers.ModelSerializer):
    place = serializers.CharField(read_only=True)
    online_url = serializers.CharField(
        source="public_online_url",
        read_only=True,
        help_text="The link of an online session, empty unless its trainer made it public (else sent to participants).",
    )

    class Meta:
        model = Session
        # The trainer's facts (the form's list); online_url already says whether the link is public.
        fields = [*(name for name in SESSION_FACTS if name != "online_url_public"), "place"]


class ObjectiveOutcomeSerializer(serializers.Serializer):
    objective = serializers.SlugField(help_text="The objective the visitors stated in their brief.")
    answered = serializers.IntegerField(help_text="Visitors with this objective who hired the trainer and answered.")
    reached = serializers.IntegerField(help_text="Of them, those who say the training reached it.")


class OutcomesSerializer(serializers.Serializer):
    """Counted answers only: visitors who hired the trainer. No names, e-mails or comments."""

    answered = serializers.IntegerField()
    reached = serializers.IntegerField(help_text="Answered yes: the training reached their objective.")
    partly = serializers.IntegerField(help_text="Answered partly.")
    by_objective = ObjectiveOutcomeSerializer(many=True)


class ReviewSerializer(serializers.Serializer):
    reviewed_at = serializers.DateTimeField(help_text="When a curator assessed the published version.")
    checks = serializers.ListField(
        child=serializers.ChoiceField(choices=RUBRIC_KEYS), help_text="The rubric checks the curator confirmed."
    )


def training_outcomes(ids):
    """{training id: outcomes} in one query, through the relation (catalogue does not import experts)."""
    ids = list(ids)
    brief = Training._meta.get_field("briefs").related_model
    rows = (
        brief.objects.filter(training_id__in=ids, outcome__hired=True)
        .exclude(outcome__reached="")
        .values("training_id", "objective__slug")
        .annotate(
            answered=Count("pk"),
            reached=Count("pk", filter=Q(outcome__reached="yes")),
            partly=Count("pk", filter=Q(outcome__reached="partly")),
        )
        .order_by("training_id", "objective__slug")
    )
    result = {pk: {"answered": 0, "reached": 0, "partly": 0, "by_objective": []} for pk in ids}
    for row in rows:
        item = result[row["training_id"]]
        for key in ("answered", "reached", "partly"):
            item[key] += row[key]
        if row["objective__slug"]:
            item["by_objective"].append(
                {"objective": row["objective__slug"], "answered": row["answered"], "reached": row["reached"]}
            )
    return result


class TrainingListSerializer(serializers.ListSerializer):
    """Outcomes and reviews of the whole page in a fixed number of queries, not per item."""

    def to_representation(self, data):
        items = list(data.all() if hasattr(data, "all") else data)
        ids = [training.pk for training in items]
        self.context.setdefault("training_outcomes", {}).update(training_outcomes(ids))
        self.context.setdefault("training_reviews", {}).update(public_review.reviews_for(ids))
        self.context.setdefault("figured", set()).update(ids)
        return super().to_representation(items)


class TrainingSerializer(serializers.ModelSerializer):
    """A training in a list: enough to choose, with slugs to follow."""

    outcomes = serializers.SerializerMethodField(help_text="Did the training reach the objective? (follow-ups)")
    review = serializers.SerializerMethodField(help_text="What a curator checked; null if published without it.")

    @extend_schema_field(OutcomesSerializer)
    def get_outcomes(self, training):
        self._figures(training)
        return self.context["training_outcomes"][training.pk]

    @extend_schema_field(ReviewSerializer(allow_null=True))
    def get_review(self, training):
        self._figures(training)
        review = self.context["training_reviews"].get(training.pk)
        return ReviewSerializer(review).data if review else None

    def _figures(self, training):
        if training.pk not in self.context.get("figured", ()):
            self.context.setdefault("training_outcomes", {}).update(training_outcomes([training.pk]))
            self.context.setdefault("training_reviews", {}).update(public_review.reviews_for([training.pk]))
            self.context.setdefault("figured", set()).add(training.pk)

    url = AbsoluteUrlField()
    trainer = TrainerSummarySerializer(read_only=True)
    competences = serializers.ListField(child=serializers.CharField(), read_only=True)
    objectives = serializers.SerializerMethodField(help_text="Slugs of the objectives curators keep active.")
    platforms = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    uses = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True, help_text="Codes of the uses it teaches."
    )
    is_free = serializers.BooleanField(read_only=True)
    next_session_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="Start of the next upcoming session, if any."
    )

    @extend_schema_field(serializers.ListField(child=serializers.SlugField()))
    def get_objectives(self, training):
        # Only the objectives curators keep active, as on the training page.
        return [objective.slug for objective in training.active_objectives]

    class Meta:
        model = Training
        # The offer's facts as its trainer writes them; the description only on the detail.
        fields = [
            "slug",
            "title",
            "summary",
            "url",
            *OFFER_FACTS,
            "is_free",
            "trainer",
            "next_session_at",
            "published_at",
            "outcomes",
            "review",
        ]
        list_serializer_class = TrainingListSerializer


class TrainingDetailSerializer(TrainingSerializer):
    """One training with its upcoming sessions, objectives and platforms."""

    description = serializers.CharField(read_only=True, help_text="Markdown.")
    objectives = ObjectiveSerializer(source="active_objectives", many=True, read_only=True)
    platforms = PlatformSerializer(many=True, read_only=True)
    sessions = serializers.SerializerMethodField(help_text="Upcoming sessions, soonest first.")

    class Meta(TrainingSerializer.Meta):
        fields = [*TrainingSerializer.Meta.fields, "description", "sessions", "updated_at"]

    @extend_schema_field(SessionSerializer(many=True))
    def get_sessions(self, training):
        upcoming = [session for session in training.sessions.all() if session.is_upcoming]
        return SessionSerializer(upcoming, many=True, context=self.context).data
