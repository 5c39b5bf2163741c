"""The curator's screens: the review screen of one offer, and the bulk decision page of the queue.

Both ask catalogue.workflow for every rule (who may decide, from which state, on
which version, with which rubric and message); a refusal is shown, never forced,
and never re-checked here.
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

from .. import review_rules, workflow
from ..enums import Status
from ..workflow import Action

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
# The review screen's extra button: record the rubric on this version without deciding,
# so that the offer can then be published from the bulk page.
ASSESS = "assess"
ASSESS_LABEL = _("Save the rubric only")
# A version number posted back; bounded like the database column.
MAX_VERSION = 2**31 - 1
# Refusals shown at a field of the review form (the others are shown above it).
FIELD_OF_REFUSAL = {"message_required": "message"}


class VersionField(forms.IntegerField):
    """The version of the offer the screen showed, posted back with the decision."""

    widget = forms.HiddenInput
    default_error_messages = {
        "required": _("This form does not say which version of the offer you reviewed: reload the page."),
        "invalid": _("This form does not say which version of the offer you reviewed: reload the page."),
    }

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_VERSION, **kwargs)


class RubricReviewForm(forms.Form):
    """A curator's decision on one version: the rubric (`RUBRIC`, (key, label) pairs), a message, the outcome.

    Offers (ReviewForm below) and trainer profiles (experts.admin_review) each give their rubric and decisions.
    """

    RUBRIC = ()
    field_order = ["decision", "version", "message"]

    version = VersionField()
    message = forms.CharField(
        label=_("Message to the trainer"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
        help_text=_("Required to request changes (say what to change) or to reject (give the reason)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in self.RUBRIC:
            self.fields[f"rubric_{key}"] = forms.ChoiceField(label=label, choices=YES_NO, widget=forms.RadioSelect)

    def rubric_fields(self):
        return [self[f"rubric_{key}"] for key, _label in self.RUBRIC]

    @property
    def rubric(self):
        return {key: self.cleaned_data[f"rubric_{key}"] == "yes" for key, _label in self.RUBRIC}


class ReviewForm(RubricReviewForm):
    """A curator's decision on one version of an offer."""

    RUBRIC = review_rules.RUBRIC
    decision = forms.ChoiceField(choices=[(a.value, a.label) for a in workflow.DECISIONS] + [(ASSESS, ASSESS_LABEL)])


def rubric_summary(rubric):
    """Rubric answers as one readable line per item (for the history)."""
    if not rubric:
        return "—"
    labels = dict(review_rules.RUBRIC)
    return format_html_join(
        "\n",
        "<div>{} {}</div>",
        ((_("Yes") if ok else _("No"), labels.get(key, key)) for key, ok in rubric.items()),
    )


def _decide(form, training, user):
    """Apply the form's decision through the workflow; returns the success message."""
    data = form.cleaned_data
    if data["decision"] == ASSESS:
        workflow.assess(training, form.rubric, by=user, version=data["version"])
        return _("Your rubric is saved on this version of “%(title)s”.") % {"title": training.title}
    workflow.transition(
        training,
        Action(data["decision"]),
        by=user,
        message=data["message"],
        rubric=form.rubric,
        version=data["version"],
    )
    return _("“%(title)s” is now “%(status)s”; the trainer is notified by email.") % {
        "title": training.title,
        "status": training.get_status_display(),
    }


def review_view(model_admin, request, object_id):
    if not model_admin.has_moderate_permission(request):
        raise PermissionDenied
    training = model_admin.get_object(request, object_id)
    if training is None:
        raise Http404
    review_url = reverse("admin:catalogue_training_review", args=[training.pk])
    form = ReviewForm(request.POST or None, initial={"version": training.version})
    if request.method == "POST" and form.is_valid():
        try:
            done = _decide(form, training, request.user)
        except (workflow.StaleVersion, workflow.WrongState) as error:
            # Show the offer as it is now, with a form bound to its current version.
            messages.error(request, str(error))
            return HttpResponseRedirect(review_url)
        except workflow.NotAllowed as error:
            if error.code in ("own_offer", "not_allowed"):
                messages.error(request, _("Not allowed: %(detail)s") % {"detail": error})
                return HttpResponseRedirect(review_url)
            for refusal in error.refusals:
                form.add_error(FIELD_OF_REFUSAL.get(refusal.code), str(refusal))
        else:
            messages.success(request, done)
            if form.cleaned_data["decision"] == ASSESS:
                return HttpResponseRedirect(review_url)
            return HttpResponseRedirect(reverse("admin:catalogue_training_changelist"))

    decisions = [action for action in workflow.allowed_actions(training, request.user) if action in workflow.DECISIONS]
    # Say why there is nothing to decide (one's own offer) rather than offer buttons that would be refused.
    who = workflow.who_refusal(training, Action.PUBLISH, request.user)
    history = training.transitions.select_related("by").defer("snapshot").order_by("-at", "-pk")
    assessment = training.assessments.filter(version=training.version).select_related("curator").first()
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Review “%(title)s”") % {"title": training.title},
        "training": training,
        "sessions": list(training.sessions.all()),
        "changes": review_rules.changes_since_approval(training),
        "form": form,
        "can_decide": bool(decisions),
        "own_offer_note": who.message if who and training.status == Status.SUBMITTED else "",
        "history": [(record, rubric_summary(record.rubric)) for record in history],
        "assessment": assessment,
        "assessment_met": assessment is not None and review_rules.rubric_met(assessment.answers),
        "decisions": [(action.value, action.label) for action in decisions],
        "assess": (ASSESS, ASSESS_LABEL),
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, "admin/catalogue/training/review.html", context)


class BulkDecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to every trainer"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        if workflow.MOVES[action].message_required:
            self.fields["message"].help_text = _("Required: the same message goes to each trainer.")


def _posted_versions(request, trainings):
    """{pk: version} as the bulk page showed them; a missing or malformed one is left out (refused as stale)."""
    versions = {}
    for training in trainings:
        raw = request.POST.get(f"version_{training.pk}", "")
        if raw.isdigit() and len(raw) < 10:
            versions[training.pk] = int(raw)
    return versions


def bulk_decision(model_admin, request, queryset, action):
    """Admin action: a page that shows each offer (and what the workflow would refuse), asks for the
    shared message, then one transition per offer on the version shown."""
    if not model_admin.has_moderate_permission(request):
        raise PermissionDenied
    trainings = list(queryset.select_related("trainer").order_by("submitted_at", "pk"))
    form = BulkDecisionForm(request.POST if "apply" in request.POST else None, action=action)
    if form.is_valid():
        versions = _posted_versions(request, trainings)
        result = workflow.decide_many(
            trainings, action, by=request.user, versions=versions, message=form.cleaned_data["message"]
        )
        missing = [error for _t, error in result.skipped if error.code == "message_required"]
        if not missing:
            _report(request, action, result)
            return None
        # The workflow asks for a message: nothing was decided; say so at the field.
        form.add_error("message", str(missing[0].refusals[0]))
    offers = [
        (training, workflow.check(training, action, request.user, version=training.version)) for training in trainings
    ]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": action.label,
        "action_name": request.POST.get("action", ""),
        "action_label": action.label,
        "offers": offers,
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
