import pytest
from captcha.models import CaptchaStore

from tests.factories import make_user


@pytest.fixture
def province(db):
    return make_user("province", groups=["Cán bộ tỉnh"], is_staff=True)


@pytest.fixture
def question_data(db):
    """A complete, valid question. The captcha answer "passed" works in test mode only."""

    def data(**overrides):
        values = {
            "name": "Nguyễn Văn Hùng",
            "email": "hung@example.com",
            "subject": "Thủ tục đăng ký mô hình",
            "body": "Xin hỏi chi hội cần làm gì để đăng ký mô hình?",
            "website": "",
            "captcha_0": CaptchaStore.generate_key(),
            "captcha_1": "passed",
        }
        values.update(overrides)
        return values

    return data
