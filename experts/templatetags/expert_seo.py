from django import template

from catalogue.seo import render_jsonld

from ..seo import expert_jsonld

register = template.Library()


@register.simple_tag(takes_context=True)
def expert_jsonld_script(context, expert):
    return render_jsonld(expert_jsonld(expert, context["request"]))
