"""Print, as JSON, the URL paths the benchmark rotates over, read from the seeded database.

The same URLs on every run for one seed and size: a fixed random seed, and lists
made of distinct URLs so that a rendered run never asks for one twice.

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
# Match phrasings: every combination of an intent, a platform and an audience,
# in both languages (distinct texts that share a few hundred analyses, as real visitors' do).
MATCH_PARTS = {
    "fr": (
        [
            "diffuser nos messages auprès des citoyens", "faire du marketing viral", "promouvoir un produit",
            "développer mon réseau d'affaires", "maintenir mes contacts en vie après un salon",
            "faire briller mon étoile", "annoncer notre nouvelle boutique", "garder le contact avec nos clients",
            "trouver des partenaires", "gérer une crise de réputation", "planifier un calendrier éditorial",
            "recruter des bénévoles", "vendre davantage en ligne", "faire connaître notre festival",
            "prospecter de nouveaux clients", "me faire recommander par mes anciens clients",
            "raconter notre histoire en vidéo", "bâtir une communauté fidèle", "lancer une campagne",
            "devenir une référence dans mon domaine",
        ],
        ["", " sur Instagram", " sur LinkedIn", " sur TikTok", " sur Facebook", " sur YouTube"],
        ["", " pour notre OBNL", " auprès des jeunes", " pour ma PME", " à Montréal"],
    ),
    "en": (
        [
            "spread our messages to a wider audience", "run a viral marketing campaign", "promote a new product",
            "grow my business network", "keep in touch with former clients", "become known as an expert",
            "announce our new shop", "stay in touch with customers after a trade show", "find partners",
            "handle a reputation crisis", "plan an editorial calendar", "recruit volunteers", "sell more online",
            "make our festival known", "prospect new clients", "get referrals from past clients",
            "tell our story with video", "build a loyal community", "launch a campaign",
            "become a reference in my field",
        ],
        ["", " on Instagram", " on LinkedIn", " on TikTok", " on Facebook", " on YouTube"],
        ["", " for our nonprofit", " with young people", " for my small business", " in Toronto"],
    ),
}  # fmt: skip


def match_texts(lang):
    intents, platforms, audiences = MATCH_PARTS[lang]
    return [i + p + a for i in intents for p in platforms for a in audiences]


def distinct(make, count, attempts=20):
    """Up to `count` distinct URLs from `make()`, in the order first made."""
    urls = {}
    for _ in range(count * attempts):
        if len(urls) >= count:
            break
        urls.setdefault(make(), None)
    return list(urls)


def main(count=2000):
    """`count` distinct URLs per page kind: enough that a rendered run never asks one twice."""
    rng = random.Random(42)
    slugs = list(Training.objects.published().order_by("pk").values_list("slug", flat=True))
    objectives = list(Objective.objects.values_list("slug", flat=True))
    platforms = list(Platform.objects.values_list("slug", flat=True))
    experts = list(Expert.objects.public().order_by("pk").values_list("slug", flat=True))
    cities = [city for city, *_ in CITIES]
    pages = max(1, len(slugs) // 12)

    catalogue = [f"/{lang}/trainings/" for lang in LANGS]
    catalogue += [f"/{lang}/trainings/?page={n}" for n in range(2, pages + 1) for lang in LANGS][: count - 2]

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

    def filtered_url():
        params = {name: rng.choice(choices[name]) for name in rng.sample(sorted(choices), rng.randint(1, 3))}
        if rng.random() < 0.2:
            params["page"] = rng.randint(2, 4)
        return f"/{rng.choice(LANGS)}/trainings/?{urlencode(params)}"

    def search_url():
        words = rng.choice(SEARCHES) if rng.random() < 0.6 else " ".join(rng.sample(SEARCHES, 2))
        params = {"q": words}
        if rng.random() < 0.3:
            params["focus"] = rng.choice(Focus.values)
        if rng.random() < 0.2:
            params["format"] = rng.choice(Format.values)
        if rng.random() < 0.2:
            params["sort"] = "relevance"
        if rng.random() < 0.15:
            params["page"] = 2
        return f"/{rng.choice(LANGS)}/trainings/?{urlencode(params)}"

    filtered = distinct(filtered_url, count)
    search = distinct(search_url, count)
    training = [f"/{rng.choice(LANGS)}/trainings/{slug}/" for slug in rng.sample(slugs, min(count, len(slugs)))]
    texts = [(lang, text) for lang in LANGS for text in match_texts(lang)]
    texts += [(lang, slug) for lang in LANGS for slug in objectives]
    rng.shuffle(texts)
    match = [f"/{lang}/match/?{urlencode({'objective': text})}" for lang, text in texts]

    json.dump(
        {
            "catalogue": catalogue,
            "filtered": filtered,
            "search": search,
            "training": training,
            "match": match,
            "healthz": ["/healthz"],
            "experts": experts[:50],
            # Warm-up only: pages no measured run asks for.
            "warmup": ["/fr/", "/en/", "/fr/experts/", "/en/experts/"]
            + [f"/{lang}/experts/{slug}/" for slug in experts[:40] for lang in LANGS],
        },
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main()
