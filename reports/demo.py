"""Demo reports for a local try-out: periods, reports in every status, real figures, models.

Figures for Con Cuông 2020 and Kỳ Sơn 2020–2025 are the ones the districts published; the rest
are made up but obey commended ≤ recognized ≤ built ≤ registered. Periods are computed from the day it
runs (`demo_periods`). Idempotent: reports that exist are kept.
"""

import random
from datetime import date, datetime, time, timedelta
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from .models import (
    CampaignReport,
    ExemplaryModel,
    Field,
    FieldResult,
    ModelProgress,
    ModelQuota,
    ReportingPeriod,
    StaffProfile,
    Unit,
)
from .takeover import take_over

# Field order as seeded: kinh tế, văn hóa – xã hội, quốc phòng – an ninh, xây dựng hệ thống
# chính trị, xây dựng nông thôn mới – đô thị văn minh.
# Half-year and year periods fall due on these days (month, day).
HALF_YEAR_DEADLINE = (6, 15)
YEAR_DEADLINE = (12, 10)
FIRST_YEAR = 2020


def demo_periods(today: date) -> list[tuple]:
    """(name, year, kind, deadline, is_open) from 2020 up to the first period still due after
    `today`, so a try-out always has one open period whose deadline is ahead, last year's closed
    ones, and older ones back to 2020 — whatever the date it is run on. Half-year periods start
    in 2024; the 2020–2025 term closes in March 2025."""
    K = ReportingPeriod.Kind
    periods = [("Giai đoạn 2020–2025", 2025, K.TERM, date(2025, 3, 31))]
    for year in range(FIRST_YEAR, today.year + 2):
        if year >= 2024:
            periods.append((f"6 tháng đầu năm {year}", year, K.HALF_YEAR, date(year, *HALF_YEAR_DEADLINE)))
        periods.append((f"Năm {year}", year, K.YEAR, date(year, *YEAR_DEADLINE)))
    due = sorted(d for *_, d in periods if d > today)[0]
    return [(n, y, k, d, d == due) for n, y, k, d in periods if d <= due]


# Figures by field as (registered, recognized, commended) × (collective, individual); the
# "xây dựng" figures are given apart (`figure_values`).
# Con Cuông 2020: 53 models registered and built ("xây dựng được 16 mô hình kinh tế") — 16 kinh
# tế, 29 văn hóa – xã hội, 2 quốc phòng – an ninh, 1 xây dựng hệ thống chính trị, 5 nông thôn mới.
CON_CUONG_2020 = [
    (10, 6, 7, 4, 3, 2),
    (17, 12, 12, 8, 5, 3),
    (1, 1, 1, 1, 1, 0),
    (1, 0, 1, 0, 1, 0),
    (4, 1, 3, 1, 2, 1),
]
# Kỳ Sơn 2020–2025: 53 collective and 48 individual models commended at district level.
KY_SON_TERM = [
    (30, 26, 24, 22, 20, 18),
    (22, 20, 16, 15, 13, 12),
    (10, 9, 8, 8, 7, 6),
    (9, 8, 7, 6, 6, 5),
    (12, 10, 9, 8, 7, 7),
]


def figure_values(row, built=None) -> dict:
    """A FieldResult's figures from a (registered, recognized, commended) × (collective,
    individual) row; `built` (collective, individual) defaults to the recognized figures, the
    fewest built models the row shows (a recognized model was built)."""
    reg_c, reg_i, rec_c, rec_i, com_c, com_i = row
    built_c, built_i = built or (rec_c, rec_i)
    return dict(
        zip(FieldResult.FIGURES, (reg_c, reg_i, built_c, built_i, rec_c, rec_i, com_c, com_i), strict=True)
    )


