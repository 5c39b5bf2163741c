"""Where the payloads go in: stored content (through the ORM) and every form, one entry each.

`build_payload_world()` stores one payload per training, session, expert,
objective and platform, in every text field a trainer or curator fills.
`payload_pages()` lists the pages that show that content. `FORMS` lists the
forms a visitor or trainer fills: each payload goes into each listed field,
then the answer and the pages that show the submitted content are checked.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.urls import reverse

from catalogue.enums import Status
from tests import factories
from tests.security.payloads import PAYLOADS


@dataclass
class PayloadWorld:
    trainings: list = field(default_factory=list)
    experts: list = field(default_factory=list)
    trainer: object = None

    def user(self, role):
        return self.trainer if role == "trainer" else None


def _fit(model, name, value):
    return value[: model._meta.get_field(name).max_length]


def build_payload_world():
    from catalogue.models import Objective, Platform, Session, Training
    from experts.models import Expert

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
    world.trainer = world.experts[0].user
    factories.make_training(status=Status.DRAFT, trainer=world.experts[0], title=PAYLOADS[0], slug="xss-draft")
    return world


def payload_pages(world):
    """(role, path) of every page that shows the stored payloads. Extend as pages land."""
    pages = [(None, reverse("catalogue:home"))]
    per_page = 20
    for n in range(1, len(PAYLOADS) // per_page + 2):
        pages.append((None, f"{reverse('catalogue:training_list')}?page={n}"))
        pages.append((None, f"{reverse('experts:expert_list')}?page={n}"))
    pages += [(None, t.get_absolute_url()) for t in world.trainings]
    pages += [(None, e.get_absolute_url()) for e in world.experts]
    pages.append(("trainer", reverse("experts:dashboard")))
    # After the merge: the match page for each objective slug, the brief form for each training,
    # the feeds (.ics/.xml are not HTML: check escaping there separately), the trainer's offer
    # edit pages and brief inbox.
    return pages


@dataclass(frozen=True)
class Form:
    """A form a visitor or trainer fills. Each payload goes into every field of `fields`."""

    id: str
    path: object  # callable(world) -> path
    fields: tuple
    method: str = "post"
    role: str | None = None
    data: dict = field(default_factory=dict)  # valid values for the other required fields
    shown_on: tuple = ()  # callables(world) -> (role, path) of pages that show what was submitted
    settings: dict = field(default_factory=dict)  # e.g. a higher rate limit for the corpus
    # A confirmation step after the first answer: the button's name and value (e.g. {"confirm": "1"}),
    # pressed in the browser, added to a second POST by the test client.
    confirm: dict = field(default_factory=dict)

    def __str__(self):
        return self.id


FORMS = [
    Form("login", lambda w: reverse("experts:login"), ("username", "password")),
    Form("catalogue-search", lambda w: reverse("catalogue:training_list"), ("q", "city"), method="get"),
    Form("match", lambda w: reverse("catalogue:match"), ("objective",), method="get"),
    # After the merge, one entry each, e.g. (checked on a trial merge with main at 02:55 UTC; import Brief):
    # Form(
    #     "brief",
    #     lambda w: reverse("experts:brief", kwargs={"slug": w.experts[0].slug}),
    #     ("objective_text", "audience", "dates", "budget", "message", "name"),
    #     data={"email": "visitor@example.com", "consent": "on", "language": "fr"},
    #     settings={"BRIEF_RATE_LIMIT": "1000/h"},
    #     confirm={"confirm": "1"},
    #     shown_on=(
    #         lambda w: ("trainer", reverse("experts:brief_list")),
    #         lambda w: ("trainer", reverse("experts:brief_detail", kwargs={"pk": Brief.objects.latest("pk").pk})),
    #     ),
    # ),
    # Form("signup", ...), Form("profile", ..., role="trainer", shown_on=(expert detail,)),
    # Form("offer", ..., role="trainer", shown_on=(offer detail, dashboard)).
]
