"""What a trainer teaches on each platform: the platform × use grid of their profile (#15).

Stored on the profile as plain data, `[{"platform": slug, "uses": [code, …]}, …]`, reviewed
like the rest of it (experts.profile_workflow); an expert's platforms are those of the grid
(`Expert.platforms` is kept to them on approval, so the platform filter reads the grid).
"""

from catalogue.models import Platform, Use


def normalised(rows, platform_slugs=None, use_codes=None):
    """`rows` cleaned: known platforms and uses only, platforms without a use left out, in a stable order."""
    platform_slugs = set(
        platform_slugs if platform_slugs is not None else Platform.objects.values_list("slug", flat=True)
    )
    use_codes = list(use_codes if use_codes is not None else Use.objects.values_list("code", flat=True))
    found = {}
    for row in rows or []:
        slug = row.get("platform")
        if slug in platform_slugs:
            found.setdefault(slug, set()).update(code for code in row.get("uses", []) if code in use_codes)
    return [
        {"platform": slug, "uses": [code for code in use_codes if code in uses]}
        for slug, uses in sorted(found.items())
        if uses
    ]


def platforms_of(rows):
    return sorted(row["platform"] for row in rows or [] if row.get("uses"))


def uses_of(rows):
    return sorted({code for row in rows or [] for code in row.get("uses", [])})


def display(rows):
    """[(Platform, [Use, …]), …] for a page, in the platforms' order (two queries)."""
    rows = rows or []
    if not rows:
        return []
    platforms = {p.slug: p for p in Platform.objects.filter(slug__in=[r["platform"] for r in rows])}
    uses = {u.code: u for u in Use.objects.all()}
    shown = [
        (platforms[row["platform"]], [uses[code] for code in row["uses"] if code in uses])
        for row in rows
        if row["platform"] in platforms
    ]
    return sorted(shown, key=lambda pair: str(pair[0].name).casefold())


def taught_uses(shown):
    """The uses taught anywhere in a `display()` result, in the uses' order (no query)."""
    found = {use.code: use for _platform, uses in shown for use in uses}
    return sorted(found.values(), key=lambda use: (use.order, use.code))
