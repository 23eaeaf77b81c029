"""The report form: the report itself, the figures table, the models rows — validated together."""

from django import forms
from django.db import transaction
from django.db.models import Q
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils import timezone
from django_ckeditor_5.widgets import CKEditor5Widget

from danvan_site.text import html_to_text

from .models import (
    CLOSED_PERIOD_MESSAGE,
    CampaignReport,
    ExemplaryModel,
    Field,
    FieldResult,
    ModelProgress,
    ReportingPeriod,
    Unit,
)
from .takeover import TakeoverForm, take_over


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
        fields = (*FieldResult.FIGURES, "note")
        field_classes = dict.fromkeys(FieldResult.FIGURES, FigureField)
        widgets = {"note": forms.Textarea(attrs={"rows": 2, "cols": 24, "class": "figure-note"})}
        error_messages = {
            "note": {"max_length": "Ghi chú dài tối đa %(limit_value)d ký tự (đang có %(show_value)d)."}
        }

    def figure_fields(self):
        """The figures' bound fields, in table order (the note has its own column)."""
        return [self[name] for name in FieldResult.FIGURES]


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
    """Sums of the figures over `rows` (dicts or FieldResults), plus per-stage totals."""
    totals = dict.fromkeys(FieldResult.FIGURES, 0)
    for row in rows:
        for name in FieldResult.FIGURES:
            totals[name] += row[name] if isinstance(row, dict) else getattr(row, name)
    for stage in FieldResult.STAGES:
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


FOREIGN_MODEL_MESSAGE = (
    "Mô hình này thuộc đơn vị khác: không chuyển mô hình sang báo cáo của đơn vị khác được."
)


def report_models(report: CampaignReport):
    """The models a report's form lists: those it records a stage for; a new report starts
    from its unit's models still in progress, so staff update their stage instead of typing
    them again (a row taken out before the first save stays out)."""
    if report.pk:
        return report.exemplary_models.order_by("field__order", "pk")
    return (
        ExemplaryModel.objects.filter(unit=report.unit)
        .exclude(stage=ExemplaryModel.Stage.COMMENDED)
        .order_by("field__order", "pk")
    )


class BaseExemplaryModelFormSet(BaseModelFormSet):
    """The report's model rows. A row's "Mức đạt" is the model's stage in this report's period
    (`ModelProgress`); deleting a row takes the model out of this report, and deletes the model
    only when no other report recorded it."""

    def __init__(self, data=None, files=None, *, report: CampaignReport, **kwargs):
        self.report = report
        kwargs.setdefault("queryset", report_models(report))
        super().__init__(data, files, **kwargs)
        self.stages = {}
        if report.pk:
            self.stages = dict(report.progress.values_list("model_id", "stage"))

    def _existing_object(self, pk):
        """A posted row may name a model of the report's own unit, or one the report already
        records — not only the rows the form first listed. A predecessor's model comes in only
        when staff tick it in the take-over list (reports.takeover), never through a row."""
        if not hasattr(self, "_holdable"):
            self._holdable = {
                m.pk: m
                for m in ExemplaryModel.objects.filter(Q(unit=self.report.unit) | Q(pk__in=list(self.stages)))
            }
        return self._holdable.get(pk)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if form.instance.pk in self.stages:
            form.initial["stage"] = self.stages[form.instance.pk]
        return form

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Bỏ mô hình này khỏi báo cáo khi lưu"

    def clean(self):
        super().clean()
        for form in self.initial_forms:
            # A posted id the report may not hold (another unit's model) would otherwise be
            # dropped without a word by Django's model formset.
            if form.instance.pk is None and form.data.get(form.add_prefix("id")):
                raise forms.ValidationError(FOREIGN_MODEL_MESSAGE)

    def kept_forms(self):
        """Rows that stay in the report: saved models, and new rows that were filled in."""
        deleted = set(map(id, self.deleted_forms))
        return [
            f
            for f in self.forms
            if id(f) not in deleted and (f.instance.pk is not None or f.has_changed()) and f.is_valid()
        ]

    def check_period(self, period) -> bool:
        """The rules that need the period: no stage backwards, and no new model outside the
        registration window. Errors go on the row's field."""
        from .progress import backwards_message, other_progress_by_model

        today = timezone.localdate()
        kept = self.kept_forms()
        others = other_progress_by_model([f.instance.pk for f in kept if f.instance.pk], self.report.pk)
        ok = True
        for form in kept:
            stage = form.cleaned_data.get("stage")
            if form.instance.pk and stage:
                message = backwards_message(form.instance, stage, period, others.get(form.instance.pk, []))
                if message:
                    form.add_error("stage", message)
                    ok = False
            if form.instance.pk is None and not period.is_registration_open(today):
                form.add_error("name", period.registration_closed_message())
                ok = False
        return ok

    def named_rows(self):
        return [
            (f.cleaned_data["field"].pk, f.cleaned_data["kind"], f.cleaned_data["stage"])
            for f in self.kept_forms()
        ]

    def save(self, commit=True):
        from .progress import latest_stage

        report = self.report
        for form in self.deleted_forms:
            model = form.instance
            if model.pk is None:
                continue
            ModelProgress.objects.filter(report=report, model=model).delete()
            if not model.progress.exists():
                model.delete()
        saved = []
        for form in self.kept_forms():
            model = form.save(commit=False)
            stage = form.cleaned_data["stage"]
            if model.pk is None:
                model.unit = report.unit
            elif model.unit_id != report.unit_id and model.pk not in self.stages:
                raise ValueError(FOREIGN_MODEL_MESSAGE)
            model.save()
            ModelProgress.objects.update_or_create(report=report, model=model, defaults={"stage": stage})
            latest = latest_stage(model)
            if latest != model.stage:
                model.stage = latest
                model.save(update_fields=["stage", "updated_at"])
            saved.append(model)
        return saved


