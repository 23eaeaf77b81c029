"""Demo reports for a local try-out: periods, reports in every status, real figures, models.

Figures for Con Cuông 2020 and Kỳ Sơn 2020–2025 are the ones the districts published; the rest
are made up but obey commended ≤ recognized ≤ registered. Idempotent: reports that exist are kept.
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
    ModelQuota,
    ReportingPeriod,
    StaffProfile,
    Unit,
)

# Field order as seeded: kinh tế, văn hóa – xã hội, quốc phòng – an ninh, xây dựng hệ thống
# chính trị, xây dựng nông thôn mới – đô thị văn minh.
PERIODS = [
    # name, year, kind, deadline, is_open
    ("Năm 2020", 2020, ReportingPeriod.Kind.YEAR, date(2020, 12, 15), False),
    ("Giai đoạn 2020–2025", 2025, ReportingPeriod.Kind.TERM, date(2025, 3, 31), False),
    ("Năm 2024", 2024, ReportingPeriod.Kind.YEAR, date(2024, 12, 10), False),
    ("6 tháng đầu năm 2025", 2025, ReportingPeriod.Kind.HALF_YEAR, date(2025, 6, 15), False),
    ("Năm 2025", 2025, ReportingPeriod.Kind.YEAR, date(2025, 12, 10), True),
]

# Con Cuông 2020: 53 models registered — 16 kinh tế, 29 văn hóa – xã hội, 2 quốc phòng – an ninh,
# 1 xây dựng hệ thống chính trị, 5 nông thôn mới.
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

SUMMARY = (
    "<p>Năm qua, phong trào thi đua “Dân vận khéo” tiếp tục được cấp ủy, chính quyền quan tâm lãnh đạo, "
    "chỉ đạo; nhiều mô hình gắn với phát triển kinh tế, giữ gìn bản sắc văn hóa và bảo đảm quốc phòng – an ninh.</p>"
    "<ul><li>Tổ chức sơ kết, biểu dương các điển hình tiêu biểu.</li>"
    "<li>Phối hợp với Mặt trận và các đoàn thể nhân rộng mô hình hay.</li></ul>"
    "<p><strong>Hạn chế:</strong> một số mô hình chưa bền vững, việc tuyên truyền còn ít.</p>"
)


# Which demo account files each district's reports.
STAFF_ACCOUNTS = {"Huyện Con Cuông": "district", "Huyện Kỳ Sơn": "district2"}


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
        rec_c, rec_i = rnd.randint(0, reg_c), rnd.randint(0, reg_i)
        figures.append((reg_c, reg_i, rec_c, rec_i, rnd.randint(0, rec_c), rnd.randint(0, rec_i)))
    return figures


def _report(district, period, status, figures, fields, users, *, submitted_on=None, note=""):
    author = users.get(STAFF_ACCOUNTS.get(district.name, ""))
    report, created = CampaignReport.objects.get_or_create(
        unit=district, period=period, defaults={"summary": SUMMARY, "created_by": author}
    )
    if not created:
        return report, False
    for field, row in zip(fields, figures, strict=False):
        FieldResult.objects.create(
            report=report, field=field, **dict(zip(FieldResult.FIGURES, row, strict=True))
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


def _models(report, fields, seed):
    for i, (name, field_index, kind, holder, stage, description, results) in enumerate(
        MODELS.get(report.unit.name, [])
    ):
        model = ExemplaryModel(
            report=report,
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


@transaction.atomic
def seed_reports(users, stdout):
    """Periods, quotas, staff links and reports in every status (see the module docstring)."""
    fields = list(Field.objects.active())
    districts = {d.name: d for d in Unit.objects.all()}
    con_cuong, ky_son = districts["Huyện Con Cuông"], districts["Huyện Kỳ Sơn"]
    periods = {}
    for name, year, kind, deadline, is_open in PERIODS:
        periods[name], _ = ReportingPeriod.objects.get_or_create(
            name=name, defaults={"year": year, "kind": kind, "deadline": deadline, "is_open": is_open}
        )
    current = periods["Năm 2025"]
    if not current.quotas.exists():
        current.registration_starts, current.registration_ends = date(2025, 1, 15), date(2025, 3, 31)
        current.save()
        for kind, collective, individual in (
            (Unit.Kind.DISTRICT, 10, 15),
            (Unit.Kind.TOWN, 10, 15),
            (Unit.Kind.CITY, 10, 15),
            (Unit.Kind.PARTY_COMMITTEE, 5, 7),
        ):
            ModelQuota.objects.create(
                period=current, unit_kind=kind, collective=collective, individual=individual
            )

    for username, district in (("district", con_cuong), ("district2", ky_son)):
        if username in users:
            StaffProfile.objects.update_or_create(user=users[username], defaults={"unit": district})
            # District staff work on /bao-cao/, not in the admin.
            users[username].is_staff = False
            users[username].save(update_fields=["is_staff"])

    # A merged unit, as in the 2025 rearrangement: Cửa Lò's old report stays its own, and the
    # summary across years counts it under Vinh.
    cua_lo, vinh = districts["Thị xã Cửa Lò"], districts["Thành phố Vinh"]
    vinh.predecessors.add(cua_lo)
    if cua_lo.valid_to is None:
        cua_lo.valid_to = date(2024, 11, 30)
        cua_lo.save()

    rnd = random.Random(2025)
    S = CampaignReport.Status
    created = 0
    plan = [
        (con_cuong, periods["Năm 2020"], S.APPROVED, CON_CUONG_2020, None, ""),
        (ky_son, periods["Giai đoạn 2020–2025"], S.APPROVED, KY_SON_TERM, None, ""),
        (con_cuong, periods["Năm 2024"], S.APPROVED, _random_figures(rnd, 12), None, ""),
        (ky_son, periods["Năm 2024"], S.APPROVED, _random_figures(rnd, 10), date(2024, 12, 18), ""),
        (districts["Thành phố Vinh"], periods["Năm 2024"], S.APPROVED, _random_figures(rnd, 25), None, ""),
        (districts["Huyện Quỳ Hợp"], periods["Năm 2024"], S.APPROVED, _random_figures(rnd, 14), None, ""),
        (cua_lo, periods["Năm 2024"], S.APPROVED, _random_figures(rnd, 9), None, ""),
        (
            districts["Huyện Nghi Lộc"],
            periods["Năm 2024"],
            S.SUBMITTED,
            _random_figures(rnd, 14),
            date(2024, 12, 20),
            "",
        ),
        (con_cuong, periods["6 tháng đầu năm 2025"], S.APPROVED, _random_figures(rnd, 8), None, ""),
        (ky_son, periods["6 tháng đầu năm 2025"], S.APPROVED, _random_figures(rnd, 8), date(2025, 6, 20), ""),
        (con_cuong, periods["Năm 2025"], S.DRAFT, _random_figures(rnd, 12), None, ""),
        (ky_son, periods["Năm 2025"], S.SUBMITTED, _random_figures(rnd, 10), date(2025, 12, 5), ""),
        (
            districts["Huyện Quỳ Hợp"],
            periods["Năm 2025"],
            S.RETURNED,
            _random_figures(rnd, 12),
            date(2025, 12, 8),
            "Đề nghị bổ sung số liệu lĩnh vực quốc phòng – an ninh và ảnh các mô hình được khen thưởng.",
        ),
        (districts["Thành phố Vinh"], periods["Năm 2025"], S.APPROVED, _random_figures(rnd, 25), None, ""),
        (
            districts["Đảng ủy Khối các cơ quan tỉnh"],
            periods["Năm 2025"],
            S.SUBMITTED,
            _random_figures(rnd, 6),
            None,
            "",
        ),
    ]
    with_models = set()
    for i, (district, period, status, figures, submitted_on, note) in enumerate(plan):
        report, is_new = _report(
            district, period, status, figures, fields, users, submitted_on=submitted_on, note=note
        )
        if is_new:
            created += 1
            # Each unit's models once in the showcase (its first report), and again in the draft and
            # submitted ones so the form and the review have rows.
            if district.pk not in with_models or status in (S.DRAFT, S.SUBMITTED):
                _models(report, fields, seed=i)
        with_models.add(district.pk)
    stdout.write(f"Báo cáo Dân vận khéo mới: {created}")
    return created
