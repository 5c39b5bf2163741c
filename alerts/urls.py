from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("alerts/new/", views.new_alert, name="new"),
    path("alerts/requested/", views.requested, name="requested"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("alerts/manage/<str:token>/", views.manage, name="manage"),
    path("alerts/feed/<str:token>.xml", views.feed, name="feed"),
]
