"""The large data set of `seed_demo --size large`: 15 years of archives for the benchmark.

50,000 articles in 12 categories written with `bulk_create` (no per-row `save()`), so the
fields `save()` would compute are filled here: the slug, the sanitized body, `search_text` and —
on PostgreSQL — `search_vector` in one bulk UPDATE. Covers come from a small pool of images drawn
and resized once and shared by every article (50,000 drawn images would take an hour and
gigabytes); the files are real, so pages and thumbnails behave as in production.
"""

import random
from datetime import datetime, timedelta

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

from danvan_site import images
from danvan_site.text import fold, html_to_text, sanitize_html, vn_slugify

from .demo import AUTHORS, TAGS, draw_image
from .models import Article, ArticleViews, Category, Subsite, Tag, TaggedArticle
from .search import SEARCH_VECTOR_SQL

LARGE_ARTICLES = 50_000
LARGE_COMMENTS = 200_000
YEARS = 15
COVER_POOL = 24
BATCH = 2_000
# The demo's 9 categories plus these make the 12 of the large set.
EXTRA_CATEGORIES = ["Văn bản – Chỉ đạo", "Mặt trận và các đoàn thể", "Tin ảnh – Video"]

SUBJECTS = [
    "Hội nghị",
    "Đối thoại",
    "Mô hình",
    "Phong trào",
    "Tập huấn",
    "Kiểm tra",
    "Sơ kết",
    "Tổng kết",
    "Giao ban",
    "Tuyên dương",
]
TOPICS = [
    "công tác dân vận",
    "dân vận khéo",
    "quy chế dân chủ ở cơ sở",
    "xây dựng nông thôn mới",
    "đồng bào dân tộc thiểu số",
    "cải cách hành chính",
    "dân vận chính quyền",
    "công tác tôn giáo",
    "giải phóng mặt bằng",
    "chuyển đổi số",
]
PLACES = [
    "huyện Con Cuông",
    "huyện Kỳ Sơn",
    "thị xã Hoàng Mai",
    "huyện Quỳ Châu",
    "huyện Nghi Lộc",
    "thành phố Vinh",
    "huyện Tương Dương",
    "huyện Diễn Châu",
    "huyện Anh Sơn",
    "thị xã Cửa Lò",
]

# The archive's few shared texts (the benchmark measures pages of this size; the try-out's
# demo articles each have their own, articles.demo_texts).
LEADS = [
    "Với phương châm “trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân”, công tác dân vận đã góp phần quan trọng vào việc thực hiện thắng lợi các nhiệm vụ chính trị của địa phương.",
    "Phong trào thi đua “Dân vận khéo” tiếp tục được triển khai sâu rộng, xuất hiện nhiều mô hình hay, cách làm hiệu quả, được Nhân dân đồng tình hưởng ứng.",
    "Sáng nay, hội nghị đã đánh giá kết quả đạt được, chỉ ra những hạn chế và đề ra nhiệm vụ, giải pháp trọng tâm trong thời gian tới.",
    "Nhờ làm tốt công tác vận động, hàng trăm hộ dân đã tự nguyện hiến đất, góp công xây dựng công trình phúc lợi của thôn, bản.",
]

