"""Demo sub-sites (`seed_demo`): two archives of former districts and two current communes.

The units come from the reports app's seeded list. The communes and the former districts their
territory came from follow the National Assembly Standing Committee's Resolution
1678/NQ-UBTVQH15 (2025) on Nghệ An's communes: xã Con Cuông (from thị trấn Trà Lân, xã Chi Khê
and xã Yên Khê of huyện Con Cuông) and xã Mường Xén (from huyện Kỳ Sơn). The articles are
invented for the try-out; their images and the banners are drawn by the program.
"""

import math
from datetime import date, datetime, timedelta
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from reports.models import Unit

from .demo import _draw_text, draw_image
from .models import Article, Category, Subsite

PARAGRAPHS = [
    "Cấp ủy, chính quyền và các đoàn thể ở cơ sở đã bám sát địa bàn, lắng nghe ý kiến của Nhân dân, "
    "kịp thời giải quyết những vấn đề người dân quan tâm ngay từ thôn, bản.",
    "Phong trào thi đua “Dân vận khéo” được triển khai gắn với nhiệm vụ phát triển kinh tế – xã hội, "
    "xây dựng nông thôn mới và giữ vững quốc phòng – an ninh trên địa bàn.",
    "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng; người có uy tín trong đồng bào các dân "
    "tộc phát huy vai trò cầu nối giữa cấp ủy, chính quyền với Nhân dân.",
    "Thời gian tới, đơn vị tiếp tục đổi mới nội dung, phương thức công tác dân vận, thực hiện tốt "
    "phương châm “dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.",
]