MODELS = {
    "Huyện Con Cuông": [
        (
            "Bản du lịch cộng đồng Khe Rạn",
            0,
            "collective",
            "Bản Khe Rạn, xã Bồng Khê",
            "commended",
            "Vận động bà con giữ nếp nhà sàn, mở homestay, tổ chức đội văn nghệ phục vụ khách.",
            "Hơn 40 hộ có thu nhập thêm từ du lịch; không còn hộ đói.",
        ),
        (
            "Người có uy tín vận động đồng bào bỏ hủ tục",
            1,
            "individual",
            "Ông Lô Văn Hợi, bản Nưa, xã Môn Sơn",
            "recognized",
            "Đến từng nhà giải thích, làm trước cho bà con theo.",
            "Cả bản bỏ tục để người chết lâu ngày trong nhà.",
        ),
        (
            "Hiến đất mở đường giao thông nông thôn",
            4,
            "collective",
            "Xã Chi Khê",
            "recognized",
            "Họp dân công khai phương án, cán bộ, đảng viên hiến đất trước.",
            "Mở rộng 6,5 km đường liên thôn.",
        ),
    ],
    "Huyện Kỳ Sơn": [
        (
            "Trồng gừng theo chuỗi liên kết",
            0,
            "collective",
            "Xã Na Ngoi",
            "commended",
            "Tổ hợp tác ký hợp đồng bao tiêu với doanh nghiệp, cán bộ xã hướng dẫn kỹ thuật.",
            "Thu nhập bình quân tăng gấp đôi so với trồng ngô.",
        ),
        (
            "Già làng giữ bình yên biên giới",
            2,
            "individual",
            "Ông Vừ Chông Pao, xã Nậm Cắn",
            "commended",
            "Vận động con cháu tham gia tổ tự quản đường biên, cột mốc.",
            "Không có vụ việc phức tạp trên địa bàn.",
        ),
    ],
    "Huyện Quỳ Hợp": [
        (
            "Chi hội phụ nữ tiết kiệm giúp nhau làm kinh tế",
            0,
            "collective",
            "Chi hội phụ nữ bản Bìn, xã Châu Quang",
            "recognized",
            "Góp vốn xoay vòng, thăm hỏi lẫn nhau.",
            "27 hội viên được vay vốn không lãi.",
        ),
    ],
    "Thành phố Vinh": [
        (
            "Tuyến phố văn minh, sạch đẹp",
            4,
            "collective",
            "Khối 5, phường Hưng Dũng",
            "commended",
            "Nhân dân tự góp tiền trồng cây, lắp đèn chiếu sáng, camera an ninh.",
            "Tuyến phố đạt chuẩn văn minh đô thị.",
        ),
        (
            "Dân vận khéo trong cải cách hành chính",
            3,
            "individual",
            "Chị Nguyễn Thị Hà, bộ phận một cửa phường Lê Lợi",
            "registered",
            "Hướng dẫn người dân nộp hồ sơ trực tuyến ngay tại nhà văn hóa khối.",
            "Tỷ lệ hồ sơ trực tuyến đạt 85%.",
        ),
    ],
}

# The demo accounts' communes carry on their districts' best-known models: Xã Mường Xén has its
# own rows; Xã Con Cuông takes over Huyện Con Cuông's model in Chi Khê (now part of the commune)
# and leaves the one in Môn Sơn on offer, as its draft shows (reports.takeover).
MODELS["Xã Mường Xén"] = MODELS["Huyện Kỳ Sơn"][1:]
TAKEN_OVER = {"Xã Con Cuông": ("Huyện Con Cuông", "Hiến đất mở đường giao thông nông thôn")}

CON_CUONG_2020_FIGURES = [figure_values(row, built=row[:2]) for row in CON_CUONG_2020]

SUMMARY = (
    "<p>Năm qua, phong trào thi đua “Dân vận khéo” tiếp tục được cấp ủy, chính quyền quan tâm lãnh đạo, "
    "chỉ đạo; nhiều mô hình gắn với phát triển kinh tế, giữ gìn bản sắc văn hóa và bảo đảm quốc phòng – an ninh.</p>"
    "<ul><li>Tổ chức sơ kết, biểu dương các điển hình tiêu biểu.</li>"
    "<li>Phối hợp với Mặt trận và các đoàn thể nhân rộng mô hình hay.</li></ul>"
    "<p><strong>Hạn chế:</strong> một số mô hình chưa bền vững, việc tuyên truyền còn ít.</p>"
)


# The units of the demo accounts: today's communes, formed from Con Cuông and Kỳ Sơn (their
# district-level archive stays with the former districts).
STAFF_UNITS = {"district": "Xã Con Cuông", "district2": "Xã Mường Xén"}
# Which demo account files each unit's reports (the same people before and after the reform).
STAFF_ACCOUNTS = {
    "Huyện Con Cuông": "district",
    "Huyện Kỳ Sơn": "district2",
    **{unit: account for account, unit in STAFF_UNITS.items()},
}


def _aware(d: date, hour=9) -> datetime:
    return timezone.make_aware(datetime.combine(d, time(hour, 0)))


def _photo(name: str, seed: int) -> ContentFile:
    rnd = random.Random(seed)
    img = Image.new("RGB", (800, 520), (rnd.randint(120, 200), rnd.randint(40, 90), 40))
    draw = ImageDraw.Draw(img)
    for i in range(6):
        x = rnd.randint(0, 700)
        draw.ellipse((x, 300 - i * 20, x + 200, 520), fill=(30 + i * 20, 110 + i * 15, 50))
    draw.rectangle((0, 0, 800, 70), fill=(183, 28, 28))
    out = BytesIO()
    img.save(out, "JPEG", quality=80)
    return ContentFile(out.getvalue(), name=f"{name}.jpg")


