"""The pages the proof suite visits, in one place so that a new page is one line.

`build_world()` makes a small catalogue with the factories: two trainers, a
curator, a superuser, a published training with a session, unpublished offers.
Each `Page` builds its path from that world (called with the page's language
active, so `reverse()` gives `/fr/…` or `/en/…`), says who visits it and,
for a form, which fields to fill and submit so that it shows errors.

Walked by: tests/browser/test_accessibility.py (axe-core),
tests/test_html_validity.py (Nu HTML Checker), tests/browser/test_injection.py.
After a page lands, add it to PUBLIC_PAGES (anyone), TRAINER_PAGES (a logged-in
trainer's pages and forms) or FORM_ERROR_PAGES (a form submitted with errors).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import get_language

from catalogue.enums import Status
from experts.models import Brief
from tests import factories

PASSWORD = "a-long-test-password"


@dataclass
class World:
    objective: Any
    platform: Any
    trainer_a: Any
    expert_a: Any
    trainer_b: Any
    expert_b: Any
    curator: Any
    superuser: Any
    training: Any
    session: Any
    draft: Any
    submitted: Any
    other_training: Any
    unpublished_expert: Any
    brief: Any
    unclaimed_expert: Any  # listed, with no account: cannot receive a brief
    unpublished: list = field(default_factory=list)

    def user(self, role):
        return None if role in (None, "anonymous") else getattr(self, role)


def build_world():
    objective = factories.make_objective(
        focus="media", slug="diffuser-vos-messages", name_fr="Diffuser vos messages", name_en="Spread your messages"
    )
    platform = factories.make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    trainer_a = factories.make_user(email="alice@example.com")
    expert_a = factories.make_expert(user=trainer_a, name="Alice Tremblay", slug="alice-tremblay")
    trainer_b = factories.make_user(email="bruno@example.com")
    expert_b = factories.make_expert(user=trainer_b, name="Bruno Gagnon", slug="bruno-gagnon", focuses=["network"])
    training = factories.make_training(
        trainer=expert_a,
        title="Diffuser vos messages sur LinkedIn",
        slug="diffuser-vos-messages-linkedin",
        summary="Une stratégie média pour faire connaître votre produit.",
        description="## Programme\n\n- Publier\n- Mesurer",
        objectives=[objective],
        platforms=[platform],
    )
    session = factories.make_session(training, starts_in=timedelta(days=20))
    other_training = factories.make_training(
        trainer=expert_b,
        title="Développer votre réseau d'affaires",
        slug="developper-votre-reseau",
        focus="network",
        format="course",
    )
    draft = factories.make_training(status=Status.DRAFT, trainer=expert_a, title="Brouillon secret A", slug="draft-a")
    submitted = factories.make_training(
        status=Status.SUBMITTED, trainer=expert_a, title="Offre soumise secrète A", slug="submitted-a"
    )
    others = [
        factories.make_training(status=status, trainer=expert_a, title=f"Offre {status} secrète", slug=f"{status}-a")
        for status in (Status.CHANGES_REQUESTED, Status.REJECTED, Status.ARCHIVED)
    ]
    unpublished_expert = factories.make_expert(name="Chloé Inédite", slug="chloe-inedite")
    hidden = factories.make_training(
        status=Status.DRAFT, trainer=unpublished_expert, title="Brouillon secret C", slug="draft-c"
    )
    brief = Brief.objects.create(
        expert=expert_a,
        training=training,
        objective=objective,
        objective_text="Faire connaître notre nouveau produit sur LinkedIn",
        audience="L'équipe marketing",
        dates="Au printemps",
        message="Bonjour, pouvez-vous nous proposer un atelier ?",
        name="Denise Visiteuse",
        email="denise@example.com",
        consent=True,
    )
    unclaimed_expert = factories.make_expert(name="Émile Sans-Compte", slug="emile-sans-compte", with_user=False)
    factories.make_training(trainer=unclaimed_expert, title="Atelier sans compte", slug="atelier-sans-compte")
    curator = factories.make_curator(email="responsable@example.com")
    superuser = get_user_model().objects.create_superuser(
        username="root@example.com", email="root@example.com", password=PASSWORD
    )
    return World(
        objective=objective,
        platform=platform,
        trainer_a=trainer_a,
        expert_a=expert_a,
        trainer_b=trainer_b,
        expert_b=expert_b,
        curator=curator,
        superuser=superuser,
        training=training,
        session=session,
        draft=draft,
        submitted=submitted,
        other_training=other_training,
        unpublished_expert=unpublished_expert,
        brief=brief,
        unclaimed_expert=unclaimed_expert,
        unpublished=[draft, submitted, *others, hidden],
    )


@dataclass(frozen=True)
class Page:
    id: str
    path: Callable[[World], str]
    role: str | None = None
    # A form to fill and submit: field name -> value (a callable gets the world).
    form: dict | None = None
    status: int = 200
    # A page drawn by its own script after it loads: what to wait for before checking it (CSS selector).
    ready: str | None = None

    def url(self, world):
        return self.path(world)

    def form_data(self, world):
        return {name: value(world) if callable(value) else value for name, value in (self.form or {}).items()}

    def __str__(self):
        return self.id


def _lang_path(suffix):
    return lambda w: f"/{get_language()}/{suffix}"


def _offer(name, attr="draft"):
    return lambda w: reverse(f"experts:{name}", kwargs={"pk": getattr(w, attr).pk})


def _brief_form(w):
    return reverse("experts:brief", kwargs={"slug": w.expert_a.slug}) + f"?training={w.training.slug}"


def _followup(brief):
    from experts.followups import answer_token

    return reverse("experts:followup_answer", kwargs={"token": answer_token(brief)})


def _compare(w):
    # Two published trainings and a draft, which the page leaves out with a note.
    slugs = (w.training.slug, w.other_training.slug, w.draft.slug)
    return reverse("catalogue:compare") + "?" + "&".join(f"t={slug}" for slug in slugs)


def _alert_link(name):
    """A page of an alert's signed links (the alert is made once, on first use)."""

    def path(w):
        from alerts import tokens
        from alerts.models import Alert

        alert, _ = Alert.objects.get_or_create(
            email="visitor@example.com", kind="filters", query="focus=media", defaults={"label": "Focus: media"}
        )
        token = tokens.manage_token(alert.email) if name == "manage" else tokens.confirm_token(alert)
        return reverse(f"alerts:{name}", kwargs={"token": token})

    return path


