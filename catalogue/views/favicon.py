from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.decorators.http import require_safe


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico where a page names no icon (the admin, the API docs)."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