def _random_figures(rnd: random.Random, scale: int):
    figures = []
    for _ in range(5):
        reg_c, reg_i = rnd.randint(0, scale), rnd.randint(0, scale)
        built_c, built_i = rnd.randint(0, reg_c), rnd.randint(0, reg_i)
        rec_c, rec_i = rnd.randint(0, built_c), rnd.randint(0, built_i)
        row = (reg_c, reg_i, rec_c, rec_i, rnd.randint(0, rec_c), rnd.randint(0, rec_i))
        figures.append(figure_values(row, built=(built_c, built_i)))
    return figures


FIGURE_NOTE = "Gồm các mô hình chuyển tiếp từ kỳ trước, đã được Ban Thường vụ công nhận trong kỳ."


def _report(unit, period, status, figures, fields, users, *, submitted_on=None, note=""):
    author = users.get(STAFF_ACCOUNTS.get(unit.name, ""))
    report, created = CampaignReport.objects.get_or_create(
        unit=unit, period=period, defaults={"summary": SUMMARY, "created_by": author}
    )
    if not created:
        return report, False
    for i, (field, row) in enumerate(zip(fields, figures, strict=False)):
        FieldResult.objects.create(
            report=report,
            field=field,
            # One figure note per report, as units write them ("a note on each figure").
            note=FIGURE_NOTE if i == 0 and status != CampaignReport.Status.DRAFT else "",
            **row,
        )
    if status != CampaignReport.Status.DRAFT:
        submitted_at = _aware(submitted_on or period.deadline - timedelta(days=3))
        report.status = CampaignReport.Status.SUBMITTED
        report.submitted_at = report.first_submitted_at = submitted_at
        report.submitted_by = author
    if status in (CampaignReport.Status.APPROVED, CampaignReport.Status.RETURNED):
        report.status = status
        report.reviewed_by = users.get("province")
        report.reviewed_at = report.submitted_at + timedelta(days=2)
        report.review_note = note
    report.save()
    return report, True


def _carry_on(report):
    """The model a demo commune took over from its former district: moved by its first report,
    recorded again by the later ones."""
    district, name = TAKEN_OVER[report.unit.name]
    model = ExemplaryModel.objects.filter(name=name, unit__name__in=(district, report.unit.name)).first()
    if model is None:
        return
    if model.unit_id == report.unit_id:
        ModelProgress.objects.get_or_create(report=report, model=model, defaults={"stage": model.stage})
    else:
        take_over(report, [model])


def _models(report, fields, seed):
    for i, (name, field_index, kind, holder, stage, description, results) in enumerate(
        MODELS.get(report.unit.name, [])
    ):
        model = ExemplaryModel(
            unit=report.unit,
            name=name,
            field=fields[field_index],
            kind=kind,
            holder=holder,
            stage=stage,
            description=description,
            results=results,
        )
        if i % 2 == 0:
            model.photo = _photo(f"mo-hinh-{seed}-{i}", seed + i)
        model.save()
        ModelProgress.objects.create(report=report, model=model, stage=stage)


