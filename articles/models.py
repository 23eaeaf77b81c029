from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, connections, models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from danvan_site import caching, images
from danvan_site.fields import TimeStamped, acting_user
from danvan_site.text import (
    fold,
    html_to_text,
    parse_links,
    same_html,
    sanitize_html,
    unique_slug,
    vn_slugify,
)

from .search import SEARCH_VECTOR_SQL

# What a link to an article shows: its address, title, date and thumbnail (the most-read lists
# add its views: `most_read`).
LINK_FIELDS = ("slug", "title", "published_at", "cover_thumb", "thumb_width", "thumb_height")


class Category(models.Model):
    """A news section ("chuyên mục"); one parent level at most; top-level ones make the menu."""

    name = models.CharField("tên chuyên mục", max_length=150)
    slug = models.SlugField(
        "đường dẫn",
        max_length=160,
        unique=True,
        blank=True,
        help_text="Để trống để tạo tự động từ tên (không dấu).",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="chuyên mục cha",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
    )
    description = models.TextField("mô tả", blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    in_menu = models.BooleanField("hiện trên menu", default=True)
    subsite = models.ForeignKey(
        "Subsite",
        verbose_name="trang thành phần",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="categories",
        help_text="Để trống: chuyên mục của trang tỉnh. Chọn một trang thành phần: chuyên mục ở menu của trang đó.",
    )

    history = HistoricalRecords(verbose_name="lịch sử chuyên mục")

    class Meta:
        ordering = ("order", "name")
        verbose_name = "chuyên mục"
        verbose_name_plural = "chuyên mục"

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.parent_id and (self.parent_id == self.pk or self.parent.parent_id):
            raise ValidationError({"parent": "Chuyên mục chỉ có một cấp cha."})
        if self.parent_id and self.parent.subsite_id != self.subsite_id:
            raise ValidationError(
                {"parent": "Chuyên mục cha phải thuộc cùng trang (trang tỉnh hoặc cùng trang thành phần)."}
            )

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Category, self.name, instance_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.subsite_id:
            subsite = Subsite.cached(self.subsite_id)
            if subsite is not None:
                return reverse("articles:subsite_category", kwargs={"unit": subsite.slug, "slug": self.slug})
        return reverse("articles:category", kwargs={"slug": self.slug})

    @classmethod
    def families(cls) -> dict[int, list[int]]:
        """Top-level category id → its own id and its children's (kept until the news changes)."""

        def build():
            families = {}
            rows = [(c.pk, c.parent_id) for c in cls.by_slug().values()]
            for pk, parent_id in rows:
                if parent_id is None:
                    families[pk] = [pk]
            for pk, parent_id in rows:
                if parent_id in families:
                    families[parent_id].append(pk)
            return families

        return caching.get_or_set(caching.NEWS, "families", build)

    @classmethod
    def by_slug(cls) -> dict[str, "Category"]:
        """Every category by its slug, with its parent (kept until the news changes)."""
        return caching.get_or_set(
            caching.NEWS, "categories", lambda: {c.slug: c for c in cls.objects.select_related("parent")}
        )

    @classmethod
    def addresses(cls) -> dict[int, str]:
        """Every category's address by its id (kept until the news changes): a list shows the
        category of each of its items, and one lookup here costs a fifth of a `reverse()`."""
        return caching.get_or_set(
            caching.NEWS,
            "category-urls",
            lambda: {c.pk: c.get_absolute_url() for c in cls.by_slug().values()},
        )

    @classmethod
    def menu(cls, subsite_id: int | None = None) -> list["Category"]:
        """Top-level menu categories with their menu children (kept until the news changes):
        the province's, or with `subsite_id` that sub-site's own menu."""

        def build():
            cats = [c for c in cls.by_slug().values() if c.in_menu and c.subsite_id == subsite_id]
            menu = [c for c in cats if c.parent_id is None]
            for top in menu:
                top.menu_children = [c for c in cats if c.parent_id == top.pk]
            return menu

        return caching.get_or_set(caching.NEWS, "menu" if subsite_id is None else f"menu:{subsite_id}", build)


# The reporting unit a sub-site belongs to (SPEC glossary `Unit`).
UNIT_MODEL = "reports.Unit"


def validate_new_image(f) -> None:
    """`images.validate_image_file` for a fresh upload only: a stored banner was checked when it
    came in, and re-reading its closed file would fail."""
    if images.is_new_upload(f):
        images.validate_image_file(f)


class SubsiteQuerySet(models.QuerySet):
    """An archive is the sub-site of a unit that has ended (`UnitQuerySet.ended`: its last day
    in force is past); `Subsite.archived_on` is the same rule for one sub-site."""

    def archived(self, on=None):
        return self.filter(unit__in=self.ended_units(on))

    def current(self, on=None):
        """Sub-sites that take new articles and comments: their unit has not ended."""
        return self.exclude(unit__in=self.ended_units(on))

    def ended_units(self, on):
        return Subsite._meta.get_field("unit").related_model.objects.ended(on).values("pk")


class Subsite(TimeStamped):
    """A unit's own section of the site ("trang thành phần"): its banner, menu, articles, editors.

    Its address is `/don-vi/<slug>/`, the unit's slug when the sub-site was made; it is kept even
    if the unit is renamed, so links never break. A unit that ended keeps its sub-site as a
    read-only archive (`is_archived`, worked out from the unit's end date): no new article, no
    comment.
    """

    unit = models.OneToOneField(
        UNIT_MODEL,
        verbose_name="đơn vị",
        # A unit with a sub-site cannot be deleted (the admin lists the sub-site as the reason):
        # its pages are public record and keep their addresses. A merged unit is not deleted:
        # it ends, and its sub-site becomes an archive.
        on_delete=models.PROTECT,
        related_name="subsite",
    )
    name = models.CharField("tên trang", max_length=200, help_text="Ví dụ: Đảng ủy xã Con Cuông.")
    slug = models.SlugField(
        "đường dẫn",
        max_length=160,
        unique=True,
        blank=True,
        help_text="Để trống: lấy theo đơn vị. Không đổi sau khi tạo, để các liên kết cũ vẫn dùng được.",
    )
    banner = models.ImageField(
        "ảnh banner",
        upload_to="subsites/",
        blank=True,
        validators=[validate_new_image],
        width_field="banner_width",
        height_field="banner_height",
        help_text="Ảnh ngang, rộng khoảng 1200 px. Để trống thì dùng banner của tỉnh với tên trang.",
    )
    banner_width = models.PositiveSmallIntegerField(null=True, editable=False)
    banner_height = models.PositiveSmallIntegerField(null=True, editable=False)
    intro = models.TextField("giới thiệu ngắn", blank=True)
    links = models.TextField("liên kết", blank=True, help_text="Mỗi dòng: Tên liên kết | https://địa-chỉ")
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="người biên tập",
        blank=True,
        related_name="subsites",
        help_text="Phóng viên, biên tập viên chỉ làm việc với trang này (và các trang khác được giao); "
        "biên tập viên của trang thành phần thuộc nhóm “Biên tập viên trang thành phần”. "
        "Người không được giao trang nào làm việc với toàn bộ trang tỉnh.",
    )

    objects = SubsiteQuerySet.as_manager()

    class Meta:
        ordering = ("name",)
        verbose_name = "trang thành phần"
        verbose_name_plural = "trang thành phần"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:subsite_home", kwargs={"unit": self.slug})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Subsite, self.unit.slug or self.unit.name, instance_pk=self.pk)
        if images.is_new_upload(self.banner):
            # A fresh upload: keep only our re-encoded copy (no EXIF/GPS, no hidden payload).
            # Every page of the sub-site shows it: a light WebP copy, as the province's banner.
            webp = images.banner(self.banner.file, self.banner.name)
            self.banner.save(webp.name, webp, save=False)
        super().save(*args, **kwargs)

    @property
    def link_list(self):
        return parse_links(self.links)

    @property
    def is_archived(self) -> bool:
        """An archive is the sub-site of a unit that has ended: its last day in force
        (`Unit.valid_to`) is in the past. Derived from the unit, never ticked by hand, so an
        archive cannot be reopened by mistake and a unit that ends tomorrow is one the day after."""
        return self.archived_on(timezone.localdate())

    def archived_on(self, day) -> bool:
        """The rule of `UnitQuerySet.ended` (and so `SubsiteQuerySet.archived`) on `day`."""
        return self.unit.valid_to is not None and self.unit.valid_to < day

    @property
    def ended_on(self):
        """The first day the unit no longer works, if known: the day after its `valid_to` (its
        last day in force), as official texts put it ("kết thúc hoạt động từ ngày 01/7/2025")."""
        return self.unit.valid_to + timedelta(days=1) if self.unit.valid_to else None

    @classmethod
    def all_cached(cls) -> dict[int, "Subsite"]:
        """Every sub-site by id, with its unit and `carried_on_by` — the units that carry on an
        archived one's work, each with its own sub-site or None (kept until the news changes).

        `carried_on_by` is read for every unit with an end date, past or coming: a kept list
        stays right on the day a unit's end date passes."""

        def build():
            sites = {s.pk: s for s in cls.objects.select_related("unit")}
            by_unit = {s.unit_id: s for s in sites.values()}
            for site in sites.values():
                site.carried_on_by = []
            ending = {s.unit_id: s for s in sites.values() if s.unit.valid_to is not None}
            for predecessor_id, unit in successor_units(ending):
                ending[predecessor_id].carried_on_by.append((unit, by_unit.get(unit.pk)))
            return sites

        return caching.get_or_set(caching.NEWS, "subsites", build)

    @classmethod
    def cached(cls, pk: int | None) -> "Subsite | None":
        """One sub-site, kept on its own: a sub-site page reads it several times, and reading the
        whole kept list each time would unpickle every sub-site."""
        if not pk:
            return None
        return caching.get_or_set(caching.NEWS, f"subsite:{pk}", lambda: cls.all_cached().get(pk))

    @classmethod
    def from_slug(cls, slug: str) -> "Subsite | None":
        ids = caching.get_or_set(
            caching.NEWS, "subsite-slugs", lambda: {s.slug: s.pk for s in cls.all_cached().values()}
        )
        return cls.cached(ids.get(slug))


