"""OpenAPI schema and browsable docs (drf-spectacular, assets from the sidecar).

The docs page is Swagger UI's "split" view: its start-up script is a separate
file, not inline, so it passes the site's strict Content-Security-Policy.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from ..bounds import SLUG_PATTERN
from ..enums import Format

_ERROR_DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
_FIELD_ERRORS = {
    "type": "object",
    "description": "Each invalid parameter with the reasons it was refused.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "example": {"focus": ["Select a valid choice. xyz is not one of the available choices."]},
}

BAD_REQUEST = OpenApiResponse(_FIELD_ERRORS, description='An invalid parameter: `{"field": ["reason"]}`.')
NOT_FOUND = OpenApiResponse(_ERROR_DETAIL, description="No published object with this slug.")
THROTTLED = OpenApiResponse(
    _ERROR_DETAIL, description="Too many requests from this address; the `Retry-After` header says when to retry."
)


def slug_list_parameter(name, description):
    """A repeatable slug parameter (`?platform=a&platform=b`). Its values are data (see /objectives/
    and /platforms/), so the schema states their shape; a well-formed slug that names nothing is a 400."""
    return OpenApiParameter(
        name,
        OpenApiTypes.STR,
        many=True,
        explode=True,
        style="form",
        pattern=SLUG_PATTERN,
        description=description + " A slug that names none answers 400.",
    )


OBJECTIVE_PARAMETER = slug_list_parameter("objective", "Objective slug (see /api/v1/objectives/); repeatable.")
PLATFORM_PARAMETER = slug_list_parameter("platform", "Platform slug (see /api/v1/platforms/); repeatable.")
USE_PARAMETER = slug_list_parameter(
    "use", "Use code (`broadcast`, `communicate`, `networking`, `play`, `educate`); repeatable."
)
COMPETENCE_PARAMETER = OpenApiParameter(
    "competence",
    OpenApiTypes.STR,
    many=True,
    explode=True,
    style="form",
    enum=["knowledge", "know_how", "interpersonal"],
    description=(
        "Competence code; repeatable. A training must teach **every** competence asked "
        "(before uses were added, any one of them sufficed)."
    ),
)
FORMAT_PARAMETER = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=Format.values,
    description=(
        "The training's format. Not a response format: the API answers JSON only (send `Accept: application/json`, "
        "or nothing), and `?format=json` answers 400 like any unknown format."
    ),
)

LIST_ERRORS = {400: BAD_REQUEST, 429: THROTTLED}
# 400: a NUL byte in the URL (config/nul_bytes.py).
DETAIL_ERRORS = {400: BAD_REQUEST, 404: NOT_FOUND, 429: THROTTLED}


class SchemaView(SpectacularAPIView):
    pass


class DocsView(SpectacularSwaggerSplitView):
    # Same as drf-spectacular's page minus its inline <style> (CSP).
    template_name = "catalogue/api/swagger_ui.html"
    url_name = "api:schema"
