"""Production defaults: trainer photos served from the app's disk, TRUSTED_PROXIES stated."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from config.checks import trusted_proxies_stated


def test_trainer_photo_is_served_from_the_disk_with_long_cache_and_nosniff(client, settings):
    settings.DEBUG = False
    name = default_storage.save("experts/photos/abc.jpg", ContentFile(b"\xff\xd8\xff\xe0 jpeg"))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")
    assert response["Content-Type"] == "image/jpeg"
    assert "max-age=31536000" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/media/../config/settings.py", "/media/%2e%2e/manage.py", "/media/missing.jpg"])
def test_media_route_serves_nothing_outside_the_media_folder(client, path):
    assert client.get(path).status_code in (400, 404)


def test_deploy_check_warns_when_trusted_proxies_is_not_stated(settings):
    settings.DEBUG = False
    settings.TRUSTED_PROXIES_STATED = False
    assert [warning.id for warning in trusted_proxies_stated(None)] == ["cible.W001"]
    settings.TRUSTED_PROXIES_STATED = True
    assert trusted_proxies_stated(None) == []
