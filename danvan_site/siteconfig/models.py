from datetime import timedelta

from django.db import models

from danvan_site import caching, images


class SiteSettings(models.Model):
    """The one record of site-wide settings editors change in admin: banner, name, footer."""

    site_name = models.CharField("tên trang", max_length=200, default="Ban Dân vận Tỉnh ủy")
    tagline = models.CharField("dòng phụ", max_length=200, blank=True, default="Trang thông tin điện tử")
    banner = models.ImageField(
        "ảnh banner",
        upload_to="banner/",
        blank=True,
        help_text="Ảnh ngang, rộng khoảng 1200 px. Để trống thì dùng banner mặc định.",
    )
    footer_lines = models.TextField(
        "thông tin chân trang",
        blank=True,
        help_text="Mỗi dòng một ý: cơ quan chủ quản, địa chỉ, điện thoại, email.",
    )
    links = models.TextField(
        "liên kết",
        blank=True,
        help_text="Mỗi dòng: Tên liên kết | https://địa-chỉ",
    )
    # "Liên hệ" (/lien-he/, /en/): the commission's contacts and its named contact officer.
    address = models.CharField("địa chỉ", max_length=300, blank=True)
    phone = models.CharField("điện thoại", max_length=50, blank=True)
    email = models.EmailField("email", blank=True)
    contact_name = models.CharField("cán bộ đầu mối: họ tên", max_length=100, blank=True)
    contact_title = models.CharField("cán bộ đầu mối: chức vụ", max_length=200, blank=True)
    contact_phone = models.CharField("cán bộ đầu mối: điện thoại", max_length=50, blank=True)
    contact_email = models.EmailField("cán bộ đầu mối: email", blank=True)
    map_image = models.ImageField(
        "ảnh bản đồ",
        upload_to="map/",
        blank=True,
        help_text="Ảnh chụp bản đồ vị trí trụ sở (JPEG, PNG, GIF hoặc WebP); ảnh được lưu lại dạng WebP.",
    )
    map_alt = models.CharField(
        "mô tả ảnh bản đồ", max_length=300, blank=True, help_text="Cho người không xem được ảnh."
    )
    # Planned downtime ("lịch bảo trì"): every public page announces it from
    # MAINTENANCE_NOTICE_DAYS before it starts until it ends. Kept here, with the settings every
    # page already reads, so the notice costs no query of its own.
    maintenance_starts_at = models.DateTimeField("bảo trì: bắt đầu", null=True, blank=True)
    maintenance_ends_at = models.DateTimeField("bảo trì: kết thúc", null=True, blank=True)
    maintenance_message = models.CharField(
        "bảo trì: nội dung thông báo",
        max_length=300,
        blank=True,
        help_text="Thông báo hiện trên mọi trang từ 7 ngày trước khi bắt đầu đến khi kết thúc bảo trì.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    MAINTENANCE_NOTICE_DAYS = 7

    class Meta:
        verbose_name = "cấu hình trang"
        verbose_name_plural = "cấu hình trang"

    def __str__(self):
        return self.site_name

    def clean(self):
        from django.core.exceptions import ValidationError

        starts, ends = self.maintenance_starts_at, self.maintenance_ends_at
        if bool(starts) != bool(ends):
            raise ValidationError(
                {
                    "maintenance_ends_at"
                    if starts
                    else "maintenance_starts_at": "Cần cả thời gian bắt đầu và kết thúc bảo trì."
                }
            )
        if starts and ends and ends <= starts:
            raise ValidationError({"maintenance_ends_at": "Thời gian kết thúc phải sau thời gian bắt đầu."})

    def maintenance_announced(self, now) -> bool:
        """Whether pages announce the planned maintenance at `now`."""
        starts, ends = self.maintenance_starts_at, self.maintenance_ends_at
        if not (starts and ends):
            return False
        return starts - timedelta(days=self.MAINTENANCE_NOTICE_DAYS) <= now < ends

    def save(self, *args, **kwargs):
        self.pk = 1
        if images.is_new_upload(self.banner):
            # Every page shows the banner: a light re-encoded copy, with nothing hidden in it.
            webp = images.banner(self.banner.file, self.banner.name)
            self.banner.save(webp.name, webp, save=False)
        if images.is_new_upload(self.map_image):
            # Re-encoded once, on upload (WebP, as pages show images): metadata dropped, anything
            # hidden in the file gone.
            webp = images.content_width(self.map_image.file, self.map_image.name)
            self.map_image.save(webp.name, webp, save=False)
        super().save(*args, **kwargs)
        caching.bump(caching.NEWS)

    @classmethod
    def load(cls) -> "SiteSettings":
        """The settings record (kept until the news changes); the defaults until an editor saves it."""
        return caching.get_or_set(
            caching.NEWS, "site-settings", lambda: cls.objects.filter(pk=1).first() or cls(pk=1)
        )

    @property
    def footer_list(self):
        return [line.strip() for line in self.footer_lines.splitlines() if line.strip()]

    @property
    def link_list(self):
        pairs = []
        for line in self.links.splitlines():
            name, _, url = line.partition("|")
            if name.strip() and url.strip().startswith(("http://", "https://", "/")):
                pairs.append((name.strip(), url.strip()))
        return pairs
