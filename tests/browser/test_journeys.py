"""The four user journeys end to end, driven like a person would: visible names,
labelled fields, real navigations on the live server.

1. A visitor: home → typed objective → match → training → brief → sent.
2. A visitor: filtered catalogue → page 2 → calendar subscription of that search.
3. A trainer: sign-up → confirmed email → offer with two sessions → submitted.
4. A curator: admin → moderation queue → review rubric → published; a visitor finds it.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from catalogue import grammar, workflow
from catalogue.enums import Status
from catalogue.ical import session_uid
from catalogue.models import Training
from experts.models import Brief
from tests.catalogue.objectives import create_demo_objectives
from tests.factories import make_curator, make_expert, make_match_world, make_session, make_training, make_user
from tests.french import fr

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"

# What a visitor reads, per language, in both journeys.
WORDS = {
    "fr": dict(
        objective_box="Votre objectif, dans vos mots",
        objective="utiliser les médias sociaux pour garder contact avec mes clients",
        find="Trouver ma formatrice ou mon formateur",
        about="Orientation de votre objectif : Réseaux sociaux",
        explanation="Nous avons reconnu cet objectif : Maintenir vos contacts en vie (d’après « garder contact »).",
        send_brief="Envoyer une demande à cette personne",
        brief_heading="Envoyer une demande à Nadia Roy",
        pick_objective="Choisissez un objectif",
        objective_name="Maintenir vos contacts en vie",
        name="Votre nom",
        email="Votre courriel",
        message="Message à la formatrice ou au formateur",
        consent="J’accepte d’être contacté ou contactée par courriel au sujet de cette demande.",
        review="Relire ma demande",
        check_heading="Vérifiez votre demande avant de l’envoyer",
        detected_focus="Réseaux sociaux — Maintenir vos contacts en vie",
        declares="Nadia Roy déclare cette spécialité.",
        send="Envoyer ma demande",
        sent_heading="Votre demande a été envoyée",
        confirmation_subject="Votre demande à Nadia Roy a été envoyée",
        # The catalogue.
        focus_filter="Orientation",
        focus_value="Réseaux sociaux",
        format_filter="Format",
        format_value="Atelier",
        show="Afficher les formations",
        count="13 formations",
        next="Suivante",
        page2="Page 2 sur 2",
        subscribe="S’abonner à cette recherche (.ics)",
    ),
    "en": dict(
        objective_box="Your objective, in your own words",
        objective="use social media to keep in touch with my clients",
        find="Find my trainer",
        about="Your objective is about: Social networking",
        explanation="We recognised this objective: Keep your contacts alive (from “keep in touch”).",
        send_brief="Send a brief to this trainer",
        brief_heading="Send a brief to Nadia Roy",
        pick_objective="Pick an objective",
        objective_name="Keep your contacts alive",
        name="Your name",
        email="Your email",
        message="Message to the trainer",
        consent="I agree that this trainer contacts me by email about this brief.",
        review="Review my brief",
        check_heading="Check your brief before sending",
        detected_focus="Social networking — Keep your contacts alive",
        declares="Nadia Roy declares this specialty.",
        send="Send my brief",
        sent_heading="Your brief was sent",
        confirmation_subject="Your brief to Nadia Roy was sent",
        # The catalogue.
        focus_filter="Focus",
        focus_value="Social networking",
        format_filter="Format",
        format_value="Workshop",
        show="Show trainings",
        count="13 trainings",
        next="Next",
        page2="Page 2 of 2",
        subscribe="Subscribe to this search (.ics)",
    ),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_visitor_goes_from_an_objective_to_a_sent_brief(page, lang):
    words = WORDS[lang]
    objectives = create_demo_objectives()
    nadia = make_expert(
        user=make_user(email="nadia@example.com"), name="Nadia Roy", slug="nadia-roy", focuses=["network"]
    )
    training = make_match_world(objectives, expert=nadia, slug="atelier-linkedin")

    page.goto(f"/{lang}/")
    page.get_by_label(words["objective_box"]).fill(words["objective"])
    page.get_by_role("button", name=words["find"]).click()

    page.wait_for_url(f"**/{lang}/match/?objective=*")
    expect(page.locator("#analysis-heading")).to_have_text(words["about"])
    expect(page.locator(".match-explanation")).to_contain_text(words["explanation"])
    expect(page.get_by_role("link", name="Promouvoir sur TikTok")).to_have_count(0)
    page.get_by_role("link", name="Atelier LinkedIn : garder le lien").click()

    page.wait_for_url(f"**/{lang}/trainings/atelier-linkedin/?objective=*")
    expect(page.get_by_role("heading", level=1)).to_have_text("Atelier LinkedIn : garder le lien")
    page.get_by_role("link", name=words["send_brief"]).click()

    page.wait_for_url(f"**/{lang}/experts/nadia-roy/brief/?training=atelier-linkedin&objective=*")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["brief_heading"])
    page.get_by_label(words["pick_objective"]).select_option(label=words["objective_name"])
    page.get_by_label(words["name"]).fill("Alice Visiteur")
    page.get_by_label(words["email"]).fill("alice@example.org")
    page.get_by_label(words["message"]).fill("Nous voulons garder le contact avec nos clients.")
    page.get_by_label(words["consent"]).check()
    page.get_by_role("button", name=words["review"]).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(words["check_heading"])
    expect(page.locator("#detected-focus")).to_have_text(words["detected_focus"])
    expect(page.get_by_text(words["declares"])).to_be_visible()
    assert Brief.objects.count() == 0 and mail.outbox == []
    page.get_by_role("button", name=words["send"]).click()

    page.wait_for_url(f"**/{lang}/experts/nadia-roy/brief/sent/?training=atelier-linkedin&brief=*")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["sent_heading"])
    # Delivered by e-mail (not merely stored): the page says so.
    expect(page.locator("[data-outcome]")).to_have_attribute("data-outcome", "delivered")
    expect(page.get_by_role("status")).to_contain_text("Nadia Roy")

    brief = Brief.objects.get()
    assert (brief.name, brief.email, brief.expert, brief.training, brief.detected_focus) == (
        "Alice Visiteur",
        "alice@example.org",
        nadia,
        training,
        "network",
    )
    emails = {message.to[0]: message.subject for message in mail.outbox}
    assert emails.keys() == {"alice@example.org", "nadia@example.com"}
    # The visitor's confirmation in the page's language; the trainer's email in theirs (French).
    assert emails["alice@example.org"] == words["confirmation_subject"]
    brief_from = grammar.elide(fr("Brief from %(name)s: %(objective)s", name="Alice Visiteur", objective=""), "fr")
    assert emails["nadia@example.com"].startswith(brief_from)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_visitor_filters_pages_and_subscribes_to_the_search(page, lang):
    words = WORDS[lang]
    trainer = make_expert(name="Annie Tremblay", focuses=["media", "network"])
    expected = {}  # UID -> start, to the second
    for n in range(13):
        workshop = make_training(title=f"Atelier réseau {n:02}", trainer=trainer, focus="network", format="workshop")
        expected.update(_uid_and_start(make_session(workshop, starts_in=timedelta(days=3 + n))))
    expected.update(_uid_and_start(make_session(workshop, starts_in=timedelta(days=40))))
    make_session(workshop, starts_in=timedelta(days=-2))  # past: not in the calendar
    conference = make_training(title="Conférence réseau", trainer=trainer, focus="network", format="conference")
    make_session(conference)
    media = make_training(title="Atelier médias", trainer=trainer, focus="media", format="workshop")
    make_session(media)
    hidden = make_training(status=Status.SUBMITTED, title="Atelier soumis", focus="network", format="workshop")
    make_session(hidden)

    page.goto(f"/{lang}/trainings/")
    page.get_by_role("combobox", name=words["focus_filter"], exact=True).select_option(label=words["focus_value"])
    page.get_by_role("combobox", name=words["format_filter"], exact=True).select_option(label=words["format_value"])
    page.get_by_role("button", name=words["show"]).click()
    page.wait_for_url(f"**/{lang}/trainings/?focus=network&format=workshop")
    expect(page.locator("#results-title")).to_have_text(words["count"])

    page.get_by_role("link", name=words["next"]).click()
    page.wait_for_url(re.compile(r"page=2"))
    assert page.url.endswith(f"/{lang}/trainings/?focus=network&format=workshop&page=2")
    expect(page.get_by_text(words["page2"])).to_be_visible()
    expect(page.locator(".training-results").get_by_role("article")).to_have_count(1)

    subscribe = page.get_by_role("link", name=words["subscribe"])
    href = subscribe.get_attribute("href")
    assert href == f"/{lang}/trainings/feed.ics?focus=network&format=workshop"
    response = page.request.get(href)
    assert response.status == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.body())
    events = calendar.walk("VEVENT")
    assert {str(event["UID"]): event.decoded("DTSTART") for event in events} == expected
    assert len(events) == len(expected) == 14
    assert all(str(event["SUMMARY"]).startswith("Atelier réseau ") for event in events)


def _uid_and_start(session):
    return {session_uid(session): session.starts_at.replace(microsecond=0)}


def test_trainer_signs_up_and_submits_an_offer_with_two_sessions(page):
    objectives = create_demo_objectives()
    diffuser = objectives["diffuser-vos-messages"]

    page.goto("/fr/")
    page.get_by_role("link", name="Formatrices et formateurs : connexion").click()
    page.get_by_role("link", name="Créer votre compte de formatrice ou formateur").click()
    page.wait_for_url("**/fr/accounts/signup/")
    page.get_by_label("Courriel").fill("nadia@example.com")
    page.get_by_label("Nom public").fill("Nadia Formatrice")
    page.get_by_label(re.compile(r"^\s*Mot de passe")).fill("Un-mot-de-passe-solide-42")
    page.get_by_label("Confirmez le mot de passe").fill("Un-mot-de-passe-solide-42")
    page.get_by_role("button", name="S’inscrire").click()
    page.wait_for_url("**/fr/accounts/signup/done/")

    (confirmation,) = mail.outbox
    assert confirmation.to == ["nadia@example.com"]
    # E-mailed links are absolute on SITE_URL; this server listens elsewhere.
    path = re.search(r"https?://[^/\s]+(/fr/accounts/confirm/\S+)", confirmation.body).group(1)
    page.goto(path)
    page.wait_for_url("**/fr/accounts/login/")
    page.get_by_label("Courriel").fill("nadia@example.com")
    page.get_by_label("Mot de passe").fill("Un-mot-de-passe-solide-42")
    page.locator("main").get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/fr/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord — Nadia Formatrice")

    page.locator("main").get_by_role("link", name="Nouvelle offre").first.click()
    page.wait_for_url("**/fr/dashboard/offers/new/")
    page.get_by_label("Titre").fill("Faire rayonner votre marque")
    page.get_by_label("Résumé").fill("Un atelier pour diffuser vos messages.")
    page.get_by_role("radio", name="Médias sociaux").check()
    page.get_by_role("combobox", name="Format").select_option(label="Atelier")
    page.get_by_role("checkbox", name="Savoir-faire", exact=True).check()
    page.get_by_role("checkbox", name=diffuser.name_fr).check()
    page.get_by_label("Durée (heures)").fill("3")
    page.get_by_label("Prix").fill("250")
    sessions = page.locator(".session-form")
    for index, (day, city) in enumerate([(20, "Montréal"), (27, "Québec")]):
        session = sessions.nth(index)
        session.get_by_label("Début").fill(_local(day, 9))
        session.get_by_label("Fin").fill(_local(day, 12))
        session.get_by_label("Ville").fill(city)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url(re.compile(r"/fr/dashboard/offers/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Faire rayonner votre marque")
    expect(page.get_by_role("alert").or_(page.get_by_role("status")).first).to_contain_text("L’offre est enregistrée.")

    page.get_by_role("button", name="Soumettre pour évaluation").click()
    expect(page.locator(".offer-status")).to_have_text("Soumise pour évaluation")

    training = Training.objects.get()
    assert (training.title, training.status, training.trainer.name, training.trainer.user.email) == (
        "Faire rayonner votre marque",
        Status.SUBMITTED,
        "Nadia Formatrice",
        "nadia@example.com",
    )
    assert [session.city for session in training.sessions.order_by("starts_at")] == ["Montréal", "Québec"]

    # A visitor sees nothing of it yet.
    page.context.clear_cookies()
    response = page.goto(f"/fr/trainings/{training.slug}/")
    assert response.status == 404
    page.goto("/fr/trainings/")
    page.get_by_role("searchbox", name="Recherche").fill("rayonner")
    page.get_by_role("button", name="Afficher les formations").click()
    expect(page.get_by_text("Aucune formation ne correspond à votre recherche.")).to_be_visible()


def _local(days, hour):
    """A datetime-local value `days` from today at `hour` (the form's time zone)."""
    moment = timezone.localtime(timezone.now() + timedelta(days=days)).replace(hour=hour, minute=0)
    return moment.strftime("%Y-%m-%dT%H:%M")


def test_curator_publishes_a_submitted_offer_that_a_visitor_then_finds(page):
    trainer = make_expert(user=make_user(email="nadia@example.com"), name="Nadia Roy", preferred_language="fr")
    training = make_training(
        status=Status.DRAFT, trainer=trainer, title="Faire rayonner votre marque", slug="faire-rayonner"
    )
    make_session(training, starts_in=timedelta(days=20))
    make_session(training, starts_in=timedelta(days=27))
    workflow.transition(training, workflow.Action.SUBMIT, by=trainer.user)
    make_curator(email="curator@example.com", password=PASSWORD)

    page.goto("/en/admin/")
    page.get_by_label("Email").fill("curator@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/en/admin/")

    page.locator("main").get_by_role("link", name="Trainings", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation queue: offers awaiting review, oldest first")
    page.get_by_role("row", name=re.compile("Faire rayonner votre marque")).get_by_role("link", name="Review").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Review “Faire rayonner votre marque”")
    rubric = page.locator("fieldset.review-rubric-item")
    expect(rubric).to_have_count(5)
    for index in range(5):
        rubric.nth(index).get_by_role("radio", name="Yes").check()
    page.get_by_label("Message to the trainer").fill("Clear objective, complete sessions: welcome aboard.")
    page.get_by_role("button", name="Publish").click()

    page.wait_for_url("**/en/admin/catalogue/training/")
    expect(
        page.get_by_text("“Faire rayonner votre marque” is now “Published”; the trainer is notified by email.")
    ).to_be_visible()
    (published,) = mail.outbox
    assert published.to == ["nadia@example.com"]
    assert published.subject == fr("Published: %(title)s", title="Faire rayonner votre marque")
    assert "Clear objective, complete sessions: welcome aboard." in published.body

    page.get_by_role("button", name="Log out").click()
    page.goto("/en/")
    page.get_by_role("link", name="Trainings", exact=True).first.click()
    page.wait_for_url("**/en/trainings/")
    page.get_by_role("searchbox", name="Search").fill("faire rayonner")
    page.get_by_role("button", name="Show trainings").click()
    expect(page.locator("#results-title")).to_have_text("1 training")
    page.get_by_role("link", name="Faire rayonner votre marque").click()

    page.wait_for_url("**/en/trainings/faire-rayonner/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Faire rayonner votre marque")
    expect(page.locator(".upcoming-sessions > li")).to_have_count(2)
