"""The review screen and the bulk decisions of the moderation queue.

Both call catalogue.workflow.transition(); a refused move (someone decided
first, or a state that does not allow it) is reported, never forced.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from .. import moderation, workflow
from ..enums import Status
from ..workflow import Action

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
DECISION_LABELS = {
    Action.PUBLISH: _("Publish"),
    Action.REQUEST_CHANGES: _("Request changes"),
    Action.REJECT: _("Reject"),
}


class ReviewForm(forms.Form):
    """A curator's decision on one offer: the rubric, a message, the outcome."""

    decision = forms.ChoiceField(choices=[(a.value, DECISION_LABELS[a]) for a in moderation.DECISIONS])
    message = forms.CharField(
        label=_("Message to the trainer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
        help_text=_("Required to request changes (say what to change) or to reject (give the reason)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in moderation.RUBRIC:
            self.fields[f"rubric_{key}"] = forms.ChoiceField(label=label, choices=YES_NO, widget=forms.RadioSelect)

    def rubric_fields(self):
        return [self[f"rubric_{key}"] for key in moderation.RUBRIC_KEYS]

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision == Action.REQUEST_CHANGES and not data.get("message", "").strip():
            self.add_error("message", _("Say what the trainer should change."))
        if decision == Action.REJECT and not data.get("message", "").strip():
            self.add_error("message", _("Give the trainer the reason for the rejection."))
        answers = [data.get(f"rubric_{key}") for key in moderation.RUBRIC_KEYS]
        if decision == Action.PUBLISH and "no" in answers:
            raise forms.ValidationError(
                _("Publish only an offer that meets every rubric item; otherwise request changes.")
            )
        return data

    @property
    def rubric(self):
        return {key: self.cleaned_data[f"rubric_{key}"] == "yes" for key in moderation.RUBRIC_KEYS}


def rubric_summary(rubric):
    """Rubric answers as one readable line per item (for the history)."""
    if not rubric:
        return "—"
    labels = dict(moderation.RUBRIC)
    return format_html_join(
        "\n",
        "<div>{} {}</div>",
        ((_("Yes") if ok else _("No"), labels.get(key, key)) for key, ok in rubric.items()),
    )


def review_view(model_admin, request, object_id):
    if not model_admin.has_moderate_permission(request):
        raise PermissionDenied
    training = model_admin.get_object(request, object_id)
    if training is None:
        raise Http404
    review_url = reverse("admin:catalogue_training_review", args=[training.pk])
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = Action(form.cleaned_data["decision"])
        try:
            workflow.transition(
                training, action, by=request.user, message=form.cleaned_data["message"], rubric=form.rubric
            )
        except workflow.AlreadyDecided as error:
            messages.error(request, _("Already decided: %(detail)s") % {"detail": error})
            return HttpResponseRedirect(review_url)
        except workflow.NotAllowed as error:
            messages.error(request, _("Not allowed: %(detail)s") % {"detail": error})
            return HttpResponseRedirect(review_url)
        messages.success(
            request,
            _("“%(title)s” is now “%(status)s”; the trainer is notified by email.")
            % {"title": training.title, "status": training.get_status_display()},
        )
        return HttpResponseRedirect(reverse("admin:catalogue_training_changelist"))

    history = training.transitions.select_related("by").order_by("-at", "-pk")
    # Nobody reviews their own offer (catalogue.workflow): say so instead of offering the form.
    own_offer = workflow.owns(request.user, training)
    pending = training.status == Status.SUBMITTED
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Review “%(title)s”") % {"title": training.title},
        "training": training,
        "sessions": list(training.sessions.all()),
        "changes": moderation.changes_since_approval(training),
        "form": form,
        "can_decide": pending and not own_offer,
        "own_offer_note": workflow.OWN_OFFER if pending and own_offer else "",
        "history": [(record, rubric_summary(record.rubric)) for record in history],
        "decisions": [(a.value, DECISION_LABELS[a]) for a in moderation.DECISIONS],
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, "admin/catalogue/training/review.html", context)


class BulkDecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to every trainer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        if workflow.MOVES[action].message_required:
            self.fields["message"].required = True
            self.fields["message"].help_text = _("Required: the same message goes to each trainer.")


def bulk_decision(model_admin, request, queryset, action):
    """Admin action: an intermediate page for the shared message, then one transition per offer."""
    if not model_admin.has_moderate_permission(request):
        raise PermissionDenied
    form = BulkDecisionForm(request.POST if "apply" in request.POST else None, action=action)
    if form.is_valid():
        trainings = list(queryset.order_by("submitted_at", "pk"))
        result = moderation.decide_many(trainings, action, by=request.user, message=form.cleaned_data["message"])
        _report(request, action, result)
        return None
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": DECISION_LABELS[action],
        "action_name": request.POST.get("action", ""),
        "action_label": DECISION_LABELS[action],
        "trainings": queryset.select_related("trainer").order_by("submitted_at", "pk"),
        "form": form,
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "select_across": request.POST.get("select_across", "0"),
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, "admin/catalogue/training/bulk_decision.html", context)


DONE = {
    Action.PUBLISH: _("Offers published: %(count)d."),
    Action.REQUEST_CHANGES: _("Offers sent back for changes: %(count)d."),
    Action.REJECT: _("Offers rejected: %(count)d."),
}


def _report(request, action, result):
    count = len(result.succeeded)
    if count:
        messages.success(request, DONE[action] % {"count": count})
    if result.skipped:
        details = "; ".join(
            _("“%(title)s” (%(reason)s)") % {"title": training.title, "reason": reason}
            for training, reason in result.skipped
        )
        messages.warning(
            request,
            _("Offers skipped: %(count)d — %(details)s") % {"count": len(result.skipped), "details": details},
        )
