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
    from .demo.reference import OBJECTIVES
    from .models import Objective

    return [
        Objective(
            slug=slug,
            focus=focus,
            name_fr=name_fr,
            name_en=name_en,
            description_fr=desc_fr,
            description_en=desc_en,
            keywords_fr="\n".join(kw_fr),
            keywords_en="\n".join(kw_en),
            order=order,
        )
        for order, (slug, focus, name_fr, name_en, desc_fr, desc_en, kw_fr, kw_en) in enumerate(OBJECTIVES)
    ]


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
    if "--errors" in argv:  # the training split's only: held-out errors are not for tuning
        print("\n## Training errors (expected → answered)\n")
        for phrasing, got in train:
            if got != phrasing.expected:
                flag = "  OPPOSITE" if is_opposite(phrasing.expected, got) else ""
                print(f"{phrasing.id}\t{phrasing.expected} → {got}{flag}\t{phrasing.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
