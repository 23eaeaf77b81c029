"""The report form: the report itself, the figures table, the models rows — validated together."""

from django import forms
from django.db import transaction
from django.forms import BaseInlineFormSet, inlineformset_factory
from django_ckeditor_5.widgets import CKEditor5Widget

from danvan_site.text import html_to_text

from .models import (
    CLOSED_PERIOD_MESSAGE,
    CampaignReport,
    ExemplaryModel,
    Field,
    FieldResult,
    ReportingPeriod,
    Unit,
)


class FigureField(forms.IntegerField):
    """A whole number ≥ 0; blank counts as 0. Typed as text so what the user wrote comes back as is."""

    default_error_messages = {
        "invalid": "Nhập số nguyên (0, 1, 2 …).",
        "min_value": "Số liệu không được âm.",
        "max_value": "Số liệu quá lớn.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", 1_000_000)
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "off", "size": 4, "class": "figure"}
            ),
        )
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        # No min/max attributes: the browser would block the form before our messages show.
        return {}

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
        if value in self.empty_values:
            return 0
        return super().to_python(value)


class FieldResultForm(forms.ModelForm):
    """One row of the figures table; `FieldResult.clean` puts order errors on the wrong figure."""

    class Meta:
        model = FieldResult
        fields = FieldResult.FIGURES
        field_classes = dict.fromkeys(FieldResult.FIGURES, FigureField)


class FieldResultTable:
    """The figures table: one `FieldResultForm` per field, prefixed `fr-<field pk>`.

    The rows are decided on the server — every active field, plus any retired field the report
    already has figures for — never by what the browser posts.
    """

    def __init__(self, report: CampaignReport, data=None):
        existing = {}
        if report.pk:
            existing = {r.field_id: r for r in report.field_results.select_related("field")}
        fields = {f.pk: f for f in Field.objects.active()}
        fields.update({r.field_id: r.field for r in existing.values()})
        ordered = sorted(fields.values(), key=lambda f: (f.order, f.name))
        self.forms = [
            FieldResultForm(data, prefix=f"fr-{f.pk}", instance=existing.get(f.pk) or FieldResult(field=f))
            for f in ordered
        ]
        self.errors = []

    def __iter__(self):
        return iter(self.forms)

    def is_valid(self) -> bool:
        results = [form.is_valid() for form in self.forms]  # validate every row, not up to the first bad one
        return all(results)

    def is_blank(self) -> bool:
        return all(form.instance.is_empty() for form in self.forms)

    def save(self, report):
        for form in self.forms:
            form.instance.report = report
            form.save()

    def rows(self):
        """(form, totals) per row, totals from what was typed (unparseable figures count 0)."""
        return [
            (form, figure_totals([{n: _as_int(form[n].value()) for n in FieldResult.FIGURES}]))
            for form in self.forms
        ]

    def totals(self) -> dict:
        return figure_totals(
            [{n: _as_int(form[n].value()) for n in FieldResult.FIGURES} for form in self.forms]
        )


def figure_totals(rows) -> dict:
    """Sums of the six figures over `rows` (dicts or FieldResults), plus per-stage totals."""
    totals = dict.fromkeys(FieldResult.FIGURES, 0)
    for row in rows:
        for name in FieldResult.FIGURES:
            totals[name] += row[name] if isinstance(row, dict) else getattr(row, name)
    for stage in ("registered", "recognized", "commended"):
        totals[stage] = totals[f"{stage}_collective"] + totals[f"{stage}_individual"]
    return totals


def _as_int(value) -> int:
    try:
        return max(int(str(value).strip() or 0), 0)
    except (TypeError, ValueError):
        return 0


class PhotoInput(forms.ClearableFileInput):
    """The current photo as a thumbnail with a "remove" box, then the file input.

    Its template sits in `reports/templates/`: Django's default form renderer reads the app
    template folders, not the project's `templates/`.
    """

    template_name = "reports/widgets/photo.html"


