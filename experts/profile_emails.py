"""The e-mails of profile reviews and listing claims, through the one outbox (catalogue.outbox).

The claim link is a secret: it is signed only when the e-mail is sent (a deferred kind),
never stored rendered.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from catalogue import outbox

DECISION_KIND = "profile.decision"
CLAIM_KIND = "profile.claim"


def queue_decision(record, to):
    from .models import ProfileStatus

    expert = record.expert
    with translation.override(expert.preferred_language):
        status = str(ProfileStatus(record.to_status).label)
    outbox.queue_email(
        kind=DECISION_KIND,
        to=to,
        template="emails/profile_decision",
        context={"expert": expert, "record": record, "status": status},
        language=expert.preferred_language,
        related=expert,
    )


def queue_claim(expert, to):
    outbox.queue_email(
        kind=CLAIM_KIND,
        to=to,
        template="emails/claim_listing",
        context={"expert_id": expert.pk},
        language=expert.preferred_language,
        related=expert,
    )


def _claim_context(row):
    from .claims import claim_token
    from .models import Expert

    expert = Expert.objects.filter(pk=row.context.get("expert_id")).first()
    if expert is None or not expert.is_unclaimed_listing or expert.listing_email.lower() != row.to.lower():
        raise outbox.Undeliverable("the listing was claimed or its address changed")
    link = settings.SITE_URL + reverse("experts:claim_confirm", kwargs={"token": claim_token(expert)})
    return {"expert": expert, "link": link, "days": settings.EMAIL_CONFIRMATION_MAX_AGE // 86400}


outbox.register_deferred(CLAIM_KIND, _claim_context, lambda: settings.EMAIL_CONFIRMATION_MAX_AGE)
