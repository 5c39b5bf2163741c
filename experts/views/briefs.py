"""The brief to a trainer: form → confirmation (detected focus) → sent."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language

from catalogue.enums import Competence, Format, Language
from catalogue.models import Objective, Training

from .. import briefing, recipient_limits
from ..forms.briefs import BriefForm
from ..models import Brief, Expert
from ..rate_limits import usage_or_none

RATE_LIMIT_GROUP = "experts.brief"
SENT_SALT = "experts.brief-sent"


def send_brief(request, slug):
    expert = get_object_or_404(Expert.objects.public().select_related("user"), slug=slug)
    training = _training_from_query(request, expert)
    lang = (get_language() or settings.LANGUAGE_CODE)[:2]
    context = {"expert": expert, "training": training}
    if not expert.can_receive_briefs:
        return _unavailable(request, expert, refused=request.method == "POST")

    if request.method != "POST":
        initial = {"language": training.language if training else lang}
        if training is not None:
            initial["preferred_format"] = training.format
        initial.update(_objective_from_query(request))
        return _form_step(request, BriefForm(initial=initial), context)

    form = BriefForm(request.POST)
    if form.is_spam:
        # Pretend it worked; store and send nothing.
        return redirect(_sent_url(expert, training))
    if not form.is_valid() or request.POST.get("edit"):
        return _form_step(request, form, context)

    data = form.cleaned_data
    check = briefing.check_focus(
        expert, data["objective"], data["objective_text"], lang, competences=data.get("competences") or ()
    )
    if request.POST.get("confirm") == "1":
        usage = _rate_limit(request, increment=True)
        if usage and usage["should_limit"]:
            return _limited(request, usage, context)
        recipient = recipient_limits.usage(request, data["email"], increment=True)
        if recipient and recipient["should_limit"]:
            return _limited(request, recipient, {**context, "per_address": True})
        try:
            brief = briefing.submit_brief(
                expert=expert, data=data, focus_check=check, training=training, visitor_language=lang
            )
        except briefing.NotReceivable:  # the domain checks too (e.g. the account was deactivated meanwhile)
            return _unavailable(request, expert, refused=True)
        return redirect(_sent_url(expert, training, brief))

    usage = _rate_limit(request, increment=False)
    if usage and usage["count"] >= usage["limit"]:
        return _limited(request, usage, context)
    recipient = recipient_limits.usage(request, data["email"], increment=False)
    if recipient and recipient["count"] >= recipient["limit"]:
        return _limited(request, recipient, {**context, "per_address": True})
    labels = {
        "preferred_format_label": dict(Format.choices).get(data["preferred_format"], ""),
        "language_label": dict(Language.choices).get(data["language"], ""),
        "competence_labels": [Competence(code).label for code in data.get("competences") or []],
    }
    return render(request, "experts/brief_confirm.html", {**context, **labels, "form": form, "check": check})


def brief_sent(request, slug):
    """Says what happened to the brief named by the signed `?brief=`: e-mailed, or stored and being retried."""
    expert = get_object_or_404(Expert.objects.public(), slug=slug)
    training = _training_from_query(request, expert)
    brief = _brief_from_query(request, expert)
    outcome = briefing.delivery(brief) if brief is not None else "delivered"
    return render(request, "experts/brief_sent.html", {"expert": expert, "training": training, "outcome": outcome})


def _unavailable(request, expert, refused):
    """The profile has no account that can receive a brief: say so, and propose who can."""
    context = {"expert": expert, "refused": refused, "alternatives": briefing.receivers_like(expert)}
    return render(request, "experts/brief_unavailable.html", context, status=409 if refused else 200)


def _brief_from_query(request, expert):
    try:
        pk = signing.loads(request.GET.get("brief", "")[:200], salt=SENT_SALT, max_age=60 * 60 * 24)
    except signing.BadSignature:
        return None
    return Brief.objects.filter(pk=pk, expert=expert).first()


def _form_step(request, form, context):
    return render(request, "experts/brief_form.html", {**context, "form": form})


def _training_from_query(request, expert):
    """The training the visitor came from: only a published training of this expert.

    An unknown or unpublished slug is ignored; another expert's training is a 404.
    """
    slug = request.GET.get("training")
    if not slug:
        return None
    training = Training.objects.published().filter(slug=slug).first()
    if training is None:
        return None
    if training.trainer_id != expert.pk:
        raise Http404
    return training


def _objective_from_query(request):
    """What the visitor already said pre-fills the form: `?objective=` (a slug or their words, as on /match/),
    `platform` and `competence` (repeatable; unknown values are ignored)."""
    initial = {
        "platforms": [slug[:80] for slug in request.GET.getlist("platform")[:5]],
        "competences": [code for code in request.GET.getlist("competence")[:3] if code in Competence.values],
    }
    value = (request.GET.get("objective") or "").strip()[:500]
    if not value:
        return initial
    if Objective.objects.active().filter(slug=value).exists():
        return {**initial, "objective": value}
    return {**initial, "objective_text": value}


def _sent_url(expert, training, brief=None):
    """The page after sending; a filled honeypot gets it without `brief` (it then reads as delivered)."""
    url = reverse("experts:brief_sent", kwargs={"slug": expert.slug})
    query = {"training": training.slug} if training else {}
    if brief is not None:
        query["brief"] = signing.dumps(brief.pk, salt=SENT_SALT)
    return f"{url}?{urlencode(query)}" if query else url


def _rate_limit(request, increment):
    """Briefs sent from this client IP in the current window (django-ratelimit, default cache).

    Fails open: if the cache (Redis) cannot be reached, the brief is not
    limited and a warning is logged, rather than the visitor losing it to a 500.
    """
    return usage_or_none(
        request,
        group=RATE_LIMIT_GROUP,
        key="ip",
        rate=settings.BRIEF_RATE_LIMIT,
        increment=increment,
        what="Brief rate limit",
    )


def _limited(request, usage, context):
    seconds = max(int(usage["time_left"]), 1)
    response = render(
        request,
        "experts/brief_limited.html",
        {
            **context,
            "retry_minutes": max(1, -(-seconds // 60)),
            "retry_at": timezone.now() + timedelta(seconds=seconds),
        },
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