class ExemplaryModelForm(forms.ModelForm):
    class Meta:
        model = ExemplaryModel
        fields = ("name", "field", "kind", "holder", "stage", "description", "results", "photo")
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "results": forms.Textarea(attrs={"rows": 3}),
            "photo": PhotoInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
        }
        error_messages = {
            "name": {"required": "Nhập tên mô hình."},
            "holder": {"required": "Nhập chủ thể thực hiện mô hình."},
            "field": {"required": "Chọn lĩnh vực."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        active = Field.objects.active()
        if self.instance.field_id:
            active = active | Field.objects.filter(pk=self.instance.field_id)
        self.fields["field"].queryset = active.distinct()
        self.fields["field"].empty_label = "— Chọn lĩnh vực —"


class BaseExemplaryModelFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Xóa mô hình này khi lưu"


ExemplaryModelFormSet = inlineformset_factory(
    CampaignReport,
    ExemplaryModel,
    form=ExemplaryModelForm,
    formset=BaseExemplaryModelFormSet,
    fk_name="report",
    extra=2,
    can_delete=True,
)


class CampaignReportForm(forms.ModelForm):
    """The report's own fields; the period is chosen only when filing a new report."""

    class Meta:
        model = CampaignReport
        fields = ("period", "summary")
        widgets = {"summary": CKEditor5Widget(config_name="report")}
        error_messages = {"period": {"required": "Chọn kỳ báo cáo."}}

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["summary"].required = False
        if self.instance.pk:
            del self.fields["period"]
        else:
            self.fields["period"].queryset = ReportingPeriod.objects.open().fileable_by(unit)
            self.fields["period"].empty_label = "— Chọn kỳ báo cáo —"
            self.fields["period"].error_messages["invalid_choice"] = (
                "Kỳ này đã đóng hoặc đơn vị đã có báo cáo cho kỳ này."
            )


class ReportFiling:
    """Everything the report page posts, validated together so no part of the input is lost.

    `is_valid(submit=True)` adds the completeness rules of submission on top of the figure rules
    that every save (draft included) obeys.
    """

    def __init__(self, *, report: CampaignReport, data=None, files=None):
        self.report = report
        self.report_form = CampaignReportForm(data, instance=report, unit=report.unit)
        self.table = FieldResultTable(report, data)
        self.models_formset = ExemplaryModelFormSet(data, files, instance=report, prefix="models")

    @property
    def media(self):
        return self.report_form.media

    def is_valid(self, *, submit: bool = False) -> bool:
        valid = all([self.report_form.is_valid(), self.table.is_valid(), self.models_formset.is_valid()])
        if valid and submit:
            valid = self._check_complete()
        return valid

    def _check_complete(self) -> bool:
        complete = True
        if self.report.period_id and self.report.closed_to_submission:
            self.report_form.add_error(None, CLOSED_PERIOD_MESSAGE)
            complete = False
        if not html_to_text(self.report_form.cleaned_data.get("summary", "")):
            self.report_form.add_error("summary", "Cần nhập đánh giá chung trước khi nộp báo cáo.")
            complete = False
        if self.table.is_blank():
            self.table.errors.append("Cần nhập số liệu ít nhất một lĩnh vực trước khi nộp báo cáo.")
            complete = False
        return complete

    @transaction.atomic
    def save(self, user, *, submit: bool = False) -> CampaignReport:
        report = self.report_form.save(commit=False)
        if report.pk is None:
            report.created_by = user
        report.save()
        self.table.save(report)
        self.models_formset.instance = report
        self.models_formset.save()
        if submit:
            report.submit(user)
        return report


class ReviewForm(forms.Form):
    ACTIONS = {"approve": "Duyệt", "return": "Trả lại"}

    action = forms.ChoiceField(choices=ACTIONS.items())
    note = forms.CharField(
        label="Ý kiến gửi đơn vị",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bắt buộc khi trả lại báo cáo.",
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == "return" and not data.get("note", "").strip():
            self.add_error("note", "Ghi rõ cần sửa gì khi trả lại báo cáo.")
        return data


class QuerysetFilterForm(forms.Form):
    """A GET filter form: each chosen value narrows the queryset by its lookup; an invalid
    choice (a tampered URL) filters nothing rather than failing."""

    lookups: dict[str, str] = {}  # form field → queryset lookup

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        chosen = {lookup: self.cleaned_data[name] for name, lookup in self.lookups.items()}
        return queryset.filter(**{lookup: value for lookup, value in chosen.items() if value})


class ReportFilterForm(QuerysetFilterForm):
    period = forms.ModelChoiceField(
        label="Kỳ báo cáo",
        queryset=ReportingPeriod.objects.all(),
        required=False,
        empty_label="Tất cả",
        to_field_name="slug",
    )
    unit = forms.ModelChoiceField(
        label="Đơn vị",
        queryset=Unit.objects.all(),
        required=False,
        empty_label="Tất cả",
        to_field_name="slug",
    )
    status = forms.ChoiceField(
        label="Trạng thái", choices=[("", "Tất cả"), *CampaignReport.Status.choices], required=False
    )

    lookups = {"period": "period", "unit": "unit", "status": "status"}


class ShowcaseFilterForm(QuerysetFilterForm):
    field = forms.ModelChoiceField(
        label="Lĩnh vực", queryset=Field.objects.all(), required=False, empty_label="Tất cả"
    )
    unit = forms.ModelChoiceField(
        label="Đơn vị",
        queryset=Unit.objects.all(),
        required=False,
        empty_label="Tất cả",
        to_field_name="slug",
    )
    year = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "Tất cả"), *((y, y) for y in years)]

    lookups = {"field": "field", "unit": "report__unit", "year": "report__period__year"}


class StaffImportForm(forms.Form):
    file = forms.FileField(
        label="Tệp danh sách cán bộ (CSV UTF-8 hoặc Excel .xlsx)",
        help_text="Dòng đầu là tiêu đề: tên đăng nhập (username), họ và tên (full name), e-mail, đơn vị (unit).",
        error_messages={"required": "Chọn tệp danh sách cán bộ.", "empty": "Tệp trống."},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )


class StaffFilterForm(QuerysetFilterForm):
    unit = forms.ModelChoiceField(
        label="Đơn vị",
        queryset=Unit.objects.in_force(),
        required=False,
        empty_label="Tất cả",
        to_field_name="slug",
    )

    lookups = {"unit": "staff_profile__unit"}
