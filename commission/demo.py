"""Demo content of the commission's pages for a local try-out (idempotent).

Everything here is invented for the demo: the people, their names and the engagements are not
real; the departments follow the usual layout of a provincial commission's offices, not a
published decision.
"""

from datetime import datetime, time, timedelta
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from danvan_site.siteconfig.models import SiteSettings
from danvan_site.text import vn_slugify

from .models import CommissionPage, Department, Leader, Question, ScheduleItem

FUNCTIONS = (
    "<p>Ban là cơ quan tham mưu, giúp việc của Tỉnh ủy, mà trực tiếp, thường xuyên là Ban Thường vụ "
    "Tỉnh ủy, về công tác dân vận của Đảng; đồng thời là cơ quan chuyên môn, nghiệp vụ về công tác dân "
    "vận của Tỉnh ủy.</p>"
    "<h3>Nhiệm vụ chính</h3>"
    "<ul><li>Nghiên cứu, đề xuất chủ trương, giải pháp về công tác dân vận trên địa bàn tỉnh.</li>"
    "<li>Hướng dẫn, kiểm tra, giám sát việc thực hiện các chủ trương của Đảng về công tác dân vận.</li>"
    "<li>Thẩm định đề án, văn bản về dân tộc, tôn giáo, Mặt trận Tổ quốc và các đoàn thể chính trị – xã hội.</li>"
    "<li>Chủ trì phong trào thi đua «Dân vận khéo» và tổng hợp kết quả hằng năm.</li></ul>"
)
HISTORY = (
    "<p>Trải qua các thời kỳ cách mạng, Ban luôn đồng hành cùng Đảng bộ và Nhân dân trong tỉnh, "
    "góp phần củng cố khối đại đoàn kết toàn dân tộc.</p>"
    "<p>Năm 2025, thực hiện chủ trương sắp xếp tổ chức bộ máy, Ban được kiện toàn theo mô hình mới; "
    "từ ngày 01/07/2025, Ban hướng dẫn công tác dân vận ở 130 đảng ủy xã, phường của tỉnh.</p>"
)
EN_FUNCTIONS = (
    "<p>The Commission advises the Provincial Party Committee on the Party's mass mobilization work, "
    "guides and supervises its implementation across the province, and runs the "
    "“Skilled Mass Mobilization” (Dân vận khéo) emulation movement.</p>"
)
EN_STRUCTURE = "<p>The Commission is led by a Head and Deputy Heads, supported by the offices below.</p>"

DEPARTMENTS = [
    (
        "Văn phòng Ban",
        "Office of the Commission",
        "Nguyễn Thị Hà",
        "Chánh Văn phòng",
        "Tổng hợp, hành chính, tài chính.",
    ),
    (
        "Phòng Dân vận chính quyền, Mặt trận và các đoàn thể",
        "Division of Government, Front and Mass Organisations",
        "Trần Văn Minh",
        "Trưởng phòng",
        "Dân vận chính quyền; Mặt trận Tổ quốc và các đoàn thể chính trị – xã hội.",
    ),
    (
        "Phòng Dân tộc, Tôn giáo",
        "Division of Ethnic and Religious Affairs",
        "Lê Thị Lan",
        "Trưởng phòng",
        "Công tác dân tộc, tôn giáo; nắm tình hình vùng đồng bào.",
    ),
    (
        "Phòng Nắm bắt dư luận xã hội",
        "Division of Public Opinion",
        "Phạm Quốc Bảo",
        "Trưởng phòng",
        "Tổng hợp dư luận xã hội, kiến nghị của Nhân dân.",
    ),
]

LEADERS = [
    (
        "Hoàng Văn An",
        "Trưởng ban",
        "Phụ trách chung; trực tiếp chỉ đạo Văn phòng Ban và phong trào thi đua «Dân vận khéo».",
        "Sinh năm 1972. Cử nhân Luật, Cao cấp lý luận chính trị. Nguyên Bí thư Huyện ủy, "
        "Phó Trưởng ban Thường trực.",
        (183, 28, 28),
    ),
    (
        "Đặng Thị Bích",
        "Phó Trưởng ban Thường trực",
        "Giúp Trưởng ban điều hành công việc chung; phụ trách công tác dân vận chính quyền, Mặt trận "
        "và các đoàn thể.",
        "Sinh năm 1976. Thạc sĩ Quản lý công, Cao cấp lý luận chính trị.",
        (122, 90, 0),
    ),
    (
        "Vi Văn Cường",
        "Phó Trưởng ban",
        "Phụ trách công tác dân tộc, tôn giáo và nắm bắt dư luận xã hội.",
        "Sinh năm 1979, dân tộc Thái. Cử nhân Dân tộc học, Cao cấp lý luận chính trị.",
        (11, 79, 138),
    ),
]

