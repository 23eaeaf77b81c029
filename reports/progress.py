"""One exemplary model across periods: the order of its stages, and the checks that tie a
report's models to its figures (SPEC "Units over time", last rule).

The figures are entered, not computed: units report totals ("đăng ký 53 mô hình") and name only
some of the models behind them. What a report names must fit in what it counts, so on submit each
figure is checked against the named models: a field's collective "công nhận" figure may not be
lower than the number of collective models of that field the report names as recognized or
commended. Stages are cumulative, like the figures (commended ≤ recognized ≤ built ≤ registered):
the "xây dựng" figure counts the models built, so a model named at stage xây dựng, công nhận or
khen thưởng counts there and in "đăng ký".
"""

from collections import defaultdict

from .models import ExemplaryModel, ModelProgress

Stage = ExemplaryModel.Stage
STAGE_ORDER = {Stage.REGISTERED: 0, Stage.BUILT: 1, Stage.RECOGNIZED: 2, Stage.COMMENDED: 3}
# Which stages each figure counts.
FIGURE_STAGES = {
    "registered": (Stage.REGISTERED, Stage.BUILT, Stage.RECOGNIZED, Stage.COMMENDED),
    "built": (Stage.BUILT, Stage.RECOGNIZED, Stage.COMMENDED),
    "recognized": (Stage.RECOGNIZED, Stage.COMMENDED),
    "commended": (Stage.COMMENDED,),
}
FIGURE_LABELS = {
    "registered": "đăng ký",
    "built": "xây dựng",
    "recognized": "công nhận",
    "commended": "khen thưởng",
}


def stage_label(stage) -> str:
    return Stage(stage).label


def backwards_message(model, stage, period, other_progress) -> str | None:
    """A stage that goes backwards is refused: `stage` in `period` may not be below a stage the
    model reached in an earlier period, nor above one it reached in a later period."""
    rank = STAGE_ORDER[stage]
    for p in other_progress:
        other = p.report.period
        if other.deadline <= period.deadline and STAGE_ORDER[p.stage] > rank:
            return (
                f"Mô hình đã đạt mức “{stage_label(p.stage)}” ở kỳ {other.name}; "
                f"mức đạt không được lùi về “{stage_label(stage)}”."
            )
        if other.deadline > period.deadline and STAGE_ORDER[p.stage] < rank:
            return (
                f"Ở kỳ sau ({other.name}) mô hình mới ở mức “{stage_label(p.stage)}”; "
                f"kỳ này không thể đã đạt “{stage_label(stage)}”."
            )
    return None


def other_progress_by_model(model_ids, report_id) -> dict[int, list[ModelProgress]]:
    """The stages the models reached in other reports, in one query."""
    found = defaultdict(list)
    qs = ModelProgress.objects.filter(model_id__in=model_ids).select_related("report__period")
    if report_id:
        qs = qs.exclude(report_id=report_id)
    for p in qs:
        found[p.model_id].append(p)
    return found


def named_counts(rows) -> dict:
    """{(field_id, kind): {"registered": n, "built": n, "recognized": n, "commended": n}} from
    (field_id, kind, stage) rows: how many named models each figure must at least count."""
    counts = defaultdict(lambda: dict.fromkeys(FIGURE_STAGES, 0))
    for field_id, kind, stage in rows:
        for figure, stages in FIGURE_STAGES.items():
            if stage in stages:
                counts[(field_id, kind)][figure] += 1
    return counts


def shortfalls(figures_by_field: dict, counts: dict) -> list[tuple[int, str, str]]:
    """(field_id, figure name, message) for each figure below the models the report names.

    figures_by_field: {field_id: {figure name: value}} with the FieldResult.FIGURES.
    """
    found = []
    for (field_id, kind), need in sorted(counts.items(), key=lambda item: (item[0][0], item[0][1])):
        figures = figures_by_field.get(field_id, {})
        kind_label = ExemplaryModel.Kind(kind).label.lower()
        for figure, n in need.items():
            name = f"{figure}_{kind}"
            if figures.get(name, 0) < n:
                found.append(
                    (
                        field_id,
                        name,
                        f"Báo cáo nêu tên {n} mô hình {kind_label} mức {FIGURE_LABELS[figure]} trở lên ở "
                        f"lĩnh vực này: số {FIGURE_LABELS[figure]} không được nhỏ hơn {n}.",
                    )
                )
    return found


def saved_shortfalls(report) -> list[str]:
    """`shortfalls` of a saved report (the confirmation page submits what is stored)."""
    figures = {r.field_id: {n: getattr(r, n) for n in r.FIGURES} for r in report.field_results.all()}
    rows = report.progress.values_list("model__field_id", "model__kind", "stage")
    names = dict(report.field_results.values_list("field_id", "field__name"))
    return [f"{names.get(fid, '')}: {msg}" for fid, _, msg in shortfalls(figures, named_counts(rows))]


def latest_stage(model) -> str:
    """The stage of the model's latest period: what the showcase and carry-over go by."""
    last = model.progress.order_by("-report__period__deadline", "-pk").values_list("stage", flat=True).first()
    return last or model.stage


def holdable_unit_ids(unit) -> set[int]:
    """The unit and every unit it succeeded, through any number of mergers."""
    from .models import Unit

    links = {}
    for successor_id, predecessor_id in Unit.predecessors.through.objects.values_list(
        "from_unit_id", "to_unit_id"
    ):
        links.setdefault(successor_id, []).append(predecessor_id)
    found, frontier = {unit.pk}, [unit.pk]
    while frontier:
        frontier = [p for u in frontier for p in links.get(u, ()) if p not in found]
        found.update(frontier)
    return found


def over_quota(period, reports) -> list[str]:
    """The units whose report names more models than the period's quota for their kind (a
    warning on the form; the province sees it in the summary). Two queries."""
    from django.db.models import Count

    quotas = {q.unit_kind: q for q in period.quotas.all()}
    if not quotas:
        return []
    by_report = {r.pk: r for r in reports}
    counts = (
        ModelProgress.objects.filter(report_id__in=by_report)
        .values("report_id", "model__kind")
        .annotate(n=Count("pk"))
    )
    found = []
    for row in sorted(
        counts, key=lambda c: (by_report[c["report_id"]].unit.order, by_report[c["report_id"]].unit.name)
    ):
        report = by_report[row["report_id"]]
        quota = quotas.get(report.unit.kind)
        if quota is None:
            continue
        kind = ExemplaryModel.Kind(row["model__kind"])
        limit = quota.collective if kind == ExemplaryModel.Kind.COLLECTIVE else quota.individual
        if row["n"] > limit:
            found.append(f"{report.unit.name}: {row['n']} mô hình {kind.label.lower()}, chỉ tiêu {limit}")
    return found
