"""Where the payloads go in: stored content (through the ORM) and every form, one entry each.

`build_payload_world()` stores one payload per training, session, expert,
objective and platform, in every text field a trainer or curator fills.
`payload_pages()` lists the pages that show that content. `FORMS` lists the
forms a visitor or trainer fills: each payload goes into each listed field,
then the answer and the pages that show the submitted content are checked.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from catalogue.enums import Status
from tests import factories
from tests.security.payloads import PAYLOADS


@dataclass
class PayloadWorld:
    trainings: list = field(default_factory=list)
    experts: list = field(default_factory=list)
    objectives: list = field(default_factory=list)
    briefs: list = field(default_factory=list)
    trainer: object = None
    curator: object = None

    def user(self, role):
        """None (a visitor), "trainer" (the first expert's account), "curator", "expert-<i>" or "user-<pk>"."""
        if role == "trainer":
            return self.trainer
        if role == "curator":
            if self.curator is None:
                self.curator = factories.make_curator()
            return self.curator
        if role and role.startswith("user-"):
            from django.contrib.auth import get_user_model

            return get_user_model().objects.get(pk=int(role.removeprefix("user-")))
        if role and role.startswith("expert-"):
            return self.experts[int(role.removeprefix("expert-"))].user
        return None


def _fit(model, name, value):
    return value[: model._meta.get_field(name).max_length]


def build_payload_world():
    from catalogue.models import Objective, Platform, Session, Training
    from experts.models import Brief, Expert

    world = PayloadWorld()
    for i, payload in enumerate(PAYLOADS):
        objective = factories.make_objective(
            slug=f"xss-objective-{i}",
            name_fr=_fit(Objective, "name_fr", payload),
            name_en=_fit(Objective, "name_en", payload),
            description_fr=payload,
            description_en=payload,
            keywords_fr=payload,
            keywords_en=payload,
        )
        platform = factories.make_platform(
            slug=f"xss-platform-{i}",
            name_fr=_fit(Platform, "name_fr", payload),
            name_en=_fit(Platform, "name_en", payload),
        )
        expert = factories.make_expert(
            name=_fit(Expert, "name", payload),
            slug=f"xss-expert-{i}",
            headline=_fit(Expert, "headline", payload),
            bio=payload,
            city=_fit(Expert, "city", payload),
            website=_fit(Expert, "website", payload),
            social_links=[payload],
        )
        expert.platforms.set([platform])
        training = factories.make_training(
            trainer=expert,
            title=_fit(Training, "title", payload),
            slug=f"xss-training-{i}",
            summary=_fit(Training, "summary", payload),
            description=payload,
            city=_fit(Training, "city", payload),
            objectives=[objective],
            platforms=[platform],
        )
        factories.make_session(
            training,
            starts_in=timedelta(days=5 + i),
            venue=_fit(Session, "venue", payload),
            address=_fit(Session, "address", payload),
            city=_fit(Session, "city", payload),
            online_url=_fit(Session, "online_url", payload),
        )
        world.trainings.append(training)
        world.experts.append(expert)
        world.objectives.append(objective)
    world.trainer = world.experts[0].user
    # What visitors wrote reaches the trainer's inbox.
    for i, payload in enumerate(PAYLOADS):
        world.briefs.append(
            Brief.objects.create(
                expert=world.experts[0],
                training=world.trainings[i],
                objective=world.objectives[i],
                objective_text=_fit(Brief, "objective_text", payload),
                audience=_fit(Brief, "audience", payload),
                dates=_fit(Brief, "dates", payload),
                budget=_fit(Brief, "budget", payload),
                message=payload,
                name=_fit(Brief, "name", payload),
                email=f"visitor{i}@example.com",
                consent=True,
            )
        )
    factories.make_training(status=Status.DRAFT, trainer=world.experts[0], title=PAYLOADS[0], slug="xss-draft")
    return world


def payload_pages(world, full=True):
    """(role, path) of every page that shows the stored payloads. Extend as pages land.

    `full=False` (the browser test, for time) keeps one page of each per-payload kind.
    """
    pages = [(None, reverse("catalogue:home"))]
    per_page = 20
    for n in range(1, len(PAYLOADS) // per_page + 2):
        pages.append((None, f"{reverse('catalogue:training_list')}?page={n}"))
        pages.append((None, f"{reverse('experts:expert_list')}?page={n}"))
    pages += [(None, t.get_absolute_url()) for t in world.trainings]
    pages += [(None, e.get_absolute_url()) for e in world.experts]
    pages.append(("trainer", reverse("experts:dashboard")))
    every = slice(None) if full else slice(0, 1)
    match = reverse("catalogue:match")
    catalogue = reverse("catalogue:training_list")
    for i, objective in list(enumerate(world.objectives))[every]:
        # The matcher finds the objective by its keywords (the payload) and shows its name.
        pages.append((None, f"{match}?{urlencode({'objective': PAYLOADS[i]})}"))
        pages.append((None, f"{catalogue}?{urlencode({'objective': objective.slug})}"))
    for i, training in list(enumerate(world.trainings))[every]:
        pages.append((f"expert-{i}", reverse("experts:offer_detail", kwargs={"pk": training.pk})))
        pages.append((f"expert-{i}", reverse("experts:offer_edit", kwargs={"pk": training.pk})))
    for n in range(1, len(world.briefs) // 20 + 2):
        pages.append(("trainer", f"{reverse('experts:brief_list')}?page={n}"))
    pages += [("trainer", reverse("experts:brief_detail", kwargs={"pk": b.pk})) for b in world.briefs[every]]
    # The brief form shows the training, its trainer and the objectives.
    pages += [
        (None, reverse("experts:brief", kwargs={"slug": e.slug}) + f"?training={t.slug}")
        for e, t in list(zip(world.experts, world.trainings, strict=True))[every]
    ]
    # The .ics and .xml feeds are not HTML: tests/security/test_injection.py parses them separately.
    return pages


@dataclass(frozen=True)
class Form:
    """A form a visitor or trainer fills. Each payload goes into every field of `fields`.

    The test client posts each payload into all the fields at once, once per
    payload. So does Chromium (tests/browser/test_injection.py), unless `spread`.
    """

    id: str
    path: object  # callable(world) -> path
    fields: tuple
    method: str = "post"
    role: str | None = None
    data: dict = field(default_factory=dict)  # valid values for the other required fields
    # callables(world) -> (role, path) of pages that show what was just submitted (in Chromium, only when
    # there is no `stored_on`)
    shown_on: tuple = ()
    # callables(world) -> [(role, path)] of the pages that show everything submitted: after the last submission
    # Chromium calls each in turn and renders its pages once (a later one may move the content on, as a curator
    # would). The test client, which checks each payload's pages as it goes, does not use them.
    stored_on: tuple = ()
    vary: object = None  # callable(j) -> the values of submission j that must differ (a new account's email)
    # Chromium spreads the corpus over the fields instead (see `spread()`): these forms store what they get,
    # and one page load per payload per form and per page that shows it would cost many minutes.
    spread: bool = False
    width: int | None = None  # for `spread()`: several payloads per field up to this length
    settings: dict = field(default_factory=dict)  # e.g. a higher rate limit for the corpus
    # False where a browser cannot type the payloads at all (number and date inputs): only a forged request
    # sends them, which the test client does.
    browser: bool = True
    # A confirmation step after the first answer: the button's name and value (e.g. {"confirm": "1"}),
    # pressed in the browser, added to a second POST by the test client.
    confirm: dict = field(default_factory=dict)
    # Fields the page already carries (a formset's management form): the test client adds them.
    hidden: dict = field(default_factory=dict)
    # A second form on the answer page whose fields get the payloads too (the note to the curator sent with an
    # offer): Chromium fills it there; the test client posts `follow_data` and the fields to `follow(world)`
    # once it has seen the pages of `shown_on`.
    follow_fields: tuple = ()
    follow: object = None
    follow_data: dict = field(default_factory=dict)

    def __str__(self):
        return self.id


def spread(fields, width=None):
    """Chromium's submissions of a `spread` form: each field gets different payloads, each payload goes in once.

    Submission j fills field k with the (j·len(fields) + k)-th value, a value being one payload, or as many
    consecutive payloads as fit in `width` characters. Every field carries payloads and every payload is
    submitted and rendered in the browser; that each payload in each field comes back inert is checked on the
    server's HTML for every combination (tests/security/test_injection.py).
    """
    values = []
    for payload in PAYLOADS:
        if values and width and len(f"{values[-1]} {payload}") <= width:
            values[-1] = f"{values[-1]} {payload}"
        else:
            values.append(payload)
    per = len(fields)
    values += values[: -len(values) % per]  # the last submission fills its remaining fields from the start
    return [dict(zip(fields, values[j : j + per], strict=True)) for j in range(0, len(values), per)]


BRIEF_FIELDS = ("objective_text", "audience", "dates", "budget", "message", "name")
BRIEF_WIDTH = 100  # the budget's maximum length
SIGNUP_FIELDS = ("name",)
SIGNUP_WIDTH = 120  # the name's maximum length
OFFER_FIELDS = ("title", "summary", "description", "city", "sessions-0-venue", "sessions-0-address", "sessions-0-city")
OFFER_WIDTH = 80  # the cities' maximum length
OFFER_DATA = {
    "focus": "media",
    "format": "workshop",
    "competences": "knowledge",
    "level": "beginner",
    "mode": "in_person",
    "language": "fr",
    "duration_hours": "3",
    "price": "100",
    "currency": "CAD",
    "sessions-0-starts_at": (timezone.now() + timedelta(days=30)).strftime("%Y-%m-%dT10:00"),
    "sessions-0-ends_at": (timezone.now() + timedelta(days=30)).strftime("%Y-%m-%dT12:00"),
}


def _latest_brief():
    from experts.models import Brief

    return Brief.objects.latest("pk")


def _latest_offer(world):
    from catalogue.models import Training

    return Training.objects.filter(trainer=world.experts[0]).latest("pk")


def _brief_pages(world):
    """The briefs sent through the form: the trainer's inbox and each brief; the curator's list and each brief."""
    from experts.models import Brief

    sent = list(Brief.objects.filter(pk__gt=world.briefs[-1].pk).order_by("pk"))
    assert len(sent) == len(spread(BRIEF_FIELDS, BRIEF_WIDTH)), f"{len(sent)} briefs stored through the form"
    last_page = (Brief.objects.filter(expert=world.experts[0]).count() - 1) // 20 + 1
    pages = [("trainer", f"{reverse('experts:brief_list')}?page={n}") for n in range(1, last_page + 1)]
    pages += [("trainer", reverse("experts:brief_detail", kwargs={"pk": b.pk})) for b in sent]
    pages.append(("curator", f"{reverse('admin:experts_brief_changelist')}?{urlencode({'q': 'visitor@example.com'})}"))
    pages += [("curator", reverse("admin:experts_brief_change", args=[b.pk])) for b in sent]
    return pages


def _signup_pages(world):
    """The trainers who signed up: each one's dashboard and the curator's list (the profile form's pages
    include the curator's page of one expert)."""
    from experts.models import Expert

    new = list(Expert.objects.filter(user__email__startswith="new-trainer-").order_by("pk"))
    assert len(new) == len(spread(SIGNUP_FIELDS, SIGNUP_WIDTH)), f"{len(new)} trainers signed up"
    pages = [(f"user-{e.user_id}", reverse("experts:dashboard")) for e in new]
    pages.append(("curator", f"{reverse('admin:experts_expert_changelist')}?{urlencode({'q': 'new-trainer-'})}"))
    return pages


def _offers_in_review_pages(world):
    """The offers sent through the form (with the note), as the trainer and the curator see them."""
    # Each offer's own page was the answer to the note that sent it to review.
    offers = _submitted_offers(world)
    pages = [("trainer", reverse("experts:dashboard"))]
    pages.append(("curator", reverse("admin:catalogue_training_changelist")))
    pages += [("curator", reverse("admin:catalogue_training_review", args=[t.pk])) for t in offers]
    pages += [("curator", reverse("admin:catalogue_training_change", args=[t.pk])) for t in offers]
    return pages


def _published_offer_pages(world):
    """The same offers published by a curator (through the workflow): their public pages and their edit form."""
    from catalogue import workflow
    from catalogue.review_rules import RUBRIC_KEYS

    offers = _submitted_offers(world)
    for training in offers:
        workflow.transition(
            training, workflow.Action.PUBLISH, by=world.user("curator"), rubric=dict.fromkeys(RUBRIC_KEYS, True)
        )
    pages = [(None, t.get_absolute_url()) for t in offers]
    return pages + [("trainer", reverse("experts:offer_edit", kwargs={"pk": t.pk})) for t in offers]


def _submitted_offers(world):
    from catalogue.models import Training

    offers = list(Training.objects.filter(trainer=world.experts[0], status=Status.SUBMITTED).order_by("pk"))
    assert len(offers) == len(spread(OFFER_FIELDS, OFFER_WIDTH)), (
        f"{len(offers)} offers sent to review through the form"
    )
    return offers


FORMS = [
    Form("login", lambda w: reverse("experts:login"), ("username", "password")),
    Form("catalogue-search", lambda w: reverse("catalogue:training_list"), ("q", "city"), method="get"),
    Form("match", lambda w: reverse("catalogue:match"), ("objective",), method="get"),
    Form(
        "brief",
        lambda w: reverse("experts:brief", kwargs={"slug": w.experts[0].slug}),
        BRIEF_FIELDS,
        data={"email": "visitor@example.com", "consent": "on", "language": "fr"},
        settings={"BRIEF_RATE_LIMIT": "1000/h", "RECIPIENT_RATE_LIMIT": "1000/h"},
        confirm={"confirm": "1"},
        shown_on=(
            lambda w: ("trainer", reverse("experts:brief_list")),
            lambda w: ("trainer", reverse("experts:brief_detail", kwargs={"pk": _latest_brief().pk})),
        ),
        stored_on=(_brief_pages,),
        spread=True,
        width=BRIEF_WIDTH,
    ),
    Form(
        "signup",
        lambda w: reverse("experts:signup"),
        SIGNUP_FIELDS,
        data={
            "email": "new-trainer@example.com",
            "password": "a-long-test-password",
            "password_confirm": "a-long-test-password",
        },
        settings={"RATELIMIT_ENABLE": False},
        vary=lambda j: {"email": f"new-trainer-{j}@example.com"},
        spread=True,
        width=SIGNUP_WIDTH,
        stored_on=(_signup_pages,),
    ),
    Form(
        "profile",
        lambda w: reverse("experts:profile_edit"),
        ("name", "headline", "bio", "city"),
        role="trainer",
        data={"focuses": "media", "languages": "fr", "preferred_language": "fr"},
        shown_on=(
            lambda w: (None, w.experts[0].get_absolute_url()),
            lambda w: (None, w.trainings[0].get_absolute_url()),
            lambda w: ("trainer", reverse("experts:dashboard")),
            lambda w: ("curator", reverse("admin:experts_expert_change", args=[w.experts[0].pk])),
        ),
        spread=True,
        width=80,  # the city's maximum length
    ),
    Form(
        "profile-links",
        lambda w: reverse("experts:profile_edit"),
        ("website", "social_links"),
        role="trainer",
        data={"name": "Alice", "focuses": "media", "languages": "fr", "preferred_language": "fr"},
        shown_on=(lambda w: (None, w.experts[0].get_absolute_url()),),
        spread=True,
        width=200,  # the website's maximum length
    ),
    Form(
        "offer",
        lambda w: reverse("experts:offer_create"),
        OFFER_FIELDS,
        role="trainer",
        data=OFFER_DATA,
        hidden={"sessions-TOTAL_FORMS": "1", "sessions-INITIAL_FORMS": "0"},
        shown_on=(
            # Before the note sends it to review: a submitted offer is not editable.
            lambda w: ("trainer", reverse("experts:offer_edit", kwargs={"pk": _latest_offer(w).pk})),
        ),
        # The trainer's note to the curator, sent with the offer from its page.
        follow_fields=("message",),
        follow=lambda w: reverse("experts:offer_transition", kwargs={"pk": _latest_offer(w).pk}),
        follow_data={"action": "submit"},
        stored_on=(_offers_in_review_pages, _published_offer_pages),
        spread=True,
        width=OFFER_WIDTH,
    ),
    # No payload is a web address: the offer is refused and its form shows the value again.
    Form(
        "offer-link",
        lambda w: reverse("experts:offer_create"),
        ("sessions-0-online_url",),
        role="trainer",
        data={**OFFER_DATA, "title": "Atelier en ligne", "summary": "Un atelier.", "mode": "online"},
        hidden={"sessions-TOTAL_FORMS": "1", "sessions-INITIAL_FORMS": "0"},
        spread=True,
        width=200,  # the link's maximum length
    ),
    # Typed fields (e-mail, numbers, dates): no payload is a valid value, so nothing is stored; each form
    # shows the refused value again, next to its error.
    Form(
        "brief-email",
        lambda w: reverse("experts:brief", kwargs={"slug": w.experts[0].slug}),
        ("email",),
        data={"objective_text": "Vendre mes produits", "name": "Ana", "consent": "on", "language": "fr"},
        settings={"BRIEF_RATE_LIMIT": "1000/h"},
        spread=True,
        width=254,  # an e-mail address's maximum length
    ),
    Form(
        "signup-email",
        lambda w: reverse("experts:signup"),
        ("email",),
        data={"name": "Ana", "password": "a-long-test-password", "password_confirm": "a-long-test-password"},
        settings={"RATELIMIT_ENABLE": False},
        spread=True,
        width=254,
    ),
    Form(
        "offer-numbers-and-dates",
        lambda w: reverse("experts:offer_create"),
        ("duration_hours", "price", "sessions-0-starts_at", "sessions-0-ends_at", "sessions-0-seats"),
        role="trainer",
        data={**OFFER_DATA, "title": "Atelier", "summary": "Un atelier."},
        hidden={"sessions-TOTAL_FORMS": "1", "sessions-INITIAL_FORMS": "0"},
        browser=False,
    ),
]
