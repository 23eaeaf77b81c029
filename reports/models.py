"""The "Dân vận khéo" campaign reports: units, fields, periods, reports, figures and models.

Workflow (SPEC "Reports rules"): a unit files one `CampaignReport` per `ReportingPeriod`;
it stays editable while `draft` or `returned`; `submit()` locks it; the province `approve()`s it
or `return_to_unit()`s it with a note. Every change is kept by django-simple-history.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, When
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from danvan_site import images
from danvan_site.fields import TimeStamped, acting_user
from danvan_site.text import sanitize_html, unique_slug

from .roles import REVIEW_PERMISSION


def validate_new_photo(f) -> None:
    """`images.validate_image_file` for a fresh upload only: a photo already stored was checked
    when it came in, and its file is closed by now (re-reading it would fail)."""
    if images.is_new_upload(f):
        images.validate_image_file(f)


CLOSED_PERIOD_MESSAGE = (
    "Kỳ báo cáo đã khóa sổ, không nhận báo cáo mới: bản nháp vẫn lưu được nhưng không nộp được. "
    "Liên hệ Ban Dân vận Tỉnh ủy nếu cần mở lại kỳ."
)


class WorkflowError(Exception):
    """A status change that the report's current status does not allow."""


# --- Reference data -------------------------------------------------------------------------


class UnitQuerySet(models.QuerySet):
    def in_force(self, on=None):
        """Units in force on the day `on` (today by default): `valid_from` empty or on/before it,
        `valid_to` empty or on/after it. `valid_to` is the unit's last day (30/06/2025 for the
        district-level units), so a unit is still in force on the day it ends."""
        on = on or timezone.localdate()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=on),
            Q(valid_to__isnull=True) | Q(valid_to__gte=on),
        )

    def ended(self, on=None):
        """Units whose last day is before `on` (today by default)."""
        return self.filter(valid_to__lt=on or timezone.localdate())


class Unit(models.Model):
    """A reporting unit under the province ("đơn vị"): huyện, thị xã, thành phố (until
    30/06/2025); xã, phường and the Party committees directly under the Tỉnh ủy (đảng ủy trực thuộc).

    Units live over time (SPEC "Units over time"): `valid_from`/`valid_to` bound the days a unit
    is in force (empty = unknown start / still in force), and `predecessors` names the units whose
    territory or work it took over — several for a merge; a split gives one unit several
    `successors`. Reports stay with the unit that filed them.
    """

    class Kind(models.TextChoices):
        DISTRICT = "district", "Huyện"
        TOWN = "town", "Thị xã"
        CITY = "city", "Thành phố"
        COMMUNE = "commune", "Xã"
        WARD = "ward", "Phường"
        PARTY_COMMITTEE = "party_committee", "Đảng ủy trực thuộc"

    # Kinds of the level abolished on 01/07/2025: "former districts" in summaries across the reform.
    DISTRICT_LEVEL_KINDS = (Kind.DISTRICT, Kind.TOWN, Kind.CITY)
    COMMUNE_LEVEL_KINDS = (Kind.COMMUNE, Kind.WARD)

    name = models.CharField("tên đơn vị", max_length=150, unique=True)
    slug = models.SlugField("đường dẫn", max_length=160, unique=True, blank=True)
    kind = models.CharField("loại đơn vị", max_length=20, choices=Kind.choices, default=Kind.DISTRICT)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    valid_from = models.DateField(
        "hoạt động từ ngày", null=True, blank=True, help_text="Để trống nếu chưa rõ ngày thành lập."
    )
    valid_to = models.DateField(
        "hoạt động đến ngày",
        null=True,
        blank=True,
        help_text="Ngày cuối cùng đơn vị còn hoạt động; để trống khi đơn vị đang hoạt động.",
    )
    predecessors = models.ManyToManyField(
        "self",
        verbose_name="đơn vị tiền thân",
        symmetrical=False,
        related_name="successors",
        blank=True,
        help_text="Các đơn vị mà đơn vị này kế thừa địa bàn, nhiệm vụ (sáp nhập: nhiều đơn vị).",
    )
    source_note = models.TextField(
        "nguồn",
        blank=True,
        help_text="Văn bản làm căn cứ (số nghị quyết, quyết định) hoặc điều còn phải xác minh.",
    )
    is_unverified = models.BooleanField(
        "chưa xác minh nguồn",
        default=False,
        help_text="Đánh dấu khi tên, ngày hoặc đơn vị tiền thân chưa đối chiếu được với văn bản.",
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ("order", "name")
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"

    def __str__(self):
        return self.name

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": "Ngày kết thúc không được trước ngày bắt đầu hoạt động."})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Unit, self.name, instance_pk=self.pk)
        super().save(*args, **kwargs)

    def is_in_force(self, on=None) -> bool:
        """The rule of `UnitQuerySet.in_force` for one unit."""
        on = on or timezone.localdate()
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or self.valid_to >= on
        )

    @property
    def is_district_level(self) -> bool:
        return self.kind in self.DISTRICT_LEVEL_KINDS


