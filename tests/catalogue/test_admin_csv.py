import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.admin.trainings import CONTENT_FIELDS
from catalogue.enums import Status
from catalogue.models import Objective
from experts.models import Brief
from tests.factories import make_curator, make_expert, make_objective, make_platform, make_training, make_user

pytestmark = pytest.mark.django_db


def _rows(response):
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_training_export_equals_the_filtered_list(client):
    linkedin = make_platform(slug="linkedin")
    grow = make_objective(focus="network", slug="developper-reseau")
    for i in range(3):
        make_training(
            status=Status.PUBLISHED, focus="network", title=f"Réseau {i}", objectives=[grow], platforms=[linkedin]
        )
    make_training(status=Status.PUBLISHED, focus="media", title="Médias")
    make_training(status=Status.SUBMITTED, focus="network", title="Soumise")
    client.force_login(make_curator())
    query = {"status": "published", "focus__exact": "network"}
    listed = [t.slug for t in client.get("/fr/admin/catalogue/training/", query).context["cl"].result_list]
    rows = _rows(client.get("/fr/admin/catalogue/training/export/", query))
    assert [row["slug"] for row in rows] == listed
    assert len(rows) == 3
    assert rows[0]["objectives"] == "developper-reseau"
    assert rows[0]["platforms"] == "linkedin"
    assert {row["status"] for row in rows} == {"published"}
    assert list(rows[0])[:4] == ["id", "slug", "title", "trainer"]


def test_training_export_of_the_default_queue_is_the_queue(client):
    make_training(status=Status.SUBMITTED, title="Soumise")
    make_training(status=Status.PUBLISHED, title="Publiée")
    client.force_login(make_curator())
    rows = _rows(client.get("/fr/admin/catalogue/training/export/"))
    assert [row["title"] for row in rows] == ["Soumise"]


def test_training_export_is_the_searched_list_with_every_fact_the_admin_shows(client):
    make_training(status=Status.SUBMITTED, title="Marketing viral", slug="viral")
    make_training(status=Status.SUBMITTED, title="Réseau d'affaires", slug="reseau")
    client.force_login(make_curator())
    query = {"q": "viral"}
    listed = [t.slug for t in client.get("/fr/admin/catalogue/training/", query).context["cl"].result_list]
    rows = _rows(client.get("/fr/admin/catalogue/training/export/", query))
    assert [row["slug"] for row in rows] == listed == ["viral"]
    # The CSV leaves out only the long texts of what the admin's offer page shows.
    assert set(CONTENT_FIELDS) - {"summary", "description"} <= set(rows[0])
    assert rows[0]["teaches_knowledge"] == "1"


def test_training_export_runs_a_fixed_number_of_queries(client):
    client.force_login(make_curator())
    platform, objective = make_platform(), make_objective()

    def export_queries():
        with CaptureQueriesContext(connection) as queries:
            _rows(client.get("/fr/admin/catalogue/training/export/", {"status": "all"}))
        return len(queries)

    make_training(objectives=[objective], platforms=[platform])
    few = export_queries()
    for _ in range(5):
        make_training(objectives=[objective], platforms=[platform])
    assert export_queries() == few


def _brief(expert, **fields):
    defaults = dict(objective_text="Diffuser nos messages", message="Bonjour", name="Client", email="c@example.com")
    defaults.update(fields)
    return Brief.objects.create(expert=expert, **defaults)


def test_brief_export_respects_filters_and_search(client):
    expert = make_expert(name="Annie Tremblay")
    _brief(expert, name="Alice", language="fr")
    _brief(expert, name="Bruno", language="en")
    _brief(make_expert(), name="Chloé", language="fr")
    client.force_login(make_curator())
    query = {"language__exact": "fr", "q": "Tremblay"}
    listed = [b.pk for b in client.get("/fr/admin/experts/brief/", query).context["cl"].result_list]
    rows = _rows(client.get("/fr/admin/experts/brief/export/", query))
    assert [int(row["id"]) for row in rows] == listed
    assert [(row["name"], row["expert"]) for row in rows] == [("Alice", "Annie Tremblay")]


def _csv_file(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile("objectives.csv", out.getvalue().encode(), content_type="text/csv")


OBJECTIVE_ROW = {
    "slug": "faire-briller-etoile",
    "focus": "network",
    "name_fr": "Faire briller votre étoile",
    "name_en": "Make your star shine",
    "description_fr": "",
    "description_en": "",
    "keywords_fr": "briller\nétoile\nnotoriété",
    "keywords_en": "shine\nstar",
    "order": "3",
    "is_active": "1",
}


def test_curator_imports_objectives_from_csv(client):
    make_objective(slug="faire-briller-etoile", focus="network", name_fr="Ancien nom", keywords_fr="vieux")
    new = {
        **OBJECTIVE_ROW,
        "slug": "marketing-viral",
        "focus": "media",
        "name_fr": "Marketing viral",
        "name_en": "Viral marketing",
    }
    client.force_login(make_curator())
    confirm = client.post(
        "/fr/admin/catalogue/objective/import/",
        {"import_file": _csv_file([OBJECTIVE_ROW, new]), "format": "0", "resource": "0"},
    )
    assert confirm.status_code == 200
    form = confirm.context["confirm_form"]
    assert form is not None, confirm.context.get("errors")
    done = client.post("/fr/admin/catalogue/objective/process_import/", form.initial)
    assert done.status_code == 302
    updated = Objective.objects.get(slug="faire-briller-etoile")
    assert updated.name_fr == "Faire briller votre étoile"
    assert updated.keyword_list("fr") == ["briller", "étoile", "notoriété"]
    assert Objective.objects.get(slug="marketing-viral").name_en == "Viral marketing"


def test_objective_import_is_restricted_to_curators(client):
    staff = make_user(is_staff=True)
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="view_objective"))
    client.force_login(staff)
    assert client.get("/fr/admin/catalogue/objective/import/").status_code == 403
    assert "/import/" not in client.get("/fr/admin/catalogue/objective/").text
    client.force_login(make_curator())
    page = client.get("/fr/admin/catalogue/objective/import/")
    assert page.status_code == 200
    assert "<h1>Importer</h1>" in page.text
    assert 'type="file"' in page.text


FORMULAS = ['=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_brief_export_escapes_spreadsheet_formulas(client, formula):
    _brief(make_expert(), name=formula)
    client.force_login(make_curator())
    row = _rows(client.get("/fr/admin/experts/brief/export/"))[0]
    assert row["name"] == "'" + formula


def test_training_export_escapes_a_formula_in_the_title(client):
    make_training(title='=HYPERLINK("http://evil.example","Cliquez")')
    client.force_login(make_curator())
    row = _rows(client.get("/fr/admin/catalogue/training/export/", {"status": "all"}))[0]
    assert row["title"].startswith("'=")
    assert row["trainer"] and not row["trainer"].startswith("'")


def test_objective_export_then_import_keeps_a_formula_like_keyword(client):
    make_objective(slug="viral", keywords_fr="-promo\n=deux")
    client.force_login(make_curator())
    exported = client.get("/fr/admin/catalogue/objective/export/")
    assert exported.status_code == 200, exported
    rows = _rows(exported)
    assert rows[0]["keywords_fr"].startswith("'-")
    confirm = client.post(
        "/fr/admin/catalogue/objective/import/", {"import_file": _csv_file(rows), "format": "0", "resource": "0"}
    )
    client.post("/fr/admin/catalogue/objective/process_import/", confirm.context["confirm_form"].initial)
    assert Objective.objects.get(slug="viral").keywords_fr == "-promo\n=deux"
