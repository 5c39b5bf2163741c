"""Who may do what: the curator group and its permissions."""

from django.contrib.auth.models import Group, Permission

CURATORS_GROUP = "Curators"

# Exactly what a curator needs: moderate offers, curate objectives, uses,
# platforms and exchange rates, read experts and briefs, see and retry failed e-mails. No user management.
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
        "view_use",
        "add_use",
        "change_use",
        "delete_use",
        "view_platform",
        "add_platform",
        "change_platform",
        "delete_platform",
        "view_exchangerate",
        "add_exchangerate",
        "change_exchangerate",
        "delete_exchangerate",
        "view_offertransition",
        "view_outgoingemail",
        "change_outgoingemail",  # only the "retry now" action: every field is read-only
        "view_suppression",
    ],
    # Experts: read profiles and briefs, list a trainer without an account (reviewed by another curator).
    "experts": ["view_expert", "add_expert", "view_brief", "view_outcome", "change_outcome"],
}


def ensure_curators_group(using="default"):
    """Create or update the "Curators" group with exactly CURATOR_PERMISSIONS.

    Runs after every `migrate` (CatalogueConfig.ready); safe to call again.
    Curators are staff accounts in this group, never superusers.
    """
    group, _ = Group.objects.using(using).get_or_create(name=CURATORS_GROUP)
    perms = (
        Permission.objects.using(using)
        .filter(content_type__app_label__in=CURATOR_PERMISSIONS.keys())
        .select_related("content_type")
    )
    wanted = [p for p in perms if p.codename in CURATOR_PERMISSIONS.get(p.content_type.app_label, [])]
    group.permissions.set(wanted)
    return group
