import uuid

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.urls import reverse
from django.utils import timezone

from danvan_site import images
from danvan_site.fields import TimeStamped
from danvan_site.text import fold, unique_slug

from . import files
from .numbers import number_key

# Number (A), summary (B) and the folded issuer, signer and text (C) in the unaccent text-search
# configuration of articles.search. Written by `Document.update_search_vector()` for one row and
# by the bulk seeder for many.
SEARCH_VECTOR_SQL = (
    "setweight(to_tsvector('vn_unaccent', coalesce(number, '')), 'A') || "
    "setweight(to_tsvector('vn_unaccent', coalesce(summary, '')), 'B') || "
    "setweight(to_tsvector('vn_unaccent', coalesce(search_text, '')), 'C')"
)


def document_upload_to(instance, filename):
    """A name of our own: nothing of the uploader's file name reaches the disk or a URL; the
    extension is the one the content proved (`files.sniff`)."""
    year = (instance.issued_on or timezone.localdate()).year
    return f"documents/{year}/{uuid.uuid4().hex}.{instance.file_kind or 'bin'}"


class DocumentQuerySet(models.QuerySet):
    def public(self):
        """What readers may see: published documents. Every public view, feed and sitemap uses it."""
        return self.filter(is_published=True)

    def for_list(self):
        """The columns a list shows: never the extracted text."""
        return self.defer("text", "search_text", "search_vector")

    def of_subsite(self, subsite_id):
        """A unit's documents: those of its sub-site (None: the province's own)."""
        return self.filter(subsite_id=subsite_id)

    def newest(self):
        return self.order_by("-issued_on", "-pk")

    def matching_number(self, parts: list[str]):
        """Documents whose number has every group of `parts` ("kh 177" finds 177-KH/HU)."""
        qs = self
        for part in parts:
            qs = qs.filter(number_key__contains=f" {part} ")
        return qs


