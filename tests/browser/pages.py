"""The page types the standards checks visit, over the demo site that `seed_demo` writes.

Add a page type with one line. `url` is a path, a callable returning one (run with database
access after seeding), or `FirstLink(path, pattern)` — the first link on `path` whose href fully
matches the regular expression `pattern`, for pages whose address depends on the demo data. `login` names a demo account
(seed_demo's, password DEMO_PASSWORD). A page type whose path does not resolve yet (its app is not
merged) is skipped with the reason, so the list can name pages before they exist.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import Resolver404, resolve, reverse


@dataclass(frozen=True)
class FirstLink:
    """The first link on `path` (fetched as the page type's user) whose href matches `pattern`."""

    path: str
    pattern: str


@dataclass(frozen=True)
class PageType:
    name: str
    url: "str | Callable[[], str] | FirstLink"
    login: str | None = None
    status: int = 200
    # check name (e.g. "overflow") → why it is known to fail; the test is a strict xfail, so it
    # turns red once fixed, as a reminder to drop the entry.
    known_issues: tuple[tuple[str, str], ...] = ()

    def probe_path(self) -> str:
        """A path that proves the page exists in this build (resolvable without the database)."""
        if isinstance(self.url, str):
            return self.url.split("?")[0]
        if isinstance(self.url, FirstLink):
            return self.url.path
        return "/"

    def missing_reason(self) -> str | None:
        try:
            resolve(self.probe_path())
        except Resolver404:
            return f"{self.probe_path()} does not resolve: the feature is not in this build yet"
        return None


def _published():
    from articles.models import Article

    return Article.objects.published().exclude(cover_image="").order_by("-published_at")


def _article_url():
    return _published().first().get_absolute_url()


def _print_url():
    return reverse("articles:print", kwargs={"slug": _published().first().slug})


def _category_url():
    return _published().first().category.get_absolute_url()


def _tag_url():
    from articles.models import Tag

    return Tag.objects.filter(tagged_articles__isnull=False).first().get_absolute_url()


def _summary_sorted_folded_url():
    from reports.models import ReportingPeriod

    period = ReportingPeriod.objects.order_by("-deadline").first()
    return period.get_summary_url() + "?sap-xep=total-registered&chieu=giam&thu-gon=1&loai=commune"


def _document_url():
    from documents.models import Document

    return Document.objects.public().exclude(file="").newest().first().get_absolute_url()


def _confirm_submit_url():
    """The no-JavaScript confirmation of "Nộp báo cáo" for the district account's editable report."""
    from reports.models import CampaignReport

    report = CampaignReport.objects.filter(
        unit__staff__user__username="district", status__in=CampaignReport.EDITABLE_STATUSES
    ).first()
    return reverse("reports:submit", args=[report.pk])


def _article_with_summary_url():
    """An article (not the one the "article" type checks) with a period's summary placed in it."""
    from reports.models import Field, ReportingPeriod

    article = _published().last()
    period = ReportingPeriod.objects.filter(reports__status="approved").first()
    marker = f'data-summary-period="{period.pk}"'
    if marker not in article.body:
        field = Field.objects.active().first()
        article.body += "".join(
            f'<div {marker} data-summary-part="{part}"><p>[Số liệu]</p></div>'
            for part in ("table", "completeness", f"field:{field.pk}")
        )
        article.save()
    return article.get_absolute_url()


def _subsite(archived=False):
    from articles.models import Subsite

    sites = Subsite.objects.archived() if archived else Subsite.objects.current()
    return sites.filter(articles__isnull=False).order_by("pk").first()


def _subsite_document():
    """A document of the demo commune sub-site (documents.demo.SUBSITE_DOCUMENTS)."""
    from documents.models import Document

    return Document.objects.public().exclude(subsite=None).newest().first()


def _subsite_category_url():
    return _subsite().categories.filter(articles__isnull=False).order_by("pk").first().get_absolute_url()


def _subsite_article_url():
    return _published().filter(subsite=_subsite()).first().get_absolute_url()


def _district_draft_url():
    """The report form: the demo district's report it may still edit (every open period of the
    demo has its report, so `/bao-cao/moi/` tells it there is nothing new to file)."""
    from django.contrib.auth import get_user_model

    from reports.models import CampaignReport

    user = get_user_model().objects.get(username="district")
    editable = CampaignReport.objects.visible_to(user).filter(status__in=["draft", "returned"])
    return editable.order_by("pk").first().get_absolute_url()


PAGE_TYPES = [
    PageType("home", "/"),
    PageType("category", _category_url),
    PageType("article", _article_url),
    PageType("print", _print_url),
    PageType("tag", _tag_url),
    PageType("search", "/tim-kiem/?q=dan van kheo"),
    PageType("search-empty", "/tim-kiem/?q=khong-co-bai-nao-xyz"),
    PageType("login", "/dang-nhap/"),
    PageType("not-found", "/tin-tuc/khong-co-bai-viet-nay/", status=404),
    # Sub-sites ("trang thành phần"): the list of units, a commune's pages, an archive's home.
    PageType("subsite-list", "/don-vi/"),
    PageType("subsite-home", lambda: _subsite().get_absolute_url()),
    PageType("subsite-category", _subsite_category_url),
    PageType("subsite-article", _subsite_article_url),
    PageType("subsite-archive", lambda: _subsite(archived=True).get_absolute_url()),
    # "Dân vận khéo" showcase and staff reports (branch `reports`): skipped until /mo-hinh/ and
    # /bao-cao/ resolve. Adjust a FirstLink pattern here if the merged pages link differently.
    PageType("showcase-list", "/mo-hinh/"),
    PageType("showcase-detail", FirstLink("/mo-hinh/", r"/mo-hinh/[^/?]+/")),
    PageType("report-list", "/bao-cao/", login="district"),
    PageType("report-new", "/bao-cao/moi/", login="district"),
    PageType("report-form", _district_draft_url, login="district"),
    PageType("report-detail", FirstLink("/bao-cao/", r"/bao-cao/\d+/"), login="province"),
    PageType("summary", FirstLink("/bao-cao/tong-hop/", r"/bao-cao/tong-hop/[^/?]+/"), login="province"),
    # The summary at 135 units: sorted, folded, filtered; the index across the reform; the unit
    # staff pages (branch `units`).
    PageType("summary-sorted-folded", _summary_sorted_folded_url, login="province"),
    PageType("summary-index", "/bao-cao/tong-hop/", login="province"),
    PageType("staff-list", "/bao-cao/can-bo/", login="province"),
    PageType("staff-import", "/bao-cao/can-bo/nhap/", login="province"),
    PageType("set-password-expired", "/dat-mat-khau/MQ/het-han/"),
    # The commission's own pages (issue 17).
    PageType("about", "/gioi-thieu/"),
    PageType("contact", "/lien-he/"),
    PageType("schedule", "/lich-cong-tac/"),
    PageType("schedule-bad-week", "/lich-cong-tac/?tuan=2026-W99"),
    PageType("questions", "/hoi-dap/"),
    PageType("questions-search", "/hoi-dap/?q=dong bao"),
    PageType("english", "/en/"),
    # The document library (issue 16).
    PageType("document-list", "/van-ban/"),
    PageType("document-search", "/van-ban/?q=49-CT/TW"),
    PageType("document-detail", _document_url),
    # A unit's documents (issue 16): its list, a bad unit's notice, one of its documents.
    PageType("document-list-unit", lambda: f"/van-ban/?don-vi={_subsite_document().subsite.slug}"),
    PageType("document-list-unknown-unit", "/van-ban/?don-vi=khong-co-don-vi"),
    PageType("subsite-document", lambda: _subsite_document().get_absolute_url()),
    PageType("report-confirm-submit", _confirm_submit_url, login="district"),
    PageType("article-with-summary", _article_with_summary_url),
]
