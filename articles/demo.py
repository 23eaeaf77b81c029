"""Demo content for a local try-out: Vietnamese categories, 40+ articles, drawn images."""

import math
import random
from datetime import timedelta
from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from danvan_site import images
from danvan_site.siteconfig.models import SiteSettings

from .demo_texts import LEADS, OPENINGS, POOLS
from .models import Article, ArticleViews, Category, Comment

CATEGORIES = [
    ("Tin tức – Sự kiện", ["Tin trong tỉnh", "Tin huyện, thị, thành"]),
    ("Dân vận khéo", []),
    ("Dân vận chính quyền", []),
    ("Quy chế dân chủ ở cơ sở", []),
    ("Công tác dân tộc – tôn giáo", []),
    ("Nghiên cứu – Trao đổi", []),
    ("Gương người tốt, việc tốt", []),
]

TITLES = {
    "Tin trong tỉnh": [
        "Hội nghị tổng kết công tác dân vận năm 2025 của Ban Dân vận Tỉnh ủy",
        "Đoàn công tác Ban Dân vận Tỉnh ủy thăm, tặng quà đồng bào vùng lũ",
        "Triển khai nhiệm vụ công tác dân vận 6 tháng cuối năm",
        "Tập huấn nghiệp vụ công tác dân vận cho cán bộ cơ sở",
        "Ký kết chương trình phối hợp giữa Ban Dân vận và Ủy ban MTTQ tỉnh",
        "Đối thoại giữa người đứng đầu cấp ủy với Nhân dân về cải cách hành chính",
    ],
    "Tin huyện, thị, thành": [
        "Đổi mới công tác dân vận ở Đảng bộ huyện Mường Nhé",
        "Con Cuông: phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số",
        "Kỳ Sơn tổng kết 5 năm phong trào thi đua Dân vận khéo",
        "Thị xã Hoàng Mai ra quân xây dựng đô thị văn minh",
        "Huyện Quỳ Châu đối thoại với thanh niên về khởi nghiệp",
        "Nghi Lộc: nhân dân hiến đất làm đường giao thông nông thôn",
    ],
    "Dân vận khéo": [
        "Mô hình Dân vận khéo giúp đồng bào Thái thoát nghèo bền vững",
        "Những cách làm hay trong phong trào thi đua Dân vận khéo",
        "Dân vận khéo trong giải phóng mặt bằng đường ven biển",
        "Tuyên dương 50 điển hình Dân vận khéo giai đoạn 2021–2025",
        "Đảng viên trẻ với mô hình “Chợ phiên nông sản sạch”",
        "Dân vận khéo góp phần xây dựng nông thôn mới kiểu mẫu",
    ],
    "Dân vận chính quyền": [
        "Nâng cao chất lượng công tác dân vận của cơ quan nhà nước",
        "Cải cách thủ tục hành chính gắn với dân vận chính quyền",
        "Chính quyền thân thiện, vì Nhân dân phục vụ",
        "Tiếp công dân định kỳ: lắng nghe để hành động",
        "Số hóa dịch vụ công: người dân được gì?",
        "Ứng xử văn hóa nơi công sở ở cấp xã",
    ],
    "Quy chế dân chủ ở cơ sở": [
        "Thực hiện Luật Thực hiện dân chủ ở cơ sở: kết quả bước đầu",
        "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng",
        "Phát huy vai trò Ban Thanh tra nhân dân ở xã",
        "Hội nghị đối thoại dân chủ tại doanh nghiệp",
        "Công khai tài chính thôn bản: người dân đồng thuận",
        "Hương ước, quy ước trong thời kỳ mới",
    ],
    "Công tác dân tộc – tôn giáo": [
        "Đồng bào Công giáo chung tay xây dựng nông thôn mới",
        "Chăm lo đời sống đồng bào dân tộc Mông vùng biên",
        "Gặp mặt chức sắc tôn giáo nhân dịp Đại lễ Phật đản",
        "Người có uy tín: cầu nối giữa Đảng với đồng bào",
        "Giữ gìn bản sắc văn hóa dân tộc Thái ở miền Tây xứ Nghệ",
        "Phòng chống tà đạo trong vùng đồng bào dân tộc thiểu số",
    ],
    "Nghiên cứu – Trao đổi": [
        "Một số giải pháp nâng cao hiệu quả công tác dân vận trong tình hình mới",
        "Tư tưởng Hồ Chí Minh về công tác dân vận: giá trị lý luận và thực tiễn",
        "Dân vận trên không gian mạng: thách thức và cơ hội",
        "Vai trò của cán bộ dân vận trong chuyển đổi số",
        "Bài học từ các điểm nóng khiếu kiện đông người",
        "Đổi mới phương thức lãnh đạo công tác dân vận của cấp ủy",
    ],
    "Gương người tốt, việc tốt": [
        "Ông Lữ Văn Đức: người hiến đất mở đường ở bản Đôn",
        "Cô giáo cắm bản 20 năm gieo chữ vùng cao",
        "Cựu chiến binh làm kinh tế giỏi, giúp đỡ hội viên nghèo",
        "Nữ bí thư chi bộ trẻ và con đường bê tông mơ ước",
    ],
}