def successor_units(unit_ids) -> list[tuple[int, models.Model]]:
    """(predecessor id, successor unit) pairs for the units `unit_ids`, in one query."""
    if not unit_ids:
        return []
    Unit = Subsite._meta.get_field("unit").related_model
    pairs = []
    for unit in Unit.objects.filter(predecessors__in=list(unit_ids)).prefetch_related("predecessors"):
        pairs += [(p.pk, unit) for p in unit.predecessors.all() if p.pk in unit_ids]
    return pairs


class Tag(TagBase):
    """A tag whose slug follows the site's Vietnamese rule (Đ → d)."""

    class Meta:
        verbose_name = "thẻ"
        verbose_name_plural = "thẻ"

    def slugify(self, tag, i=None):
        slug = vn_slugify(tag)
        return f"{slug}-{i}" if i is not None else slug

    def get_absolute_url(self):
        return reverse("articles:tag", kwargs={"slug": self.slug})


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published, its publication time has come, not in the trash.

        The single definition of visibility — every public view, feed and sitemap uses it.
        """
        return self.alive().filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def alive(self):
        """Not in the trash: what editors work with by default."""
        return self.filter(deleted_at__isnull=True)

    def in_trash(self):
        """Deleted by an editor, kept so it can be restored."""
        return self.filter(deleted_at__isnull=False)

    def province(self):
        """The province's own articles: its home, categories, latest news and feed show no
        sub-site's (those have the block "Tin từ cơ sở" on the home page)."""
        return self.filter(subsite__isnull=True)

    def from_subsites(self):
        """Articles of any sub-site ("Tin từ cơ sở")."""
        return self.filter(subsite__isnull=False)

    def for_list(self):
        """Columns a list item or a feed entry shows (thumbnail or large cover, title, date, lead,
        author) and its category's name and address; the rest of the row stays in the database."""
        return self.select_related("category").only(
            *LINK_FIELDS,
            *("lead", "author_name", "subsite", "cover_large", "large_width", "large_height"),
            *("category__name", "category__slug", "category__subsite"),
        )

    def for_links(self):
        """Columns a link to the article needs (`LINK_FIELDS`): the related news and the sidebar
        lists, which show neither the lead nor the category."""
        return self.only(*LINK_FIELDS)

    def with_views(self):
        """Each article's "Lượt xem" as `view_count` (0 before its first view)."""
        return self.annotate(view_count=Coalesce("views__count", 0))

    def in_category(self, category: Category):
        """Articles of `category` and of its children: a section page lists its subsections."""
        return self.filter(category_id__in=Category.families().get(category.pk, [category.pk]))

    def newest(self):
        return self.order_by("-published_at", "-pk")

    def scheduled(self):
        """Published, but its publication time has not come yet."""
        return self.alive().filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def related_to(self, article: "Article", limit: int) -> list["Article"]:
        """ "Tin cùng chuyên mục": published articles of the same category, never the article
        itself. When the category has fewer than `limit`, the rest comes from its section (parent
        and sibling categories), then from the latest news. Each part is a `LIMIT` walk of an
        index from the newest end; the list a reader sees is newest first as a whole (SPEC), so a
        filler never sits above a newer article or below an older one.
        """
        newest = self.published().for_links().exclude(pk=article.pk).newest()
        section_id = article.category.parent_id or article.category_id
        sources = (
            Q(category_id=article.category_id),
            Q(category_id__in=Category.families().get(section_id, [section_id])),
            Q(subsite_id=article.subsite_id),  # the latest news of the same site, never another's
        )
        related: list[Article] = []
        for source in sources:
            if len(related) >= limit:
                break
            related += newest.filter(source).exclude(pk__in=[a.pk for a in related])[: limit - len(related)]
        return sorted(related, key=lambda a: (a.published_at, a.pk), reverse=True)

    def newest_of_each(self, groups: dict) -> dict:
        """The newest articles of each group: `{key: (articles, count)}`, where `articles` is a
        queryset of published articles (`Article.objects.published().province()`,
        `.published().in_category(c)`, …; the caller filters once for all of them) →
        `{key: [article, …]}`, newest first, with what a list item shows (`for_list`). An article
        unpublished between the two queries is left out.

        Two queries however many groups: the ids, each group a `LIMIT` walk of the date index (one
        UNION ALL on PostgreSQL; SQLite cannot limit the parts of a compound query, so there one
        query per group), then the rows of them all. A window over the archive would number every
        row.
        """
        parts = [
            articles.newest().annotate(group=Value(i)).values_list("group", "pk")[:count]
            for i, (articles, count) in enumerate(groups.values())
        ]
        if not parts:
            return {}
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            pairs = list(parts[0].union(*parts[1:], all=True))
        else:
            pairs = [pair for part in parts for pair in part]
        rows = self.published().for_list().in_bulk({pk for _, pk in pairs})
        keys = list(groups)
        found = {key: [] for key in keys}
        for i, pk in pairs:
            if pk in rows:  # not unpublished or deleted between the two queries
                found[keys[i]].append(rows[pk])
        for articles in found.values():
            articles.sort(key=lambda a: (a.published_at, a.pk), reverse=True)
        return found

    def most_read(self, days: int | None = None):
        """Most viewed first; with `days`, among the articles published in the last `days` days
        ("Đọc nhiều" of the sidebar: what readers read lately, found from the date index)."""
        articles = self.published()
        if days:
            articles = articles.filter(published_at__gte=timezone.now() - timedelta(days=days))
        return articles.with_views().order_by("-view_count", "-published_at")


