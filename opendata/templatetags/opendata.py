from django import template
from django.urls import reverse

from .. import citation

register = template.Library()


@register.inclusion_tag("opendata/_cite.html", takes_context=True)
def cite_this_view(context, total, capped=False):
    """The list page's "Cite this view" panel: a text to copy naming the filter URL, the
    time, how many incidents and the sources with their licences."""
    request = context["request"]
    cited = citation.citation(request, context.get("query", ""), total)
    if capped:
        cited["rows"] = f"more than {total:,}"
    ogc = request.build_absolute_uri(reverse("opendata:ogc_landing"))
    query = context.get("query", "")
    return {
        "cited": cited,
        "text": citation.text(cited),
        "ogc_url": f"{ogc}?{query}" if query else ogc,
    }