AUTHORS = [
    ("Nguyễn Văn Hùng", "Phó Trưởng ban Dân vận Tỉnh ủy"),
    ("Bài, ảnh: Trần Thị Mai", ""),
    ("Lê Minh Đức", "Ban Dân vận Huyện ủy Con Cuông"),
    ("Hồ Thị Lan", ""),
]
TAGS = ["Dân vận khéo", "dân chủ cơ sở", "nông thôn mới", "đồng bào dân tộc", "Đảng bộ", "đối thoại"]
PALETTES = [
    ("#b71c1c", "#ffd54f"),
    ("#1b5e20", "#a5d6a7"),
    ("#0d47a1", "#90caf9"),
    ("#4e342e", "#ffcc80"),
    ("#37474f", "#ffe082"),
    ("#6a1b9a", "#ce93d8"),
]


INLINE_IMAGES = 6  # drawn pictures shared by the bodies of the demo articles


def _sky(draw, w, h, horizon, tint):
    for y in range(horizon):
        shade = int(255 - y * 120 / max(horizon, 1))
        draw.line([(0, y), (w, y)], fill=(shade, min(255, shade + 10), tint))


def _hills(draw, rnd, w, h, dark):
    """Sky, sun, three rows of hills and a field."""
    _sky(draw, w, h, h // 2, 255)
    sun = rnd.randint(w // 5, 4 * w // 5)
    draw.ellipse([sun - 70, 80, sun + 70, 220], fill="#ffeb3b")
    for i in range(3):
        base = h // 2 + i * 60
        points = [(0, h)] + [(x, base - rnd.randint(0, 160)) for x in range(0, w + 200, 200)] + [(w, h)]
        draw.polygon(points, fill=[dark, "#2e7d32", "#558b2f"][i])
    for x in range(0, w, 60):
        draw.line([(x, h - 120), (x + 30, h)], fill="#8bc34a", width=6)


def _village(draw, rnd, w, h, dark):
    """Stilt houses of a village under the mountains, trees between them."""
    horizon = int(h * 0.55)
    _sky(draw, w, h, horizon, 235)
    draw.polygon([(0, horizon), (w * 0.3, h * 0.18), (w * 0.6, horizon)], fill="#546e7a")
    draw.polygon([(w * 0.4, horizon), (w * 0.75, h * 0.12), (w, horizon)], fill="#607d8b")
    draw.rectangle([0, horizon, w, h], fill="#7cb342")
    for k in range(rnd.randint(3, 5)):
        x = 60 + k * w // 5 + rnd.randint(-30, 30)
        top = horizon - 20 + rnd.randint(0, 80)
        draw.rectangle([x, top + 70, x + 180, top + 150], fill="#8d6e63")
        draw.polygon([(x - 30, top + 72), (x + 90, top), (x + 210, top + 72)], fill=dark)
        for post in range(x + 10, x + 180, 40):
            draw.line([(post, top + 150), (post, top + 200)], fill="#4e342e", width=8)
        tree = x + 200 + rnd.randint(0, 40)
        draw.ellipse([tree, top + 40, tree + 70, top + 130], fill="#2e7d32")


def _meeting(draw, rnd, w, h, dark):
    """A meeting hall: red backdrop with the gold star, a long table and rows of people."""
    draw.rectangle([0, 0, w, h], fill="#efe6d8")
    draw.rectangle([w * 0.1, 40, w * 0.9, h * 0.42], fill="#b71c1c")
    cx, cy, r = w // 2, int(h * 0.22), 60
    points = [
        (
            cx + (r if k % 2 == 0 else r * 0.4) * math.cos(-math.pi / 2 + k * math.pi / 5),
            cy + (r if k % 2 == 0 else r * 0.4) * math.sin(-math.pi / 2 + k * math.pi / 5),
        )
        for k in range(10)
    ]
    draw.polygon(points, fill="#ffd54f")
    draw.rectangle([w * 0.2, h * 0.46, w * 0.8, h * 0.52], fill=dark)
    for row in range(3):
        y = int(h * 0.6) + row * 80
        for x in range(40 + row * 20, w - 40, 90):
            draw.ellipse([x, y, x + 46, y + 46], fill=["#3e2723", "#4e342e", "#212121"][(x + row) % 3])
            draw.rectangle(
                [x - 8, y + 44, x + 54, y + 90], fill=["#eceff1", dark, "#1565c0"][rnd.randint(0, 2)]
            )


def _road(draw, rnd, w, h, dark):
    """A new concrete road between rice fields, to the horizon."""
    horizon = int(h * 0.4)
    _sky(draw, w, h, horizon, 250)
    draw.rectangle([0, horizon, w, h], fill="#9ccc65")
    for k in range(1, 12):
        y = horizon + (h - horizon) * k * k // 144
        draw.line([(0, y), (w, y)], fill="#7cb342", width=3)
    vanish = w // 2 + rnd.randint(-120, 120)
    draw.polygon(
        [(vanish - 12, horizon), (vanish + 12, horizon), (w * 0.72, h), (w * 0.28, h)], fill="#cfd8dc"
    )
    draw.line([(vanish, horizon), (w // 2, h)], fill="#ffffff", width=6)
    for _ in range(6):
        x = rnd.randint(0, w)
        draw.ellipse([x - 40, horizon - 70, x + 40, horizon + 10], fill=dark)


SCENES = (_hills, _village, _meeting, _road)


def draw_image(seed: int, size=(1200, 750)) -> ContentFile:
    """A picture drawn by Pillow — hills, a village, a meeting hall or a country road, each in
    one of the palettes — so no photo is needed and neighbouring articles do not look alike."""
    rnd = random.Random(seed)
    dark, light = PALETTES[seed % len(PALETTES)]
    img = Image.new("RGB", size, light)
    SCENES[seed % len(SCENES)](ImageDraw.Draw(img), rnd, *size, dark)
    out = BytesIO()
    # Encoded as uploads are (danvan_site.images): demo pages weigh what real ones would.
    img.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    return ContentFile(out.getvalue(), name=f"demo-{seed}.jpg")


FONT_DIR = settings.BASE_DIR / "static" / "vendor" / "be-vietnam-pro"


def _draw_text(draw, xy, text, size, weight, fill):
    """Draw Vietnamese text with the self-hosted Be Vietnam Pro subsets (Latin + Vietnamese).

    Each subset covers part of the alphabet, so every character is drawn with the subset that
    has it (the Vietnamese one holds Đ, ơ, ư and the precomposed marked letters).
    """
    latin = ImageFont.truetype(str(FONT_DIR / f"be-vietnam-pro-latin-{weight}-normal.woff2"), size)
    viet = ImageFont.truetype(str(FONT_DIR / f"be-vietnam-pro-vietnamese-{weight}-normal.woff2"), size)
    x, y = xy
    for char in text:
        font = viet if ord(char) > 0xFF else latin
        draw.text((x, y), char, font=font, fill=fill)
        x += font.getlength(char)


def draw_banner(name: str, tagline: str) -> ContentFile:
    """The demo banner: gradient, gold star and the site name, drawn by Pillow."""
    img = Image.new("RGB", (1200, 160), "#b71c1c")
    draw = ImageDraw.Draw(img)
    for x in range(1200):
        draw.line([(x, 0), (x, 160)], fill=(190 - x // 22, 28, 28))
    for i in range(6):
        draw.arc([760 + i * 40, -200 + i * 30, 1500, 400], 150, 250, fill="#d75c5c", width=3)
    cx, cy, r = 86, 80, 52
    star = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.4
        angle = -math.pi / 2 + k * math.pi / 5
        star.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(star, fill="#ffd54f")
    _draw_text(draw, (170, 26), "ĐẢNG CỘNG SẢN VIỆT NAM", 20, 700, "#ffe9a8")
    _draw_text(draw, (170, 52), name.upper(), 42, 700, "#ffffff")
    _draw_text(draw, (170, 106), tagline, 22, 400, "#ffe9a8")
    out = BytesIO()
    img.save(out, "PNG")
    return ContentFile(out.getvalue(), name="banner-demo.png")


def seed_site_settings():
    site = SiteSettings.load()
    if not site.footer_lines:
        site.site_name = "Ban Dân vận Tỉnh ủy Nghệ An"
        site.tagline = "Trang thông tin điện tử"
        site.footer_lines = (
            "Cơ quan chủ quản: Ban Dân vận Tỉnh ủy Nghệ An\n"
            "Địa chỉ: Số 3, đường Trường Thi, TP Vinh, tỉnh Nghệ An\n"
            "Điện thoại: 0238 3844 xxx · Email: bandanvan@nghean.gov.vn (demo)"
        )
        site.links = "Cổng thông tin Chính phủ | https://chinhphu.vn\nBáo Nhân Dân | https://nhandan.vn"
        site.banner = draw_banner(site.site_name, site.tagline)  # re-encoded as an upload is
        site.save()


def demo_body(title: str, category: str, n: int) -> str:
    """The `n`-th demo article's body: its own opening, then 0 to 3 paragraphs of its category's
    pool (one to four in all), and in every other article a drawn picture after the opening."""
    pool = POOLS[category]
    paragraphs = [OPENINGS[title], *(pool[(n + k) % len(pool)] for k in range(n % 4))]
    html = [f"<p>{p}</p>" for p in paragraphs]
    if n % 2 == 0:
        html.insert(
            1,
            f'<figure class="image"><img src="/media/demo/inline-{n % INLINE_IMAGES}.webp" width="860" '
            f'height="540" alt="Quang cảnh hoạt động ({title})"><figcaption>Quang cảnh hoạt động '
            "(ảnh minh họa do chương trình vẽ)</figcaption></figure>",
        )
    return "".join(html)


def seed_articles(writer=None, editor=None, stdout=None) -> int:
    """Categories and articles; idempotent (existing titles are left alone)."""
    seed_site_settings()
    order = 0
    leaf_categories = []
    for name, children in CATEGORIES:
        order += 1
        parent, _ = Category.objects.get_or_create(
            name=name, parent=None, subsite=None, defaults={"order": order}
        )
        if not children:
            leaf_categories.append(parent)
        for child_name in children:
            order += 1
            child, _ = Category.objects.get_or_create(
                name=child_name, parent=parent, defaults={"order": order}
            )
            leaf_categories.append(child)
    now = timezone.now()
    created = 0
    n = 0
    for category in leaf_categories:
        for title in TITLES[category.name]:
            n += 1
            if Article.objects.filter(title=title).exists():
                continue
            author_name, author_title = AUTHORS[n % len(AUTHORS)]
            article = Article(
                title=title,
                category=category,
                lead=LEADS[category.name][n % 2],
                body=demo_body(title, category.name, n),
                author_name=author_name,
                author_title=author_title,
                source="Ban Dân vận Tỉnh ủy" if n % 3 else "",
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(hours=n * 9),
                is_featured=n % 9 == 1,
                cover_caption="Ảnh minh họa do chương trình vẽ",
                created_by=writer,
                updated_by=editor,
            )
            article.cover_image.save(f"demo-{n}.jpg", draw_image(n), save=False)
            article.save()
            article.tags.add(*TAGS[n % len(TAGS) : n % len(TAGS) + 2])
            ArticleViews.objects.create(article=article, count=50 + (n * 137) % 900)
            created += 1
    # Not public: one draft, one waiting for review, one scheduled for tomorrow.
    cat = leaf_categories[0]
    for title, status, when in [
        ("Bản nháp: kế hoạch công tác dân vận quý I", Article.Status.DRAFT, now),
        ("Chờ duyệt: tin hội nghị giao ban khối dân vận", Article.Status.REVIEW, now),
        (
            "Hẹn giờ: thông báo lịch tiếp công dân tháng tới",
            Article.Status.PUBLISHED,
            now + timedelta(days=1),
        ),
    ]:
        if not Article.objects.filter(title=title).exists():
            Article.objects.create(
                title=title,
                category=cat,
                lead=LEADS[cat.name][0],
                body=f"<p>{POOLS[cat.name][0]}</p>",
                status=status,
                published_at=when,
                created_by=writer,
            )
            created += 1
    _inline_images()
    return created


def _inline_images():
    from django.core.files.storage import default_storage

    for i in range(INLINE_IMAGES):
        name = f"demo/inline-{i}.webp"
        if not default_storage.exists(name):
            default_storage.save(name, images.content_width(draw_image(100 + i, size=(860, 540)), name))


DEMO_COMMENTS = [
    (
        "Nguyễn Thị Hoa",
        "Mô hình rất thiết thực",
        "Tôi ở xã Môn Sơn, thấy mô hình này giúp bà con nhiều lắm.\nMong được nhân rộng ra các bản khác.",
    ),
    ("Lô Văn Thắng", "Cảm ơn Ban Dân vận", "Cảm ơn các anh chị đã về tận bản lắng nghe ý kiến của bà con."),
    (
        "Trần Minh Quân",
        "Góp ý về thủ tục",
        "Đề nghị công khai thêm lịch tiếp công dân trên trang này để người dân tiện theo dõi.",
    ),
    (
        "Hồ Thị Lan",
        "Tự hào quê hương",
        "Đọc bài mà thấy tự hào về quê mình. Chúc các cán bộ dân vận sức khỏe!",
    ),
]


def seed_comments(users=None, stdout=None) -> int:
    """Reader comments on the newest articles: approved, pending and one rejected; idempotent.

    Also closes comments on one article so the "closed" state can be seen.
    """
    if Comment.objects.exists():
        return 0
    articles = list(Article.objects.published().order_by("-published_at")[:6])
    now = timezone.now()
    created = 0
    for i, article in enumerate(articles):
        for k in range(max(1, 4 - i)):
            name, title, body = DEMO_COMMENTS[(i + k) % len(DEMO_COMMENTS)]
            status = Comment.Status.APPROVED
            if k == 2 or (i == 1 and k == 0):
                status = Comment.Status.PENDING
            comment = Comment.objects.create(
                article=article,
                name=name,
                email="bandoc@example.com" if k % 2 else "",
                title=title,
                body=body,
                status=status,
                client_hash="demo",
                moderated_by=(users or {}).get("editor") if status == Comment.Status.APPROVED else None,
            )
            # Spread the times out after publication, never in the future (auto_now_add set "now").
            when = article.published_at + timedelta(minutes=35 * (k + 1) + 7 * i)
            Comment.objects.filter(pk=comment.pk).update(created_at=min(when, now - timedelta(minutes=5 - k)))
            created += 1
    if articles:
        Comment.objects.create(
            article=articles[0],
            name="Khách",
            title="Quảng cáo",
            body="Nội dung quảng cáo không phù hợp.",
            status=Comment.Status.REJECTED,
            client_hash="demo",
        )
        created += 1
        closed = articles[-1]
        Article.objects.filter(pk=closed.pk).update(comments_enabled=False)
    if stdout is not None:
        stdout.write(f"Ý kiến bạn đọc mới: {created}")
    return created
