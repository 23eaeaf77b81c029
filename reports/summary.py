"""The province summary of one period: units × fields, totals, completeness — one source for the
page, the CSV and the XLSX, so their totals cannot disagree.

A fixed number of queries whatever the number of units: fields, units, reports, summed figures,
the units' notes on their figures.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.safestring import mark_safe

from .models import CampaignReport, Field, FieldResult, ReportingPeriod, Unit, former_district_map
from .progress import over_quota

STAGES = (
    ("registered", "Đăng ký"),
    ("built", "Xây dựng"),
    ("recognized", "Công nhận"),
    ("commended", "Khen thưởng"),
)
KINDS = (("collective", "Tập thể"), ("individual", "Cá nhân"))


@dataclass
class Cell:
    registered: int = 0
    built: int = 0
    recognized: int = 0
    commended: int = 0

    def add(self, other: "Cell"):
        self.registered += other.registered
        self.built += other.built
        self.recognized += other.recognized
        self.commended += other.commended

    def values(self):
        return (self.registered, self.built, self.recognized, self.commended)


@dataclass
class Row:
    unit: Unit
    report: CampaignReport | None
    cells: list[Cell]
    is_counted: bool = False
    total: Cell = field(default_factory=Cell)
    notes: list[tuple[Field, str]] = field(default_factory=list)  # the unit's note on a field's figures

    @property
    def status(self) -> str:
        """The row's status for the status filter: a report status, or "missing"."""
        return self.report.status if self.report else MISSING

    @property
    def figure_cells(self):
        return figure_cells(self.total, self.cells)

    @property
    def embed_cells(self):
        """The `<td>`s of this row in an article's table (reports.embeds): each field's figures
        then the totals. Built here for the reason given in `figure_cells`."""
        return mark_safe(
            "".join(f"<td>{v}</td>" for cell in [*self.cells, self.total] for v in cell.values())
        )  # noqa: S308 - integers only


@dataclass
class Group:
    """The rows of one former district (SPEC "Units over time"), with its totals; `unit` None
    holds the Party committees and any unit not traced to a district."""

    unit: Unit | None
    rows: list[Row]
    cells: list[Cell]
    total: Cell = field(default_factory=Cell)

    @property
    def label(self) -> str:
        return self.unit.name if self.unit else OTHER_GROUP_LABEL

    @property
    def key(self) -> str:
        return self.unit.slug if self.unit else "khac"

    @property
    def figure_cells(self):
        return figure_cells(self.total, self.cells)


@dataclass
class FieldBreakdown:
    """One field's figures for the chart and the second table."""

    field: Field
    figures: dict

    def stage(self, stage: str) -> int:
        return self.figures[f"{stage}_collective"] + self.figures[f"{stage}_individual"]


@dataclass
class Comparison:
    """One line of "So với cùng kỳ": this period's totals beside the previous period's."""

    label: str
    current: Cell
    previous: Cell

    def change(self) -> tuple[int, ...]:
        return tuple(a - b for a, b in zip(self.current.values(), self.previous.values(), strict=True))


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
    groups: list[Group] = field(default_factory=list)
    previous_period: ReportingPeriod | None = None
    compare_fields: list[Comparison] = field(default_factory=list)
    compare_groups: list[Comparison] = field(default_factory=list)
    compare_total: "Comparison | None" = None
    options: "SummaryOptions | None" = None

    @property
    def is_overdue(self) -> bool:
        """The deadline day is over: units that have not submitted are now late."""
        return timezone.localdate() > self.period.deadline

    def chart(self, width: int = 340, bar_height: int = 16, gap: int = 40):
        """Bars (one per stage) per field, scaled to the largest figure (registered: the stages
        are cumulative)."""
        largest = max([b.stage("registered") for b in self.by_field] + [1])
        bars = []
        for i, breakdown in enumerate(self.by_field):
            y = 28 + i * (len(STAGES) * bar_height + gap)
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
        height = 28 + len(self.by_field) * (len(STAGES) * bar_height + gap)
        return {"bars": bars, "height": height, "width": width, "bar_height": bar_height}