ENGAGEMENTS = [
    # (day offset from this Monday, hour, minute, hours long, content, chair, participants, location)
    (
        -7,
        8,
        0,
        2,
        "Giao ban công tác dân vận tuần",
        "Trưởng ban",
        "Lãnh đạo Ban; trưởng các phòng",
        "Phòng họp Ban",
    ),
    (
        -6,
        14,
        0,
        3,
        "Làm việc với Đảng ủy xã Con Cuông về mô hình «Dân vận khéo»",
        "Phó Trưởng ban Thường trực",
        "Phòng Dân vận chính quyền, Mặt trận và các đoàn thể",
        "Xã Con Cuông",
    ),
    (
        -4,
        8,
        30,
        4,
        "Hội nghị tập huấn nghiệp vụ công tác dân vận năm 2026",
        "Trưởng ban",
        "Cán bộ dân vận các đảng ủy xã, phường",
        "Hội trường Tỉnh ủy",
    ),
    (
        -3,
        7,
        30,
        8,
        "Khảo sát tình hình đồng bào dân tộc thiểu số; thăm, tặng quà các gia đình chính sách",
        "Phó Trưởng ban",
        "Phòng Dân tộc, Tôn giáo; đại diện Ủy ban MTTQ tỉnh",
        "Xã Kỳ Sơn",
    ),
    (
        0,
        8,
        0,
        2,
        "Giao ban công tác dân vận tuần",
        "Trưởng ban",
        "Lãnh đạo Ban; trưởng các phòng",
        "Phòng họp Ban",
    ),
    (1, 14, 0, 2, "Dự Hội nghị Ban Chấp hành Đảng bộ tỉnh (mở rộng)", "Trưởng ban", "", "Hội trường Tỉnh ủy"),
    (
        2,
        8,
        0,
        3,
        "Họp thẩm định báo cáo kết quả phong trào «Dân vận khéo», 6 tháng cuối năm",
        "Phó Trưởng ban Thường trực",
        "Văn phòng Ban; các phòng",
        "Phòng họp Ban",
    ),
    (
        3,
        9,
        0,
        2,
        "Tiếp công dân định kỳ",
        "Phó Trưởng ban",
        "Phòng Nắm bắt dư luận xã hội",
        "Trụ sở tiếp công dân tỉnh",
    ),
    (
        4,
        14,
        0,
        2,
        "Tổng kết công tác dân vận năm 2026, triển khai nhiệm vụ năm 2027",
        "Trưởng ban",
        "Toàn thể cán bộ, công chức Ban",
        "Hội trường Tỉnh ủy",
    ),
    (
        8,
        8,
        0,
        2,
        "Giao ban công tác dân vận tuần",
        "Trưởng ban",
        "Lãnh đạo Ban; trưởng các phòng",
        "Phòng họp Ban",
    ),
]

QUESTIONS = [
    (
        "Nguyễn Văn Hùng",
        "Thủ tục đăng ký mô hình «Dân vận khéo» của chi hội nông dân",
        "Chi hội nông dân thôn tôi muốn đăng ký mô hình trồng cam theo hướng hữu cơ. Xin hỏi cần làm thủ tục gì?",
        "Chi hội đăng ký mô hình với Đảng ủy xã trong thời gian đăng ký của kỳ báo cáo; "
        "Đảng ủy xã tổng hợp và báo cáo lên Ban. Mẫu đăng ký có tại trụ sở Đảng ủy xã.",
    ),
    (
        "Trần Thị Mai",
        "Góp ý về việc công khai lịch tiếp công dân",
        "Đề nghị Ban đăng lịch tiếp công dân trên trang để người dân tiện theo dõi.",
        "Cảm ơn góp ý của bạn. Lịch tiếp công dân của lãnh đạo Ban được đăng trong mục Lịch công tác hằng tuần.",
    ),
    (
        "Lô Văn Thắng",
        "Hỗ trợ đồng bào tái định cư",
        "Sau khi sáp nhập xã, các chính sách hỗ trợ đồng bào tái định cư có thay đổi không?",
        "Các chính sách hỗ trợ đang thực hiện tiếp tục được bảo đảm sau khi sắp xếp đơn vị hành chính. "
        "Bạn có thể liên hệ Ủy ban nhân dân xã nơi cư trú để được hướng dẫn cụ thể.",
    ),
    (
        "Phan Đức Long",
        "Cách gửi kiến nghị tới Ban",
        "Tôi muốn gửi kiến nghị về đường giao thông nông thôn thì gửi ở đâu, bằng cách nào?",
        "Bạn có thể gửi qua mục Góp ý / Hỏi đáp ở trang Liên hệ, qua thư điện tử hoặc trực tiếp tại trụ sở. "
        "Kiến nghị thuộc thẩm quyền chính quyền sẽ được chuyển tới cơ quan có trách nhiệm.",
    ),
]


