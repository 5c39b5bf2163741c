"""What a curator reviews on a trainer's profile: the rubric, a version's content, what changed,
and names confusingly close to another public expert's.

The rules on decisions are experts.profile_workflow's (with catalogue.workflow's machinery);
the screen is experts/admin_review.py.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from catalogue.enums import Focus, Language
from catalogue.models import Platform
from catalogue.text import fold

from . import approaches
from .models import Expert, ProfileStatus, ProfileTransition

# Drawn from the two source texts, as the offers' rubric (catalogue.review_rules), for a person.
RUBRIC = [
    ("identity_is_plausible", _("The name is a real person's or organisation's, not someone else's.")),
    ("focus_is_right", _("The focuses match what the bio says: spreading a message, building relationships, or both.")),
    # Its own string: the offers' rubric says « Elle » (une offre); a profile is « il ».
    (
        "no_single_right_way",
        pgettext_lazy("profile rubric", "It does not claim there is only one right way to use the platforms."),
    ),
    ("links_are_relevant", _("The links and photo belong to the trainer and contain nothing improper.")),
]
RUBRIC_KEYS = [key for key, _label in RUBRIC]
LABELS = dict(RUBRIC)


def rubric_met(answers):
    return bool(answers) and all(answers.get(key) is True for key in RUBRIC_KEYS)


# The fields a visitor reads, hence reviewed; `preferred_language` and the e-mail are the trainer's own.
TEXT_FIELDS = ("name", "headline", "bio", "city", "website", "social_links", "focuses", "languages", "approaches")
REVIEWED_FIELDS = (*TEXT_FIELDS, "platforms", "photo")


def approved_content(expert):
    """The approved copy (the public columns) as plain data."""
    data = {name: getattr(expert, name) for name in TEXT_FIELDS}
    data["platforms"] = sorted(expert.platforms.values_list("slug", flat=True)) if expert.pk else []
    data["photo"] = expert.photo.name or ""
    return data


def pending_content(expert):
    """The version in review or being edited: the proposal, else the approved copy."""
    return {**approved_content(expert), **(expert.proposed or {})}


def apply(expert, content):
    """Write `content` to the public columns (on approval); returns the photo file no longer used."""
    for name in TEXT_FIELDS:
        if name in content:
            setattr(expert, name, content[name])
    if "approaches" in content:
        # An expert's platforms are those of their grid.
        content = {**content, "platforms": approaches.platforms_of(content["approaches"])}
    old_photo = expert.photo.name or ""
    new_photo = content.get("photo", old_photo)
    expert.photo.name = new_photo or ""
    expert.save()
    if "platforms" in content:
        expert.platforms.set(Platform.objects.filter(slug__in=content["platforms"]))
    return old_photo if old_photo and old_photo != new_photo else ""


# -- what changed --------------------------------------------------------------------


@dataclass
class Change:
    key: str
    label: str
    before: str
    after: str


def _label(key):
    return Expert._meta.get_field(key).verbose_name


def display(key, value):
    if value in (None, "", []):
        return ""
    if key == "focuses":
        return ", ".join(str(Focus(c).label) for c in value if c in Focus.values)
    if key == "approaches":
        return "; ".join(f"{row['platform']}: {', '.join(row['uses'])}" for row in value)
    if key == "languages":
        return ", ".join(str(Language(c).label) for c in value if c in Language.values)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def diff(before, after):
    return [
        Change(key, str(_label(key)), display(key, before.get(key)), display(key, after.get(key)))
        for key in REVIEWED_FIELDS
        if before.get(key) != after.get(key)
    ]


def changes(expert):
    """What the pending version changes from the approved one; None for a profile never approved."""
    if not expert.is_approved:
        return None
    return diff(approved_content(expert), pending_content(expert))


# -- names that could be confused -------------------------------------------------------

MAX_DISTANCE = 2


def _distance(a, b, limit):
    """Levenshtein distance between `a` and `b`, or limit + 1 once it is surely above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _folded_name(name):
    return " ".join(fold(name or "").split())


def similar_names(name, exclude_pk=None):
    """Public experts whose name equals `name` once folded (case, accents, spaces) or is within
    an edit distance of 2 of it, as [(expert, distance)], closest first."""
    mine = _folded_name(name)
    if not mine:
        return []
    found = []
    for expert in Expert.objects.public().exclude(pk=exclude_pk).only("pk", "name", "slug"):
        distance = _distance(mine, _folded_name(expert.name), MAX_DISTANCE)
        if distance <= MAX_DISTANCE:
            found.append((expert, distance))
    return sorted(found, key=lambda pair: (pair[1], pair[0].name))


def preview(expert):
    """An unsaved copy of `expert` carrying the pending version (what visitors will see once approved),
    and its platforms."""
    content = pending_content(expert)
    copy = Expert.objects.get(pk=expert.pk)
    for name in TEXT_FIELDS:
        setattr(copy, name, content[name])
    copy.photo = content["photo"] or None
    return copy, list(Platform.objects.filter(slug__in=content["platforms"]))


def public_review(expert):
    """What visitors see of the approved version's review (as catalogue.public_review for offers).

    {"reviewed_at", "checks": [codes], "labels"} from the last approval's rubric; a profile approved
    before rubrics were recorded has no checks (« Profil vérifié le … »). A pending edit never counts:
    only approvals do. None for a profile never approved.
    """
    if not expert.reviewed_at:
        return None
    rubric = (
        ProfileTransition.objects.filter(expert=expert, to_status=ProfileStatus.APPROVED)
        .values_list("rubric", flat=True)
        .first()
    )
    answers = rubric if isinstance(rubric, dict) else {}
    checks = [key for key in RUBRIC_KEYS if answers.get(key) is True]
    return {"reviewed_at": expert.reviewed_at, "checks": checks, "labels": [LABELS[key] for key in checks]}
