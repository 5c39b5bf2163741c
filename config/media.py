"""Uploaded files (trainer photos) served by the app itself when they live on its disk.

With the file-system storage there is no object store to serve them, and DEBUG=0 serves
no /media/ otherwise: a single-machine deployment would show no photo. Each file's name
is generated and never reused (experts.models.photo_upload_to), so it may be cached for
a year. With an object store (MEDIA_STORAGE_BACKEND), the store serves them and this
route is not added.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.urls import re_path
from django.views.decorators.http import require_safe
from django.views.static import serve

ONE_YEAR = 365 * 24 * 60 * 60


@require_safe
def serve_media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    # A file is shown as an image, never run as a page, whatever it holds.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def media_urlpatterns():
    """The /media/ route, only for the file-system storage at a local URL."""
    if not isinstance(storages["default"], FileSystemStorage) or not settings.MEDIA_URL.startswith("/"):
        return []
    prefix = settings.MEDIA_URL.lstrip("/")
    return [re_path(rf"^{prefix}(?P<path>.+)$", serve_media, name="media")]
