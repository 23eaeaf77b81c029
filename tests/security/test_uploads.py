"""Upload hardening: each refusal has its own Vietnamese message; accepted images are re-encoded."""

import struct
import zlib
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article
from danvan_site import images
from tests.factories import CategoryFactory, image_file

GPS_LATITUDE = 2  # EXIF GPS IFD tag


def refusal(upload) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        images.validate_image_file(upload)
    return excinfo.value


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims a huge size in a few bytes: what a decompression bomb looks like."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))


def jpeg_with_gps() -> SimpleUploadedFile:
    img = Image.new("RGB", (400, 300), "#1565c0")
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh thử"  # Make
    exif.get_ifd(0x8825)[GPS_LATITUDE] = (21.0, 1.0, 30.0)  # GPSLatitude
    out = BytesIO()
    img.save(out, "JPEG", exif=exif)
    return SimpleUploadedFile("gps.jpg", out.getvalue(), content_type="image/jpeg")


class TestRefusals:
    def test_too_large_file_is_refused_with_the_limit(self, settings):
        settings.IMAGE_UPLOAD_MAX_BYTES = 1024 * 1024
        big = SimpleUploadedFile("lon.jpg", b"\xff\xd8" + b"0" * (2 * 1024 * 1024), content_type="image/jpeg")
        error = refusal(big)
        assert error.code == "too_large"
        assert error.messages == ["Ảnh quá lớn: tối đa 1,0\xa0MB."]

    def test_html_named_jpg_is_refused_from_its_content(self):
        fake = SimpleUploadedFile(
            "anh.jpg", b"<html><script>alert(1)</script></html>", content_type="image/jpeg"
        )
        error = refusal(fake)
        assert error.code == "invalid"
        assert error.messages == ["Tệp tải lên không phải là ảnh hợp lệ."]

    def test_svg_is_refused_as_it_can_carry_script(self):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        assert refusal(SimpleUploadedFile("logo.png", svg, content_type="image/png")).code == "invalid"

    def test_truncated_image_is_refused(self):
        data = image_file().read()
        assert refusal(SimpleUploadedFile("cut.jpg", data[: len(data) // 3])).code == "invalid"

    def test_real_image_of_an_unaccepted_format_is_refused(self):
        out = BytesIO()
        Image.new("RGB", (50, 50)).save(out, "BMP")
        error = refusal(SimpleUploadedFile("anh.bmp", out.getvalue()))
        assert error.code == "format"
        assert "JPEG, PNG, GIF hoặc WebP" in error.messages[0]

    def test_decompression_bomb_is_refused_from_its_header(self):
        bomb = SimpleUploadedFile("bom.png", png_header_only(60_000, 60_000), content_type="image/png")
        error = refusal(bomb)
        assert error.code == "bomb"
        assert "quá lớn" in error.messages[0]

    def test_image_just_over_the_pixel_limit_is_refused(self, settings):
        """Pillow only warns between 89 and 179 MP; our own limit refuses earlier."""
        settings.IMAGE_MAX_PIXELS = 1_000_000
        assert refusal(image_file(size=(1200, 1000))).code == "bomb"

    def test_image_within_the_limits_is_accepted(self):
        images.validate_image_file(image_file(name="anh.png", fmt="PNG"))

    def test_png_named_jpg_is_accepted_since_the_content_decides(self):
        images.validate_image_file(image_file(name="anh.jpg", fmt="PNG"))


class TestReencode:
    def test_reencoded_image_has_no_gps_or_other_exif(self):
        source = jpeg_with_gps()
        with Image.open(source) as original:
            assert original.getexif().get_ifd(0x8825)  # the fixture really has GPS
        result = images.reencode(source, source.name)
        with Image.open(BytesIO(result.read())) as img:
            assert not img.getexif().get_ifd(0x8825)
            assert 0x010F not in img.getexif()

    def test_bytes_hidden_after_the_image_are_dropped(self):
        polyglot = image_file().read() + b"<script>alert(document.cookie)</script>"
        result = images.reencode(BytesIO(polyglot), "anh.jpg")
        assert b"<script" not in result.read()

    def test_png_comes_out_as_jpeg(self):
        result = images.reencode(image_file(name="anh.png", fmt="PNG"), "anh.png")
        assert result.name == "anh.jpg"
        assert Image.open(BytesIO(result.read())).format == "JPEG"


@pytest.mark.django_db
class TestAdminUpload:
    """Through the editors' form: the error sits on the image field and nothing typed is lost."""

    @pytest.fixture
    def post_article(self, client, editor):
        client.force_login(editor)
        category = CategoryFactory()

        def post(upload):
            data = {
                "title": "Bài có ảnh tải lên",
                "slug": "",
                "category": category.pk,
                "lead": "Sapo đã gõ không được mất.",
                "body": "<p>Nội dung</p>",
                "cover_image": upload,
                "cover_caption": "Chú thích",
                "author_name": "",
                "author_title": "",
                "source": "",
                "tags": "",
                "status": "draft",
                "published_at_0": "2026-11-23",
                "published_at_1": "08:00:00",
            }
            return client.post("/admin/articles/article/add/", data)

        return post

    def field_errors(self, response, name="cover_image"):
        return response.context["adminform"].form.errors.get(name)

    def test_too_large_upload_is_refused_on_the_image_field(self, post_article, settings):
        settings.IMAGE_UPLOAD_MAX_BYTES = 1024
        response = post_article(image_file(size=(1200, 900)))
        assert self.field_errors(response) == ["Ảnh quá lớn: tối đa 1,0\xa0KB."]
        assert not Article.objects.exists()

    def test_refused_upload_keeps_what_the_editor_typed(self, post_article, settings):
        settings.IMAGE_UPLOAD_MAX_BYTES = 1024
        html = post_article(image_file(size=(1200, 900))).content.decode()
        assert "Sapo đã gõ không được mất." in html
        assert 'value="Bài có ảnh tải lên"' in html

    def test_non_image_is_refused_on_the_image_field(self, post_article):
        response = post_article(SimpleUploadedFile("anh.jpg", b"GIF89a<script>", content_type="image/jpeg"))
        assert self.field_errors(response) == ["Tệp tải lên không phải là ảnh hợp lệ."]

    def test_decompression_bomb_is_refused_on_the_image_field(self, post_article):
        response = post_article(SimpleUploadedFile("bom.png", png_header_only(60_000, 60_000)))
        assert "quá lớn" in self.field_errors(response)[0]

    def test_accepted_cover_is_stored_without_gps(self, post_article):
        response = post_article(jpeg_with_gps())
        assert response.status_code == 302
        article = Article.objects.get()
        with article.cover_image.open("rb") as f, Image.open(f) as img:
            assert not img.getexif().get_ifd(0x8825)

    def test_stored_cover_is_served_as_jpeg(self, post_article, client):
        post_article(image_file(name="anh.png", fmt="PNG"))
        article = Article.objects.get()
        response = client.get(article.cover_image.url)
        assert response["Content-Type"] == "image/jpeg"
        assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
class TestEditorUpload:
    def test_refusal_reaches_ckeditor_as_a_vietnamese_message(self, client, editor):
        client.force_login(editor)
        fake = SimpleUploadedFile("anh.jpg", b"not an image", content_type="image/jpeg")
        response = client.post("/bien-tap/tai-anh/", {"upload": fake})
        assert response.status_code == 400
        assert response.json() == {"error": {"message": "Tệp tải lên không phải là ảnh hợp lệ."}}

    def test_public_cannot_upload(self, client):
        response = client.post("/bien-tap/tai-anh/", {"upload": image_file()})
        assert response.status_code == 302
        assert response["Location"].startswith("/dang-nhap/")


@pytest.mark.django_db
class TestWhatPagesShow:
    """Pages show light WebP copies; the stored original stays a JPEG."""

    def test_cover_renditions_on_the_article_page_are_webp(self, client):
        from tests.factories import PublishedArticleFactory

        article = PublishedArticleFactory(
            cover_image=image_file(name="anh.png", fmt="PNG", size=(2400, 1500))
        )
        with article.cover_image.open("rb") as f, Image.open(f) as img:
            assert img.format == "JPEG"
        for rendition in (article.cover_thumb, article.cover_large):
            with rendition.open("rb") as f, Image.open(f) as img:
                assert img.format == "WEBP"
        assert f'src="{article.cover_large.url}"' in client.get(article.get_absolute_url()).content.decode()
        assert client.get(article.cover_large.url)["Content-Type"] == "image/webp"

    def test_image_uploaded_in_the_editor_is_a_webp_at_content_width(self, client, editor):
        client.force_login(editor)
        url = client.post("/bien-tap/tai-anh/", {"upload": image_file(size=(2000, 1000))}).json()["url"]
        assert url.endswith(".webp")
        response = client.get(url)
        with Image.open(BytesIO(b"".join(response.streaming_content))) as img:
            assert (img.format, img.width) == ("WEBP", images.CONTENT_WIDTH)


@pytest.mark.django_db
class TestBannerUpload:
    def post_banner(self, client, upload):
        from danvan_site.siteconfig.models import SiteSettings

        SiteSettings.load().save()
        form = {"site_name": "Ban Dân vận Tỉnh ủy Demo", "tagline": "Dòng phụ đã gõ", "banner": upload}
        form.update(footer_lines="", links="")
        return client.post("/admin/siteconfig/sitesettings/1/change/", form)

    def test_banner_is_re_encoded_without_metadata_as_a_light_webp(self, client, admin_user):
        from danvan_site.siteconfig.models import SiteSettings

        client.force_login(admin_user)
        assert self.post_banner(client, jpeg_with_gps()).status_code == 302
        banner = SiteSettings.objects.get().banner
        assert banner.name.endswith(".webp")
        with banner.open("rb") as f, Image.open(f) as img:
            assert img.format == "WEBP" and not img.getexif().get_ifd(0x8825)
        assert f'src="{banner.url}"' in client.get("/").content.decode()

    def test_banner_that_is_not_an_image_is_refused_on_its_field(self, client, admin_user):
        client.force_login(admin_user)
        fake = SimpleUploadedFile("banner.jpg", b"<svg onload=alert(1)>", content_type="image/jpeg")
        response = self.post_banner(client, fake)
        assert response.status_code == 200
        form = response.context["adminform"].form
        assert form.errors["banner"] == ["Tệp tải lên không phải là ảnh hợp lệ."]
        assert 'value="Dòng phụ đã gõ"' in response.content.decode()
