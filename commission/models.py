"""The commission's own pages: who it is (`CommissionPage`, `Department`, `Leader`), its work
calendar (`ScheduleItem`), readers' questions (`Question`), satisfaction ratings (`Rating`)."""

from django.db import models
from django.utils import timezone

from danvan_site import caching, images
from danvan_site.fields import TimeStamped, acting_user
from danvan_site.text import fold, html_to_text, sanitize_html


class CommissionPage(models.Model):
    """The one record of the "Giới thiệu" and English texts, edited in the admin (rich text,
    sanitized on save like an article's body)."""

    functions = models.TextField(
        "chức năng, nhiệm vụ", blank=True, help_text="Hiện ở mục «Chức năng, nhiệm vụ» trang Giới thiệu."
    )
    history = models.TextField("lịch sử", blank=True, help_text="Quá trình hình thành và phát triển.")
    en_name = models.CharField(
        "tên tiếng Anh", max_length=200, blank=True, default="Commission for Mass Mobilization"
    )
    en_functions = models.TextField("chức năng (tiếng Anh)", blank=True)
    en_structure = models.TextField("cơ cấu tổ chức (tiếng Anh)", blank=True)
    en_contacts = models.TextField(
        "liên hệ (tiếng Anh)",
        blank=True,
        help_text="Để trống thì trang tiếng Anh dùng địa chỉ, điện thoại, email trong cấu hình trang.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    RICH_FIELDS = ("functions", "history", "en_functions", "en_structure", "en_contacts")

    class Meta:
        verbose_name = "trang giới thiệu"
        verbose_name_plural = "trang giới thiệu"

    def __str__(self):
        return "Trang giới thiệu"

    def save(self, *args, **kwargs):
        self.pk = 1
        for name in self.RICH_FIELDS:
            setattr(self, name, sanitize_html(getattr(self, name)))
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "CommissionPage":
        """The record (kept until the commission's pages change); empty texts until saved."""
        return caching.get_or_set(
            caching.COMMISSION, "page", lambda: cls.objects.filter(pk=1).first() or cls(pk=1)
        )


class Department(models.Model):
    """A department ("phòng") of the commission and its head, a box of the organisation chart."""

    name = models.CharField("tên phòng", max_length=200)
    en_name = models.CharField("tên tiếng Anh", max_length=200, blank=True)
    head_name = models.CharField("trưởng phòng: họ tên", max_length=100, blank=True)
    head_title = models.CharField("trưởng phòng: chức vụ", max_length=100, blank=True, default="Trưởng phòng")
    phone = models.CharField("điện thoại", max_length=50, blank=True)
    tasks = models.TextField("nhiệm vụ chính", blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ("order", "name")
        verbose_name = "phòng"
        verbose_name_plural = "cơ cấu tổ chức: các phòng"

    def __str__(self):
        return self.name


class LeaderQuerySet(models.QuerySet):
    def current(self):
        """The leaders in office, in the order the admin gave them."""
        return self.filter(is_current=True).order_by("order", "name")


class Leader(models.Model):
    """One of the commission's leaders ("lãnh đạo Ban"): photo, title, duties, short bio."""

    name = models.CharField("họ tên", max_length=100)
    title = models.CharField("chức vụ", max_length=200)
    photo = models.ImageField(
        "ảnh chân dung",
        upload_to="leaders/",
        blank=True,
        help_text="Ảnh đứng, tỉ lệ khoảng 3:4; ảnh được lưu lại dạng WebP, rộng tối đa 600 px.",
    )
    duties = models.TextField("nhiệm vụ được phân công", blank=True)
    bio = models.TextField("tiểu sử tóm tắt", blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_current = models.BooleanField("đang đương nhiệm", default=True)

    objects = LeaderQuerySet.as_manager()

    class Meta:
        ordering = ("order", "name")
        verbose_name = "lãnh đạo"
        verbose_name_plural = "lãnh đạo Ban"

    def __str__(self):
        return f"{self.name} — {self.title}"

    def save(self, *args, **kwargs):
        if images.is_new_upload(self.photo):
            # Re-encoded once, on upload (WebP, as pages show images): nothing hidden survives.
            webp = images.content_width(self.photo.file, self.photo.name, width=600)
            self.photo.save(webp.name, webp, save=False)
        super().save(*args, **kwargs)

    @property
    def anchor(self):
        return f"lanh-dao-{self.pk}"


class ScheduleItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def between(self, start, end):
        """Engagements starting in [start, end), earliest first."""
        return self.filter(starts_at__gte=start, starts_at__lt=end).order_by("starts_at", "pk")


class ScheduleItem(TimeStamped):
    """One engagement of the commission's leaders in the work calendar ("lịch công tác")."""

    starts_at = models.DateTimeField("bắt đầu", db_index=True)
    ends_at = models.DateTimeField("kết thúc", null=True, blank=True)
    content = models.TextField("nội dung")
    chair = models.CharField("chủ trì", max_length=200, blank=True)
    participants = models.TextField("thành phần", blank=True)
    location = models.CharField("địa điểm", max_length=300, blank=True)
    is_published = models.BooleanField(
        "công khai", default=True, help_text="Bỏ chọn để giữ lịch nội bộ, không hiện trên trang."
    )
    created_by = acting_user("người tạo")

    objects = ScheduleItemQuerySet.as_manager()

    class Meta:
        ordering = ("-starts_at",)
        get_latest_by = "starts_at"
        verbose_name = "lịch công tác"
        verbose_name_plural = "lịch công tác"

    def __str__(self):
        return f"{timezone.localtime(self.starts_at):%d/%m/%Y %H:%M} — {self.content[:60]}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": "Thời gian kết thúc phải sau thời gian bắt đầu."})


class QuestionQuerySet(models.QuerySet):
    def answered(self):
        """What the public may see: answered questions, newest answer first."""
        return self.filter(status=Question.Status.ANSWERED).order_by("-answered_at", "-pk")

    def public(self):
        """Answered, with only the columns the page shows (never the email)."""
        return self.answered().only("pk", "name", "subject", "body", "answer", "created_at", "answered_at")

    def from_client_since(self, client_hash: str, since):
        return self.filter(client_hash=client_hash, created_at__gte=since)


class Question(models.Model):
    """A reader's question or feedback ("Góp ý / Hỏi đáp"), public only once answered.

    The email is never shown; the client's address is kept only as a keyed hash, for the rate limit.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Chờ trả lời"
        ANSWERED = "answered", "Đã trả lời"
        REJECTED = "rejected", "Không trả lời"

    NAME_MAX = 100
    SUBJECT_MAX = 200
    BODY_MAX = 3000

    name = models.CharField("họ tên", max_length=NAME_MAX)
    email = models.EmailField(
        "email", blank=True, help_text="Không bao giờ hiển thị; dùng để báo cho người hỏi khi có trả lời."
    )
    subject = models.CharField("tiêu đề", max_length=SUBJECT_MAX)
    body = models.TextField("nội dung", max_length=BODY_MAX)
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    answer = models.TextField("trả lời", blank=True)
    answered_by = acting_user("người trả lời")
    answered_at = models.DateTimeField("trả lời lúc", null=True, blank=True, editable=False)
    created_at = models.DateTimeField("gửi lúc", auto_now_add=True, db_index=True)
    client_hash = models.CharField(
        "mã máy gửi",
        max_length=64,
        editable=False,
        help_text="Băm có khóa của địa chỉ máy gửi (không lưu địa chỉ IP), dùng để giới hạn tần suất.",
    )
    # Folded subject, question and answer (no marks, lower case): SQLite's search reads it.
    search_text = models.TextField(editable=False, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = "hỏi đáp, góp ý"
        verbose_name_plural = "hỏi đáp, góp ý"
        permissions = [("answer_question", "Có thể trả lời câu hỏi của bạn đọc")]
        indexes = [
            models.Index(fields=["status", "answered_at"], name="question_status_answered"),
            models.Index(fields=["client_hash", "created_at"], name="question_client_recent"),
        ]

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join((self.subject, self.body, html_to_text(self.answer))))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return f"{reverse('commission:questions')}#hoi-dap-{self.pk}"


class Rating(models.Model):
    """One reader's one-click satisfaction rating of a page: the page, the value and the day —
    nothing about the person (no address, no time of day, no identifier)."""

    class Value(models.IntegerChoices):
        SATISFIED = 3, "Hài lòng"
        NEUTRAL = 2, "Bình thường"
        UNSATISFIED = 1, "Chưa hài lòng"

    PATH_MAX = 300

    path = models.CharField("trang", max_length=PATH_MAX)
    value = models.PositiveSmallIntegerField("mức độ", choices=Value.choices)
    day = models.DateField("ngày", default=timezone.localdate)

    class Meta:
        verbose_name = "đánh giá mức độ hài lòng"
        verbose_name_plural = "đánh giá mức độ hài lòng"
        indexes = [models.Index(fields=["day", "path"], name="rating_day_path")]

    def __str__(self):
        return f"{self.path}: {self.get_value_display()}"
