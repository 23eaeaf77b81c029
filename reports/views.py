import hashlib
import secrets

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from danvan_site import caching
from danvan_site.pagination import KeptCountPaginator

from . import exports, onboarding
from .forms import (
    ReportFiling,
    ReportFilterForm,
    ReviewForm,
    ShowcaseFilterForm,
    StaffFilterForm,
    StaffImportForm,
    figure_totals,
    submission_problems,
)
from .history import report_history
from .models import (
    CLOSED_PERIOD_MESSAGE,
    CampaignReport,
    ExemplaryModel,
    Field,
    ModelProgress,
    ReportingPeriod,
    Unit,
    WorkflowError,
    staff_unit_id,
)
from .roles import REVIEW_PERMISSION
from .summary import STATUS_FILTERS, SummaryOptions, build_summary, build_trend

SUBMITTED_MESSAGE = "Đã nộp báo cáo. Ban Dân vận Tỉnh ủy sẽ xem xét và phản hồi."


class StaffMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Staff pages: logged in, with the report permission; the rest is scoped by `visible_to`."""

    permission_required = "reports.view_campaignreport"

    def visible_reports(self):
        return CampaignReport.objects.visible_to(self.request.user)


class ReportListView(StaffMixin, ListView):
    template_name = "reports/report_list.html"
    context_object_name = "reports"
    paginate_by = 30

    def get_queryset(self):
        self.filter_form = ReportFilterForm(self.request.GET or None)
        return self.filter_form.filter(self.visible_reports().for_list())

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        unit_id = staff_unit_id(user)
        ctx["filter_form"] = self.filter_form
        ctx["is_reviewer"] = user.has_perm(REVIEW_PERMISSION)
        ctx["can_file"] = unit_id is not None and user.has_perm("reports.add_campaignreport")
        if ctx["can_file"]:
            ctx["unit"] = unit = Unit.objects.get(pk=unit_id)
            ctx["open_periods"] = ReportingPeriod.objects.open().fileable_by(unit)
        return ctx


class ReportFilingMixin:
    """Shows and saves the one-page report form (figures, models, summary)."""

    template_name = "reports/report_form.html"

    def filing_context(self, filing, **kwargs):
        report = filing.report
        quotas = []
        if report.period_id:
            quotas = list(report.period.quotas.filter(unit_kind=report.unit.kind))
        return {
            "filing": filing,
            "report": report,
            "form_media": filing.media,
            "quotas": quotas,
            "closed_period_message": CLOSED_PERIOD_MESSAGE,
            **kwargs,
        }

    def save_filing(self, filing):
        submit = self.request.POST.get("action") == "submit"
        # Submitting locks the report, so it is confirmed first: reports.js asks in a dialog and
        # posts `confirmed`; without JavaScript the draft is saved and the confirmation page asks.
        confirmed = self.request.POST.get("confirmed") == "1"
        if not filing.is_valid(submit=submit):
            messages.error(self.request, "Chưa lưu được: xem các ô báo lỗi màu đỏ bên dưới.")
            return self.render_to_response(self.get_context_data(filing=filing))
        try:
            report = filing.save(self.request.user, submit=submit and confirmed)
        except IntegrityError:
            # Another tab or colleague filed the same unit and period a moment ago.
            filing.report_form.add_error(None, "Đơn vị đã có báo cáo cho kỳ này; mở báo cáo đó từ danh sách.")
            return self.render_to_response(self.get_context_data(filing=filing))
        except WorkflowError as exc:
            # The period was closed between the check and the save: nothing was written.
            filing.report_form.add_error(None, str(exc))
            return self.render_to_response(self.get_context_data(filing=filing))
        if filing.taken:
            messages.info(
                self.request,
                f"{report.unit.name} tiếp tục theo dõi {len(filing.taken)} mô hình của đơn vị tiền thân: "
                "cập nhật mức đạt trong kỳ của từng mô hình ở mục 2.",
            )
        if submit and not confirmed:
            return redirect("reports:submit", pk=report.pk)
        if submit:
            messages.success(self.request, SUBMITTED_MESSAGE)
        else:
            messages.success(self.request, "Đã lưu bản nháp.")
        return redirect(report)


def report_models_with_stage(report):
    """The models a report records, each with `report_stage`: its stage in this period."""
    found = []
    for p in report.progress.select_related("model__field").order_by("model__field__order", "model_id"):
        p.model.report_stage = p.get_stage_display()
        found.append(p.model)
    return found


class ReportCreateView(StaffMixin, ReportFilingMixin, TemplateView):
    """`/bao-cao/moi/`: a unit files a new report for an open period it is expected in."""

    permission_required = "reports.add_campaignreport"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            unit_id = staff_unit_id(request.user)
            if unit_id is None:
                raise PermissionDenied("Tài khoản chưa được gắn với đơn vị nào.")
            self.unit = get_object_or_404(Unit, pk=unit_id)
        return super().dispatch(request, *args, **kwargs)

    def new_report(self):
        return CampaignReport(unit=self.unit)

    def get_context_data(self, filing=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if filing is None:
            filing = ReportFiling(report=self.new_report())
            period = self.request.GET.get("ky")
            if period:
                filing.report_form.initial["period"] = (
                    ReportingPeriod.objects.filter(slug=period).values_list("pk", flat=True).first()
                )
        no_open_period = not filing.report_form.fields["period"].queryset.exists()
        if no_open_period and self.request.method == "GET":
            # Nothing to file: say why and what to do instead of a form that cannot be saved.
            self.template_name = "reports/report_none_open.html"
            ctx["filed_open"] = (
                self.visible_reports().for_list().filter(period__in=ReportingPeriod.objects.open())
            )
        return {**ctx, **self.filing_context(filing, is_new=True, no_open_period=no_open_period)}

    def post(self, request, *args, **kwargs):
        filing = ReportFiling(report=self.new_report(), data=request.POST, files=request.FILES)
        return self.save_filing(filing)


class ReportDetailView(StaffMixin, ReportFilingMixin, DetailView):
    """`/bao-cao/<id>/`: the form while the unit may edit, otherwise the report read-only,
    with the review actions for provincial staff and the history for everyone who may see it."""

    context_object_name = "report"

    def get_queryset(self):
        return self.visible_reports().for_list()

    def get_template_names(self):
        if self.object.is_editable_by(self.request.user):
            return ["reports/report_form.html"]
        return ["reports/report_detail.html"]

    def get_context_data(self, filing=None, review_form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        report, user = self.object, self.request.user
        if report.is_editable_by(user):
            ctx.update(self.filing_context(filing or ReportFiling(report=report)))
        else:
            ctx["results"] = list(report.field_results.select_related("field"))
            ctx["results_totals"] = figure_totals(ctx["results"])
            ctx["exemplary_models"] = report_models_with_stage(report)
        if report.is_reviewable_by(user):
            ctx["review_form"] = review_form or ReviewForm()
        ctx["history"] = report_history(report)
        ctx["quota_warnings"] = report.quota_warnings()
        return ctx

    def post(self, request, *args, **kwargs):
        self.object = report = self.get_object()
        if not report.is_editable_by(request.user):
            raise PermissionDenied("Báo cáo này không còn sửa được.")
        return self.save_filing(ReportFiling(report=report, data=request.POST, files=request.FILES))


class ReportSubmitView(StaffMixin, DetailView):
    """`/bao-cao/<id>/nop/`: "Nộp báo cáo" confirmed on a page of its own (the path without
    JavaScript): the saved draft's totals, then the button that locks it."""

    permission_required = "reports.change_campaignreport"
    template_name = "reports/report_confirm_submit.html"
    context_object_name = "report"

    def get_queryset(self):
        return self.visible_reports().for_list()

    def get(self, request, *args, **kwargs):
        self.object = report = self.get_object()
        if not report.is_editable_by(request.user):
            messages.error(request, "Báo cáo này đã nộp hoặc không còn sửa được.")
            return redirect(report)
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["results_totals"] = figure_totals(self.object.field_results.all())
        ctx["problems"] = submission_problems(self.object)
        return ctx

    def post(self, request, *args, **kwargs):
        self.object = report = self.get_object()
        if not report.is_editable_by(request.user):
            raise PermissionDenied("Báo cáo này không còn sửa được.")
        problems = submission_problems(report)
        if problems:
            return self.render_to_response(self.get_context_data())
        try:
            report.submit(request.user)
        except WorkflowError as exc:
            messages.error(request, str(exc))
            return redirect(report)
        messages.success(request, SUBMITTED_MESSAGE)
        return redirect(report)


