"""One rule for NUL bytes: a request carrying one is refused with 400 before any view runs.

PostgreSQL cannot store or compare a string holding U+0000, so any lookup built
from such a parameter would fail with a 500. No honest form, link or API call
contains one. Checked: the path, the query string, cookies and form fields
(not uploaded files' contents).
"""

from django.core.exceptions import BadRequest
from django.http import JsonResponse

NUL = "\x00"
MESSAGE = "NUL byte in the request"


def _holds_nul(querydict):
    return any(NUL in key or any(NUL in value for value in values) for key, values in querydict.lists())


class RefuseNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            NUL in request.path_info
            or _holds_nul(request.GET)
            or any(NUL in key or NUL in value for key, value in request.COOKIES.items())
            or (request.method == "POST" and _holds_nul(request.POST))
        ):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"request": [MESSAGE]}, status=400)  # the API's 400 shape: {"field": ["reason"]}
            raise BadRequest(MESSAGE)  # the site's 400 page
        return self.get_response(request)
