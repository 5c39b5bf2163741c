from django.contrib.auth import views as auth_views
from django.urls import path

from .views import accounts, briefs, dashboard, directory

app_name = "experts"
urlpatterns = [
    path("experts/", directory.ExpertListView.as_view(), name="expert_list"),
    path("experts/<slug:slug>/", directory.ExpertDetailView.as_view(), name="expert_detail"),
    # One brief form for both pages; the training page adds ?training=<slug>.
    path("experts/<slug:slug>/brief/", briefs.send_brief, name="brief"),
    path("experts/<slug:slug>/brief/sent/", briefs.brief_sent, name="brief_sent"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("dashboard/", dashboard.DashboardView.as_view(), name="dashboard"),
]