class ReportReviewView(ReportDetailView):
    """Provincial review, like pythondotorg's JobReview: approve, or return with a note."""

    permission_required = REVIEW_PERMISSION
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.object = report = self.get_object()
        form = ReviewForm(request.POST)
        if not form.is_valid() or not report.is_reviewable_by(request.user):
            if report.is_reviewable_by(request.user):
                messages.error(request, "Chưa thực hiện được: xem lỗi bên dưới.")
            else:
                messages.error(request, "Báo cáo không ở trạng thái chờ duyệt.")
            return self.render_to_response(self.get_context_data(review_form=form))
        try:
            if form.cleaned_data["action"] == "approve":
                report.approve(request.user, form.cleaned_data["note"])
                messages.success(request, f"Đã duyệt báo cáo của {report.unit}.")
            else:
                report.return_to_unit(request.user, form.cleaned_data["note"])
                messages.success(request, f"Đã trả lại báo cáo cho {report.unit}.")
        except WorkflowError as exc:
            messages.error(request, str(exc))
        return redirect(report)


class SummaryIndexView(StaffMixin, TemplateView):
    """`/bao-cao/tong-hop/`: the periods, and approved figures over the years by today's units."""

    template_name = "reports/summary_index.html"
    trend_periods = 6

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        periods = list(ReportingPeriod.objects.all())
        trend_periods = sorted(periods[: self.trend_periods], key=lambda p: (p.year, p.deadline))
        ctx["periods"] = periods
        ctx["trend_periods"] = trend_periods
        ctx["trend"] = build_trend(trend_periods, self.visible_reports())
        return ctx