def former_district_map(pks=None) -> dict[int, "Unit | None"]:
    """unit pk → the district-level unit its figures are shown under across the reform (SPEC
    "Units over time"), in three queries whatever the number of units; for the units `pks` only
    when given (the walk still sees every unit, but only the districts found for those are loaded).

    A district-level unit maps to the last district-level unit that carried its work (Cửa Lò's
    reports count under Vinh once Vinh took it over); a commune-level unit maps to the former
    district its territory came from (the first by `order` when it came from several); a Party
    committee, or a unit with no district-level predecessor, maps to None. The walk runs over
    plain tuples; only the districts found are loaded as units.
    """
    district_kinds = set(Unit.DISTRICT_LEVEL_KINDS)
    units = {
        pk: (order, name, kind in district_kinds)
        for pk, order, name, kind in Unit.objects.values_list("pk", "order", "name", "kind")
    }
    predecessors, successors = {}, {}
    for from_id, to_id in Unit.predecessors.through.objects.values_list("from_unit_id", "to_unit_id"):
        predecessors.setdefault(from_id, []).append(to_id)
        successors.setdefault(to_id, []).append(from_id)

    def key(pk):
        return units[pk][:2]

    def last_district(pk):
        seen = {pk}
        while True:
            later = [i for i in successors.get(pk, ()) if i not in seen and units[i][2]]
            if not later:
                return pk
            pk = min(later, key=key)
            seen.add(pk)

    def resolve(pk):
        if units[pk][2]:
            return last_district(pk)
        frontier, seen = [pk], {pk}
        while frontier:
            found = [i for f in frontier for i in predecessors.get(f, ()) if units[i][2]]
            if found:
                return last_district(min(found, key=key))
            frontier = [i for f in frontier for i in predecessors.get(f, ()) if i not in seen]
            seen.update(frontier)
        return None

    resolved = {pk: resolve(pk) for pk in (units if pks is None else set(pks) & units.keys())}
    districts = Unit.objects.in_bulk({pk for pk in resolved.values() if pk is not None})
    return {pk: districts.get(district) for pk, district in resolved.items()}


class FieldQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Field(models.Model):
    """A "lĩnh vực" of the movement (kinh tế, văn hóa – xã hội …). Retire one with `is_active`."""

    name = models.CharField("tên lĩnh vực", max_length=150, unique=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_active = models.BooleanField(
        "đang dùng", default=True, help_text="Bỏ chọn để kỳ báo cáo mới không còn lĩnh vực này."
    )

    objects = FieldQuerySet.as_manager()

    class Meta:
        ordering = ("order", "name")
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"

    def __str__(self):
        return self.name


class ReportingPeriodQuerySet(models.QuerySet):
    def open(self):
        return self.filter(is_open=True)

    def expecting(self, unit):
        """Periods that expect a report from `unit`: their deadline falls in the days the unit is
        in force (SPEC "Units over time"), so a unit that ended files nothing after its end."""
        qs = self
        if unit.valid_from:
            qs = qs.filter(deadline__gte=unit.valid_from)
        if unit.valid_to:
            qs = qs.filter(deadline__lte=unit.valid_to)
        return qs

    def fileable_by(self, unit):
        """Periods `unit` may still start a report for: expecting it, and not yet reported on."""
        return self.expecting(unit).exclude(reports__unit=unit)


class ReportingPeriod(models.Model):
    """A "kỳ báo cáo": 6 tháng, năm or giai đoạn, with its deadline; closed periods take no new reports."""

    class Kind(models.TextChoices):
        HALF_YEAR = "half_year", "6 tháng"
        YEAR = "year", "Năm"
        TERM = "term", "Giai đoạn"

    name = models.CharField("tên kỳ báo cáo", max_length=150, unique=True, help_text='Ví dụ: "Năm 2025".')
    slug = models.SlugField("đường dẫn", max_length=160, unique=True, blank=True)
    year = models.PositiveSmallIntegerField("năm")
    kind = models.CharField("loại kỳ", max_length=10, choices=Kind.choices, default=Kind.YEAR)
    deadline = models.DateField("hạn nộp", help_text="Nộp sau ngày này là nộp muộn.")
    is_open = models.BooleanField("đang nhận báo cáo", default=True)
    registration_starts = models.DateField("bắt đầu đăng ký mô hình", null=True, blank=True)
    registration_ends = models.DateField("kết thúc đăng ký mô hình", null=True, blank=True)

    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        ordering = ("-year", "-deadline")
        get_latest_by = "deadline"
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"

    def __str__(self):
        return self.name

    def clean(self):
        if self.registration_starts and self.registration_ends:
            if self.registration_ends < self.registration_starts:
                raise ValidationError({"registration_ends": "Ngày kết thúc phải sau ngày bắt đầu."})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(ReportingPeriod, self.name, instance_pk=self.pk)
        super().save(*args, **kwargs)

    def get_summary_url(self):
        return reverse("reports:summary", kwargs={"period": self.slug})

    def is_registration_open(self, on) -> bool:
        """New models are registered only inside the window (either end may be left open)."""
        if self.registration_starts and on < self.registration_starts:
            return False
        return not (self.registration_ends and on > self.registration_ends)

    def registration_closed_message(self) -> str:
        starts = f"{self.registration_starts:%d/%m/%Y}" if self.registration_starts else "đầu kỳ"
        ends = f"{self.registration_ends:%d/%m/%Y}" if self.registration_ends else "hạn nộp"
        return (
            f"Kỳ {self.name} nhận đăng ký mô hình mới từ {starts} đến {ends}; "
            "ngoài thời gian này không đăng ký mô hình mới được (mô hình đã có vẫn cập nhật được)."
        )

    def expected_units(self):
        """The units this period expects a report from: those in force on its deadline."""
        return Unit.objects.in_force(self.deadline)


class ModelQuota(models.Model):
    """How many models a unit of one kind may put forward in a period (the form warns past it)."""

    period = models.ForeignKey(
        ReportingPeriod, verbose_name="kỳ báo cáo", on_delete=models.CASCADE, related_name="quotas"
    )
    unit_kind = models.CharField("loại đơn vị", max_length=20, choices=Unit.Kind.choices)
    collective = models.PositiveSmallIntegerField("mô hình tập thể tối đa")
    individual = models.PositiveSmallIntegerField("mô hình cá nhân tối đa")

    class Meta:
        verbose_name = "chỉ tiêu mô hình"
        verbose_name_plural = "chỉ tiêu mô hình"
        constraints = [
            models.UniqueConstraint(fields=["period", "unit_kind"], name="quota_one_per_kind"),
        ]

    def __str__(self):
        return f"{self.period} — {self.get_unit_kind_display()}: {self.collective}/{self.individual}"


class StaffProfile(models.Model):
    """Which unit a unit staff member belongs to (provincial staff have none)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        help_text="Cán bộ đơn vị chỉ thấy và sửa báo cáo của đơn vị này.",
    )

    class Meta:
        verbose_name = "đơn vị của cán bộ"
        verbose_name_plural = "đơn vị của cán bộ"

    def __str__(self):
        return f"{self.user} — {self.unit or 'cấp tỉnh'}"


def staff_unit_id(user) -> int | None:
    """The unit of a unit staff member, or None (cached on the user object by Django)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.staff_profile.unit_id
    except StaffProfile.DoesNotExist:
        return None


# --- Reports --------------------------------------------------------------------------------


class CampaignReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The reports `user` may see — the single scoping rule of every staff page and export.

        Provincial staff (the review permission) see all; unit staff see their own unit's;
        anyone else sees nothing.
        """
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.has_perm(REVIEW_PERMISSION):
            return self
        unit_id = staff_unit_id(user)
        if unit_id is None or not user.has_perm("reports.view_campaignreport"):
            return self.none()
        return self.filter(unit_id=unit_id)

    def approved(self):
        return self.filter(status=CampaignReport.Status.APPROVED)

    def counted(self, include_submitted: bool = False):
        """Reports whose figures the summary adds up (`CampaignReport.counted_statuses`)."""
        return self.filter(status__in=CampaignReport.counted_statuses(include_submitted))

    def for_list(self):
        return self.select_related("unit", "period", "submitted_by", "reviewed_by")


class CampaignReport(TimeStamped):
    """One unit's "Dân vận khéo" report for one period."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Nháp"
        SUBMITTED = "submitted", "Đã nộp, chờ duyệt"
        APPROVED = "approved", "Đã duyệt"
        RETURNED = "returned", "Trả lại để sửa"

    EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)

    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="reports")
    period = models.ForeignKey(
        ReportingPeriod, verbose_name="kỳ báo cáo", on_delete=models.PROTECT, related_name="reports"
    )
    summary = models.TextField("đánh giá chung", blank=True)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_by = acting_user("người nộp", editable=True)
    submitted_at = models.DateTimeField("nộp lúc", null=True, blank=True)
    first_submitted_at = models.DateTimeField(
        "nộp lần đầu lúc", null=True, blank=True, help_text="Dùng để xét nộp muộn so với hạn."
    )
    reviewed_by = acting_user("người duyệt", editable=True)
    reviewed_at = models.DateTimeField("duyệt lúc", null=True, blank=True)
    review_note = models.TextField("ý kiến của tỉnh", blank=True)
    created_by = acting_user("người lập", editable=True)

    history = HistoricalRecords()
    objects = CampaignReportQuerySet.as_manager()

    class Meta:
        ordering = ("-period__year", "-period__deadline", "unit__order", "unit__name")
        verbose_name = "báo cáo Dân vận khéo"
        verbose_name_plural = "báo cáo Dân vận khéo"
        permissions = [("review_campaignreport", "Có thể duyệt báo cáo Dân vận khéo")]
        constraints = [
            models.UniqueConstraint(fields=["unit", "period"], name="report_one_per_unit_period"),
        ]

    def __str__(self):
        return f"{self.unit} — {self.period}"

    def get_absolute_url(self):
        return reverse("reports:detail", kwargs={"pk": self.pk})

    def save(self, *args, **kwargs):
        self.summary = sanitize_html(self.summary)
        super().save(*args, **kwargs)

    # Workflow -------------------------------------------------------------------------------

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    def is_editable_by(self, user) -> bool:
        """Staff of this unit, while the report is a draft or was returned."""
        return (
            self.is_editable
            and user.has_perm("reports.change_campaignreport")
            and staff_unit_id(user) == self.unit_id
        )

    def is_reviewable_by(self, user) -> bool:
        return self.status == self.Status.SUBMITTED and user.has_perm(REVIEW_PERMISSION)

    @property
    def closed_to_submission(self) -> bool:
        """A closed period takes no new reports: a draft never submitted stays a draft. A report
        the province returned for fixes may still come back after the close."""
        return self.first_submitted_at is None and not self.period.is_open

    def submit(self, submitting_user):
        if not self.is_editable:
            raise WorkflowError("Báo cáo đã nộp, không nộp lại được.")
        if self.closed_to_submission:
            raise WorkflowError(CLOSED_PERIOD_MESSAGE)
        now = timezone.now()
        self.status = self.Status.SUBMITTED
        self.submitted_by, self.submitted_at = submitting_user, now
        if self.first_submitted_at is None:
            self.first_submitted_at = now
        self.save()

    def approve(self, approving_user, note: str = ""):
        if self.status != self.Status.SUBMITTED:
            raise WorkflowError("Chỉ duyệt được báo cáo đã nộp.")
        self.status = self.Status.APPROVED
        self.reviewed_by, self.reviewed_at = approving_user, timezone.now()
        self.review_note = note
        self.save()

    def return_to_unit(self, returning_user, note: str):
        if self.status != self.Status.SUBMITTED:
            raise WorkflowError("Chỉ trả lại được báo cáo đã nộp.")
        if not note.strip():
            raise WorkflowError("Cần ghi rõ lý do trả lại.")
        self.status = self.Status.RETURNED
        self.reviewed_by, self.reviewed_at = returning_user, timezone.now()
        self.review_note = note.strip()
        self.save()

    @staticmethod
    def counted_statuses(include_submitted: bool = False) -> tuple[str, ...]:
        """Whose figures the summary adds up: approved reports, plus submitted ones when asked."""
        if include_submitted:
            return (CampaignReport.Status.APPROVED, CampaignReport.Status.SUBMITTED)
        return (CampaignReport.Status.APPROVED,)

    @property
    def exemplary_models(self):
        """The models this report records a stage for (`ModelProgress`)."""
        return ExemplaryModel.objects.filter(progress__report=self)

    def quota_warnings(self) -> list[str]:
        """Warnings (not errors) when the report puts forward more models than the period's quota."""
        if self.pk is None:
            return []
        quota = self.period.quotas.filter(unit_kind=self.unit.kind).first()
        if quota is None:
            return []
        counts = dict(
            self.progress.values_list("model__kind")
            .annotate(n=models.Count("pk"))
            .values_list("model__kind", "n")
        )
        warnings = []
        for kind, limit in (
            (ExemplaryModel.Kind.COLLECTIVE, quota.collective),
            (ExemplaryModel.Kind.INDIVIDUAL, quota.individual),
        ):
            if counts.get(kind, 0) > limit:
                warnings.append(
                    f"Số mô hình {kind.label.lower()} ({counts[kind]}) vượt chỉ tiêu {limit} của kỳ này "
                    f"cho {self.unit.get_kind_display().lower()}."
                )
        return warnings

    @property
    def is_late(self) -> bool:
        """Submitted (the first time) after the end of the deadline day, local time."""
        if self.first_submitted_at is None:
            return False
        return timezone.localdate(self.first_submitted_at) > self.period.deadline