PARAGRAPHS = [
    "Thời gian qua, cấp ủy, chính quyền các cấp đã quan tâm lãnh đạo, chỉ đạo công tác dân vận, phát huy sức mạnh khối đại đoàn kết toàn dân tộc. Hệ thống dân vận từ tỉnh đến cơ sở được củng cố, kiện toàn; đội ngũ cán bộ làm công tác dân vận từng bước được nâng cao về chất lượng.",
    "Phong trào thi đua “Dân vận khéo” được triển khai sâu rộng trên các lĩnh vực kinh tế, văn hóa – xã hội, quốc phòng – an ninh và xây dựng hệ thống chính trị. Nhiều mô hình đã được nhân rộng, mang lại hiệu quả thiết thực, góp phần nâng cao đời sống vật chất và tinh thần của Nhân dân.",
    "Việc thực hiện dân chủ ở cơ sở được quan tâm; người dân được biết, được bàn, được tham gia ý kiến và giám sát các công việc của địa phương. Các cuộc đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân được tổ chức thường xuyên, giải quyết kịp thời những kiến nghị chính đáng.",
    "Phát biểu tại hội nghị, đồng chí Trưởng Ban Dân vận Tỉnh ủy đề nghị các cấp ủy, tổ chức đảng tiếp tục quán triệt sâu sắc quan điểm “dân là gốc”, đổi mới nội dung, phương thức công tác dân vận theo hướng thiết thực, hướng về cơ sở.",
    "Đồng bào các dân tộc thiểu số và đồng bào có đạo tin tưởng vào sự lãnh đạo của Đảng, tích cực tham gia các phong trào thi đua yêu nước, chung tay xây dựng nông thôn mới, giữ gìn an ninh trật tự trên địa bàn.",
]


def _categories() -> list[Category]:
    """The 12 categories, weighted: news ("Tin tức – Sự kiện" and its two children) is half the
    archive, as on the real sites, so its page 1,000 exists (20 articles a page)."""
    for extra in EXTRA_CATEGORIES:
        Category.objects.get_or_create(name=extra, parent=None, subsite=None, defaults={"order": 50})
    weighted = []
    for category in Category.objects.filter(subsite__isnull=True).select_related("parent"):
        family = category.parent or category
        weight = 10 if family.slug == "tin-tuc-su-kien" else 3
        weighted += [category] * weight
    return weighted


def _cover_pool() -> list[dict]:
    """A few covers drawn and resized once; every article points at one of them."""
    pool = []
    for i in range(COVER_POOL):
        name = f"demo-large/cover-{i}.jpg"
        thumb_name = f"demo-large/thumb-{i}.webp"
        large_name = f"demo-large/large-{i}.webp"
        if not default_storage.exists(name):
            drawn = draw_image(1000 + i)
            default_storage.save(name, drawn)
            drawn.seek(0)
            default_storage.save(thumb_name, images.thumbnail(drawn, name))
            drawn.seek(0)
            default_storage.save(large_name, images.content_width(drawn, name))
        pool.append(
            {
                "cover_image": name,
                "cover_thumb": thumb_name,
                "thumb_width": images.THUMB_SIZE[0],
                "thumb_height": images.THUMB_SIZE[1],
                "cover_large": large_name,
                "large_width": images.CONTENT_WIDTH,
                "large_height": round(images.CONTENT_WIDTH * 750 / 1200),
            }
        )
    return pool


def _bodies() -> list[tuple[str, str]]:
    """(sanitized body, folded plain text) variants, computed once."""
    bodies = []
    for k in range(len(PARAGRAPHS)):
        html = "".join(f"<p>{PARAGRAPHS[(k + j) % len(PARAGRAPHS)]}</p>" for j in range(5))
        html = sanitize_html(html)
        bodies.append((html, fold(html_to_text(html))))
    return bodies