class TagsInHistory(models.Model):
    """The tags of an article at each saved version, as the admin's tag field writes them.

    taggit's manager is not a many-to-many field django-simple-history can follow, so each
    version keeps them as text: see `articles.history`.
    """

    tag_names = models.TextField("thẻ", blank=True, default="")

    class Meta:
        abstract = True


class Article(TimeStamped):
    class Status(models.TextChoices):
        DRAFT = "draft", "Nháp"
        REVIEW = "review", "Chờ duyệt"
        PUBLISHED = "published", "Đã xuất bản"

    title = models.CharField("tiêu đề", max_length=300)
    slug = models.SlugField(
        "đường dẫn",
        max_length=320,
        unique=True,
        blank=True,
        help_text="Tạo tự động từ tiêu đề (không dấu); không đổi sau khi xuất bản.",
    )
    category = models.ForeignKey(
        Category, verbose_name="chuyên mục", on_delete=models.PROTECT, related_name="articles"
    )
    subsite = models.ForeignKey(
        "Subsite",
        verbose_name="trang thành phần",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text="Để trống: bài của trang tỉnh. Chuyên mục phải thuộc cùng trang.",
    )
    lead = models.TextField(
        "sapo (tóm tắt)", help_text="Đoạn mở đầu in đậm, hiện dưới tiêu đề và trong danh sách."
    )
    body = models.TextField("nội dung", blank=True)
    cover_image = models.ImageField(
        "ảnh đại diện",
        upload_to="articles/%Y/%m/",
        blank=True,
        validators=[images.validate_image_file],
    )
    cover_caption = models.CharField("chú thích ảnh", max_length=300, blank=True)
    cover_thumb = models.ImageField(
        upload_to="articles/thumbs/%Y/%m/",
        blank=True,
        editable=False,
        width_field="thumb_width",
        height_field="thumb_height",
    )
    thumb_width = models.PositiveSmallIntegerField(null=True, editable=False)
    thumb_height = models.PositiveSmallIntegerField(null=True, editable=False)
    cover_large = models.ImageField(
        upload_to="articles/large/%Y/%m/",
        blank=True,
        editable=False,
        width_field="large_width",
        height_field="large_height",
    )
    large_width = models.PositiveSmallIntegerField(null=True, editable=False)
    large_height = models.PositiveSmallIntegerField(null=True, editable=False)
    author_name = models.CharField(
        "tác giả", max_length=200, blank=True, help_text='Ví dụ: "Nguyễn Văn A" hoặc "Bài, ảnh: Trần Thị B".'
    )
    author_title = models.CharField("chức vụ tác giả", max_length=200, blank=True)
    source = models.CharField("nguồn", max_length=200, blank=True)
    tags = TaggableManager(
        "thẻ",
        through=TaggedArticle,
        blank=True,
        help_text="Các thẻ cách nhau bằng dấu phẩy, ví dụ: Dân vận khéo, Nông thôn mới.",
    )
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "thời gian xuất bản",
        default=timezone.now,
        help_text="Đặt thời điểm trong tương lai để hẹn giờ đăng.",
    )
    is_featured = models.BooleanField("tin nổi bật", default=False)
    comments_enabled = models.BooleanField(
        "cho phép ý kiến bạn đọc",
        default=True,
        help_text="Bỏ chọn để đóng ý kiến bạn đọc của bài này. "
        "Ý kiến cũng tự đóng khi bài đã đăng quá số ngày cấu hình.",
    )
    search_text = models.TextField(editable=False, default="")
    search_vector = SearchVectorField(null=True, editable=False)
    created_by = acting_user("người tạo")
    updated_by = acting_user("người sửa")
    deleted_at = models.DateTimeField("chuyển vào thùng rác lúc", null=True, blank=True, editable=False)
    deleted_by = acting_user("người xóa")

    objects = ArticleQuerySet.as_manager()
    # Every saved version (who, when, what), for "restore this version" in the admin. The search
    # columns are derived from the rest and recomputed on save.
    history = HistoricalRecords(
        excluded_fields=["search_text", "search_vector"],
        bases=[TagsInHistory],
        verbose_name="lịch sử bài viết",
    )

    class Meta:
        ordering = ("-published_at", "-pk")
        get_latest_by = "published_at"
        verbose_name = "bài viết"
        verbose_name_plural = "bài viết"
        permissions = [("publish_article", "Có thể xuất bản bài viết")]
        indexes = [
            # Lists are ordered by (-published_at, -id): with the id in the index, a page is an
            # index seek (articles.pagination) and needs no sort. Public lists never show the
            # trash: without it in the index (partial), a section's count reads every row of the
            # table instead of the index alone.
            models.Index(
                fields=["status", "-published_at", "-id"],
                name="article_alive_pub_id",
                condition=models.Q(deleted_at__isnull=True),
            ),
            models.Index(
                fields=["category", "status", "-published_at", "-id"],
                name="article_alive_cat_pub_id",
                condition=models.Q(deleted_at__isnull=True),
            ),
            models.Index(fields=["is_featured", "status", "-published_at"], name="article_featured"),
            # A sub-site's home lists its own articles; "Tin từ cơ sở" every sub-site's, newest first.
            models.Index(
                fields=["subsite", "status", "-published_at", "-id"],
                condition=models.Q(deleted_at__isnull=True),
                name="article_subsite_pub_id",
            ),
            models.Index(
                fields=["status", "-published_at", "-id"],
                condition=models.Q(subsite__isnull=False, deleted_at__isnull=True),
                name="article_from_subsites",
            ),
        ]

    _loaded_cover = None  # the cover file name as stored, to notice a new upload

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if "cover_image" in instance.__dict__:
            instance._loaded_cover = instance.cover_image.name
        return instance

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:detail", args=[self.slug])

    def sorted_tags(self) -> list["Tag"]:
        """The article's tags in Vietnamese alphabetical order, as readers see them."""
        return sorted(self.tags.all(), key=lambda tag: (fold(tag.name), tag.name))

    def is_published(self) -> bool:
        """Same rule as `ArticleQuerySet.published()`, for one instance."""
        return (
            self.deleted_at is None
            and self.status == self.Status.PUBLISHED
            and self.published_at <= timezone.now()
        )

    @property
    def in_trash(self) -> bool:
        return self.deleted_at is not None

    def move_to_trash(self, user):
        """What "delete" does to an article: hidden everywhere, restorable by an editor."""
        self.deleted_at = timezone.now()
        self.deleted_by = user
        self._change_reason = "Chuyển vào thùng rác"
        self.save(update_fields=["deleted_at", "deleted_by", "updated_at"])

    def restore_from_trash(self):
        self.deleted_at = None
        self.deleted_by = None
        self._change_reason = "Khôi phục từ thùng rác"
        self.save(update_fields=["deleted_at", "deleted_by", "updated_at"])

    def comments_open(self) -> bool:
        """Readers may send a comment: the article is public, comments are enabled on it, and
        it is not older than `COMMENTS_CLOSE_AFTER_DAYS` (0 = comments never close by age)."""
        if not (self.comments_enabled and self.is_published()):
            return False
        subsite = Subsite.cached(self.subsite_id)
        if subsite is not None and subsite.is_archived:
            return False  # an archived sub-site is read-only
        days = settings.COMMENTS_CLOSE_AFTER_DAYS
        return not days or self.published_at >= timezone.now() - timedelta(days=days)

    @property
    def author_line(self) -> str:
        return " — ".join(p for p in (self.author_name, self.author_title) if p)

    def cleaned_body(self) -> str:
        """The body as it is stored: sanitized, every image with its alt, size and lazy loading."""
        return images.complete_img_tags(sanitize_html(self.body))

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Article, self.title, instance_pk=self.pk)
        self.body = self.cleaned_body()
        if self.pk and kwargs.get("update_fields") is None:
            # The same text spelled another way (attribute order): keep the stored spelling,
            # so the history records no change of "Nội dung".
            stored = Article.objects.filter(pk=self.pk).values_list("body", flat=True).first()
            if stored is not None and same_html(stored, self.body):
                self.body = stored
        self.search_text = fold(" ".join((self.title, self.lead, html_to_text(self.body), self.author_name)))
        cover_changed = self.cover_image.name != self._loaded_cover
        if self.cover_image and cover_changed:
            self._make_renditions()
        elif not self.cover_image:
            self.cover_thumb = self.cover_large = None
        super().save(*args, **kwargs)
        self._loaded_cover = self.cover_image.name
        if connection.vendor == "postgresql":
            self.update_search_vector()

    def _make_renditions(self):
        f = self.cover_image
        if images.is_new_upload(f):
            # A fresh upload: keep only our re-encoded copy (no EXIF/GPS, no hidden payload).
            # Saved under the JPEG's own name: a ".png" holding JPEG bytes would be served with
            # the wrong content type.
            jpeg = images.reencode(f.file, f.name)
            f.save(jpeg.name, jpeg, save=False)
        # Each rendition field has its own upload_to folder: it is given the file's base name
        # only, or the cover's own folder would be nested inside it (articles/large/Y/m/articles/Y/m/).
        # Storage names always separate folders with "/", whatever the operating system.
        name = f.name.rsplit("/", 1)[-1]
        with f.open("rb") as src:
            for field, make in (
                (self.cover_thumb, images.thumbnail),
                (self.cover_large, images.content_width),
            ):
                rendition = make(src, name)
                field.save(rendition.name, rendition, save=False)

    def update_search_vector(self):
        """PostgreSQL only: title (A), lead (B) and body (C) in the unaccent text-search config."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE articles_article SET search_vector = {SEARCH_VECTOR_SQL} WHERE id = %s", [self.pk]
            )


class ArticleViews(models.Model):
    """An article's "Lượt xem", in a narrow row of its own: a counted view rewrites this row
    alone, so the article's row, its indexes and PostgreSQL's visibility map stay untouched and
    a section's count remains an index-only scan however much the news is read."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="views", verbose_name="bài viết"
    )
    count = models.PositiveIntegerField("lượt xem", default=0)

    class Meta:
        verbose_name = "lượt xem bài viết"
        verbose_name_plural = "lượt xem bài viết"

    def __str__(self):
        return f"{self.article_id}: {self.count}"


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """What the public may see: approved comments only, oldest first."""
        return self.filter(status=Comment.Status.APPROVED).order_by("created_at", "pk")

    def public(self):
        """Approved, oldest first, with only the columns the page shows (never the email)."""
        return self.approved().only("pk", "article_id", "name", "title", "body", "created_at")

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def moderate(self, status: str, user) -> int:
        """Set the status of every comment here and record who did it; returns how many changed."""
        changed = self.exclude(status=status).update(
            status=status, moderated_by=user, moderated_at=timezone.now()
        )
        if changed:
            caching.bump(caching.NEWS)  # an update() sends no signal
        return changed

    def from_client_since(self, client_hash: str, since):
        """Comments this client sent since `since`, whatever became of them (for the rate limit)."""
        return self.filter(client_hash=client_hash, created_at__gte=since)