NOTE_MAX_LENGTH = 1000


class FieldResult(models.Model):
    """A report's figures for one field: registered ≥ built ≥ recognized ≥ commended, collective and
    individual. The stages are cumulative, like a model's stages: a model built was registered, a
    recognized one was built."""

    STAGES = ("registered", "built", "recognized", "commended")
    FIGURES = (
        "registered_collective",
        "registered_individual",
        "built_collective",
        "built_individual",
        "recognized_collective",
        "recognized_individual",
        "commended_collective",
        "commended_individual",
    )
    # (smaller, larger) pairs of the rule commended ≤ recognized ≤ built ≤ registered; the error
    # goes on the smaller one, the figure that was typed too high.
    ORDER_RULES = (
        (
            "built_collective",
            "registered_collective",
            "Số xây dựng không được lớn hơn số đăng ký ({}).",
        ),
        (
            "built_individual",
            "registered_individual",
            "Số xây dựng không được lớn hơn số đăng ký ({}).",
        ),
        (
            "recognized_collective",
            "built_collective",
            "Số công nhận không được lớn hơn số xây dựng ({}).",
        ),
        (
            "recognized_individual",
            "built_individual",
            "Số công nhận không được lớn hơn số xây dựng ({}).",
        ),
        (
            "commended_collective",
            "recognized_collective",
            "Số khen thưởng không được lớn hơn số công nhận ({}).",
        ),
        (
            "commended_individual",
            "recognized_individual",
            "Số khen thưởng không được lớn hơn số công nhận ({}).",
        ),
    )

    report = models.ForeignKey(
        CampaignReport, verbose_name="báo cáo", on_delete=models.CASCADE, related_name="field_results"
    )
    field = models.ForeignKey(
        Field, verbose_name="lĩnh vực", on_delete=models.PROTECT, related_name="results"
    )
    registered_collective = models.PositiveIntegerField("đăng ký — tập thể", default=0)
    registered_individual = models.PositiveIntegerField("đăng ký — cá nhân", default=0)
    built_collective = models.PositiveIntegerField("xây dựng — tập thể", default=0)
    built_individual = models.PositiveIntegerField("xây dựng — cá nhân", default=0)
    recognized_collective = models.PositiveIntegerField("công nhận — tập thể", default=0)
    recognized_individual = models.PositiveIntegerField("công nhận — cá nhân", default=0)
    commended_collective = models.PositiveIntegerField("khen thưởng — tập thể", default=0)
    commended_individual = models.PositiveIntegerField("khen thưởng — cá nhân", default=0)
    note = models.TextField(
        "ghi chú",
        max_length=NOTE_MAX_LENGTH,
        blank=True,
        help_text="Giải thích của đơn vị về số liệu lĩnh vực này; tỉnh xem khi duyệt và trong tệp xuất.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ("field__order", "field__name")
        verbose_name = "kết quả theo lĩnh vực"
        verbose_name_plural = "kết quả theo lĩnh vực"
        constraints = [
            models.UniqueConstraint(fields=["report", "field"], name="result_one_per_field"),
            models.CheckConstraint(
                condition=Q(built_collective__lte=F("registered_collective"))
                & Q(built_individual__lte=F("registered_individual"))
                & Q(recognized_collective__lte=F("built_collective"))
                & Q(recognized_individual__lte=F("built_individual"))
                & Q(commended_collective__lte=F("recognized_collective"))
                & Q(commended_individual__lte=F("recognized_individual")),
                name="result_commended_le_recognized_le_built_le_registered",
                violation_error_message="Khen thưởng ≤ công nhận ≤ xây dựng ≤ đăng ký.",
            ),
        ]

    def __str__(self):
        return f"{self.report} — {self.field}"

    def clean(self):
        errors = {}
        for smaller, larger, message in self.ORDER_RULES:
            a, b = getattr(self, smaller), getattr(self, larger)
            if a is not None and b is not None and a > b:
                errors[smaller] = message.format(b)
        if errors:
            raise ValidationError(errors)

    @property
    def registered(self):
        return self.registered_collective + self.registered_individual

    @property
    def built(self):
        return self.built_collective + self.built_individual

    @property
    def recognized(self):
        return self.recognized_collective + self.recognized_individual

    @property
    def commended(self):
        return self.commended_collective + self.commended_individual

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.FIGURES)


