"""Print, as JSON, the URL paths the benchmark rotates over, read from the seeded database.

Run with the bench's DATABASE_URL: `python bench/paths.py`. Deterministic
(a fixed random seed), so two runs on the same seed load the same URLs.
"""

import json
import os
import random
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from catalogue.demo.reference import CITIES  # noqa: E402
from catalogue.enums import Competence, Focus, Format, Level, Mode  # noqa: E402
from catalogue.models import Objective, Platform, Training  # noqa: E402
from experts.models import Expert  # noqa: E402

LANGS = ("fr", "en")
SEARCHES = [
    "linkedin", "réseau", "reseau", "medias", "médias sociaux", "viral", "marketing viral", "calendrier",
    "crise", "profil", "prospecter", "vidéo", "video", "boutique", "réputation", "contacts", "networking",
    "campaign", "brand", "instagram", "tiktok", "clients", "recommandation", "Montréal", "lyon", "obnl",
    "freelancers", "small budget", "éditorial", "savoir-être", "algorithm", "facebook groupes",
]  # fmt: skip
MATCH_TEXTS = [
    "diffuser nos messages auprès des citoyens",
    "faire du marketing viral pour notre festival",
    "promouvoir un produit sur Instagram",
    "développer mon réseau d'affaires à Québec",
    "maintenir mes contacts en vie après un salon",
    "faire briller mon étoile sur LinkedIn",
    "spread our messages to a wider audience",
    "grow my business network",
    "promote a new product launch",
    "keep in touch with former clients",
    "become known as an expert in my field",
    "annoncer notre nouvelle boutique et garder le contact avec nos clients",
]


def main(count=400):
    rng = random.Random(42)
    slugs = list(Training.objects.published().order_by("pk").values_list("slug", flat=True))
    objectives = list(Objective.objects.values_list("slug", flat=True))
    platforms = list(Platform.objects.values_list("slug", flat=True))
    experts = list(Expert.objects.public().order_by("pk").values_list("slug", flat=True))
    cities = [city for city, *_ in CITIES]
    pages = max(1, len(slugs) // 20)

    catalogue = [f"/{lang}/trainings/" for lang in LANGS]
    catalogue += [f"/{lang}/trainings/?page={n}" for lang in LANGS for n in range(2, min(pages, 60) + 1)]

    filtered = []
    choices = {
        "focus": Focus.values,
        "format": Format.values,
        "level": Level.values,
        "mode": Mode.values,
        "language": ["fr", "en"],
        "city": cities,
        "competence": Competence.values,
        "objective": objectives,
        "platform": platforms,
        "free": ["true"],
        "price_max": ["50", "100", "250", "500"],
        "sort": ["soonest", "newest", "price", "-price"],
    }
    for _ in range(count):
        params = {name: rng.choice(choices[name]) for name in rng.sample(sorted(choices), rng.randint(1, 3))}
        if rng.random() < 0.2:
            params["page"] = rng.randint(2, 4)
        filtered.append(f"/{rng.choice(LANGS)}/trainings/?{urlencode(params)}")

    search = []
    for _ in range(count):
        params = {"q": rng.choice(SEARCHES)}
        if rng.random() < 0.3:
            params["focus"] = rng.choice(Focus.values)
        if rng.random() < 0.2:
            params["sort"] = "relevance"
        search.append(f"/{rng.choice(LANGS)}/trainings/?{urlencode(params)}")

    training = [f"/{rng.choice(LANGS)}/trainings/{slug}/" for slug in rng.sample(slugs, min(count, len(slugs)))]
    match = [f"/fr/match/?{urlencode({'objective': text})}" for text in MATCH_TEXTS]
    match += [f"/en/match/?{urlencode({'objective': text})}" for text in MATCH_TEXTS]
    match += [f"/{lang}/match/?{urlencode({'objective': slug})}" for lang in LANGS for slug in objectives]

    json.dump(
        {
            "catalogue": catalogue,
            "filtered": filtered,
            "search": search,
            "training": training,
            "match": match,
            "healthz": ["/healthz"],
            "experts": experts[:50],
        },
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main()
