"""The benchmark's reporting data (`seed_demo --size large`): 135 units × 10 periods of reports,
with figures for every field and exemplary models, written in bulk. Idempotent.

Bulk writes skip `save()` and history: slugs are set here, and the figures obey the same
commended ≤ recognized ≤ built ≤ registered rule the form and the database enforce.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from danvan_site.text import vn_slugify

from .models import CampaignReport, ExemplaryModel, Field, FieldResult, ModelProgress, ReportingPeriod, Unit

LARGE_UNITS = 135  # Nghệ An's commune-level units and Party committees since 01/07/2025
LARGE_PERIODS = 10
MODELS_PER_REPORT = 3
MODEL_NAMES = [
    "Chi hội phụ nữ tiết kiệm giúp nhau làm kinh tế",
    "Tổ tự quản đường làng, ngõ xóm sáng – xanh – sạch",
    "Dòng họ khuyến học",
    "Bản du lịch cộng đồng",
    "Người có uy tín vận động đồng bào bỏ hủ tục",
    "Tổ hòa giải ở cơ sở",
]


def _units(count: int, period: ReportingPeriod) -> list[Unit]:
    """`count` units expected by `period`: those in force on its deadline, padded with archive
    units in force on that day only (so they never show in another period's summary)."""
    have = list(period.expected_units().order_by("order", "pk")[:count])
    missing = count - len(have)
    if missing > 0:
        tag = period.deadline.isoformat()
        start = Unit.objects.filter(name__startswith=f"Đơn vị lưu trữ {tag}").count() + 1
        Unit.objects.bulk_create(
            [
                Unit(
                    name=f"Đơn vị lưu trữ {tag} số {n}",
                    slug=f"don-vi-luu-tru-{tag}-{n}",
                    order=1000 + n,
                    valid_from=period.deadline,
                    valid_to=period.deadline,
                )
                for n in range(start, start + missing)
            ]
        )
        have = list(period.expected_units().order_by("order", "pk")[:count])
    return have


def _periods(count: int) -> list[ReportingPeriod]:
    have = list(ReportingPeriod.objects.order_by("-year", "pk")[:count])
    year = min((p.year for p in have), default=date.today().year) - 1
    while len(have) < count:
        name = f"Năm {year} (lưu trữ)"
        period, _ = ReportingPeriod.objects.get_or_create(
            name=name,
            defaults={
                "slug": vn_slugify(name),
                "year": year,
                "kind": ReportingPeriod.Kind.YEAR,
                "deadline": date(year, 12, 15),
                "is_open": False,
            },
        )
        have.append(period)
        year -= 1
    return have


def _figures(rnd: random.Random) -> dict:
    figures = {}
    for kind in ("collective", "individual"):
        registered = rnd.randint(0, 60)
        built = rnd.randint(0, registered)
        recognized = rnd.randint(0, built)
        figures[f"registered_{kind}"] = registered
        figures[f"built_{kind}"] = built
        figures[f"recognized_{kind}"] = recognized
        figures[f"commended_{kind}"] = rnd.randint(0, recognized)
    return figures


def seed_large_reports(stdout=None, units: int = LARGE_UNITS, periods: int = LARGE_PERIODS) -> int:
    """Reports for every unit × period that has none yet; returns how many were written."""
    rnd = random.Random(2010)
    period_list = _periods(periods)
    expected = {period.pk: _units(units, period) for period in period_list}
    fields = list(Field.objects.all())
    existing = set(CampaignReport.objects.values_list("unit_id", "period_id"))
    statuses = [CampaignReport.Status.APPROVED] * 8 + [
        CampaignReport.Status.SUBMITTED,
        CampaignReport.Status.DRAFT,
    ]
    reports = []
    for period in period_list:
        deadline = timezone.make_aware(datetime.combine(period.deadline, time(17)))
        for district in expected[period.pk]:
            if (district.pk, period.pk) in existing:
                continue
            status = rnd.choice(statuses)
            submitted = (
                None
                if status == CampaignReport.Status.DRAFT
                else deadline - timedelta(days=rnd.randint(-5, 20))
            )
            reports.append(
                CampaignReport(
                    unit=district,
                    period=period,
                    status=status,
                    summary=f"<p>Phong trào thi đua “Dân vận khéo” ở {district.name} năm {period.year}.</p>",
                    submitted_at=submitted,
                    first_submitted_at=submitted,
                    reviewed_at=submitted + timedelta(days=3)
                    if status == CampaignReport.Status.APPROVED
                    else None,
                )
            )
    CampaignReport.objects.bulk_create(reports, batch_size=500)
    reports = list(
        CampaignReport.objects.filter(
            unit__in={u for units_ in expected.values() for u in units_},
            period__in=period_list,
            field_results__isnull=True,
        ).distinct()
    )
    results, models = [], []
    for report in reports:
        results += [FieldResult(report=report, field=field, **_figures(rnd)) for field in fields]
        for k in range(MODELS_PER_REPORT):
            name = MODEL_NAMES[(report.pk + k) % len(MODEL_NAMES)]
            models.append(
                ExemplaryModel(
                    unit_id=report.unit_id,
                    name=name,
                    slug=f"luu-tru-{report.pk}-{k}-{vn_slugify(name)}"[:300],
                    field=fields[(report.pk + k) % len(fields)],
                    kind=ExemplaryModel.Kind.COLLECTIVE if k % 2 else ExemplaryModel.Kind.INDIVIDUAL,
                    holder="Thôn, bản trong đơn vị",
                    stage=[ExemplaryModel.Stage.RECOGNIZED, ExemplaryModel.Stage.COMMENDED][k % 2],
                    description="Vận động Nhân dân cùng làm, cùng hưởng.",
                    results="Đời sống người dân được nâng lên.",
                )
            )
    FieldResult.objects.bulk_create(results, batch_size=1000)
    ExemplaryModel.objects.bulk_create(models, batch_size=1000)
    # Each model's stage in the report that put it forward (bulk_create sets the pks on
    # PostgreSQL and SQLite alike); the slug names that report.
    by_slug = dict(ExemplaryModel.objects.filter(slug__in=[m.slug for m in models]).values_list("slug", "pk"))
    ModelProgress.objects.bulk_create(
        [
            ModelProgress(report_id=int(m.slug.split("-")[2]), model_id=by_slug[m.slug], stage=m.stage)
            for m in models
        ],
        batch_size=1000,
    )
    if stdout:
        stdout.write(f"  báo cáo: {len(reports)} ({len(results)} dòng số liệu, {len(models)} mô hình)")
    return len(reports)