class ReportReminder(models.Model):
    """One deadline reminder e-mailed to one unit for one period (`send_report_reminders`).

    Written only once the mail was accepted by the SMTP server; the unique constraint makes each
    reminder go out once however often the daily job runs, and a run that failed half-way sends
    the rest, and only the rest, when it runs again.
    """

    class Kind(models.TextChoices):
        WEEK_BEFORE = "week_before", "Trước hạn 7 ngày"
        DAY_BEFORE = "day_before", "Trước hạn 1 ngày"
        DAY_AFTER = "day_after", "Sau hạn 1 ngày"

    period = models.ForeignKey(
        ReportingPeriod, verbose_name="kỳ báo cáo", on_delete=models.CASCADE, related_name="reminders"
    )
    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField("lời nhắc", max_length=12, choices=Kind.choices)
    recipients = models.TextField("gửi tới", blank=True)
    sent_at = models.DateTimeField("gửi lúc", default=timezone.now)

    class Meta:
        ordering = ("-sent_at",)
        verbose_name = "lời nhắc hạn nộp"
        verbose_name_plural = "lời nhắc hạn nộp"
        constraints = [
            models.UniqueConstraint(fields=["period", "unit", "kind"], name="reminder_once_per_unit_kind"),
        ]

    def __str__(self):
        return f"{self.unit} — {self.period}: {self.get_kind_display()}"