def figure_cells(total: Cell, cells: list[Cell]):
    """The `<td>`s of one table row: the totals (one per stage) then each field's. Built here
    rather than in the template: at 135 units × 24 figures the template's
    per-variable lookups were most of the page's cost. Only integers go in, so nothing to escape."""
    out = [f'<td class="total">{v}</td>' for v in total.values()]
    out += [f"<td>{v}</td>" for cell in cells for v in cell.values()]
    return mark_safe("".join(out))  # noqa: S308 - integers only


MISSING = "missing"
OTHER_GROUP_LABEL = "Đảng ủy trực thuộc và đơn vị khác"
STATUS_FILTERS = [(MISSING, "Chưa có báo cáo"), *CampaignReport.Status.choices]


@dataclass(frozen=True)
class SummaryOptions:
    """What the viewer chose on the summary page (and its exports): filters and sort order.

    `sort` is "name", "total-<stage>" or "<field pk>-<stage>"; anything else sorts by the units'
    own order. Rows sort inside their group, groups by their own totals of the same column.
    """

    kind: str = ""
    status: str = ""
    sort: str = ""
    descending: bool = False
    folded: bool = False  # groups shown folded (their totals only) when the page opens
    include_submitted: bool = False  # kept in links only: build_summary gets it on its own

    @classmethod
    def from_query(cls, query) -> "SummaryOptions":
        kind = query.get("loai", "")
        status = query.get("tinh-trang", "")
        sort = query.get("sap-xep", "")
        return cls(
            kind=kind if kind in Unit.Kind.values else "",
            status=status if status in dict(STATUS_FILTERS) else "",
            sort=sort if len(sort) <= 40 else "",
            descending=query.get("chieu") == "giam",
            folded=query.get("thu-gon") == "1",
            include_submitted=query.get("include_submitted") == "1",
        )

    def cache_key(self) -> str:
        return f"{self.kind}:{self.status}:{self.sort}:{int(self.descending)}:{int(self.folded)}"

    def query(self, **changes) -> str:
        """This choice as a query string (for links and exports), with `changes` applied."""
        values = {"loai": self.kind, "tinh-trang": self.status, "sap-xep": self.sort}
        if self.descending:
            values["chieu"] = "giam"
        if self.folded:
            values["thu-gon"] = "1"
        if self.include_submitted:
            values["include_submitted"] = "1"
        values.update(changes)
        return urlencode({k: v for k, v in values.items() if v})

    # Links of the summary page's tools, each keeping the rest of the viewer's choice.
    @property
    def fold_query(self):
        return self.query(**{"thu-gon": "1"})

    @property
    def unfold_query(self):
        return self.query(**{"thu-gon": ""})

    @property
    def approved_only_query(self):
        return self.query(include_submitted="")

    @property
    def with_submitted_query(self):
        return self.query(include_submitted="1")

    @property
    def unfiltered_query(self):
        return self.query(loai="", **{"tinh-trang": ""})

    def sort_value(self, fields: list[Field]):
        """A function giving the sort value of a Row or a Group, or None for the default order."""
        if self.sort == "name":
            return lambda item: (item.label if isinstance(item, Group) else item.unit.name).casefold()
        column, _, stage = self.sort.rpartition("-")
        if stage not in dict(STAGES):
            return None
        if column == "total":
            return lambda item: getattr(item.total, stage)
        index = {str(f.pk): i for i, f in enumerate(fields)}.get(column)
        if index is None:
            return None
        return lambda item: getattr(item.cells[index], stage)


def previous_period_of(period: ReportingPeriod) -> ReportingPeriod | None:
    """The period of the same kind just before `period` ("cùng kỳ" of the year before)."""
    return (
        ReportingPeriod.objects.filter(kind=period.kind, deadline__lt=period.deadline)
        .order_by("-deadline")
        .first()
    )


def _figures_by_unit(reports, *, with_notes: bool = False):
    """(unit pk → its rows of figures, one per field) of `reports`, in one query.

    No SUM is needed: a unit has one report per period and a report one result per field (both
    unique in the database), so each (unit, field) has one row. `reports` is a queryset, sent as
    a subquery rather than as a list of ids. With `with_notes` each row also carries its note.
    """
    columns = ["report__unit_id", "field_id", *FieldResult.FIGURES]
    if with_notes:
        columns.append("note")
    by_unit = defaultdict(list)
    for s in FieldResult.objects.filter(report__in=reports).values(*columns):
        by_unit[s["report__unit_id"]].append(s)
    return by_unit