def draw_portrait(name: str, color: tuple[int, int, int], size=(360, 480)) -> ContentFile:
    """A plain portrait silhouette on a coloured ground, drawn by the program (no real photo)."""
    img = Image.new("RGB", size, tuple(min(255, c + 150) for c in color))
    draw = ImageDraw.Draw(img)
    w, h = size
    draw.ellipse((w * 0.3, h * 0.16, w * 0.7, h * 0.46), fill=color)  # head
    draw.rounded_rectangle((w * 0.12, h * 0.52, w * 0.88, h * 1.1), radius=int(w * 0.3), fill=color)
    draw.polygon([(w * 0.44, h * 0.52), (w * 0.56, h * 0.52), (w * 0.5, h * 0.75)], fill=(255, 255, 255))
    out = BytesIO()
    img.save(out, "JPEG", quality=85)
    return ContentFile(out.getvalue(), name=f"{vn_slugify(name)}.jpg")


def seed_commission(users=None, stdout=None):
    users = users or {}
    settings = SiteSettings.objects.filter(pk=1).first() or SiteSettings(pk=1)
    if not settings.address:
        settings.address = "Số 1 đường Trường Thi, phường Trường Vinh, tỉnh Nghệ An (địa chỉ minh họa)"
        settings.phone = "0238 000 0000"
        settings.email = "banbientap@example.gov.vn"
        settings.contact_name = "Nguyễn Thị Hà"
        settings.contact_title = "Chánh Văn phòng Ban"
        settings.contact_phone = "0238 000 0001"
        settings.contact_email = "vanphong@example.gov.vn"
        settings.save()
    page = CommissionPage.objects.filter(pk=1).first() or CommissionPage(pk=1)
    if not page.functions:
        page.functions, page.history = FUNCTIONS, HISTORY
        page.en_functions, page.en_structure = EN_FUNCTIONS, EN_STRUCTURE
        page.save()
    if not Department.objects.exists():
        for order, (name, en_name, head, head_title, tasks) in enumerate(DEPARTMENTS):
            Department.objects.create(
                name=name, en_name=en_name, head_name=head, head_title=head_title, tasks=tasks, order=order
            )
    if not Leader.objects.exists():
        for order, (name, title, duties, bio, color) in enumerate(LEADERS):
            leader = Leader(name=name, title=title, duties=duties, bio=bio, order=order)
            portrait = draw_portrait(name, color)
            leader.photo.save(portrait.name, portrait, save=False)
            leader.save()
    if not ScheduleItem.objects.exists():
        today = timezone.localdate()
        monday = today - timedelta(days=today.weekday())
        tz = timezone.get_current_timezone()
        for offset, hour, minute, hours, content, chair, participants, location in ENGAGEMENTS:
            starts = datetime.combine(monday + timedelta(days=offset), time(hour, minute), tzinfo=tz)
            ScheduleItem.objects.create(
                starts_at=starts,
                ends_at=starts + timedelta(hours=hours),
                content=content,
                chair=chair,
                participants=participants,
                location=location,
                created_by=users.get("province"),
            )
    if not Question.objects.exists():
        now = timezone.now()
        for n, (name, subject, body, answer) in enumerate(QUESTIONS):
            question = Question.objects.create(name=name, subject=subject, body=body, client_hash="demo")
            Question.objects.filter(pk=question.pk).update(created_at=now - timedelta(days=20 - 4 * n))
            question.refresh_from_db()
            question.answer = answer
            question.status = Question.Status.ANSWERED
            question.answered_by = users.get("province")
            question.answered_at = now - timedelta(days=18 - 4 * n)
            question.save()
        Question.objects.create(
            name="Bạn đọc",
            email="bandoc@example.com",
            subject="Câu hỏi đang chờ trả lời",
            body="Câu hỏi mẫu chưa được trả lời (chỉ thấy trong trang quản trị).",
            client_hash="demo",
        )
    if stdout:
        stdout.write("Trang giới thiệu, lịch công tác, hỏi đáp: đã có nội dung mẫu.")