class SummaryView(StaffMixin, TemplateView):
    """`/bao-cao/tong-hop/<period>/`: the period summary, as a page or `?format=csv|xlsx`.

    Unit staff get their own unit only: the figures come from `visible_to` like everywhere.
    """

    template_name = "reports/summary.html"

    def get(self, request, *args, **kwargs):
        # The periods (for the switch, and to find this one) are kept until one changes.
        self.periods = caching.get_or_set(
            caching.REPORTS, "periods", lambda: list(ReportingPeriod.objects.all())
        )
        self.period = next((p for p in self.periods if p.slug == kwargs["period"]), None)
        if self.period is None:
            raise Http404("Không có kỳ báo cáo này.")
        self.include_submitted = request.GET.get("include_submitted") == "1"
        self.options = SummaryOptions.from_query(request.GET)
        unit_ids = None
        if not request.user.has_perm(REVIEW_PERMISSION):
            unit_ids = [staff_unit_id(request.user)]
        # Built only when something reads it: the page's table usually comes from the cache.
        self.summary = SimpleLazyObject(
            lambda: build_summary(
                self.period,
                self.visible_reports(),
                include_submitted=self.include_submitted,
                unit_ids=unit_ids,
                options=self.options,
            )
        )
        # The table, chart and lists are the same for everyone who sees the same units, until a
        # report, figure, model, unit, field or period changes (each bumps the reports version)
        # or the day turns (lateness).
        scope = "all" if unit_ids is None else ",".join(map(str, unit_ids))
        self.body_key = (
            f"summary:{timezone.localdate():%Y%m%d}:{self.period.pk}:{int(self.include_submitted)}:{scope}:"
            + hashlib.md5(self.options.cache_key().encode(), usedforsecurity=False).hexdigest()
        )
        fmt = request.GET.get("format")
        if fmt in ("csv", "xlsx"):
            # The summary's rows are kept like the page's table (and under the same key) until
            # the reports version changes; so is the workbook, which openpyxl writes cell by cell
            # (the CSV is quick to write from the rows).
            tables = caching.get_or_set(
                caching.REPORTS, self.body_key + ":export", lambda: exports.export_tables(self.summary)
            )
            if fmt == "csv":
                return exports.csv_response(tables)
            workbook = caching.get_or_set(
                caching.REPORTS, self.body_key + ":xlsx", lambda: exports.xlsx_bytes(tables)
            )
            return exports.xlsx_response(tables, workbook)
        if fmt:
            raise Http404("Định dạng không hỗ trợ.")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["summary"] = self.summary
        ctx["period"] = self.period
        ctx["include_submitted"] = self.include_submitted
        ctx["options"] = self.options
        ctx["kind_choices"] = Unit.Kind.choices
        ctx["status_choices"] = STATUS_FILTERS
        ctx["periods"] = self.periods
        ctx["summary_body"] = caching.get_or_set(
            caching.REPORTS,
            self.body_key,
            lambda: render_to_string(
                "reports/includes/summary_body.html",
                {
                    "summary": self.summary,
                    "chart": self.summary.chart(),
                    "options": self.options,
                    "include_submitted": self.include_submitted,
                },
            ),
        )
        return ctx