def seed_large_articles(stdout=None, count: int = LARGE_ARTICLES) -> int:
    """Bulk-write `count` archive articles (idempotent: skipped when they are already there)."""
    existing = Article.objects.filter(slug__startswith="luu-tru-").count()
    if existing >= count:
        return 0
    rnd = random.Random(20260101)
    categories = _categories()
    pool = _cover_pool()
    bodies = _bodies()
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": vn_slugify(name)})[0] for name in TAGS]
    now = timezone.now()
    span = timedelta(days=365 * YEARS).total_seconds()
    created = 0
    for start in range(existing, count, BATCH):
        batch = []
        for i in range(start, min(start + BATCH, count)):
            title = f"{rnd.choice(SUBJECTS)} {rnd.choice(TOPICS)} ở {rnd.choice(PLACES)} ({i + 1})"
            lead = LEADS[i % len(LEADS)]
            body, body_text = bodies[i % len(bodies)]
            author_name, author_title = AUTHORS[i % len(AUTHORS)]
            # 2% drafts or waiting for review: the lists must filter them out, as in real life.
            status = Article.Status.PUBLISHED if i % 50 else rnd.choice(["draft", "review"])
            published_at = now - timedelta(seconds=rnd.uniform(3600, span))
            batch.append(
                Article(
                    title=title,
                    slug=f"luu-tru-{vn_slugify(title)}"[:300],
                    category=rnd.choice(categories),
                    lead=lead,
                    body=body,
                    author_name=author_name,
                    author_title=author_title,
                    source="Ban Dân vận Tỉnh ủy",
                    status=status,
                    published_at=published_at,
                    is_featured=i % 400 == 0,
                    search_text=" ".join((fold(title), fold(lead), body_text, fold(author_name))),
                    cover_caption="Ảnh minh họa",
                    **pool[i % len(pool)],
                )
            )
        Article.objects.bulk_create(batch, batch_size=BATCH)
        # bulk_create returns primary keys on PostgreSQL and SQLite ≥ 3.35 alike.
        _add_views(batch, rnd, 20_000)
        TaggedArticle.objects.bulk_create(
            [
                TaggedArticle(content_object=article, tag=tags[(article.pk + k) % len(tags)])
                for article in batch
                for k in range(2)
            ],
            batch_size=BATCH * 2,
        )
        created += len(batch)
        if stdout:
            stdout.write(f"  bài viết lưu trữ: {existing + created}/{count}")
    if connection.vendor == "postgresql":
        _fill_search_vectors()
    return created


LARGE_SUBSITES = 30
SUBSITE_ARTICLES = 200  # each
SUBSITE_CATEGORIES = ["Tin hoạt động", "Dân vận khéo ở cơ sở", "Quy chế dân chủ"]


def seed_large_subsites(stdout=None, count: int = LARGE_SUBSITES, per_site: int = SUBSITE_ARTICLES) -> int:
    """Sub-sites of `count` commune-level units, each with its menu and `per_site` articles
    over the years since the reform, written in bulk (idempotent)."""
    Unit = Subsite._meta.get_field("unit").related_model
    units = list(Unit.objects.filter(kind__in=Unit.COMMUNE_LEVEL_KINDS).order_by("pk")[:count])
    for n in range(len(units), count):  # fewer communes seeded than asked: the bench makes its own
        units.append(Unit.objects.get_or_create(name=f"Xã Đo Hiệu Năng {n + 1}", kind=Unit.Kind.COMMUNE)[0])
    rnd = random.Random(20250701)
    pool, bodies = _cover_pool(), _bodies()
    tag = Tag.objects.get_or_create(name=TAGS[0], defaults={"slug": vn_slugify(TAGS[0])})[0]
    now = timezone.now()
    span = (now - timezone.make_aware(datetime(2025, 7, 1))).total_seconds()
    created = 0
    for n, unit in enumerate(units):
        subsite = Subsite.objects.filter(unit=unit).first() or Subsite.objects.create(
            unit=unit, name=f"Đảng ủy {unit.name[:1].lower()}{unit.name[1:]}"
        )
        if subsite.articles.filter(slug__startswith="co-so-").exists():
            continue
        categories = [
            Category.objects.get_or_create(name=name, subsite=subsite, defaults={"order": k})[0]
            for k, name in enumerate(SUBSITE_CATEGORIES)
        ]
        batch = []
        for i in range(per_site):
            title = f"{rnd.choice(SUBJECTS)} {rnd.choice(TOPICS)} ở {unit.name.lower()} ({i + 1})"
            body, body_text = bodies[i % len(bodies)]
            batch.append(
                Article(
                    title=title,
                    slug=f"co-so-{n}-{vn_slugify(title)}"[:300],
                    subsite=subsite,
                    category=categories[i % len(categories)],
                    lead=LEADS[i % len(LEADS)],
                    body=body,
                    author_name=subsite.name,
                    status=Article.Status.PUBLISHED if i % 50 else Article.Status.DRAFT,
                    published_at=now - timedelta(seconds=rnd.uniform(3600, span)),
                    is_featured=i % 40 == 0,
                    search_text=" ".join((fold(title), fold(LEADS[i % len(LEADS)]), body_text)),
                    cover_caption="Ảnh minh họa",
                    **pool[i % len(pool)],
                )
            )
        Article.objects.bulk_create(batch, batch_size=BATCH)
        _add_views(batch, rnd, 5_000)
        TaggedArticle.objects.bulk_create([TaggedArticle(content_object=a, tag=tag) for a in batch])
        created += len(batch)
    if stdout:
        stdout.write(f"  bài viết trang thành phần: {created}")
    if connection.vendor == "postgresql":
        _fill_search_vectors()
    return created


