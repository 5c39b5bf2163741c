"""What an alert watches: a catalogue search (re-validated with the catalogue's FilterSet)
or an objective read by the matcher, and the published trainings that fit it."""

from django.db.models import Exists, OuterRef
from django.http import QueryDict
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from catalogue.enums import Language
from catalogue.filters import TrainingFilter
from catalogue.matching import MEDIA, MIXED, NETWORK, analyse
from catalogue.models import Objective, Platform, Training

from .models import MAX_LABEL_LENGTH, MAX_QUERY_LENGTH, Kind

# Parameters that change the order or the page, not which trainings match.
NOT_CRITERIA = ("sort", "page", "t")
MAX_PLATFORMS = 20


class Invalid(Exception):
    """The search or objective cannot be watched; `args[0]` says why, for the form."""


def from_filters(params):
    """{kind, query, label} for a catalogue query (a QueryDict); raises Invalid."""
    params = params.copy()
    for name in NOT_CRITERIA:
        params.pop(name, None)
    filterset = TrainingFilter(params, queryset=Training.objects.published())
    if not filterset.is_valid():
        fields = ", ".join(
            str(filterset.form.fields[name].label) for name in filterset.errors if name in filterset.form.fields
        )
        raise Invalid(
            _("This search has invalid filters (%(fields)s): correct them in the catalogue first.")
            % {"fields": fields or "?"}
        )
    known = [
        (name, value) for name in filterset.form.fields for value in params.getlist(name) if value not in ("", None)
    ]
    if not known:
        raise Invalid(_("Choose at least one filter in the catalogue: an alert needs a search to watch."))
    query = urlencode(sorted(known))
    if len(query) > MAX_QUERY_LENGTH:
        raise Invalid(_("This search is too long to be saved as an alert."))
    return {"kind": Kind.FILTERS, "query": query, "label": _filters_label(filterset)[:MAX_LABEL_LENGTH]}


def from_match(text, platforms=(), language=""):
    """{kind, query, objectives, focus, platforms, training_language, label} for the match page's query
    (the visitor's words, the platforms and training language they chose); raises Invalid."""
    text = (text or "").strip()
    if not text:
        raise Invalid(_("Tell us your objective first."))
    if len(text) > MAX_QUERY_LENGTH // 2:
        raise Invalid(_("This objective is too long to be saved as an alert."))
    lang = (translation.get_language() or "fr")[:2]
    analysis = analyse(text, Objective.objects.active(), lang)
    slugs = [found.objective.slug for found in analysis.objectives]
    focus = analysis.focus if analysis.focus in (MEDIA, NETWORK, MIXED) else ""
    if not slugs and focus not in (MEDIA, NETWORK):
        raise Invalid(_("We could not tell what this objective is about: pick one of ours on the match page first."))
    chosen = [slug[:80] for slug in list(platforms)[:MAX_PLATFORMS] if isinstance(slug, str)]
    platform_slugs = _slugs([*(getattr(analysis, "platforms", None) or []), *chosen])
    named = list(Platform.objects.filter(slug__in=platform_slugs).order_by("pk"))
    training_language = _language(language) or _language(getattr(analysis, "language", None))
    query = [("objective", text)] + [("platform", p.slug) for p in named]
    query += [("language", training_language)] if training_language else []
    parts = [", ".join(found.objective.name for found in analysis.objectives) or text]
    if named:
        parts.append(_("%(label)s: %(value)s") % {"label": _("Platform"), "value": ", ".join(str(p) for p in named)})
    if training_language:
        parts.append(_("%(label)s: %(value)s") % {"label": _("Language"), "value": Language(training_language).label})
    return {
        "kind": Kind.MATCH,
        "query": urlencode(query)[:MAX_QUERY_LENGTH],
        "objectives": slugs,
        "focus": focus,
        "platforms": [p.slug for p in named],
        "training_language": training_language,
        "label": " · ".join(parts)[:MAX_LABEL_LENGTH],
    }


def _slugs(items):
    """Platform slugs from whatever the matcher gives (slugs, Platforms or wrappers of them)."""
    slugs = []
    for item in items or []:
        slug = item if isinstance(item, str) else getattr(item, "slug", None)
        # vocabulary.Named(item=platform, …) from the matcher, or a wrapper with .platform
        slug = slug or getattr(getattr(item, "item", None), "slug", None)
        slug = slug or getattr(getattr(item, "platform", None), "slug", None)
        if isinstance(slug, str) and slug and slug not in slugs:
            slugs.append(slug[:80])
    return slugs[:20]


def _language(value):
    return value if isinstance(value, str) and value in ("fr", "en") else ""


def matching(alert):
    """Published trainings that fit the alert, newest first."""
    published = Training.objects.published()
    if alert.kind == Kind.FILTERS:
        # A filter that became invalid (an objective retired) is left out; the others still apply.
        return TrainingFilter(QueryDict(alert.query), queryset=published).qs.order_by("-published_at", "-pk")
    trainings = published
    if alert.objectives:
        through = Training.objectives.through.objects.filter(
            training=OuterRef("pk"), objective__slug__in=alert.objectives
        )
        trainings = trainings.filter(Exists(through))
    elif alert.focus in (MEDIA, NETWORK):
        trainings = trainings.filter(focus=alert.focus)
    else:
        return Training.objects.none()
    if alert.platforms:
        through = Training.platforms.through.objects.filter(training=OuterRef("pk"), platform__slug__in=alert.platforms)
        trainings = trainings.filter(Exists(through))
    if alert.training_language:
        trainings = trainings.filter(language=alert.training_language)
    return trainings.order_by("-published_at", "-pk")


def _filters_label(filterset):
    """« Focus: Social media · Objective: … », in the active language."""
    parts = []
    for name, field in filterset.form.fields.items():
        value = filterset.form.cleaned_data.get(name)
        if hasattr(value, "model"):  # a ModelMultipleChoiceField: a queryset, empty when not chosen
            value = list(value)
        if name == "sort" or value in (None, "", [], False):
            continue
        choices = [] if hasattr(field, "queryset") else getattr(field, "choices", None) or []
        labels = {str(code): str(label) for code, label in choices}
        values = value if isinstance(value, (list, tuple)) else [value]
        shown = ", ".join(_("yes") if v is True else labels.get(str(v), str(v)) for v in values)
        parts.append(_("%(label)s: %(value)s") % {"label": field.label, "value": shown})
    return " · ".join(parts)
