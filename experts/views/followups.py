"""The visitor's follow-up pages: the answer form (a signed one-time link) and the one-click opt-out."""

import logging

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import get_usage

from catalogue import suppressions

from .. import followups
from ..forms.followups import FollowUpForm

logger = logging.getLogger(__name__)

RATE_LIMIT_GROUP = "experts.followup"


def answer(request, token):
    try:
        brief = followups.brief_from_token(token)
    except followups.LinkError as error:
        return _link_error(request, error.reason)
    form = FollowUpForm(request.POST if request.method == "POST" else None)
    context = {"brief": brief, "expert": brief.expert, "form": form}
    if request.method != "POST" or not form.is_valid():
        return render(request, "experts/followup_form.html", context)
    if _limited(request):
        return render(request, "experts/followup_limited.html", context, status=429)
    data = form.cleaned_data
    try:
        followups.record(
            brief,
            hired=data["hired"],
            reached=data["reached"],
            competences=data["competences"],
            comment=data["comment"],
        )
    except followups.LinkError as error:
        return _link_error(request, error.reason)
    return render(request, "experts/followup_thanks.html", context)


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs without a form of ours.
def optout(request, token):
    email = followups.email_from_optout(token)
    if email is None:
        return _link_error(request, "invalid")
    suppressions.suppress(email, suppressions.FOLLOWUP)
    return render(request, "experts/followup_optout.html")


def _link_error(request, reason):
    status = {"invalid": 400, "expired": 410, "used": 409}[reason]
    return render(request, "experts/followup_link_error.html", {"reason": reason}, status=status)


def _limited(request):
    try:
        usage = get_usage(
            request, group=RATE_LIMIT_GROUP, key="ip", rate=settings.FOLLOWUP_RATE_LIMIT, method="POST", increment=True
        )
    except Exception:
        logger.warning("Follow-up rate limit not checked: the cache is unreachable.", exc_info=True)
        return False
    return bool(usage and usage["should_limit"])
