"""The curator's review screen of one trainer profile, next to the offers' (catalogue/admin/review_screen.py).

Every rule is experts.profile_workflow's; a refusal is shown, never forced.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalogue.admin.review_screen import RubricReviewForm, rubric_summary
from catalogue.grammar import elide

from . import profile_review, profile_workflow
from .models import ProfileStatus
from .profile_workflow import ProfileAction

FIELD_OF_REFUSAL = {"message_required": "message"}


class ProfileReviewForm(RubricReviewForm):
    """A curator's decision on one version of a trainer's profile."""

    RUBRIC = profile_review.RUBRIC
    decision = forms.ChoiceField(choices=[(a.value, a.label) for a in profile_workflow.DECISIONS])


def review_view(model_admin, request, object_id):
    if not request.user.has_perm(profile_workflow.PERMISSION):
        raise PermissionDenied
    expert = model_admin.get_object(request, object_id)
    if expert is None:
        raise Http404
    review_url = reverse("admin:experts_expert_review", args=[expert.pk])
    form = ProfileReviewForm(request.POST or None, initial={"version": expert.profile_version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            profile_workflow.transition(
                expert,
                ProfileAction(data["decision"]),
                by=request.user,
                message=data["message"],
                rubric=form.rubric,
                version=data["version"],
            )
        except (profile_workflow.StaleVersion, profile_workflow.WrongState) as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(review_url)
        except profile_workflow.NotAllowed as error:
            if error.code in ("own_profile", "own_listing", "not_allowed"):
                messages.error(request, _("Not allowed: %(detail)s") % {"detail": error})
                return HttpResponseRedirect(review_url)
            for refusal in error.refusals:
                form.add_error(FIELD_OF_REFUSAL.get(refusal.code), str(refusal))
        else:
            messages.success(
                request,
                elide(
                    _("The profile of %(name)s is now “%(status)s”; the trainer is notified by email.")
                    % {"name": expert.name, "status": expert.get_profile_status_display()}
                ),
            )
            return HttpResponseRedirect(reverse("admin:experts_expert_changelist") + "?profile_status=submitted")

    decisions = [a for a in profile_workflow.allowed_actions(expert, request.user) if a in profile_workflow.DECISIONS]
    who = profile_workflow.who_refusal(expert, ProfileAction.APPROVE, request.user)
    if who is None and expert.profile_status == ProfileStatus.SUBMITTED:
        listed = profile_workflow.not_by_lister(expert, request.user, None, None)
        who = listed
    pending = profile_review.pending_content(expert)
    pending_copy, platforms = profile_review.preview(expert)
    history = expert.profile_transitions.select_related("by").defer("snapshot").order_by("-at", "-pk")
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": elide(_("Review the profile of %(name)s") % {"name": expert.name}),
        "expert": expert,
        "pending": pending_copy,
        "pending_platforms": platforms,
        "changes": profile_review.changes(expert),
        "similar": profile_review.similar_names(pending["name"], exclude_pk=expert.pk),
        "form": form,
        "can_decide": bool(decisions),
        "own_note": who.message if who and expert.profile_status == ProfileStatus.SUBMITTED else "",
        "history": [(record, rubric_summary(record.rubric)) for record in history],
        "decisions": [(action.value, action.label) for action in decisions],
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, "admin/experts/expert/review.html", context)
