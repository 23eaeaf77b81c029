"""Image checks and renditions, made when an image is saved — never on a page request."""

import re
import warnings
from io import BytesIO
from pathlib import PurePath
from urllib.parse import unquote

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps

ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
# Rendition sizes: (width, height) boxes; thumbnails are cropped to the box, content images are
# only shrunk to the width.
THUMB_SIZE = (320, 200)
CONTENT_WIDTH = 860
BANNER_WIDTH = 1600


class _TooManyPixels(Exception):
    pass


def is_new_upload(f) -> bool:
    """A file just assigned to a model's file field and not stored yet: an upload, which is
    checked and re-encoded once. A stored file (kept, or restored from history) is neither."""
    return bool(f) and not f.storage.exists(f.name)


def validate_image_file(f) -> None:
    """Refuse anything that is not a real, reasonably sized image, judged from its content.

    The name and the browser's content type are ignored: only Pillow's reading of the bytes
    counts. A small file that unpacks to a huge bitmap (a "decompression bomb") is refused from
    its header, before any pixel is decoded, above `IMAGE_MAX_PIXELS` — well below Pillow's own
    guard, whose first level is only a warning.
    """
    if f.size and f.size > settings.IMAGE_UPLOAD_MAX_BYTES:
        limit = filesizeformat(settings.IMAGE_UPLOAD_MAX_BYTES)
        raise ValidationError(f"Ảnh quá lớn: tối đa {limit}.", code="too_large")
    try:
        f.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(f) as img:
                fmt = img.format
                if img.width * img.height > settings.IMAGE_MAX_PIXELS:
                    raise _TooManyPixels
                img.verify()
            # verify() checks structure only (and little of it for JPEG); decoding the pixels
            # catches truncated or corrupt data before an editor's page shows a broken image.
            f.seek(0)
            with Image.open(f) as img:
                img.load()
    except (_TooManyPixels, Image.DecompressionBombError, Image.DecompressionBombWarning):
        megapixels = settings.IMAGE_MAX_PIXELS // 1_000_000
        raise ValidationError(
            f"Ảnh có kích thước điểm ảnh quá lớn: tối đa {megapixels} megapixel.", code="bomb"
        ) from None
    except Exception:
        raise ValidationError("Tệp tải lên không phải là ảnh hợp lệ.", code="invalid") from None
    finally:
        f.seek(0)
    if fmt not in ACCEPTED_FORMATS:
        raise ValidationError("Chỉ nhận ảnh JPEG, PNG, GIF hoặc WebP.", code="format")


class ImageUploadField(forms.ImageField):
    """A form image field whose refusals are ours: too large, too many pixels, not an image.

    Django's own ImageField answers every problem with one generic "not a valid image"; running
    `validate_image_file` first tells the editor which rule the file broke.
    """

    def to_python(self, data):
        if data is not None and hasattr(data, "read"):
            validate_image_file(data)
        return super().to_python(data)


def _open_rgb(f) -> Image.Image:
    f.seek(0)
    img = Image.open(f)
    img = ImageOps.exif_transpose(img)
    if img.mode not in ("RGB", "L"):
        background = Image.new("RGB", img.size, "white")
        img = img.convert("RGBA")
        background.paste(img, mask=img.getchannel("A"))
        img = background
    return img.convert("RGB")


def _jpeg(img: Image.Image, name: str) -> ContentFile:
    out = BytesIO()
    # Saving without exif drops metadata (GPS included); re-encoding drops anything hidden.
    img.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    return ContentFile(out.getvalue(), name=f"{PurePath(name).stem}.jpg")


def _webp(img: Image.Image, name: str) -> ContentFile:
    # What pages show is WebP: a third to a half of the JPEG's bytes at the same look, and read
    # by every browser the site supports. The stored original stays JPEG (reencode).
    out = BytesIO()
    img.save(out, "WEBP", quality=80, method=6)
    return ContentFile(out.getvalue(), name=f"{PurePath(name).stem}.webp")


def _shrunk(f, max_width: int) -> Image.Image:
    img = _open_rgb(f)
    if img.width > max_width:
        img = img.resize((max_width, round(img.height * max_width / img.width)), Image.LANCZOS)
    return img


def reencode(f, name: str, max_width: int = 2000) -> ContentFile:
    """The uploaded image re-encoded as JPEG, at most `max_width` wide: the stored original."""
    return _jpeg(_shrunk(f, max_width), name)


def thumbnail(f, name: str, size=THUMB_SIZE) -> ContentFile:
    """A list thumbnail (WebP), cropped to `size`."""
    return _webp(ImageOps.fit(_open_rgb(f), size, Image.LANCZOS), name)


def content_width(f, name: str, width=CONTENT_WIDTH) -> ContentFile:
    """An image as a page shows it (WebP), at most `width` wide: covers and images in a body."""
    return _webp(_shrunk(f, width), name)


def banner(f, name: str) -> ContentFile:
    """A banner as every page shows it (WebP), at most BANNER_WIDTH wide."""
    return _webp(_shrunk(f, BANNER_WIDTH), name)


_IMG_TAG = re.compile(r"<img\b([^>]*)>")
_ATTR = re.compile(r'([a-z-]+)="([^"]*)"')


def complete_img_tags(html: str) -> str:
    """Give every <img> of sanitized HTML an alt, lazy loading and — for our own media — its
    width and height, so pages never jump while images load."""

    def fix(match):
        attrs = dict(_ATTR.findall(match.group(1)))
        attrs.setdefault("alt", "")
        attrs["loading"] = "lazy"
        src = attrs.get("src", "")
        if ("width" not in attrs or "height" not in attrs) and src.startswith(settings.MEDIA_URL):
            size = _media_size(src[len(settings.MEDIA_URL) :])
            if size:
                attrs["width"], attrs["height"] = (str(n) for n in size)
        return "<img " + " ".join(f'{k}="{v}"' for k, v in attrs.items()) + ">"

    return _IMG_TAG.sub(fix, html)


def _media_size(name: str):
    from django.core.files.storage import default_storage

    try:
        with default_storage.open(unquote(name)) as f, Image.open(f) as img:
            return img.size
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
