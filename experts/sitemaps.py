from catalogue.sitemaps import I18nSitemap

from .models import Expert


class ExpertSitemap(I18nSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Expert.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, expert):
        return expert.updated_at
