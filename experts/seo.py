"""schema.org metadata for an expert's public profile."""

from catalogue.links import web_url
from catalogue.seo import SCHEMA

from . import approaches, competences


def _links(expert):
    """The profile's web links, as its page shows them (catalogue.links.web_url)."""
    urls = [expert.website]
    for link in expert.social_links or []:
        urls.append(link.get("url") if isinstance(link, dict) else link)
    return [url for url in map(web_url, urls) if url]


def _taught(expert):
    # The profile view has them from the trainings it read; otherwise one query.
    codes = getattr(expert, "taught_competences", None)
    return competences.taught(expert) if codes is None else codes


def _uses(expert):
    # The uses of the approved grid; the profile view has them already.
    shown = getattr(expert, "taught_use_list", None)
    if shown is None:
        shown = approaches.taught_uses(approaches.display(expert.approaches))
    return shown


def expert_jsonld(expert, request):
    data = {
        "@context": SCHEMA,
        "@type": "Person",
        "name": expert.name,
        "url": request.build_absolute_uri(expert.get_absolute_url()),
        "knowsAbout": [str(label) for label in expert.get_focuses_display()]
        + [platform.name for platform in expert.platforms.all()]
        + [str(use.name) for use in _uses(expert)]
        + [str(competence.label) for competence in competences.labels(_taught(expert))],
        "knowsLanguage": list(expert.languages or []),
    }
    if expert.headline:
        data["jobTitle"] = expert.headline
        data["description"] = expert.headline
    if expert.city:
        data["address"] = {"@type": "PostalAddress", "addressLocality": expert.city}
    if expert.photo:
        data["image"] = request.build_absolute_uri(expert.photo.url)
    links = _links(expert)
    if links:
        data["sameAs"] = links
    return data