# --- Public showcase ------------------------------------------------------------------------


def showcase_choices() -> dict[str, list]:
    """The showcase filters' choices: the fields, units and years of the models it shows. Units
    in force today come first, then the former ones, each group in the units' own order."""
    shown = ExemplaryModel.objects.showcased()
    recorded = ModelProgress.objects.filter(model__in=shown, report__status=CampaignReport.Status.APPROVED)
    today = timezone.localdate()
    units = Unit.objects.filter(pk__in=recorded.values("report__unit"))
    groups = {"Đơn vị hiện nay": [], "Đơn vị trước đây": []}
    for unit in units:
        groups["Đơn vị hiện nay" if unit.is_in_force(today) else "Đơn vị trước đây"].append(
            (unit.slug, unit.name)
        )
    return {
        "field": list(Field.objects.filter(exemplary_models__in=shown).distinct().values_list("pk", "name")),
        "unit": [(group, options) for group, options in groups.items() if options],
        "year": [
            (year, year)
            for year in ReportingPeriod.objects.filter(reports__progress__in=recorded)
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        ],
    }


class ShowcaseListView(ListView):
    """`/mo-hinh/`: recognized and commended models of approved reports (`showcased()`)."""

    template_name = "reports/showcase_list.html"
    context_object_name = "exemplary_models"
    paginate_by = 12

    def get_queryset(self):
        choices = caching.get_or_set(caching.REPORTS, "showcase-choices", showcase_choices)
        self.filter_form = ShowcaseFilterForm(self.request.GET or None, choices=choices)
        qs = ExemplaryModel.objects.showcased().for_list().order_by("-showcased_year", "field__order", "pk")
        return self.filter_form.filter(qs)

    def get_paginator(self, queryset, per_page, **kwargs):
        # The list and its count are kept per filter until a report changes (showcase_list.html).
        key = "showcase:" + hashlib.md5(self.filters().encode(), usedforsecurity=False).hexdigest()
        return KeptCountPaginator(queryset, per_page, namespace=caching.REPORTS, key=key, **kwargs)

    def filters(self) -> str:
        """The valid filters of this request, in a stable order: what the list depends on."""
        form = self.filter_form
        if not form.is_valid():
            return ""
        return "&".join(f"{k}={getattr(v, 'pk', v)}" for k, v in sorted(form.cleaned_data.items()))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["filter_form"] = self.filter_form
        ctx["filters"] = self.filters()
        return ctx


class ShowcaseDetailView(DetailView):
    template_name = "reports/showcase_detail.html"
    context_object_name = "model"

    def get_queryset(self):
        return ExemplaryModel.objects.showcased().for_list()

    def get_context_data(self, **kwargs):
        """The model's history: each approved report that recorded it — period, stage, unit (a
        former district before the 2025 reform, the commune after) — in one query."""
        ctx = super().get_context_data(**kwargs)
        ctx["history"] = list(
            self.object.progress.filter(report__status=CampaignReport.Status.APPROVED)
            .select_related("report__period", "report__unit")
            .order_by("report__period__deadline", "pk")
        )
        return ctx