def _add_views(articles, rnd, most: int):
    """Between 0 and `most` views for each of `articles` (saved)."""
    ArticleViews.objects.bulk_create(
        [ArticleViews(article=a, count=rnd.randint(0, most)) for a in articles], batch_size=BATCH
    )


def _fill_search_vectors():
    """The same vector `Article.update_search_vector()` writes, for every row in one statement."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE articles_article SET search_vector = {SEARCH_VECTOR_SQL} WHERE search_vector IS NULL"
        )
        cursor.execute("ANALYZE articles_article")


def comment_model():
    """The `Comment` model when the comments app is installed (it is built on its own branch)."""
    for label in ("comments", "articles"):
        try:
            return apps.get_model(label, "Comment")
        except LookupError:
            continue
    return None


COMMENT_NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hồ Văn Em"]
COMMENT_BODIES = [
    "Bài viết rất thiết thực, mong Ban tiếp tục phản ánh nhiều mô hình hay ở cơ sở.",
    "Cảm ơn tác giả. Ở xã tôi cách làm này cũng đã mang lại hiệu quả rõ rệt.",
    "Đề nghị nhân rộng mô hình ra các huyện miền núi.",
]


def seed_large_comments(stdout=None, count: int = LARGE_COMMENTS) -> int:
    """Approved comments spread over the archive; a no-op until the Comment model exists.

    Only fields the model has are filled, so this keeps working as the comments app evolves.
    """
    Comment = comment_model()
    if Comment is None:
        if stdout:
            stdout.write("  bình luận: bỏ qua (chưa có mô hình Comment)")
        return 0
    if Comment.objects.count() >= count:
        return 0
    field_names = {f.name for f in Comment._meta.get_fields()}
    article_ids = list(Article.objects.published().values_list("pk", flat=True))
    rnd = random.Random(7)
    approved = getattr(getattr(Comment, "Status", None), "APPROVED", "approved")
    created = 0
    for start in range(0, count, BATCH * 5):
        batch = []
        for i in range(start, min(start + BATCH * 5, count)):
            values = {
                "article_id": article_ids[i % len(article_ids)],
                "name": COMMENT_NAMES[i % len(COMMENT_NAMES)],
                "email": "",
                "title": "Ý kiến bạn đọc",
                "body": COMMENT_BODIES[i % len(COMMENT_BODIES)],
                "status": approved,
                "created_at": timezone.now() - timedelta(days=rnd.uniform(0, 365 * YEARS)),
            }
            batch.append(Comment(**{k: v for k, v in values.items() if k.removesuffix("_id") in field_names}))
        Comment.objects.bulk_create(batch, batch_size=BATCH * 5)
        created += len(batch)
        if stdout:
            stdout.write(f"  bình luận: {created}/{count}")
    return created