PUBLIC_PAGES = [
    Page("home", lambda w: reverse("catalogue:home")),
    Page("match", lambda w: reverse("catalogue:match") + "?objective=diffuser+mes+messages+sur+linkedin"),
    Page("training-list", lambda w: reverse("catalogue:training_list")),
    Page("training-list-filtered", lambda w: reverse("catalogue:training_list") + "?focus=media&q=linkedin"),
    Page("training-detail", lambda w: w.training.get_absolute_url()),
    Page("compare", _compare),
    Page("compare-empty", lambda w: reverse("catalogue:compare")),
    Page("training-list-shortlist", lambda w: reverse("catalogue:training_list") + f"?t={w.training.slug}"),
    Page("expert-list", lambda w: reverse("experts:expert_list")),
    Page("expert-list-filtered", lambda w: reverse("experts:expert_list") + "?focus=network"),
    Page("expert-detail", lambda w: w.expert_a.get_absolute_url()),
    Page("brief", _brief_form),
    Page("brief-sent", lambda w: reverse("experts:brief_sent", kwargs={"slug": w.expert_a.slug})),
    Page("brief-unavailable", lambda w: reverse("experts:brief", kwargs={"slug": w.unclaimed_expert.slug})),
    Page("expert-detail-unclaimed", lambda w: w.unclaimed_expert.get_absolute_url()),
    Page("alert-new", lambda w: reverse("alerts:new") + "?focus=media&q=linkedin"),
    Page(
        "alert-new-match",
        lambda w: (
            reverse("alerts:new") + f"?from=match&objective={w.objective.slug}&platform={w.platform.slug}&language=en"
        ),
    ),
    Page("alert-requested", lambda w: reverse("alerts:requested")),
    Page("alert-confirm", _alert_link("confirm")),
    Page("alert-manage", _alert_link("manage")),
    Page("alert-bad-link", lambda w: reverse("alerts:manage", kwargs={"token": "tampered"}), status=400),
    Page("login", lambda w: reverse("experts:login")),
    Page("signup", lambda w: reverse("experts:signup")),
    Page("password-reset", lambda w: reverse("experts:password_reset")),
    # Swagger UI, the same in both languages; static/css/api-docs.css and SWAGGER_UI_SETTINGS keep it axe-clean.
    Page("api-docs", lambda w: reverse("api:docs"), ready=".swagger-ui .opblock-summary-path"),
    Page("not-found", _lang_path("no-such-page/"), status=404),
    Page("followup-answer", lambda w: _followup(w.brief)),
    Page("followup-link-invalid", lambda w: reverse("experts:followup_answer", kwargs={"token": "x"}), status=400),
]

TRAINER_PAGES = [
    Page("dashboard", lambda w: reverse("experts:dashboard"), role="trainer_a"),
    Page("profile-edit", lambda w: reverse("experts:profile_edit"), role="trainer_a"),
    Page("offer-create", lambda w: reverse("experts:offer_create"), role="trainer_a"),
    Page("offer-detail", _offer("offer_detail"), role="trainer_a"),
    Page("offer-detail-published", _offer("offer_detail", "training"), role="trainer_a"),
    Page("offer-edit", _offer("offer_edit"), role="trainer_a"),
    Page("offer-preview", _offer("offer_preview"), role="trainer_a"),
    Page("profile-preview", lambda w: reverse("experts:profile_preview"), role="trainer_a"),
    Page("brief-inbox", lambda w: reverse("experts:brief_list"), role="trainer_a"),
    Page("brief-detail", lambda w: reverse("experts:brief_detail", kwargs={"pk": w.brief.pk}), role="trainer_a"),
    Page("password-change", lambda w: reverse("experts:password_change"), role="trainer_a"),
]

# Forms submitted so that they show errors (the page answers 200 with the form again).
FORM_ERROR_PAGES = [
    Page(
        "login-wrong-password",
        lambda w: reverse("experts:login"),
        form={"username": "alice@example.com", "password": "not-the-password"},
    ),
    Page("training-list-invalid-filter", lambda w: reverse("catalogue:training_list") + "?price_max=cheap&sort=nope"),
    Page("signup-errors", lambda w: reverse("experts:signup"), form={"email": "not-an-email", "name": ""}),
    Page("brief-errors", _brief_form, form={"email": "x", "objective_text": ""}),
    Page("alert-errors", lambda w: reverse("alerts:new") + "?focus=media", form={"email": "x"}),
    Page("offer-errors", lambda w: reverse("experts:offer_create"), role="trainer_a", form={"title": ""}),
    Page("profile-errors", lambda w: reverse("experts:profile_edit"), role="trainer_a", form={"name": ""}),
    Page(
        "password-change-errors",
        lambda w: reverse("experts:password_change"),
        role="trainer_a",
        form={"old_password": "wrong", "new_password1": "short", "new_password2": "other"},
    ),
]

ALL_PAGES = PUBLIC_PAGES + TRAINER_PAGES + FORM_ERROR_PAGES