def approved_records():
    """The stages approved reports record for the model of the outer query (`OuterRef("pk")`)."""
    return ModelProgress.objects.filter(model=OuterRef("pk"), report__status=CampaignReport.Status.APPROVED)


class ExemplaryModelQuerySet(models.QuerySet):
    def showcased(self):
        """What the public showcase shows: models an approved report records as recognized or
        commended (in any period of their history), as kept in `showcased_year`."""
        return self.filter(showcased_year__isnull=False)

    def refresh_showcase(self) -> int:
        """Recompute `showcased_year` of these models from their approved reports: the latest
        year one recorded the model, if one recorded it recognized or commended; else empty.
        Kept by reports.apps whenever a report, a model's stage in it, a period or the model
        itself is saved or deleted."""
        approved = approved_records()
        shown = approved.filter(stage__in=[ExemplaryModel.Stage.RECOGNIZED, ExemplaryModel.Stage.COMMENDED])
        last = approved.order_by("-report__period__year").values("report__period__year")[:1]
        return self.update(showcased_year=Case(When(Exists(shown), then=Subquery(last)), default=None))

    def showcased_in(self, *, year=None, unit_slug=None):
        """Models an approved report of `year` and/or of the unit `unit_slug` records (no
        duplicate rows)."""
        approved = approved_records()
        if year:
            approved = approved.filter(report__period__year=year)
        if unit_slug:
            approved = approved.filter(report__unit__slug=unit_slug)
        return self.filter(Exists(approved))

    def for_list(self):
        return self.select_related("field", "unit")


