"""How well the matcher reads visitors' phrasings: `python -m catalogue.matching_eval`.

The corpus (catalogue/data/objective_phrasings.tsv) holds phrasings written
the way visitors write them, each labelled media, network, mixed or unknown.
It is split once, by a hash of the text: about 30 % is held out and is never
used to tune the matcher. Only the training split's errors are ever printed.
"""

import csv
import hashlib
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "data" / "objective_phrasings.tsv"
FOCUSES = ("media", "network", "mixed", "unknown")
LANGUAGES = ("fr", "en")
TRAIN, HELD_OUT = "train", "held-out"


@dataclass(frozen=True)
class Phrasing:
    id: str
    lang: str
    expected: str
    text: str

    @property
    def split(self):
        return split_of(self.text)


def split_of(text):
    """The split a phrasing belongs to, fixed once for all: sha1 of the text, 3 in 10 held out."""
    return (
        HELD_OUT if int(hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest(), 16) % 10 < 3 else TRAIN
    )


def load_corpus(path=CORPUS):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [Phrasing(row["id"], row["language"], row["expected"], row["text"]) for row in rows]


def demo_objectives():
    """The demo's curated objectives as unsaved instances (needs Django set up)."""
    from .demo.reference import objective_fields
    from .models import Objective

    return [Objective(**fields) for fields in objective_fields()]


def is_opposite(expected, got):
    return {expected, got} == {"media", "network"}


def evaluate(phrasings, objectives):
    """[(phrasing, answered focus)] for each phrasing, read in its own language."""
    from .matching import analyse

    return [(p, analyse(p.text, objectives, p.lang).focus) for p in phrasings]


def summary(results):
    """{(lang, expected): (right, total)} plus totals per language and 'all', and opposite-side counts."""
    right, total, opposite = Counter(), Counter(), Counter()
    for phrasing, got in results:
        for key in ((phrasing.lang, phrasing.expected), (phrasing.lang, "all"), ("all", phrasing.expected)):
            total[key] += 1
            right[key] += got == phrasing.expected
            opposite[key] += is_opposite(phrasing.expected, got)
        total["all", "all"] += 1
        right["all", "all"] += got == phrasing.expected
        opposite["all", "all"] += is_opposite(phrasing.expected, got)
    return {key: (right[key], total[key], opposite[key]) for key in total}


def accuracy(results, lang="all", expected="all"):
    right, total, _ = summary(results).get((lang, expected), (0, 0, 0))
    return right / total if total else 0.0


@dataclass(frozen=True)
class PlatformCase:
    phrasing: Phrasing
    platforms: frozenset  # slugs of the platforms the phrasing names
    available: int  # published trainings on one of them with the expected focus
    top: tuple  # for each of the match's first trainings, the slugs of the platforms it covers

    @property
    def counted(self):
        return self.available >= PLATFORM_TOP

    @property
    def covered(self):
        return len(self.top) == PLATFORM_TOP and all(self.platforms & platforms for platforms in self.top)


PLATFORM_TOP = 3  # the first cards a visitor sees


def platform_cases(phrasings):
    """For each media or network phrasing naming a platform: is each of the match's top 3 on it?

    Reads the current database's published catalogue (the test database, or
    the one `seed_demo` filled). A phrasing counts only when at least
    PLATFORM_TOP published trainings on a platform it names have its expected
    focus; it is covered when each of the top 3 trainings is on a named platform.
    """
    from .match import find_match
    from .models import Platform, Training
    from .vocabulary import recognise_platforms

    platforms = list(Platform.objects.all())
    cases = []
    for phrasing in phrasings:
        if phrasing.expected not in ("media", "network"):
            continue
        named = [found.item for found in recognise_platforms(phrasing.text, platforms)]
        if not named:
            continue
        available = Training.objects.published().filter(platforms__in=named, focus=phrasing.expected).distinct()
        top = tuple(
            frozenset(p.slug for p in ranked.training.platforms.all())
            for ranked in find_match(phrasing.text, phrasing.lang).trainings(limit=PLATFORM_TOP)
        )
        cases.append(PlatformCase(phrasing, frozenset(p.slug for p in named), available.count(), top))
    return cases


def platform_line(cases):
    counted = [case for case in cases if case.counted]
    covered = sum(case.covered for case in counted)
    share = f" ({100 * covered / len(counted):.0f} %)" if counted else ""
    return (
        f"Named platform in all of the top {PLATFORM_TOP} trainings: {covered}/{len(counted)}{share} "
        f"(media or network phrasings naming a platform with ≥ {PLATFORM_TOP} such trainings)"
    )


def _table(title, results):
    figures = summary(results)
    lines = [f"## {title} ({len(results)} phrasings)", "", "| | " + " | ".join(FOCUSES) + " | all | opposite side |"]
    lines.append("| --- |" + " ---: |" * (len(FOCUSES) + 2))
    for lang in (*LANGUAGES, "all"):
        cells = []
        for focus in (*FOCUSES, "all"):
            right, total, _ = figures.get((lang, focus), (0, 0, 0))
            cells.append(f"{right}/{total} ({100 * right / total:.0f} %)" if total else "–")
        _, total, opposite = figures.get((lang, "all"), (0, 0, 0))
        cells.append(f"{opposite} ({100 * opposite / total:.1f} %)" if total else "–")
        lines.append(f"| {lang} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None):
    import django

    argv = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()

    objectives = demo_objectives()
    corpus = load_corpus()
    results = evaluate(corpus, objectives)
    train = [r for r in results if r[0].split == TRAIN]
    held = [r for r in results if r[0].split == HELD_OUT]
    print(_table("Training split", train))
    print()
    print(_table("Held-out split (never used for tuning)", held))
    if "--platforms" in argv:  # reads the configured database: run `manage.py seed_demo --seed 1` first
        print()
        cases = platform_cases(corpus)
        print(platform_line(cases))
        for case in cases:
            if case.counted and not case.covered:
                print(f"{case.phrasing.id}\t{','.join(sorted(case.platforms))}\t{case.phrasing.text}")
    if "--errors" in argv:  # the training split's only: held-out errors are not for tuning
        print("\n## Training errors (expected → answered)\n")
        for phrasing, got in train:
            if got != phrasing.expected:
                flag = "  OPPOSITE" if is_opposite(phrasing.expected, got) else ""
                print(f"{phrasing.id}\t{phrasing.expected} → {got}{flag}\t{phrasing.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