@transaction.atomic
def seed_reports(users, stdout, today: date | None = None):
    """Periods relative to `today`, quotas, staff links and reports in every status: the
    district-level units file the periods up to mid-2025, the commune-level units and the Party
    committees the later ones (each period expects the units in force on its deadline)."""
    today = today or timezone.localdate()
    fields = list(Field.objects.active())
    units = {d.name: d for d in Unit.objects.all()}
    periods = {}
    for name, year, kind, deadline, is_open in demo_periods(today):
        period, created = ReportingPeriod.objects.get_or_create(
            name=name, defaults={"year": year, "kind": kind, "deadline": deadline, "is_open": is_open}
        )
        if not created and period.is_open != is_open:
            period.is_open = is_open  # a period whose deadline has passed closes on the next seed
            period.save(update_fields=["is_open"])
        periods[name] = period
    current = next(p for p in periods.values() if p.is_open)
    if not current.quotas.exists():
        current.registration_starts = current.deadline - timedelta(days=150)
        current.registration_ends = current.deadline - timedelta(days=60)
        current.save()
        for kind, collective, individual in (
            (Unit.Kind.COMMUNE, 5, 7),
            (Unit.Kind.WARD, 5, 7),
            (Unit.Kind.PARTY_COMMITTEE, 5, 7),
        ):
            ModelQuota.objects.get_or_create(
                period=current, unit_kind=kind, defaults={"collective": collective, "individual": individual}
            )

    for username, unit_name in STAFF_UNITS.items():
        if username in users and unit_name in units:
            StaffProfile.objects.update_or_create(user=users[username], defaults={"unit": units[unit_name]})
            # Unit staff work on /bao-cao/, not in the admin.
            users[username].is_staff = False
            users[username].save(update_fields=["is_staff"])

    rnd = random.Random(2025)
    S = CampaignReport.Status
    plan = []
    con_cuong, ky_son = units["Huyện Con Cuông"], units["Huyện Kỳ Sơn"]
    # The district-level archive: the published figures, then every district in 2023 and 2024
    # (Cửa Lò only until it joined Vinh), and the first half of 2025.
    plan += [
        (con_cuong, periods["Năm 2020"], S.APPROVED, CON_CUONG_2020_FIGURES, None, ""),
        (
            ky_son,
            periods["Giai đoạn 2020–2025"],
            S.APPROVED,
            [figure_values(r) for r in KY_SON_TERM],
            None,
            "",
        ),
    ]
    for year in (2023, 2024):
        period = periods[f"Năm {year}"]
        for unit in period.expected_units().filter(kind__in=Unit.DISTRICT_LEVEL_KINDS):
            status, late = S.APPROVED, None
            if unit.name == "Huyện Nghi Lộc" and year == 2024:
                status, late = S.SUBMITTED, date(2024, 12, 20)
            if unit == ky_son and year == 2024:
                late = date(2024, 12, 18)
            plan.append((unit, period, status, _random_figures(rnd, 12), late, ""))
    h1 = periods["6 tháng đầu năm 2025"]
    plan += [
        (con_cuong, h1, S.APPROVED, _random_figures(rnd, 8), None, ""),
        (ky_son, h1, S.APPROVED, _random_figures(rnd, 8), date(2025, 6, 20), ""),
        (units["Thành phố Vinh"], h1, S.APPROVED, _random_figures(rnd, 20), None, ""),
    ]
    # Commune-level units and committees: every closed period after the reform, most of them
    # on time, some missing; the open period in every status.
    after = [p for p in periods.values() if p.deadline > date(2025, 7, 1)]
    for period in sorted(after, key=lambda p: p.deadline):
        expected = list(period.expected_units())
        if period == current:
            plan += _current_plan(period, units, rnd)
            continue
        for i, unit in enumerate(expected):
            if i % 9 == 4:
                continue  # never filed: "Chưa nộp"
            late = period.deadline + timedelta(days=5) if i % 13 == 6 else None
            plan.append((unit, period, S.APPROVED, _random_figures(rnd, 6), late, ""))

    created = 0
    with_models = set()
    for i, (unit, period, status, figures, submitted_on, note) in enumerate(plan):
        report, is_new = _report(
            unit, period, status, figures, fields, users, submitted_on=submitted_on, note=note
        )
        if is_new:
            created += 1
            # Each unit's models once in the showcase (its first report), and again in the draft and
            # submitted ones so the form and the review have rows.
            if unit.pk not in with_models or status in (S.DRAFT, S.SUBMITTED):
                _models(report, fields, seed=i)
            if unit.name in TAKEN_OVER:
                _carry_on(report)
        with_models.add(unit.pk)
    stdout.write(f"Báo cáo Dân vận khéo mới: {created}")
    return created


def _current_plan(period, units, rnd):
    """The open period: the demo accounts' communes in draft and submitted, one returned, some
    approved, the rest not yet in."""
    S = CampaignReport.Status
    plan = [
        (units["Xã Con Cuông"], period, S.DRAFT, _random_figures(rnd, 6), None, ""),
        (
            units["Xã Mường Xén"],
            period,
            S.SUBMITTED,
            _random_figures(rnd, 6),
            period.deadline - timedelta(days=4),
            "",
        ),
        (
            units["Xã Quỳ Hợp"],
            period,
            S.RETURNED,
            _random_figures(rnd, 6),
            period.deadline - timedelta(days=6),
            "Đề nghị bổ sung số liệu lĩnh vực quốc phòng – an ninh và ảnh các mô hình được khen thưởng.",
        ),
        (units["Phường Trường Vinh"], period, S.APPROVED, _random_figures(rnd, 12), None, ""),
        (units["Đảng ủy các cơ quan Đảng tỉnh"], period, S.SUBMITTED, _random_figures(rnd, 5), None, ""),
    ]
    taken = {unit.pk for unit, *_ in plan}
    others = [
        u for u in period.expected_units().filter(kind__in=Unit.COMMUNE_LEVEL_KINDS) if u.pk not in taken
    ]
    for unit in others[::3]:
        plan.append((unit, period, S.APPROVED, _random_figures(rnd, 6), None, ""))
    return plan
