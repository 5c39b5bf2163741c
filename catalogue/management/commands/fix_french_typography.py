"""Rewrite the French catalogue's msgstr to the typography convention of locale/glossary.toml.

Run it after adding strings (make makemessages, fill the msgstr, then this, then
compilemessages). Only msgstr lines change; msgids, comments and order are kept, so
other branches' additions merge cleanly. `--check` only reports (exit status 1).
"""

import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from catalogue import typography

DEFAULT_PO = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
WIDTH = 79  # gettext's wrapping width, so msgmerge leaves our lines alone
_STRING = re.compile(r'^(msgstr(?:\[\d+\])?\s+)?"(.*)"\s*$')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unescape(text):
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), "\\" + m.group(1)), text)


def _escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")


def _wrap(keyword, text):
    """The msgstr lines gettext would write: one line if it fits, else "" and chunks."""
    escaped = _escape(text)
    single = f'{keyword}"{escaped}"'
    if len(single) <= WIDTH and "\\n" not in escaped[:-2]:
        return [single]
    chunks = []
    for piece in re.split(r"(?<=\\n)", escaped):
        while piece:
            if len(piece) + 2 <= WIDTH:
                chunks.append(piece)
                break
            cut = piece.rfind(" ", 0, WIDTH - 2)
            cut = cut + 1 if cut > 0 else WIDTH - 2
            chunks.append(piece[:cut])
            piece = piece[cut:]
    return [f'{keyword}""'] + [f'"{chunk}"' for chunk in chunks]


def fix_po_text(source):
    """(new text, number of msgstr changed) for the text of a .po file."""
    lines = source.split("\n")
    out, changed, i = [], 0, 0
    while i < len(lines):
        match = _STRING.match(lines[i])
        if not (match and match.group(1)):
            out.append(lines[i])
            i += 1
            continue
        keyword = match.group(1)
        block = [lines[i]]
        parts = [match.group(2)]
        i += 1
        while i < len(lines) and lines[i].startswith('"'):
            block.append(lines[i])
            parts.append(_STRING.match(lines[i]).group(2))
            i += 1
        text = _unescape("".join(parts))
        fixed = typography.fix(text) if not _is_header(out) else text
        if fixed != text:
            changed += 1
            block = _wrap(keyword, fixed)
        out.extend(block)
    return "\n".join(out), changed


def _is_header(previous_lines):
    # The header entry (msgid "") holds metadata, not French text.
    return bool(previous_lines) and previous_lines[-1] == 'msgid ""'


class Command(BaseCommand):
    help = "Apply the French typography convention (locale/glossary.toml) to the French catalogue's msgstr."

    def add_arguments(self, parser):
        parser.add_argument("--po", default=str(DEFAULT_PO), help="the .po file (default: the French catalogue)")
        parser.add_argument("--check", action="store_true", help="only report; exit 1 if anything would change")

    def handle(self, *args, po, check, **options):
        path = Path(po)
        source = path.read_text(encoding="utf-8")
        fixed, changed = fix_po_text(source)
        if check:
            if changed:
                raise CommandError(
                    f"{changed} French msgstr do not follow the typography convention; run fix_french_typography."
                )
            self.stdout.write("The French catalogue follows the typography convention.")
            return
        if changed:
            path.write_text(fixed, encoding="utf-8")
        self.stdout.write(f"{changed} msgstr rewritten in {path}. Then run compilemessages.")