class Comment(models.Model):
    """A reader's comment ("ý kiến bạn đọc") on an article.

    Nothing a reader writes is public before an editor approves it; rejecting keeps the comment.
    The email is never shown. The client's address is kept only as a keyed hash, for the rate limit.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Chờ duyệt"
        APPROVED = "approved", "Đã duyệt"
        REJECTED = "rejected", "Từ chối"

    NAME_MAX = 100
    TITLE_MAX = 200
    BODY_MAX = 3000

    article = models.ForeignKey(
        Article, verbose_name="bài viết", on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField("họ tên", max_length=NAME_MAX)
    email = models.EmailField("email", blank=True, help_text="Không bao giờ hiển thị công khai.")
    title = models.CharField("tiêu đề", max_length=TITLE_MAX)
    body = models.TextField("nội dung", max_length=BODY_MAX)
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField("gửi lúc", auto_now_add=True, db_index=True)
    client_hash = models.CharField(
        "mã máy gửi",
        max_length=64,
        editable=False,
        help_text="Băm có khóa của địa chỉ máy gửi (không lưu địa chỉ IP), dùng để giới hạn tần suất.",
    )
    moderated_by = acting_user("người duyệt")
    moderated_at = models.DateTimeField("duyệt lúc", null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")
        get_latest_by = "created_at"
        verbose_name = "ý kiến bạn đọc"
        verbose_name_plural = "ý kiến bạn đọc"
        permissions = [("moderate_comment", "Có thể duyệt ý kiến bạn đọc")]
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_article_status"),
            models.Index(fields=["client_hash", "created_at"], name="comment_client_recent"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#y-kien-{self.pk}"

    def _moderate(self, status, user):
        self.status = status
        self.moderated_by = user
        self.moderated_at = timezone.now()
        self.save(update_fields=["status", "moderated_by", "moderated_at"])

    def approve(self, approving_user):
        self._moderate(self.Status.APPROVED, approving_user)

    def reject(self, rejecting_user):
        """Hide the comment from the public; it stays in the database for the record."""
        self._moderate(self.Status.REJECTED, rejecting_user)
