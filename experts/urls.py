from django.contrib.auth import views as auth_views
from django.urls import path

from .views import accounts, briefs, claims, dashboard, directory, followups, inbox, offers, preview, profile

app_name = "experts"
urlpatterns = [
    path("experts/", directory.ExpertListView.as_view(), name="expert_list"),
    path("experts/<slug:slug>/", directory.ExpertDetailView.as_view(), name="expert_detail"),
    # One brief form for both pages; the training page adds ?training=<slug>.
    path("experts/<slug:slug>/brief/", briefs.send_brief, name="brief"),
    path("experts/<slug:slug>/claim/", claims.ClaimRequestView.as_view(), name="claim_request"),
    path("accounts/claim/<str:token>/", claims.ClaimConfirmView.as_view(), name="claim_confirm"),
    path("experts/<slug:slug>/brief/sent/", briefs.brief_sent, name="brief_sent"),
    # The visitor's follow-up (signed links from the e-mail).
    path("followup/<str:token>/", followups.answer, name="followup_answer"),
    path("followup/stop/<str:token>/", followups.optout, name="followup_optout"),
    # Accounts (trainers).
    path("accounts/signup/", accounts.SignupView.as_view(), name="signup"),
    path("accounts/signup/done/", accounts.SignupDoneView.as_view(), name="signup_done"),
    path("accounts/confirm/<str:token>/", accounts.confirm_email, name="confirm_email"),
    path("accounts/confirm-again/", accounts.ResendConfirmationView.as_view(), name="resend_confirmation"),
    path("accounts/login/", accounts.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("accounts/password/reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # The trainer's dashboard: only their own profile, offers and briefs.
    path("dashboard/", dashboard.DashboardView.as_view(), name="dashboard"),
    path("dashboard/profile/", profile.ProfileEditView.as_view(), name="profile_edit"),
    path("dashboard/profile/preview/", preview.ProfilePreviewView.as_view(), name="profile_preview"),
    path("dashboard/offers/new/", offers.OfferFormView.as_view(), name="offer_create"),
    path("dashboard/offers/<int:pk>/", offers.OfferDetailView.as_view(), name="offer_detail"),
    path("dashboard/offers/<int:pk>/edit/", offers.OfferFormView.as_view(), name="offer_edit"),
    path("dashboard/offers/<int:pk>/preview/", preview.OfferPreviewView.as_view(), name="offer_preview"),
    path("dashboard/offers/<int:pk>/transition/", offers.OfferTransitionView.as_view(), name="offer_transition"),
    path("dashboard/briefs/", inbox.BriefListView.as_view(), name="brief_list"),
    path("dashboard/briefs/<int:pk>/", inbox.BriefDetailView.as_view(), name="brief_detail"),
    path("dashboard/briefs/<int:pk>/booking/", inbox.mark_booking, name="brief_booking"),
    path("dashboard/briefs/<int:pk>/reply/", inbox.reply_to_brief, name="brief_reply"),
    path("dashboard/briefs/<int:pk>/reply-to-comment/", inbox.reply_to_comment, name="brief_comment_reply"),
]
