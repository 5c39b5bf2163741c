"""Sitemap sections for the catalogue: every public page in French and
English, each URL with its hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Training


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(I18nSitemap):
    changefreq = "daily"
    priority = 0.8
    # The experts list belongs to the experts app but has no object behind it.
    url_names = ["catalogue:home", "catalogue:training_list", "experts:expert_list"]

    def items(self):
        return self.url_names

    def location(self, item):
        return reverse(item)


class TrainingSitemap(I18nSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Training.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, training):
        return training.updated_at
