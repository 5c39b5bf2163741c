"""The French glossary (locale/glossary.toml) as checks a test or a command can run."""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from catalogue import typography

PATH = Path(__file__).resolve().parents[1] / "locale" / "glossary.toml"


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    use: str
    exceptions: tuple


@cache
def load():
    with PATH.open("rb") as handle:
        return tomllib.load(handle)


@cache
def rules():
    return tuple(
        Rule(
            re.compile(rule["pattern"], re.IGNORECASE),
            rule["use"],
            tuple(re.compile(e, re.IGNORECASE) for e in rule.get("except", ())),
        )
        for rule in load()["forbidden"]
    )


def exempt_texts():
    return [item["text"] for item in load().get("exempt", [])]


_PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|\{\w+\}")


def without_quotes(text):
    """The text minus the source passages quoted word for word (they are exempt)."""
    for quoted in exempt_texts():
        text = text.replace(quoted, "…")
    return text


def forbidden(text):
    """(found, what to write instead) for each forbidden term in a French text."""
    text = _PLACEHOLDER.sub("X", without_quotes(text))
    found = []
    for rule in rules():
        for match in rule.pattern.finditer(text):
            context = text[match.start() : match.end() + 12]
            if any(e.match(text, match.start()) or e.search(context) for e in rule.exceptions):
                continue
            found.append((match.group(0), rule.use))
    return found


def typography_problems(text):
    return typography.problems(without_quotes(text))


def check(text):
    """Every glossary problem of a French text, as short strings (empty when it is clean)."""
    return [f"{term!r} → {use}" for term, use in forbidden(text)] + [
        f"typography near {excerpt!r}" for excerpt in typography_problems(text)
    ]