def _cell(s) -> Cell:
    return Cell(*(s[f"{stage}_collective"] + s[f"{stage}_individual"] for stage, _ in STAGES))


def build_summary(
    period: ReportingPeriod,
    reports,
    *,
    include_submitted: bool = False,
    unit_ids=None,
    options: SummaryOptions | None = None,
    with_review: bool = True,
):
    """Summarize `reports` (already scoped to the viewer) for `period`.

    Rows are the units in force on the period's deadline (or `unit_ids` for a unit viewer) plus
    any other unit that has a report in the period; only approved reports (and submitted ones
    when asked) add to the figures. Rows are grouped by former district; `options` filters them
    by kind and status and sorts them, and every total (group, column, grand) adds up the rows
    shown, so the page and its exports agree whatever was chosen.
    "So với cùng kỳ" compares with the previous period of the same kind, its figures grouped by
    former district the same way, so a 2026 commune counts under the district it came from.
    Without `with_review` (a summary placed in an article) what only the province's review reads
    is left out: "So với cùng kỳ", the units over quota and their notes on their figures.
    """
    options = options or SummaryOptions()
    # Active fields, and retired ones that still have figures in this period.
    in_period = FieldResult.objects.filter(report__period=period).values("field_id")
    fields = list(Field.objects.filter(Q(is_active=True) | Q(pk__in=in_period)))
    # Every report is of `period`: it is set on each rather than joined and built once per row.
    # The texts are not shown here and can be long.
    period_reports = list(
        reports.filter(period=period).select_related("unit").defer("summary", "review_note")
    )
    for report in period_reports:
        report.period = period
    statuses = CampaignReport.counted_statuses(include_submitted)
    counted_ids = frozenset(r.pk for r in period_reports if r.status in statuses)
    counted = reports.filter(period=period).counted(include_submitted)

    units = period.expected_units()
    if unit_ids is not None:
        units = units.filter(pk__in=unit_ids)
    units = {d.pk: d for d in units}
    expected = frozenset(units)  # the units this period expects a report from
    for report in period_reports:
        units.setdefault(report.unit_id, report.unit)
    by_unit = {r.unit_id: r for r in period_reports}
    # The counted figures with the units' notes on them: one pass, not one query per unit.
    figures_by_unit = _figures_by_unit(counted, with_notes=with_review)
    previous_period = previous_period_of(period) if with_review else None
    previous_by_unit = {}
    if previous_period is not None:
        previous_reports = reports.filter(period=previous_period).counted(include_submitted)
        if unit_ids is not None:
            previous_reports = previous_reports.filter(unit_id__in=unit_ids)
        previous_by_unit = _figures_by_unit(previous_reports)
    former = former_district_map(units.keys() | previous_by_unit.keys())

    notes_by_unit = defaultdict(list)
    for unit_id, rows in figures_by_unit.items() if with_review else ():
        notes_by_unit[unit_id] = [(s["field_id"], s["note"]) for s in rows if s["note"]]

    field_index = {f.pk: i for i, f in enumerate(fields)}
    column_totals = [Cell() for _ in fields]
    grand_total = Cell()
    six = {f.pk: dict.fromkeys(FieldResult.FIGURES, 0) for f in fields}
    groups: dict = {}
    for unit in sorted(units.values(), key=lambda d: (d.order, d.name)):
        cells = [Cell() for _ in fields]
        report = by_unit.get(unit.pk)
        row = Row(
            unit=unit, report=report, cells=cells, is_counted=report is not None and report.pk in counted_ids
        )
        if options.kind and unit.kind != options.kind:
            continue
        if options.status and row.status != options.status:
            continue
        row.notes = sorted(
            ((fields[field_index[fid]], note) for fid, note in notes_by_unit[unit.pk] if fid in field_index),
            key=lambda pair: field_index[pair[0].pk],
        )
        for s in figures_by_unit[unit.pk]:
            if s["field_id"] not in field_index:
                continue
            cell = _cell(s)
            cells[field_index[s["field_id"]]] = cell
            row.total.add(cell)
            for name in FieldResult.FIGURES:
                six[s["field_id"]][name] += s[name]
        district = former.get(unit.pk)
        key = district.pk if district else None
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(unit=district, rows=[], cells=[Cell() for _ in fields])
        group.rows.append(row)
        for i, cell in enumerate(cells):
            group.cells[i].add(cell)
            column_totals[i].add(cell)
        group.total.add(row.total)
        grand_total.add(row.total)

    ordered = sorted(groups.values(), key=lambda g: (g.unit is None, g.unit.order if g.unit else 0, g.label))
    sort_value = options.sort_value(fields)
    if sort_value is not None:
        ordered.sort(key=sort_value, reverse=options.descending)
        for group in ordered:
            group.rows.sort(key=sort_value, reverse=options.descending)

    compare_fields, compare_groups, compare_total = _compare(
        previous_period, previous_by_unit, fields, figures_by_unit, former
    )

    # A returned report was submitted and is waiting for the unit's corrections: it is listed
    # apart ("Bị trả lại — chờ sửa"), not as never submitted.
    submitted_states = (
        CampaignReport.Status.SUBMITTED,
        CampaignReport.Status.APPROVED,
        CampaignReport.Status.RETURNED,
    )
    missing = [
        unit
        for pk, unit in sorted(units.items(), key=lambda item: (item[1].order, item[1].name))
        if pk in expected and (pk not in by_unit or by_unit[pk].status not in submitted_states)
    ]
    returned = [r for r in period_reports if r.status == CampaignReport.Status.RETURNED]
    late = [r for r in period_reports if r.is_late]
    pending = [r for r in period_reports if r.status == CampaignReport.Status.SUBMITTED]
    return PeriodSummary(
        period=period,
        include_submitted=include_submitted,
        fields=fields,
        rows=[row for group in ordered for row in group.rows],
        column_totals=column_totals,
        grand_total=grand_total,
        by_field=[FieldBreakdown(f, six[f.pk]) for f in fields],
        missing=missing,
        late=late,
        pending=pending,
        over_quota=over_quota(period, period_reports) if with_review else [],
        returned=returned,
        groups=ordered,
        previous_period=previous_period,
        compare_fields=compare_fields,
        compare_groups=compare_groups,
        compare_total=compare_total,
        options=options,
    )


