"""A period's summary inside an article (figures the editors no longer retype).

An editor inserts a placeholder from the admin's CKEditor ("Chèn số liệu tổng hợp", see
static/js/admin/summary-embed.js):

    <div data-summary-period="<period id>" data-summary-part="table|completeness|field:<id>">
      <p>[Số liệu tổng hợp: …]</p>
    </div>

The body is sanitized on save like any other (danvan_site.text keeps only these two attributes,
with these values). When the article is read, each placeholder is replaced by the part rendered
from `summary.build_summary` — the code of the summary page and its exports — over *approved*
reports only, whatever the summary page's switch. A placeholder whose period does not exist
renders as nothing and logs a warning.
"""

import logging
import re

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from danvan_site import caching

from .models import CampaignReport, ReportingPeriod
from .summary import build_summary

logger = logging.getLogger(__name__)

MARKER = 'data-summary-period="'
# An article renders at most this many placeholders; the rest render as nothing.
MAX_EMBEDS = 10
DIV_TAG = re.compile(r"<(/?)div\b([^>]*)>", re.IGNORECASE)
PERIOD = re.compile(r'data-summary-period="(\d{1,9})"')
PART = re.compile(r'data-summary-part="(table|completeness|field:\d{1,9})"')


def has_embeds(html: str) -> bool:
    return MARKER in (html or "")


def render_embeds(html: str) -> str:
    """`html` (sanitized) with every summary placeholder replaced by its rendered part."""
    if not has_embeds(html):
        return mark_safe(html or "")  # noqa: S308 — sanitized on save
    out, pos, count = [], 0, 0
    summaries = {}  # period pk → its summary, built once for all the parts of this body
    for match in DIV_TAG.finditer(html):
        if match.start() < pos or match.group(1) or MARKER not in match.group(2):
            continue
        end = _closing(html, match)
        out.append(html[pos : match.start()])
        count += 1
        if count <= MAX_EMBEDS:
            out.append(render_part(match.group(2), summaries))
        pos = end
    out.append(html[pos:])
    return mark_safe("".join(out))  # noqa: S308 — our templates' output between sanitized HTML


def _closing(html: str, opening) -> int:
    """The end of the `</div>` that closes `opening` (nested divs counted), or of the text."""
    depth = 1
    for match in DIV_TAG.finditer(html, opening.end()):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return len(html)


def render_part(attributes: str, summaries: dict) -> str:
    period_match, part_match = PERIOD.search(attributes), PART.search(attributes)
    if not period_match or not part_match:
        logger.warning("Summary placeholder without a valid period or part: %r", attributes[:200])
        return ""
    period_id, part = int(period_match.group(1)), part_match.group(1)
    return caching.get_or_set(
        caching.REPORTS,
        f"embed:{period_id}:{part}",
        lambda: _render(period_id, part, summaries),
    )


def public_summary(period_id: int):
    """The summary readers see: approved reports only, without what only the review reads."""
    period = ReportingPeriod.objects.filter(pk=period_id).first()
    if period is None:
        return None
    return build_summary(period, CampaignReport.objects.all(), include_submitted=False, with_review=False)


def _render(period_id: int, part: str, summaries: dict) -> str:
    if period_id not in summaries:
        summaries[period_id] = public_summary(period_id)
    summary = summaries[period_id]
    if summary is None:
        logger.warning("Summary placeholder for a period that does not exist: %s", period_id)
        return ""
    period = summary.period
    context = {"summary": summary, "period": period, "part": part}
    if part.startswith("field:"):
        field_id = int(part.split(":")[1])
        breakdown = next((b for b in summary.by_field if b.field.pk == field_id), None)
        if breakdown is None:
            logger.warning("Summary placeholder for a field not in period %s: %s", period_id, field_id)
            return ""
        context.update(part="field", breakdown=breakdown)
    if part == "completeness":
        expected = len(summary.rows)
        context.update(expected=expected, submitted=expected - len(summary.missing), late=len(summary.late))
    return render_to_string("reports/includes/embed.html", context)
