from django.views.generic import TemplateView


class MatchView(TemplateView):
    template_name = "catalogue/match.html"  # issue #3
