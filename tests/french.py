"""What a French user reads for a source string, taken from the catalogue (locale/fr): tests compare
against it instead of a hard-coded sentence, so a wording fix in the .po breaks no test."""

from django.utils import translation
from django.utils.functional import Promise


def fr(msgid, plural=None, n=None, **params):
    """`msgid` (an English source string, or a lazy one such as a choice label) as shown in French,
    with its %(name)s parameters filled; with `plural`, the form for `n`."""
    with translation.override("fr"):
        if plural:
            text = translation.ngettext(msgid, plural, n)
        else:
            text = str(msgid) if isinstance(msgid, Promise) else translation.gettext(msgid)
        return text % params if params else text
