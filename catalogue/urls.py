from django.urls import path

from .views import home, trainings

app_name = "catalogue"
urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("trainings/", trainings.TrainingListView.as_view(), name="training_list"),
    path("trainings/<slug:slug>/", trainings.TrainingDetailView.as_view(), name="training_detail"),
]
