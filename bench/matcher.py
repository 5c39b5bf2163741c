"""Matcher micro-bench: `.venv/bin/python bench/matcher.py [--against main] [--rounds 5]`.

Times `analyse()` over every phrasing of the corpus (catalogue/data/objective_phrasings.tsv)
with the demo objectives, in-process, and prints milliseconds per analysis. With
`--against REF` it also loads catalogue/matching.py as it is at the git ref REF and times
it in the same run, so before and after are measured on the same machine at the same time
(rounds alternate between the two). Prints only; writes nothing.
"""

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def load_matching_at(ref):
    """catalogue/matching.py as it is at a git ref, as a module inside the catalogue package."""
    source = subprocess.run(
        ["git", "show", f"{ref}:catalogue/matching.py"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    spec = importlib.util.spec_from_loader("catalogue._matching_at_ref", loader=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "catalogue"
    sys.modules[spec.name] = module
    exec(compile(source, f"{ref}:catalogue/matching.py", "exec"), module.__dict__)  # noqa: S102 - our own file
    return module


def time_round(analyse, corpus, objectives):
    """Milliseconds per analysis over the whole corpus (CPU time, so other processes count less)."""
    start = time.process_time()
    for phrasing in corpus:
        analyse(phrasing.text, objectives, phrasing.lang)
    return 1000 * (time.process_time() - start) / len(corpus)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", help="git ref whose catalogue/matching.py to time too (e.g. main)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from catalogue import matching
    from catalogue.matching_eval import demo_objectives, load_corpus

    corpus, objectives = load_corpus(), demo_objectives()
    candidates = {"this tree": matching.analyse}
    if args.against:
        candidates[args.against] = load_matching_at(args.against).analyse
    for analyse in candidates.values():  # warm the caches (stems, phrases, lexicon) once
        time_round(analyse, corpus, objectives)

    timings = {name: [] for name in candidates}
    for _ in range(args.rounds):
        for name, analyse in candidates.items():
            timings[name].append(time_round(analyse, corpus, objectives))
    print(f"analyse() over {len(corpus)} phrasings, {args.rounds} rounds, CPU ms per analysis (median, min):")
    for name, values in timings.items():
        print(f"  {name:>12}: {statistics.median(values):.3f} ms (min {min(values):.3f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
