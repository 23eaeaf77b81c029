"""Staff onboarding at scale: unit accounts imported from a CSV or XLSX file.

The file is read and checked row by row first (the preview); nothing is created until every row
is clean and provincial staff confirm. Each new account has no usable password: it gets a "set
your password" e-mail made by Django's own password-reset machinery (`default_token_generator`,
`PasswordResetForm.send_mail`), so no password is ever in a file or in a message.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import StaffProfile, Unit
from .roles import UNIT_GROUP

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000  # the province has 135 units; a file beyond this is a mistake, not a list of staff
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Accepted headings (lower case, marks kept) → the column they name.
HEADINGS = {
    "username": "username",
    "tên đăng nhập": "username",
    "ten dang nhap": "username",
    "full name": "full_name",
    "full_name": "full_name",
    "họ và tên": "full_name",
    "họ tên": "full_name",
    "ho ten": "full_name",
    "email": "email",
    "e-mail": "email",
    "thư điện tử": "email",
    "unit": "unit",
    "đơn vị": "unit",
    "don vi": "unit",
}
COLUMNS = ("username", "full_name", "email", "unit")
COLUMN_LABELS = {"username": "tên đăng nhập", "full_name": "họ và tên", "email": "e-mail", "unit": "đơn vị"}


class ImportFileError(Exception):
    """The file as a whole cannot be read (format, encoding, size): one message, no rows."""


@dataclass
class ImportRow:
    line: int  # the line (row) number in the file, as a spreadsheet shows it
    username: str = ""
    full_name: str = ""
    email: str = ""
    unit_name: str = ""
    unit: Unit | None = None
    errors: list[str] = field(default_factory=list)

    def as_session(self) -> dict:
        return {
            "line": self.line,
            "username": self.username,
            "full_name": self.full_name,
            "email": self.email,
            "unit_name": self.unit_name,
        }


def read_file(uploaded) -> list[ImportRow]:
    """The rows of an uploaded CSV (UTF-8) or XLSX file, not yet checked against the database."""
    if uploaded.size > MAX_BYTES:
        raise ImportFileError("Tệp quá lớn (tối đa 2 MB). Mỗi tệp chỉ nên có danh sách cán bộ cần tạo.")
    name = (uploaded.name or "").lower()
    data = uploaded.read()
    if name.endswith(".xlsx") or data[:2] == b"PK":
        table = _xlsx_rows(data)
    elif name.endswith(".csv") or name.endswith(".txt"):
        table = _csv_rows(data)
    else:
        raise ImportFileError("Chỉ nhận tệp CSV (UTF-8) hoặc Excel (.xlsx).")
    return _to_rows(table)


def _csv_rows(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            "Tệp CSV không ở mã UTF-8 nên tên có dấu sẽ sai. Trong Excel, chọn Lưu thành → "
            "“CSV UTF-8 (Comma delimited)”, hoặc tải lên tệp .xlsx."
        ) from None
    if "\x00" in text:
        raise ImportFileError("Tệp CSV có ký tự lạ (có thể là tệp nhị phân đổi tên): hãy xuất lại từ Excel.")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    for i, row in enumerate(reader, start=1):
        if i > MAX_ROWS + 1:
            raise _too_many()
        yield row


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ImportFileError("Không đọc được tệp Excel: hãy lưu lại dưới dạng .xlsx rồi tải lên.") from None
    sheet = book.worksheets[0]
    for i, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if i > MAX_ROWS + 1:
            book.close()
            raise _too_many()
        yield ["" if v is None else str(v) for v in row]
    book.close()


def _too_many():
    return ImportFileError(
        f"Tệp có hơn {MAX_ROWS:,} dòng: không nhập. Hãy chia thành nhiều tệp nhỏ hơn, "
        "mỗi tệp là danh sách cán bộ của một số đơn vị.".replace(",", ".")
    )


def _heading(text: str) -> str:
    return HEADINGS.get(re.sub(r"\s+", " ", text.strip().lower()), "")


def _to_rows(table) -> list[ImportRow]:
    table = iter(table)
    header = next(table, None)
    if not header:
        raise ImportFileError("Tệp trống.")
    index = {}
    for i, text in enumerate(header):
        column = _heading(str(text))
        if column and column not in index:
            index[column] = i
    missing = [COLUMN_LABELS[c] for c in COLUMNS if c not in index]
    if missing:
        raise ImportFileError(
            "Dòng đầu của tệp phải là tiêu đề các cột: tên đăng nhập (username), họ và tên (full name), "
            "e-mail, đơn vị (unit). Thiếu: " + ", ".join(missing) + "."
        )
    rows = []
    for line, values in enumerate(table, start=2):
        if not any(str(v).strip() for v in values):
            continue  # blank line
        cells = {c: (str(values[i]) if i < len(values) else "") for c, i in index.items()}
        row = ImportRow(
            line=line,
            username=cells["username"].strip(),
            full_name=re.sub(r"\s+", " ", cells["full_name"]).strip(),
            email=cells["email"].strip(),
            unit_name=re.sub(r"\s+", " ", cells["unit"]).strip(),
        )
        formula = [COLUMN_LABELS[c] for c, v in cells.items() if v.lstrip(" ").startswith(FORMULA_STARTS)]
        if formula:
            row.errors.append(
                "Ô " + ", ".join(formula) + " bắt đầu bằng =, +, - hoặc @ (công thức): không nhận."
            )
        rows.append(row)
    if not rows:
        raise ImportFileError("Tệp chỉ có dòng tiêu đề, chưa có cán bộ nào.")
    return rows


def check_rows(rows: list[ImportRow]) -> list[ImportRow]:
    """Checks every row against the rules and the database (2 queries whatever the number of
    rows): username valid and not taken (in the file or already), full name present, e-mail
    valid, unit known and in force today."""
    User = get_user_model()
    usernames = {r.username.lower() for r in rows if r.username}
    # Case-insensitive, as Django's own user creation form checks it.
    taken = set(
        User.objects.annotate(lowered=Lower("username"))
        .filter(lowered__in=usernames)
        .values_list("lowered", flat=True)
    )
    units = {}
    for unit in Unit.objects.in_force():
        units[_key(unit.name)] = unit
        units[_key(unit.slug)] = unit
    seen = {}
    validate_username = UnicodeUsernameValidator()
    for row in rows:
        if not row.username:
            row.errors.append("Thiếu tên đăng nhập.")
        elif len(row.username) > 150:
            row.errors.append("Tên đăng nhập quá dài (tối đa 150 ký tự).")
        else:
            try:
                validate_username(row.username)
            except ValidationError:
                row.errors.append("Tên đăng nhập chỉ gồm chữ, số và các ký tự @ . + - _ (không có dấu cách).")
            key = row.username.lower()
            if key in taken:
                row.errors.append(f"Tên đăng nhập “{row.username}” đã có tài khoản.")
            elif key in seen:
                row.errors.append(f"Tên đăng nhập “{row.username}” trùng với dòng {seen[key]}.")
            seen.setdefault(key, row.line)
        if not row.full_name:
            row.errors.append("Thiếu họ và tên.")
        elif len(row.full_name) > 150:
            row.errors.append("Họ và tên quá dài (tối đa 150 ký tự).")
        try:
            validate_email(row.email)
        except ValidationError:
            row.errors.append(f"E-mail “{row.email}” không hợp lệ." if row.email else "Thiếu e-mail.")
        row.unit = units.get(_key(row.unit_name))
        if row.unit is None:
            row.errors.append(
                f"Không có đơn vị “{row.unit_name}” đang hoạt động (ghi đúng tên, ví dụ “Xã Con Cuông”)."
                if row.unit_name
                else "Thiếu đơn vị."
            )
    return rows


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@transaction.atomic
def create_accounts(rows: list[ImportRow]) -> list:
    """Creates the checked rows' accounts (unit staff group, no usable password, their unit)."""
    User = get_user_model()
    group = Group.objects.get_or_create(name=UNIT_GROUP)[0]
    users = []
    for row in rows:
        # get_full_name() is "first last": the whole Vietnamese name reads right as first.
        user = User(username=row.username, first_name=row.full_name, email=row.email, is_staff=False)
        user.set_unusable_password()
        user.save()
        user.groups.add(group)
        StaffProfile.objects.create(user=user, unit=row.unit)
        users.append(user)
    return users


def send_set_password_emails(users, request) -> None:
    """One "set your password" e-mail per account, with a password-reset token of Django's own
    (valid for PASSWORD_RESET_TIMEOUT); the link opens Django's PasswordResetConfirmView."""
    from danvan_site.siteconfig.models import SiteSettings

    form = PasswordResetForm()
    commission = SiteSettings.load().site_name
    timeout_days = max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)
    for user in users:
        context = {
            "commission": commission,
            "timeout_days": timeout_days,
            "user": user,
            "email": user.email,
            "domain": request.get_host(),
            "site_name": request.get_host(),
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
            "protocol": "https" if request.is_secure() else "http",
        }
        form.send_mail(
            "registration/account_invite_subject.txt",
            "registration/account_invite_email.txt",
            context,
            None,
            user.email,
        )