# unit name → sub-site name, archived? (the unit ended on 30/06/2025; the archive follows the
# unit's end date), intro, its categories, its articles (title, lead, year or None for recent
# news, category index)
# The former district each demo commune's territory came from.
PREDECESSOR = {"Xã Con Cuông": "Huyện Con Cuông", "Xã Mường Xén": "Huyện Kỳ Sơn"}
SUBSITES = [
    (
        "Huyện Con Cuông",
        "Ban Dân vận Huyện ủy Con Cuông",
        True,
        "Trang của Ban Dân vận Huyện ủy Con Cuông (2017–2025), lưu trữ sau khi kết thúc hoạt động "
        "đơn vị hành chính cấp huyện.",
        ["Tin hoạt động", "Phong trào Dân vận khéo"],
        [
            (
                "Con Cuông tổng kết công tác dân vận năm 2018",
                "Hội nghị đánh giá kết quả công tác dân vận và triển khai nhiệm vụ năm 2019.",
                2018,
                0,
            ),
            (
                "Đồng bào Thái ở Con Cuông hiến đất làm đường",
                "Hơn 40 hộ dân bản Khe Choăng tự nguyện hiến đất mở rộng đường liên bản.",
                2019,
                1,
            ),
            (
                "Con Cuông đối thoại với Nhân dân về bảo vệ rừng",
                "Người đứng đầu cấp ủy đối thoại với Nhân dân các xã vùng đệm Vườn quốc gia Pù Mát.",
                2021,
                0,
            ),
            (
                "Mô hình “Bản không có người nghiện” ở Con Cuông",
                "Mô hình dân vận khéo giúp nhiều bản vùng cao giữ bình yên.",
                2022,
                1,
            ),
            (
                "Con Cuông sơ kết 5 năm phong trào Dân vận khéo",
                "Giai đoạn 2019–2024, toàn huyện có hàng trăm mô hình được công nhận.",
                2024,
                1,
            ),
        ],
    ),
    (
        "Huyện Kỳ Sơn",
        "Ban Dân vận Huyện ủy Kỳ Sơn",
        True,
        "Trang của Ban Dân vận Huyện ủy Kỳ Sơn (2017–2025), lưu trữ sau khi kết thúc hoạt động "
        "đơn vị hành chính cấp huyện.",
        ["Tin hoạt động", "Phong trào Dân vận khéo"],
        [
            (
                "Kỳ Sơn vận động đồng bào Mông định canh, định cư",
                "Cán bộ dân vận cùng ăn, cùng ở với đồng bào các bản biên giới.",
                2017,
                0,
            ),
            (
                "Kỳ Sơn: người có uy tín giữ bình yên bản làng",
                "Những già làng, trưởng bản là chỗ dựa của cấp ủy ở vùng biên.",
                2019,
                1,
            ),
            (
                "Kỳ Sơn ra quân xóa nhà tạm cho hộ nghèo",
                "Các đoàn thể huy động ngày công giúp đồng bào dựng nhà trước mùa mưa.",
                2020,
                0,
            ),
            (
                "Kỳ Sơn tổng kết phong trào Dân vận khéo năm 2023",
                "Nhiều mô hình phát triển sinh kế được công nhận, khen thưởng.",
                2023,
                1,
            ),
            (
                "Kỳ Sơn tập huấn công tác dân vận cho cán bộ bản",
                "Lớp tập huấn giúp cán bộ cơ sở nắm chắc kỹ năng vận động quần chúng.",
                2025,
                0,
            ),
        ],
    ),
    (
        "Xã Con Cuông",
        "Đảng ủy xã Con Cuông",
        False,
        "Trang của Đảng ủy xã Con Cuông, thành lập từ ngày 01/07/2025 trên cơ sở thị trấn Trà Lân, "
        "xã Chi Khê và xã Yên Khê.",
        ["Tin hoạt động", "Dân vận khéo ở cơ sở", "Quy chế dân chủ"],
        [
            (
                "Xã Con Cuông ra mắt bộ máy chính quyền hai cấp",
                "Ngày đầu vận hành, trung tâm phục vụ hành chính công của xã đón hàng trăm lượt người dân.",
                None,
                0,
            ),
            (
                "Đảng ủy xã Con Cuông đối thoại với thanh niên",
                "Thanh niên kiến nghị về việc làm, khởi nghiệp và chuyển đổi số.",
                None,
                0,
            ),
            (
                "Mô hình “Chợ phiên nông sản bản Thái” ở xã Con Cuông",
                "Mô hình dân vận khéo giúp đồng bào bán nông sản, tăng thu nhập.",
                None,
                1,
            ),
            (
                "Xã Con Cuông công khai thu chi ngân sách thôn, bản",
                "Người dân được biết, được bàn các khoản đóng góp xây dựng công trình.",
                None,
                2,
            ),
            (
                "Phụ nữ xã Con Cuông giữ nghề dệt thổ cẩm",
                "Tổ hợp tác dệt thổ cẩm tạo việc làm cho hàng chục chị em.",
                None,
                1,
            ),
        ],
    ),
    (
        "Xã Mường Xén",
        "Đảng ủy xã Mường Xén",
        False,
        "Trang của Đảng ủy xã Mường Xén, thành lập từ ngày 01/07/2025 trên địa bàn huyện Kỳ Sơn trước đây.",
        ["Tin hoạt động", "Dân vận khéo ở cơ sở"],
        [
            (
                "Xã Mường Xén triển khai nhiệm vụ công tác dân vận",
                "Hội nghị quán triệt nhiệm vụ công tác dân vận của Đảng ủy xã mới.",
                None,
                0,
            ),
            (
                "Bộ đội biên phòng cùng xã Mường Xén giúp dân thu hoạch",
                "Cán bộ, chiến sĩ giúp đồng bào thu hoạch lúa nương trước mùa mưa bão.",
                None,
                0,
            ),
            (
                "Mô hình nuôi bò sinh sản ở xã Mường Xén",
                "Mô hình sinh kế giúp nhiều hộ đồng bào Mông thoát nghèo.",
                None,
                1,
            ),
            (
                "Mường Xén vận động đồng bào đưa con đến trường",
                "Cán bộ dân vận đến từng nhà vận động trước năm học mới.",
                None,
                1,
            ),
            (
                "Xã Mường Xén tiếp công dân định kỳ",
                "Bí thư Đảng ủy xã tiếp và trả lời kiến nghị của người dân.",
                None,
                0,
            ),
        ],
    ),
]
EDITOR_OF = "Xã Con Cuông"  # the demo account `subsite` edits this sub-site only


