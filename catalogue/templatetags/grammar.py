"""French grammar filters (catalogue/grammar.py); English text passes through unchanged.

{% load grammar %}
{{ expert.name|de }}                      → « de Marc » / « d’Émilie » (French), the name (English)
{% blocktranslate asvar t %}…{% endblocktranslate %}{{ t|elide }}
{{ day|date:"j F Y"|ordinal_dates }}      → « 1er mai 2027 »
"""

from django import template

from catalogue import grammar

register = template.Library()


@register.filter
def de(name):
    return grammar.de(name)


@register.filter(is_safe=True)
def elide(text):
    return grammar.elide(text)


@register.filter(is_safe=True)
def ordinal_dates(text):
    return grammar.ordinal_dates(text)
