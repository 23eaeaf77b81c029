"""A period's summary inside an article: rendered when read, approved figures only."""

import logging
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from tests.factories import (
    ApprovedReportFactory,
    FieldResultFactory,
    PublishedArticleFactory,
    ReportingPeriodFactory,
    SubmittedReportFactory,
    figures,
    make_user,
)

pytestmark = pytest.mark.django_db


def _placeholder(period_id, part="table"):
    return (
        f'<div data-summary-period="{period_id}" data-summary-part="{part}"><p>[Số liệu tổng hợp]</p></div>'
    )


@pytest.fixture
def period(fields, con_cuong, ky_son):
    period = ReportingPeriodFactory(name="Năm 2026")
    FieldResultFactory(
        report=ApprovedReportFactory(unit=con_cuong, period=period),
        field=fields[0],
        **figures(7, 3, 4, 2, 1, 0, built=(5, 3)),
    )
    # Submitted, not approved: never shown to readers, whatever the summary page's switch.
    FieldResultFactory(
        report=SubmittedReportFactory(unit=ky_son, period=period), field=fields[0], **figures(100)
    )
    return period


def _article(body):
    return PublishedArticleFactory(body=f"<p>Mở đầu.</p>{body}<p>Kết bài.</p>")


def _total(html, stage):
    return int(re.search(rf'data-total="{stage}">(\d+)<', html).group(1))


def test_the_article_shows_the_summary_table_equal_to_the_summary_page(client, province_client, period):
    article = _article(_placeholder(period.pk))
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'data-summary-embed="table"' in html
    assert "[Số liệu tổng hợp]" not in html  # the placeholder is replaced, not shown
    assert "Mở đầu." in html and "Kết bài." in html
    summary_html = province_client.get(reverse("reports:summary", args=[period.slug])).content.decode()
    for stage, expected in (("registered", 10), ("built", 8), ("recognized", 6), ("commended", 1)):
        assert _total(html, stage) == _total(summary_html, stage) == expected


def test_one_fields_totals_and_the_completeness_line(client, period, fields):
    article = _article(
        _placeholder(period.pk, f"field:{fields[0].pk}") + _placeholder(period.pk, "completeness")
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert _total(html, "registered") == 10
    assert _total(html, "built") == 8
    assert re.search(r"<strong>2/\d+</strong> đơn vị đã nộp báo cáo Năm 2026", html)


def test_a_period_that_does_not_exist_renders_nothing_and_logs_a_warning(client, caplog):
    article = _article(_placeholder(999999))
    with caplog.at_level(logging.WARNING, logger="reports.embeds"):
        html = client.get(article.get_absolute_url()).content.decode()
    assert "data-summary-embed" not in html and "[Số liệu tổng hợp]" not in html
    assert "Kết bài." in html
    assert any("999999" in r.getMessage() for r in caplog.records)


def test_forged_placeholder_markup_is_sanitized_like_any_body(client, period):
    huge = ",".join(str(i) for i in range(5000))
    article = _article(
        f'<div data-summary-period="{period.pk}" data-summary-part="table" onclick="alert(1)" style="x">'
        "<script>alert(2)</script></div>"
        f'<div data-summary-period="{huge}" data-summary-part="table"></div>'
        f'<div data-summary-period="{period.pk}" data-summary-part="&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;"></div>'
    )
    article.refresh_from_db()
    assert "onclick" not in article.body and "<script" not in article.body and huge not in article.body
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count('data-summary-embed="table"') == 1  # only the well-formed one renders
    assert "alert(" not in html


def test_the_kept_article_shows_new_approved_figures(client, period, fields, ky_son):
    article = _article(_placeholder(period.pk))
    assert _total(client.get(article.get_absolute_url()).content.decode(), "registered") == 10
    report = period.reports.get(unit=ky_son)
    report.approve(make_user("duyet"))
    assert _total(client.get(article.get_absolute_url()).content.decode(), "registered") == 110


def test_editors_get_the_periods_for_the_insert_panel_and_others_do_not(client, period):
    url = reverse("reports:embed_options")
    client.force_login(make_user("bientap", groups=["Biên tập viên"]))
    data = client.get(url).json()
    assert {"id": period.pk, "name": "Năm 2026"} in data["periods"]
    client.force_login(make_user("banbe"))
    assert client.get(url).status_code == 403


def test_the_article_page_with_an_embedded_summary_keeps_its_query_count(
    client, period, django_assert_max_num_queries
):
    article = _article(_placeholder(period.pk))
    client.get(article.get_absolute_url())
    assert Article.objects.filter(pk=article.pk).exists()
    with django_assert_max_num_queries(12):
        assert client.get(article.get_absolute_url()).status_code == 200


def _period_with_units(count, fields):
    period = ReportingPeriodFactory()
    for _ in range(count):
        report = ApprovedReportFactory(period=period)
        for field in fields:
            FieldResultFactory(report=report, field=field, **figures(3, 2, 1))
    return period


def test_an_article_built_with_a_135_unit_summary_costs_the_queries_of_a_3_unit_one(client, fields):
    """The table is built in a fixed number of queries, whatever the number of units, and the
    parts of one period placed in one body share one build."""
    client.get(_article("").get_absolute_url())  # the menu and sidebar, kept for every article
    counts = []
    for units, parts in (
        (3, ["table"]),
        (3, ["table", "completeness", f"field:{fields[0].pk}"]),
        (135, ["table"]),
    ):
        period = _period_with_units(units, fields)
        article = _article("".join(_placeholder(period.pk, part) for part in parts))
        with CaptureQueriesContext(connection) as queries:
            html = client.get(article.get_absolute_url()).content.decode()
        assert html.count("data-summary-embed=") == len(parts)
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2]
