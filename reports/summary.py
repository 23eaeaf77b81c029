"""The province summary of one period: units × fields, totals, completeness — one source for the
page, the CSV and the XLSX, so their totals cannot disagree.

A fixed number of queries whatever the number of units: fields, units, reports, summed figures,
the units' notes on their figures.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, Sum
from django.utils import timezone

from .models import CampaignReport, Field, FieldResult, ReportingPeriod, Unit, former_district_map
from .progress import over_quota

STAGES = (("registered", "Đăng ký"), ("recognized", "Công nhận"), ("commended", "Khen thưởng"))
KINDS = (("collective", "Tập thể"), ("individual", "Cá nhân"))


@dataclass
class Cell:
    registered: int = 0
    recognized: int = 0
    commended: int = 0

    def add(self, other: "Cell"):
        self.registered += other.registered
        self.recognized += other.recognized
        self.commended += other.commended

    def values(self):
        return (self.registered, self.recognized, self.commended)


@dataclass
class Row:
    unit: Unit
    report: CampaignReport | None
    cells: list[Cell]
    is_counted: bool = False
    total: Cell = field(default_factory=Cell)
    notes: list[tuple[Field, str]] = field(default_factory=list)  # the unit's note on a field's figures


@dataclass
class FieldBreakdown:
    """One field's six figures for the chart and the second table."""

    field: Field
    figures: dict

    def stage(self, stage: str) -> int:
        return self.figures[f"{stage}_collective"] + self.figures[f"{stage}_individual"]


@dataclass
class PeriodSummary:
    period: ReportingPeriod
    include_submitted: bool
    fields: list[Field]
    rows: list[Row]
    column_totals: list[Cell]
    grand_total: Cell
    by_field: list[FieldBreakdown]
    missing: list[Unit]
    late: list[CampaignReport]
    pending: list[CampaignReport]
    returned: list[CampaignReport]
    over_quota: list[str] = field(default_factory=list)  # reports.progress.over_quota

    @property
    def is_overdue(self) -> bool:
        """The deadline day is over: units that have not submitted are now late."""
        return timezone.localdate() > self.period.deadline

    def chart(self, width: int = 340, bar_height: int = 16, gap: int = 40):
        """Bars (registered / recognized / commended) per field, scaled to the largest figure."""
        largest = max(
            [b.stage("registered") for b in self.by_field]
            + [b.stage("recognized") for b in self.by_field]
            + [1]
        )
        bars = []
        for i, breakdown in enumerate(self.by_field):
            y = 28 + i * (3 * bar_height + gap)
            stages = []
            for j, (stage, label) in enumerate(STAGES):
                value = breakdown.stage(stage)
                stages.append(
                    {
                        "stage": stage,
                        "label": label,
                        "value": value,
                        "y": y + j * bar_height,
                        "width": round(value / largest * width, 1),
                    }
                )
            bars.append({"field": breakdown.field, "y": y - 8, "stages": stages})
        height = 28 + len(self.by_field) * (3 * bar_height + gap)
        return {"bars": bars, "height": height, "width": width, "bar_height": bar_height}