class ExemplaryModel(TimeStamped):
    """A "mô hình / điển hình Dân vận khéo": it belongs to its unit and lives across periods;
    each report records the stage it reached in that period (`ModelProgress`), and `stage` is
    the stage of its latest period."""

    class Kind(models.TextChoices):
        COLLECTIVE = "collective", "Tập thể"
        INDIVIDUAL = "individual", "Cá nhân"

    class Stage(models.TextChoices):
        REGISTERED = "registered", "Đăng ký"
        BUILT = "built", "Xây dựng"
        RECOGNIZED = "recognized", "Được công nhận"
        COMMENDED = "commended", "Được khen thưởng"

    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị",
        on_delete=models.PROTECT,
        related_name="exemplary_models",
        help_text="Đơn vị đang theo dõi mô hình; sau sáp nhập là đơn vị kế thừa.",
    )
    name = models.CharField("tên mô hình", max_length=300)
    slug = models.SlugField("đường dẫn", max_length=320, unique=True, blank=True, editable=False)
    field = models.ForeignKey(
        Field, verbose_name="lĩnh vực", on_delete=models.PROTECT, related_name="exemplary_models"
    )
    kind = models.CharField("loại", max_length=12, choices=Kind.choices, default=Kind.COLLECTIVE)
    holder = models.CharField(
        "chủ thể", max_length=300, help_text="Tập thể hoặc cá nhân thực hiện, ở đâu (xã, bản, cơ quan)."
    )
    stage = models.CharField("mức đạt", max_length=12, choices=Stage.choices, default=Stage.REGISTERED)
    description = models.TextField("cách làm", blank=True)
    results = models.TextField("kết quả đạt được", blank=True)
    photo = models.ImageField(
        "ảnh",
        upload_to="models/%Y/",
        blank=True,
        validators=[validate_new_photo],
        width_field="photo_width",
        height_field="photo_height",
    )
    photo_width = models.PositiveSmallIntegerField(null=True, editable=False)
    photo_height = models.PositiveSmallIntegerField(null=True, editable=False)
    # The showcase's filter and order, kept from the approved reports (`refresh_showcase`).
    showcased_year = models.PositiveSmallIntegerField("năm ghi nhận gần nhất", null=True, editable=False)

    history = HistoricalRecords(excluded_fields=["photo_width", "photo_height", "showcased_year"])
    objects = ExemplaryModelQuerySet.as_manager()

    class Meta:
        ordering = ("field__order", "pk")
        verbose_name = "mô hình Dân vận khéo"
        verbose_name_plural = "mô hình Dân vận khéo"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("reports:model_detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(ExemplaryModel, self.name, instance_pk=self.pk)
        if images.is_new_upload(self.photo):
            # A fresh upload: keep only our re-encoded copy (no EXIF/GPS, no hidden payload).
            jpeg = images.reencode(self.photo.file, self.photo.name, 1600)
            self.photo.save(jpeg.name, jpeg, save=False)  # the .jpg name: the content is JPEG now
        super().save(*args, **kwargs)


class ModelProgress(models.Model):
    """The stage an `ExemplaryModel` reached in one report's period: one row per report and model,
    so one model keeps its history of stages across periods (SPEC "Units over time")."""

    report = models.ForeignKey(
        CampaignReport, verbose_name="báo cáo", on_delete=models.CASCADE, related_name="progress"
    )
    model = models.ForeignKey(
        ExemplaryModel, verbose_name="mô hình", on_delete=models.CASCADE, related_name="progress"
    )
    stage = models.CharField("mức đạt trong kỳ", max_length=12, choices=ExemplaryModel.Stage.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ("report__period__deadline", "pk")
        verbose_name = "mức đạt của mô hình trong kỳ"
        verbose_name_plural = "mức đạt của mô hình trong kỳ"
        constraints = [
            models.UniqueConstraint(fields=["report", "model"], name="progress_one_per_report_model"),
        ]

    def __str__(self):
        return f"{self.model} — {self.report.period}: {self.get_stage_display()}"
