from django.urls import path

from .views import compare, feeds, home, match, trainings

app_name = "catalogue"
urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("match/", match.MatchView.as_view(), name="match"),
    path("compare/", compare.CompareView.as_view(), name="compare"),
    path("compare/calendar.ics", compare.compare_ics, name="compare_ics"),
    path("trainings/", trainings.TrainingListView.as_view(), name="training_list"),
    path("trainings/feed.ics", feeds.training_feed_ics, name="training_feed_ics"),
    path("trainings/feed.xml", feeds.training_feed_atom, name="training_feed_atom"),
    path("trainings/<slug:slug>/", trainings.TrainingDetailView.as_view(), name="training_detail"),
    path("trainings/<slug:slug>/calendar.ics", feeds.training_ics, name="training_ics"),
]
