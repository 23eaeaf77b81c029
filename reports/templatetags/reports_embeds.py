"""`{{ article.body|summary_embeds }}`: period summaries placed in an article (reports.embeds)."""

from django import template

from reports.embeds import render_embeds

register = template.Library()


@register.filter
def summary_embeds(html):
    return render_embeds(html)