def build_summary(period: ReportingPeriod, reports, *, include_submitted: bool = False, unit_ids=None):
    """Summarize `reports` (already scoped to the viewer) for `period`.

    Rows are the units in force on the period's deadline (or `unit_ids` for a unit viewer) plus
    any other unit that has a report in the period; only approved reports (and submitted ones
    when asked) add to the figures.
    """
    # Active fields, and retired ones that still have figures in this period.
    fields = list(Field.objects.filter(Q(is_active=True) | Q(results__report__period=period)).distinct())
    period_reports = list(reports.filter(period=period).select_related("unit", "period"))
    counted_ids = frozenset(r.pk for r in period_reports if _is_counted(r, include_submitted))

    units = period.expected_units()
    if unit_ids is not None:
        units = units.filter(pk__in=unit_ids)
    units = {d.pk: d for d in units}
    expected = frozenset(units)  # the units this period expects a report from
    for report in period_reports:
        units.setdefault(report.unit_id, report.unit)
    by_unit = {r.unit_id: r for r in period_reports}

    sums = (
        FieldResult.objects.filter(report_id__in=counted_ids)
        .values("report__unit_id", "field_id")
        .annotate(**{name: Sum(name) for name in FieldResult.FIGURES})
    )
    figures_by_unit = defaultdict(list)  # one pass over the sums, not one per unit
    for s in sums:
        figures_by_unit[s["report__unit_id"]].append(s)

    notes_by_unit = defaultdict(list)
    for unit_id, field_id, note in (
        FieldResult.objects.filter(report_id__in=counted_ids)
        .exclude(note="")
        .values_list("report__unit_id", "field_id", "note")
    ):
        notes_by_unit[unit_id].append((field_id, note))

    field_index = {f.pk: i for i, f in enumerate(fields)}
    column_totals = [Cell() for _ in fields]
    grand_total = Cell()
    six = {f.pk: dict.fromkeys(FieldResult.FIGURES, 0) for f in fields}
    rows = []
    for unit in sorted(units.values(), key=lambda d: (d.order, d.name)):
        cells = [Cell() for _ in fields]
        report = by_unit.get(unit.pk)
        row = Row(
            unit=unit,
            report=report,
            cells=cells,
            is_counted=report is not None and report.pk in counted_ids,
        )
        row.notes = sorted(
            ((fields[field_index[fid]], note) for fid, note in notes_by_unit[unit.pk] if fid in field_index),
            key=lambda pair: field_index[pair[0].pk],
        )
        for s in figures_by_unit[unit.pk]:
            field_id = s["field_id"]
            if field_id not in field_index:
                continue
            cell = Cell(
                s["registered_collective"] + s["registered_individual"],
                s["recognized_collective"] + s["recognized_individual"],
                s["commended_collective"] + s["commended_individual"],
            )
            cells[field_index[field_id]] = cell
            row.total.add(cell)
            column_totals[field_index[field_id]].add(cell)
            for name in FieldResult.FIGURES:
                six[field_id][name] += s[name]
        grand_total.add(row.total)
        rows.append(row)

    # A returned report was submitted and is waiting for the unit's corrections: it is listed
    # apart ("Bị trả lại — chờ sửa"), not as never submitted.
    submitted_states = (
        CampaignReport.Status.SUBMITTED,
        CampaignReport.Status.APPROVED,
        CampaignReport.Status.RETURNED,
    )
    missing = [
        row.unit
        for row in rows
        if row.unit.pk in expected and (row.report is None or row.report.status not in submitted_states)
    ]
    returned = [r for r in period_reports if r.status == CampaignReport.Status.RETURNED]
    late = [r for r in period_reports if r.is_late]
    pending = [r for r in period_reports if r.status == CampaignReport.Status.SUBMITTED]
    return PeriodSummary(
        period=period,
        include_submitted=include_submitted,
        fields=fields,
        rows=rows,
        column_totals=column_totals,
        grand_total=grand_total,
        by_field=[FieldBreakdown(f, six[f.pk]) for f in fields],
        missing=missing,
        late=late,
        pending=pending,
        over_quota=over_quota(period, period_reports),
        returned=returned,
    )


def _is_counted(report, include_submitted):
    if report.status == CampaignReport.Status.APPROVED:
        return True
    return include_submitted and report.status == CampaignReport.Status.SUBMITTED


@dataclass
class TrendRow:
    """One former district (or, with `unit` None, the Party committees and units not traced to
    a district) across several periods."""

    unit: Unit | None
    cells: list[Cell]

    @property
    def label(self) -> str:
        return self.unit.name if self.unit else OTHER_GROUP_LABEL


OTHER_GROUP_LABEL = "Đảng ủy trực thuộc và đơn vị khác"


def build_trend(periods: list[ReportingPeriod], reports) -> list[TrendRow]:
    """Approved figures of several periods per former district (`former_district_map`): a
    merged unit's reports count under the district that took it over, and a commune's under the
    district its territory came from, so 2024 and 2026 compare like with like."""
    groups = former_district_map()
    column = {p.pk: i for i, p in enumerate(periods)}
    sums = (
        FieldResult.objects.filter(report__in=reports.approved(), report__period_id__in=column)
        .values("report__unit_id", "report__period_id")
        .annotate(**{name: Sum(name) for name in FieldResult.FIGURES})
    )
    rows = {}
    for s in sums:
        unit = groups.get(s["report__unit_id"])
        row = rows.setdefault(unit.pk if unit else None, TrendRow(unit, [Cell() for _ in periods]))
        row.cells[column[s["report__period_id"]]].add(
            Cell(
                s["registered_collective"] + s["registered_individual"],
                s["recognized_collective"] + s["recognized_individual"],
                s["commended_collective"] + s["commended_individual"],
            )
        )
    return sorted(rows.values(), key=lambda r: (r.unit is None, r.unit.order if r.unit else 0, r.label))
