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


def _expected_units(count: int, periods: list[ReportingPeriod]) -> dict[int, list[Unit]]:
    """`count` units expected by each period: those in force on its deadline, padded with one
    pool of archive units in force across every period that lacks units (before the 2025 reform
    a province had fewer), so that, as in a real province, the same units report period after
    period."""
    short = [p for p in periods if p.expected_units().count() < count]
    if short:
        missing = count - min(p.expected_units().count() for p in short)
        start = Unit.objects.filter(name__startswith="Đơn vị lưu trữ số ").count() + 1
        Unit.objects.bulk_create(
            [
                Unit(
                    name=f"Đơn vị lưu trữ số {n}",
                    slug=f"don-vi-luu-tru-{n}",
                    order=1000 + n,
                    valid_from=min(p.deadline for p in short),
                    valid_to=max(p.deadline for p in short),
                )
                for n in range(start, start + missing)
            ]
        )
    return {p.pk: list(p.expected_units().order_by("order", "pk")[:count]) for p in periods}


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
    expected = _expected_units(units, period_list)
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
    ExemplaryModel.objects.filter(pk__in=by_slug.values()).refresh_showcase()  # bulk_create sends no signal
    if stdout:
        stdout.write(f"  báo cáo: {len(reports)} ({len(results)} dòng số liệu, {len(models)} mô hình)")
    return len(reports)