def draw_subsite_banner(name: str, seed: int) -> ContentFile:
    """A sub-site's demo banner: a green-gold gradient, rice stalks and the sub-site's name."""
    img = Image.new("RGB", (1200, 160), "#1b5e20")
    draw = ImageDraw.Draw(img)
    for x in range(1200):
        draw.line([(x, 0), (x, 160)], fill=(27 + x // 30, 94 - x // 40, 32))
    for i in range(9):
        cx = 820 + i * 42 + seed * 7
        draw.arc([cx - 60, 40, cx + 60, 260], 200, 300, fill="#c5e1a5", width=3)
    cx, cy, r = 86, 80, 50
    star = [
        (
            cx + (r if k % 2 == 0 else r * 0.4) * math.cos(-math.pi / 2 + k * math.pi / 5),
            cy + (r if k % 2 == 0 else r * 0.4) * math.sin(-math.pi / 2 + k * math.pi / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill="#ffd54f")
    _draw_text(draw, (170, 28), "TRANG THÀNH PHẦN", 20, 700, "#fff3c4")
    _draw_text(draw, (170, 56), name.upper(), 40, 700, "#ffffff")
    _draw_text(draw, (170, 108), "Ban Dân vận Tỉnh ủy Nghệ An", 22, 400, "#fff3c4")
    out = BytesIO()
    img.save(out, "JPEG", quality=82, optimize=True, progressive=True)  # as uploads are
    return ContentFile(out.getvalue(), name=f"banner-subsite-{seed}.jpg")


def _unit(name: str, predecessor: str | None):
    """The seeded unit of that name; a commune missing from the seeded list is added, in force
    from 01/07/2025 and carrying on the work of the former district it came from."""
    unit = Unit.objects.filter(name=name).first()
    if unit is None:
        unit = Unit.objects.create(name=name, kind=Unit.Kind.COMMUNE, valid_from=date(2025, 7, 1))
        unit.predecessors.add(*Unit.objects.filter(name=predecessor))
    return unit


def seed_subsites(users=None, stdout=None) -> int:
    """The four demo sub-sites with their menus and articles; idempotent."""
    users = users or {}
    now = timezone.now()
    created = 0
    for n, (unit_name, site_name, archived, intro, category_names, articles) in enumerate(SUBSITES):
        subsite = Subsite.objects.filter(unit__name=unit_name).first()
        if subsite is None:
            subsite = Subsite(
                unit=_unit(unit_name, PREDECESSOR.get(unit_name)),
                name=site_name,
                intro=intro,
            )
            if not archived:
                subsite.links = "Ban Dân vận Tỉnh ủy | /\nCác trang đơn vị | /don-vi/"
                subsite.banner.save(f"banner-{n}.jpg", draw_subsite_banner(site_name, n), save=False)
            subsite.save()
        categories = [
            Category.objects.get_or_create(name=name, subsite=subsite, defaults={"order": k})[0]
            for k, name in enumerate(category_names)
        ]
        for k, (title, lead, year, cat_index) in enumerate(articles):
            if Article.objects.filter(title=title).exists():
                continue
            if year is None:
                published_at = now - timedelta(days=k * 3 + n, hours=k)
            else:
                published_at = timezone.make_aware(datetime(year, 2 + k, 10 + n, 9, 30))
            body = "".join(f"<p>{PARAGRAPHS[(k + j) % len(PARAGRAPHS)]}</p>" for j in range(3))
            article = Article(
                title=title,
                lead=lead,
                body=body,
                subsite=subsite,
                category=categories[cat_index],
                source=site_name,
                status=Article.Status.PUBLISHED,
                published_at=published_at,
                is_featured=k == 0,
                cover_caption="Ảnh minh họa do chương trình vẽ",
                created_by=users.get("subsite") if unit_name == EDITOR_OF else users.get("writer"),
            )
            article.cover_image.save(f"subsite-{n}-{k}.jpg", draw_image(100 + n * 10 + k), save=False)
            article.save()
            created += 1
        if unit_name == EDITOR_OF and users.get("subsite"):
            subsite.editors.add(users["subsite"])
    if stdout:
        stdout.write(f"Bài viết trang thành phần mới: {created}")
    return created
