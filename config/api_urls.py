"""The read-only JSON API under /api/v1/ (see DESIGN.md)."""

app_name = "api"
urlpatterns = []
