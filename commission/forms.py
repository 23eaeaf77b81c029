"""The "Góp ý / Hỏi đáp" form: the same captcha, honeypot and length rules as reader comments."""

from articles.forms import ReaderForm

from .models import Question


class QuestionForm(ReaderForm):
    text_fields = ("name", "email", "subject", "body")
    REFUSED = "Không gửi được câu hỏi: ô «Để trống ô này» phải để trống."

    class Meta:
        model = Question
        fields = ("name", "email", "subject", "body")
        labels = {"name": "Họ tên", "email": "Email", "subject": "Tiêu đề", "body": "Nội dung góp ý, câu hỏi"}
        help_texts = {
            "email": "Không bắt buộc; không hiển thị trên trang. Nếu có, chúng tôi báo cho bạn khi có trả lời.",
            "body": f"Tối đa {Question.BODY_MAX:,} ký tự.".replace(",", "."),
        }
        widgets = ReaderForm.WIDGETS
        error_messages = {
            **ReaderForm.ERROR_MESSAGES,
            "subject": {"required": "Vui lòng nhập tiêu đề."},
            "body": {"required": "Vui lòng nhập nội dung góp ý, câu hỏi."},
        }
