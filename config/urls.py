from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from catalogue.sitemaps import StaticPagesSitemap, TrainingSitemap
from catalogue.views.favicon import favicon
from catalogue.views.health import healthz
from catalogue.views.robots import robots_txt
from config.media import media_urlpatterns
from experts.review_queue import review_queue_view
from experts.sitemaps import ExpertSitemap

SITEMAPS = {"pages": StaticPagesSitemap, "trainings": TrainingSitemap, "experts": ExpertSitemap}

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include("config.api_urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
]

urlpatterns += i18n_patterns(
    path("admin/queue/", review_queue_view, name="review_queue"),
    path("admin/", admin.site.urls),
    path("", include("experts.urls")),
    path("", include("catalogue.urls")),
    path("", include("alerts.urls")),
)

# Trainer photos on the app's own disk, DEBUG or not (config/media.py).
urlpatterns += media_urlpatterns()
