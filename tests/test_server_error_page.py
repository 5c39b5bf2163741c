import pytest
from django.db import OperationalError
from django.template.loader import render_to_string

from catalogue.views import trainings


def test_500_page_is_static_and_bilingual():
    # No django_db mark: any database access while rendering would fail this test.
    html = render_to_string("500.html")
    assert "Le service est momentanément indisponible" in html
    assert "The service is temporarily unavailable" in html
    assert "<script" not in html and "style=" not in html


@pytest.mark.django_db
def test_database_failure_shows_the_friendly_page_not_a_traceback(client, monkeypatch):
    def broken(self):
        raise OperationalError("connection refused")

    monkeypatch.setattr(trainings.TrainingListView, "get_queryset", broken)
    client.raise_request_exception = False
    response = client.get("/fr/trainings/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Le service est momentanément indisponible" in body
    assert "Traceback" not in body and "OperationalError" not in body
