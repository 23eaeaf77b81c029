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
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "cấu hình trang"
        verbose_name_plural = "cấu hình trang"

    def __str__(self):
        return self.site_name

    def save(self, *args, **kwargs):
        self.pk = 1
        if images.is_new_upload(self.banner):
            # Every page shows the banner: a light re-encoded copy, with nothing hidden in it.
            webp = images.banner(self.banner.file, self.banner.name)
            self.banner.save(webp.name, webp, save=False)
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
