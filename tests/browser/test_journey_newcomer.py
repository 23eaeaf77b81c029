"""Where a newcomer stopped (issue 20), walked again in a real browser: the comment thank-you
where the reader is, the print view's way back and print button, the banner on a phone, the
article list at 1280 px, "Lập báo cáo" with nothing to file, and the first figure error shown."""

import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import override_settings

from tests.browser.conftest import login_in_browser, shot
from tests.browser.test_journey_reports import PERIOD_NAME, new_period

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "danvan-demo-2026"


@pytest.fixture
def demo(transactional_db, django_db_serialized_rollback):
    with override_settings(DEBUG=True):  # seed_demo writes the demo accounts only with DEBUG on
        call_command("seed_demo", stdout=StringIO())


def settle(page):
    """Wait until the page stops scrolling (the site scrolls smoothly to an anchor)."""
    page.wait_for_function(
        """() => new Promise(done => {
            let last = window.scrollY;
            const check = () => { if (window.scrollY === last) done(true); else { last = window.scrollY; setTimeout(check, 150); } };
            setTimeout(check, 150);
        })"""
    )


def in_viewport(page, locator) -> bool:
    settle(page)
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


def test_reader_sees_the_thanks_where_the_form_was_and_leaves_the_print_view(
    open_page, live_server, demo, settings
):
    settings.CAPTCHA_TEST_MODE = True  # django-simple-captcha accepts "PASSED"; tests only
    page = open_page(phone=True)
    page.goto("/")
    # The banner: the site name as text a phone can read, not a shrunken image.
    name = page.locator(".banner-name")
    assert name.is_visible() and page.locator(".banner-image").is_hidden()
    assert float(name.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 18
    page.locator("main .item-title a").first.click()
    page.wait_for_url(re.compile(r"/tin-tuc/[^/]+/$"))
    article_url = page.url

    form = page.locator("#comment-form")
    form.scroll_into_view_if_needed()
    form.get_by_label("Họ tên").fill("Trần Văn Nam")
    form.get_by_label("Tiêu đề").fill("Cách làm hay")
    form.get_by_label("Nội dung").fill("Xã tôi cũng đang làm như vậy.")
    form.get_by_label("Mã kiểm tra").fill("PASSED")
    page.wait_for_function("() => document.querySelector('#comment-form img.captcha-image')")
    form.get_by_role("button", name="Gửi ý kiến").click()
    page.wait_for_load_state()
    thanks = page.locator("#comment-sent")
    assert "Cảm ơn bạn" in thanks.inner_text()
    assert in_viewport(page, thanks), thanks.bounding_box()
    shot(page, "n-01-comment-thanks", full_page=False)

    page.goto(article_url)
    page.get_by_role("link", name="In bài viết").click()
    page.wait_for_url("**/in/")
    page.evaluate("window.print = () => { window.printed = true; }")
    back = page.get_by_role("link", name="← Quay lại bài viết").first
    button = page.get_by_role("button", name="In bài viết")
    assert back.is_visible() and button.is_visible()
    shot(page, "n-02-print-view")
    button.click()
    assert page.evaluate("window.printed === true")
    back.click()
    page.wait_for_url(article_url)
    assert not page.watch.problems, page.watch.problems


def test_editor_sees_every_column_of_the_article_list_at_1280_px(open_page, live_server, demo):
    page = open_page()
    login_in_browser(page, "editor", DEMO_PASSWORD, path="/admin/login/?next=/admin/articles/article/")
    page.wait_for_url("**/admin/articles/article/")
    width = page.viewport_size["width"]
    title = page.locator("#result_list th.field-title").first
    assert title.bounding_box()["width"] >= 180
    for column in ("field-published_label", "field-view_count", "field-preview_link"):
        cell = page.locator(f"#result_list td.{column}").first
        box = cell.bounding_box()
        assert box["x"] + box["width"] <= width, column
        assert page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y) !== null",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
    assert page.locator("#result_list").get_by_text(re.compile(r"^Hẹn giờ \d\d:\d\d")).count() == 1
    shot(page, "n-03-admin-article-list", full_page=False)


def test_district_with_nothing_to_file_is_told_why_and_the_first_figure_error_is_shown(
    open_page, live_server, demo
):
    Period = apps.get_model("reports", "ReportingPeriod")
    open_periods = list(Period.objects.filter(is_open=True).values_list("pk", flat=True))
    Period.objects.update(is_open=False)
    page = open_page()
    login_in_browser(page, "district", DEMO_PASSWORD)
    page.goto("/bao-cao/moi/")
    assert page.locator("#report-form").count() == 0
    assert "Hiện chưa có kỳ báo cáo nào đang nhận báo cáo" in page.locator("#nothing-to-file").inner_text()
    shot(page, "n-04-nothing-to-file")

    Period.objects.filter(pk__in=open_periods).update(is_open=True)
    new_period()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/bao-cao/moi/")
    page.locator("select[name$='period']").select_option(label=PERIOD_NAME)
    # The last field's row, far down the table: more commended than recognized is refused.
    page.locator("input[name$='registered_collective']").last.fill("5")
    page.locator("input[name$='built_collective']").last.fill("3")
    page.locator("input[name$='recognized_collective']").last.fill("3")
    wrong = page.locator("input[name$='commended_collective']").last
    wrong.fill("4")
    page.get_by_role("button", name="Lưu nháp").click()
    page.wait_for_load_state()
    first_error = page.locator("#report-form .has-error").first
    first_error.wait_for()
    settle(page)
    bar_top = page.locator("#report-form .form-actions").bounding_box()["y"]
    box = first_error.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= bar_top, (box, bar_top)
    assert page.evaluate("document.activeElement.closest('.has-error') !== null")
    shot(page, "n-05-first-figure-error", full_page=False)
