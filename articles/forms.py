"""Readers' forms ("Ý kiến bạn đọc" and what shares its rules): labels, help and errors in Vietnamese."""

from captcha.conf import settings as captcha_settings
from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.forms import MultiWidget
from django.urls import reverse

from .models import Comment


class CaptchaInput(CaptchaTextInput):
    """The "Mã kiểm tra" widget with Vietnamese text, a 2× image, audio when available and a
    "new code" button that works without JavaScript (it posts the form back without saving).

    Its template sits in `articles/templates/` because form widgets are rendered by Django's
    form renderer, which looks in app template folders only.
    """

    template_name = "articles/widgets/captcha.html"
    # Deferred: no code is made while rendering. The article page (read by everyone, commented
    # on by few) then writes nothing and can be cached; the code comes when the reader starts
    # writing (comments.js) or presses "Lấy mã kiểm tra" (no JavaScript).
    deferred = False

    def render(self, name, value, attrs=None, renderer=None):
        if not self.deferred:
            return super().render(name, value, attrs, renderer)
        self._key, self._value = None, ["", ""]
        return MultiWidget.render(self, name, self._value, attrs=attrs, renderer=renderer)

    def get_context(self, name, value, attrs):
        if self.deferred:
            context = MultiWidget.get_context(self, name, value, attrs)
            context["deferred"] = True
        else:
            context = super().get_context(name, value, attrs)
            context["image_2x"] = reverse("captcha-image-2x", kwargs={"key": self._key})
        context["refresh"] = self.refresh_url()
        # The spoken code exists only where flite is installed (CAPTCHA_FLITE_PATH); comments.js
        # adds its link once a deferred code arrives.
        context["audio_enabled"] = bool(captcha_settings.CAPTCHA_FLITE_PATH)
        return context


class ReaderForm(forms.ModelForm):
    """What every form a reader sends shares (comments, questions): the captcha, a honeypot,
    Vietnamese length messages, and no `maxlength` attribute on the inputs — a browser would
    silently cut pasted text, while the server says how long the text is and keeps all of it for
    the reader to shorten.

    A subclass names its text fields in `text_fields` and its honeypot refusal in `REFUSED`.
    """

    text_fields: tuple[str, ...] = ()
    REFUSED = "Không gửi được: ô «Để trống ô này» phải để trống."

    # The reader's own fields, alike on every reader form (a subclass's Meta starts from them).
    WIDGETS = {
        "name": forms.TextInput(attrs={"autocomplete": "name"}),
        "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        "body": forms.Textarea(attrs={"rows": 6}),
    }
    ERROR_MESSAGES = {
        "name": {"required": "Vui lòng nhập họ tên."},
        "email": {"invalid": "Email không hợp lệ (ví dụ: ten@example.com)."},
    }

    # Honeypot: hidden from people (CSS and aria-hidden), filled in by form-filling bots.
    website = forms.CharField(
        label="Để trống ô này",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    captcha = CaptchaField(
        label="Mã kiểm tra",
        help_text="Nhập các chữ cái trong ảnh (không phân biệt hoa thường).",
        widget=CaptchaInput(attrs={"class": "captcha-input", "aria-describedby": "id_captcha_helptext"}),
        error_messages={
            "required": "Vui lòng nhập mã kiểm tra.",
            "invalid": "Mã kiểm tra không đúng hoặc đã hết hạn. Vui lòng nhập mã mới trong ảnh.",
        },
    )

    def __init__(self, *args, defer_captcha=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["captcha"].widget.deferred = defer_captcha and not self.is_bound
        for name in self.text_fields:
            field = self.fields[name]
            field.widget.attrs.pop("maxlength", None)
            if field.max_length:
                limit = f"{field.max_length:,}".replace(",", ".")
                field.error_messages["max_length"] = (
                    f"{field.label} dài tối đa {limit} ký tự (hiện có %(show_value)d ký tự)."
                )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            # Shown at the top of the form: the field itself is hidden from people.
            raise forms.ValidationError(self.REFUSED, code="honeypot")
        return cleaned


class CommentForm(ReaderForm):
    """Name, optional email, title, body, the captcha and a honeypot."""

    text_fields = ("name", "email", "title", "body")
    REFUSED = "Không gửi được ý kiến: ô «Để trống ô này» phải để trống."

    class Meta:
        model = Comment
        fields = ("name", "email", "title", "body")
        labels = {"name": "Họ tên", "email": "Email", "title": "Tiêu đề", "body": "Nội dung"}
        help_texts = {
            "email": "Không bắt buộc; không hiển thị trên trang.",
            "body": f"Tối đa {Comment.BODY_MAX:,} ký tự.".replace(",", "."),
        }
        widgets = ReaderForm.WIDGETS
        error_messages = {
            **ReaderForm.ERROR_MESSAGES,
            "title": {"required": "Vui lòng nhập tiêu đề."},
            "body": {"required": "Vui lòng nhập nội dung ý kiến."},
        }