class Document(TimeStamped):
    """A document of the Party or the state ("văn bản") in the library at /van-ban/."""

    class Kind(models.TextChoices):
        NGHI_QUYET = "nghi-quyet", "Nghị quyết"
        CHI_THI = "chi-thi", "Chỉ thị"
        KET_LUAN = "ket-luan", "Kết luận"
        QUY_DINH = "quy-dinh", "Quy định"
        QUY_CHE = "quy-che", "Quy chế"
        KE_HOACH = "ke-hoach", "Kế hoạch"
        CHUONG_TRINH = "chuong-trinh", "Chương trình"
        HUONG_DAN = "huong-dan", "Hướng dẫn"
        QUYET_DINH = "quyet-dinh", "Quyết định"
        CONG_VAN = "cong-van", "Công văn"
        THONG_BAO = "thong-bao", "Thông báo"
        BAO_CAO = "bao-cao", "Báo cáo"

    class Status(models.TextChoices):
        IN_FORCE = "in-force", "Còn hiệu lực"
        EXPIRED = "expired", "Hết hiệu lực"
        NOT_YET = "not-yet", "Chưa có hiệu lực"

    number = models.CharField(
        "số, ký hiệu", max_length=60, help_text="Ví dụ: 177-KH/HU, 16/CT-TTg, 224/2026/NĐ-CP."
    )
    number_key = models.CharField(max_length=120, editable=False, db_index=True)
    slug = models.SlugField(
        "đường dẫn", max_length=80, unique=True, editable=False, help_text="Tạo từ số hiệu; không đổi."
    )
    kind = models.CharField("loại văn bản", max_length=20, choices=Kind.choices)
    issuer = models.CharField(
        "cơ quan ban hành", max_length=200, help_text="Ví dụ: Ban Bí thư, Tỉnh ủy Nghệ An."
    )
    signer = models.CharField("người ký", max_length=200, blank=True)
    issued_on = models.DateField("ngày ban hành")
    effective_on = models.DateField(
        "ngày có hiệu lực", null=True, blank=True, help_text="Để trống nếu có hiệu lực từ ngày ban hành."
    )
    expires_on = models.DateField(
        "ngày hết hiệu lực", null=True, blank=True, help_text="Để trống khi chưa hết hiệu lực."
    )
    summary = models.TextField("trích yếu")
    file = models.FileField(
        "tệp văn bản",
        upload_to=document_upload_to,
        blank=True,
        validators=[files.validate_document_file],
        help_text="PDF, DOC hoặc DOCX; dung lượng tối đa theo cấu hình (DOCUMENT_UPLOAD_MAX_BYTES).",
    )
    file_kind = models.CharField(max_length=4, blank=True, editable=False)
    file_size = models.PositiveBigIntegerField(null=True, editable=False)
    fields = models.ManyToManyField(
        "reports.Field", verbose_name="lĩnh vực", blank=True, related_name="documents"
    )
    replaces = models.ManyToManyField(
        "self", verbose_name="thay thế văn bản", symmetrical=False, blank=True, related_name="replaced_by"
    )
    amends = models.ManyToManyField(
        "self",
        verbose_name="sửa đổi, bổ sung văn bản",
        symmetrical=False,
        blank=True,
        related_name="amended_by",
    )
    subsite = models.ForeignKey(
        "articles.Subsite",
        verbose_name="đơn vị",
        null=True,
        blank=True,
        # A unit's documents are public record: its sub-site cannot be deleted while it has any.
        on_delete=models.PROTECT,
        related_name="documents",
        help_text="Văn bản của một đơn vị có trang thành phần; để trống: văn bản của tỉnh.",
    )
    is_published = models.BooleanField("hiện công khai", default=True)
    text = models.TextField("nội dung trích từ tệp", blank=True, editable=False)
    search_text = models.TextField(editable=False, default="")
    search_vector = SearchVectorField(null=True, editable=False)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ("-issued_on", "-pk")
        get_latest_by = "issued_on"
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        constraints = [
            models.UniqueConstraint(fields=["number_key", "issuer"], name="document_number_issuer_unique")
        ]
        indexes = [
            models.Index(fields=["is_published", "-issued_on", "-id"], name="document_pub_issued"),
            models.Index(fields=["kind", "is_published", "-issued_on"], name="document_kind_issued"),
            models.Index(fields=["issuer", "is_published", "-issued_on"], name="document_issuer_issued"),
            models.Index(fields=["subsite", "is_published", "-issued_on"], name="document_subsite_issued"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} số {self.number}"

    def get_absolute_url(self):
        return reverse("documents:detail", args=[self.slug])

    @property
    def title(self) -> str:
        return str(self)

    def status(self, today=None) -> str:
        """Worked out from the dates: not yet in force before `effective_on` (or `issued_on`),
        expired from `expires_on` on, in force in between."""
        today = today or timezone.localdate()
        starts = self.effective_on or self.issued_on
        if starts and today < starts:
            return self.Status.NOT_YET
        if self.expires_on and today >= self.expires_on:
            return self.Status.EXPIRED
        return self.Status.IN_FORCE

    def get_status_display(self) -> str:
        return self.Status(self.status()).label

    def download_name(self) -> str:
        """A safe file name for the download: the slug (ASCII letters, digits, hyphens)."""
        return f"{self.slug}.{self.file_kind or 'bin'}"

    def file_present(self) -> bool:
        return bool(self.file) and self.file.storage.exists(self.file.name)

    def clean(self):
        self.number = " ".join((self.number or "").split())
        self.issuer = " ".join((self.issuer or "").split())
        errors = {}
        self.number_key = number_key(self.number)
        if self.number and not self.number_key:
            errors["number"] = "Số, ký hiệu phải có phần số và phần chữ, ví dụ 177-KH/HU."
        elif self.number_key and self.issuer:
            other = Document.objects.exclude(pk=self.pk).filter(
                number_key=self.number_key, issuer=self.issuer
            )
            other = other.only("number", "issued_on").first()
            if other is not None:
                errors["number"] = (
                    f"Đã có văn bản số {other.number} của {self.issuer} "
                    f"(ban hành {other.issued_on:%d/%m/%Y}): hai văn bản không được trùng số và cơ quan ban hành."
                )
        starts = self.effective_on or self.issued_on
        if self.effective_on and self.issued_on and self.effective_on < self.issued_on:
            errors["effective_on"] = "Ngày có hiệu lực không được trước ngày ban hành."
        if self.expires_on and starts and self.expires_on <= starts:
            errors["expires_on"] = "Ngày hết hiệu lực phải sau ngày có hiệu lực."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.number = " ".join(self.number.split())
        self.number_key = number_key(self.number)
        if not self.slug:
            self.slug = unique_slug(Document, self.number.replace("/", "-"), instance_pk=self.pk) or "van-ban"
        upload = self.file if images.is_new_upload(self.file) else None
        if upload is not None:
            self.file_kind = files.sniff(upload) or ""
            self.file_size = upload.size
            self.text = files.extract_text(upload, self.file_kind)
        elif not self.file:
            self.file_kind, self.file_size, self.text = "", None, ""
        self.search_text = fold(" ".join((self.number, self.summary, self.issuer, self.signer, self.text)))
        super().save(*args, **kwargs)
        if connection.vendor == "postgresql":
            self.update_search_vector()

    def update_search_vector(self):
        """PostgreSQL only: number (A), summary (B), the rest (C), in the unaccent config."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE documents_document SET search_vector = {SEARCH_VECTOR_SQL} WHERE id = %s", [self.pk]
            )


class Citation(models.Model):
    """A document number cited in an article's body, by its key (`numbers.number_key`).

    Kept by number and not by document, so a document added later finds the articles that
    cited it before; rewritten when the article is saved (documents.signals).
    """

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="document_citations"
    )
    number_key = models.CharField(max_length=120, db_index=True)

    class Meta:
        verbose_name = "trích dẫn văn bản"
        verbose_name_plural = "trích dẫn văn bản"
        constraints = [models.UniqueConstraint(fields=["article", "number_key"], name="citation_unique")]

    def __str__(self):
        return self.number_key.strip()
