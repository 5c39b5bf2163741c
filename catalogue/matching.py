"""The objective matcher (issue #3 replaces this stub with the real one).

Pure: no views, no HTTP. `analyse()` takes a visitor's objective in French or
English (free text or an objective slug) and the curated objectives, and says
which kind of objective it is and why.
"""

from dataclasses import dataclass, field


@dataclass
class RecognisedObjective:
    objective: object  # catalogue.models.Objective
    score: float
    matched_terms: list = field(default_factory=list)


@dataclass
class Analysis:
    query: str
    focus: str  # "media" | "network" | "mixed" | "unknown"
    objectives: list  # [RecognisedObjective], best first
    explanation: str


def analyse(text, objectives, lang="fr"):
    """Stub: recognises an objective only by its exact slug."""
    found = [RecognisedObjective(o, 1.0, [o.slug]) for o in objectives if o.slug == (text or "").strip()]
    focuses = {r.objective.focus for r in found}
    focus = focuses.pop() if len(focuses) == 1 else ("mixed" if focuses else "unknown")
    return Analysis(query=text, focus=focus, objectives=found, explanation="")
