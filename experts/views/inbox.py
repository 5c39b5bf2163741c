from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, View

from catalogue.models import Session

from .. import outcomes, replies
from ..models import Brief, Outcome
from .mixins import TrainerRequiredMixin


class OwnBriefsMixin(TrainerRequiredMixin):
    def get_queryset(self):
        return Brief.objects.filter(expert=self.expert).select_related("training", "objective")


class BriefListView(OwnBriefsMixin, ListView):
    template_name = "experts/brief_list.html"
    context_object_name = "briefs"
    paginate_by = 20


class BriefDetailView(OwnBriefsMixin, DetailView):
    """Reading a brief marks it read; another trainer's brief answers 404."""

    template_name = "experts/brief_detail.html"
    context_object_name = "brief"

    def get_object(self, queryset=None):
        brief = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        if brief.read_at is None:
            brief.read_at = timezone.now()
            brief.save(update_fields=["read_at"])
        return brief

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The trainer's own sessions, newest first, for "this brief led to a booking".
        context["booking_sessions"] = booking_sessions(self.expert)
        context["outcome"] = Outcome.objects.filter(brief=self.object).first()
        context["replies"] = self.object.replies.all()
        return context

    def post(self, request, *args, **kwargs):
        # Someone else's id is a 404 whatever the method; one's own, "not allowed".
        get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        return self.http_method_not_allowed(request, *args, **kwargs)


def booking_sessions(expert):
    return Session.objects.filter(training__trainer=expert).select_related("training").order_by("-starts_at")[:50]


class BriefBookingView(OwnBriefsMixin, View):
    """The trainer marks (or unmarks) the session a brief led to: the follow-up goes 7 days after it ends."""

    def post(self, request, pk):
        brief = get_object_or_404(self.get_queryset(), pk=pk)
        value = request.POST.get("session", "")[:20]
        session = None
        if value:
            session = Session.objects.filter(training__trainer=self.expert, pk=value if value.isdigit() else 0).first()
            if session is None:
                messages.error(request, _("Pick one of your sessions."))
                return redirect("experts:brief_detail", pk=brief.pk)
        brief.booked_session = session
        brief.save(update_fields=["booked_session"])
        messages.success(request, _("Booking saved.") if session else _("Booking removed."))
        return redirect("experts:brief_detail", pk=brief.pk)


mark_booking = BriefBookingView.as_view()


class CommentReplyView(OwnBriefsMixin, View):
    """The trainer's one public reply to the accepted comment on a brief of theirs."""

    def post(self, request, pk):
        brief = get_object_or_404(self.get_queryset().select_related("outcome"), pk=pk, outcome__isnull=False)
        if outcomes.post_reply(brief.outcome, self.expert, request.POST.get("reply", "")[:5000]):
            messages.success(request, _("Your reply is public."))
        else:
            messages.error(request, _("You can reply once, to an accepted comment."))
        return redirect("experts:brief_detail", pk=brief.pk)


reply_to_comment = CommentReplyView.as_view()


class BriefReplyView(OwnBriefsMixin, View):
    """Reply to the visitor from the inbox (kept, e-mailed through the outbox), or mark it answered elsewhere."""

    def post(self, request, pk):
        brief = get_object_or_404(self.get_queryset().select_related("expert__user"), pk=pk)
        if request.POST.get("elsewhere"):
            replies.mark_answered(brief)
            messages.success(request, _("Marked as answered by e-mail or phone."))
        elif replies.reply(brief, request.POST.get("text", "")[: replies.REPLY_MAX * 2]):
            messages.success(request, _("Your reply was sent to the visitor."))
        else:
            messages.error(request, _("Write your reply first."))
        return redirect("experts:brief_detail", pk=brief.pk)


reply_to_brief = BriefReplyView.as_view()