ExemplaryModelFormSet = modelformset_factory(
    ExemplaryModel,
    form=ExemplaryModelForm,
    formset=BaseExemplaryModelFormSet,
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
        self.models_formset = ExemplaryModelFormSet(data, files, report=report, prefix="models")
        self.takeover = TakeoverForm(data, unit=report.unit)
        self.taken = []

    @property
    def media(self):
        return self.report_form.media

    def is_valid(self, *, submit: bool = False) -> bool:
        valid = all(
            [
                self.report_form.is_valid(),
                self.table.is_valid(),
                self.models_formset.is_valid(),
                self.takeover.is_valid(),
            ]
        )
        period = self.report_form.cleaned_data.get("period") or (
            self.report.period if self.report.period_id else None
        )
        if valid and period is not None:
            valid = self.models_formset.check_period(period)
        if valid and submit:
            valid = self._check_complete()
            valid = self._check_figures_fit_models() and valid
        return valid

    def _check_figures_fit_models(self) -> bool:
        """On submit: each figure counts at least the models the report names (reports.progress)."""
        from .progress import named_counts, shortfalls

        forms_by_field = {form.instance.field_id: form for form in self.table}
        figures = {
            fid: {n: form.cleaned_data.get(n, 0) for n in FieldResult.FIGURES}
            for fid, form in forms_by_field.items()
        }
        named = self.models_formset.named_rows() + self.takeover.named_rows()
        found = shortfalls(figures, named_counts(named))
        for field_id, name, message in found:
            if field_id in forms_by_field:
                forms_by_field[field_id].add_error(name, message)
            else:
                self.table.errors.append(message)
        return not found

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
        self.models_formset.report = report
        self.models_formset.save()
        self.taken = take_over(report, self.takeover.chosen())
        if submit:
            report.submit(user)
        return report


def submission_problems(report: CampaignReport) -> list[str]:
    """What a saved report still lacks to be submitted: the rules of `ReportFiling._check_complete`
    on what is stored (the confirmation page submits the saved draft, not a form)."""
    problems = []
    if report.closed_to_submission:
        problems.append(CLOSED_PERIOD_MESSAGE)
    if not html_to_text(report.summary):
        problems.append("Cần nhập đánh giá chung trước khi nộp báo cáo.")
    if all(r.is_empty() for r in report.field_results.all()):
        problems.append("Cần nhập số liệu ít nhất một lĩnh vực trước khi nộp báo cáo.")
    from .progress import saved_shortfalls

    problems.extend(saved_shortfalls(report))
    return problems


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
    """The showcase's filters. Each offers only what the showcase holds (`choices`, kept by the
    view until the reports change): a field, unit or year with no model shown is not offered, and
    the unit list is not every unit there ever was."""

    field = forms.TypedChoiceField(label="Lĩnh vực", coerce=int, required=False, empty_value=None)
    unit = forms.ChoiceField(label="Đơn vị", required=False)
    year = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        for name, options in choices.items():
            self.fields[name].choices = [("", "Tất cả"), *options]

    lookups = {"field": "field"}

    def filter(self, queryset):
        """A unit and a year match any approved report in the model's history: a model a former
        district registered is still found under it after the merger."""
        queryset = super().filter(queryset)
        if self.is_valid() and (self.cleaned_data.get("year") or self.cleaned_data.get("unit")):
            queryset = queryset.showcased_in(
                year=self.cleaned_data.get("year"), unit_slug=self.cleaned_data.get("unit")
            )
        return queryset


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