def _compare(previous, previous_by_unit, fields, current_by_unit, former):
    """ "So với cùng kỳ": this period's totals (all its units, whatever the filters) beside the
    previous period of the same kind (`previous`, its figures `previous_by_unit`, read in one
    query whatever the number of units), per field and per former district."""
    if previous is None:
        return [], [], None
    field_index = {f.pk: i for i, f in enumerate(fields)}
    labels = {}
    tallies = {}  # "current" / "previous" → (per field, per group, total)
    for which, by_unit in (
        ("current", current_by_unit),
        ("previous", previous_by_unit),
    ):
        by_field, by_group, total = [Cell() for _ in fields], defaultdict(Cell), Cell()
        for unit_pk, sums in by_unit.items():
            district = former.get(unit_pk)
            key = district.pk if district else None
            labels[key] = district
            for s in sums:
                cell = _cell(s)
                if s["field_id"] in field_index:
                    by_field[field_index[s["field_id"]]].add(cell)
                by_group[key].add(cell)
                total.add(cell)
        tallies[which] = (by_field, by_group, total)
    (cur_field, cur_group, cur_total), (prev_field, prev_group, prev_total) = (
        tallies["current"],
        tallies["previous"],
    )
    compare_fields = [Comparison(f.name, cur_field[i], prev_field[i]) for i, f in enumerate(fields)]
    keys = sorted(
        labels,
        key=lambda k: (k is None, labels[k].order if labels[k] else 0, labels[k].name if labels[k] else ""),
    )
    compare_groups = [
        Comparison(
            labels[k].name if labels[k] else OTHER_GROUP_LABEL,
            cur_group.get(k, Cell()),
            prev_group.get(k, Cell()),
        )
        for k in keys
    ]
    return compare_fields, compare_groups, Comparison("Tổng cộng", cur_total, prev_total)


@dataclass
class TrendRow:
    """One former district (or, with `unit` None, the Party committees and units not traced to
    a district) across several periods."""

    unit: Unit | None
    cells: list[Cell]

    @property
    def label(self) -> str:
        return self.unit.name if self.unit else OTHER_GROUP_LABEL


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
        row.cells[column[s["report__period_id"]]].add(_cell(s))
    return sorted(rows.values(), key=lambda r: (r.unit is None, r.unit.order if r.unit else 0, r.label))