class EmbedOptionsView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """`/bao-cao/chen-so-lieu/`: the periods and fields an editor may place in an article
    (static/js/admin/summary-embed.js builds the "Chèn số liệu tổng hợp" panel from it)."""

    permission_required = "articles.change_article"
    raise_exception = True

    def get(self, request, *args, **kwargs):
        return JsonResponse(
            {
                "periods": [{"id": p.pk, "name": p.name} for p in ReportingPeriod.objects.all()],
                "fields": [{"id": f.pk, "name": f.name} for f in Field.objects.active()],
            }
        )


# --- Staff onboarding -----------------------------------------------------------------------


class StaffPagesMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Provincial staff who keep the unit links (StaffProfile) manage the unit accounts."""

    permission_required = ("reports.add_staffprofile", REVIEW_PERMISSION)


class StaffListView(StaffPagesMixin, ListView):
    """`/bao-cao/can-bo/`: the unit staff accounts, several per unit, filterable by unit."""

    template_name = "reports/staff_list.html"
    context_object_name = "accounts"
    paginate_by = 50

    def get_queryset(self):
        self.filter_form = StaffFilterForm(self.request.GET or None)
        accounts = (
            get_user_model()
            .objects.filter(staff_profile__unit__isnull=False)
            .select_related("staff_profile__unit")
            .order_by("staff_profile__unit__order", "staff_profile__unit__name", "username")
        )
        return self.filter_form.filter(accounts)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["filter_form"] = self.filter_form
        return ctx


class StaffImportView(StaffPagesMixin, TemplateView):
    """`/bao-cao/can-bo/nhap/`: upload a file → the preview with each row's errors → confirm.

    The checked rows wait in the session under a one-time token between the preview and the
    confirmation, and are checked again when confirmed (a username may have been taken since)."""

    template_name = "reports/staff_import.html"
    session_key = "staff_import"

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm(request)
        form = StaffImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            rows = onboarding.check_rows(onboarding.read_file(form.cleaned_data["file"]))
        except onboarding.ImportFileError as error:
            form.add_error("file", str(error))
            return self.render_to_response(self.get_context_data(form=form))
        clean = not any(r.errors for r in rows)
        token = ""
        if clean:
            token = secrets.token_urlsafe(16)
            request.session[self.session_key] = {"token": token, "rows": [r.as_session() for r in rows]}
        return self.render_to_response(
            self.get_context_data(form=StaffImportForm(), rows=rows, clean=clean, token=token)
        )

    def confirm(self, request):
        stored = request.session.get(self.session_key) or {}
        if not stored or request.POST.get("token") != stored.get("token"):
            messages.error(request, "Phiên xem trước đã hết hoặc đã dùng. Hãy tải lại tệp.")
            return redirect("reports:staff_import")
        rows = onboarding.check_rows([onboarding.ImportRow(**r) for r in stored["rows"]])
        if any(r.errors for r in rows):
            return self.render_to_response(
                self.get_context_data(form=StaffImportForm(), rows=rows, clean=False, changed=True)
            )
        try:
            users = onboarding.create_accounts(rows)
        except IntegrityError:  # a colleague created one of these usernames a moment ago
            messages.error(request, "Có tên đăng nhập vừa được tạo ở nơi khác. Hãy tải lại tệp để kiểm tra.")
            return redirect("reports:staff_import")
        del request.session[self.session_key]
        transaction.on_commit(lambda: onboarding.send_set_password_emails(users, request))
        messages.success(
            request,
            f"Đã tạo {len(users)} tài khoản và gửi e-mail hướng dẫn đặt mật khẩu đến từng người.",
        )
        return redirect("reports:staff_list")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("form", StaffImportForm())
        ctx["max_rows"] = onboarding.MAX_ROWS
        return ctx
