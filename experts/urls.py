from django.contrib.auth import views as auth_views
from django.urls import path

from .views import dashboard, directory

app_name = "experts"
urlpatterns = [
    path("experts/", directory.ExpertListView.as_view(), name="expert_list"),
    path("experts/<slug:slug>/", directory.ExpertDetailView.as_view(), name="expert_detail"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("dashboard/", dashboard.DashboardView.as_view(), name="dashboard"),
]
