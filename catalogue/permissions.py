"""Who may do what: the curator group and its permissions."""

from django.contrib.auth.models import Group, Permission

CURATORS_GROUP = "Curators"

# Exactly what a curator needs: moderate offers, curate objectives and
# platforms, read experts and briefs. No user management.
CURATOR_PERMISSIONS = {
    "catalogue": [
        "view_training",
        "change_training",
        "moderate_training",
        "view_session",
        "view_objective",
        "add_objective",
        "change_objective",
        "delete_objective",
        "view_platform",
        "add_platform",
        "change_platform",
        "delete_platform",
        "view_offertransition",
    ],
    "experts": ["view_expert", "view_brief"],
}


def ensure_curators_group():
    group, _ = Group.objects.get_or_create(name=CURATORS_GROUP)
    perms = Permission.objects.filter(
        content_type__app_label__in=CURATOR_PERMISSIONS.keys(),
    )
    wanted = [p for p in perms if p.codename in CURATOR_PERMISSIONS.get(p.content_type.app_label, [])]
    group.permissions.set(wanted)
    return group
