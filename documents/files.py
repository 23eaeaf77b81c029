"""Uploaded document files: what they are, judged from their bytes, and their text.

The name and the browser's content type are never trusted. A file is accepted as
- PDF: starts with `%PDF-`, opens with pypdf, carries no JavaScript and no launch action
  (`/JS`, `/JavaScript`, an `/OpenAction` or `/AA` running either), is not locked by a password;
- DOCX: a ZIP holding `[Content_Types].xml` and `word/document.xml` that python-docx opens as a
  Word document, without macros (`vbaProject.bin`) and not a "ZIP bomb";
- DOC (Word 97–2003): an OLE2 compound file with a `WordDocument` stream and no macro storage.
Anything else — an executable renamed `.pdf`, a ZIP renamed `.docx` — is refused with a
Vietnamese message, and so is a file over DOCUMENT_UPLOAD_MAX_BYTES, from its size alone before
a byte of it is read.

Text for search: pypdf (pure Python, maintained by py-pdf, no system library) for PDF and
python-docx (the maintained reader of the DOCX XML; it parses with entities off) for DOCX. An
old .doc has no maintained pure-Python reader (antiword and catdoc are unmaintained C tools), so
its text is not extracted: it is found by its number, summary and issuer only. A scanned PDF
(images, no text layer) likewise gives no text.
"""

import logging
import re
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

logger = logging.getLogger(__name__)

PDF, DOC, DOCX = "pdf", "doc", "docx"
CONTENT_TYPES = {
    PDF: "application/pdf",
    DOC: "application/msword",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# What is kept of a document's text for search: more is never read by a person searching, and
# PostgreSQL's tsvector has a size limit.
TEXT_MAX_CHARS = 200_000
PDF_MAX_PAGES = 1000
PDF_MAX_OBJECTS = 200_000
# A DOCX unpacks to at most this many times its limit: more is a ZIP bomb, not a document.
DOCX_MAX_UNPACKED_RATIO = 10
# Names in a PDF that run script or a program when the file is opened or clicked.
PDF_ACTIVE_KEYS = {"/JS", "/JavaScript"}
PDF_ACTIVE_ACTIONS = {"/JavaScript", "/Launch"}
CHUNK = 1024 * 1024

NOT_A_DOCUMENT = "Tệp không phải PDF, DOC hoặc DOCX (hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp)."


def refuse(message: str, code: str):
    raise ValidationError(message, code=code)


def max_size_text() -> str:
    return filesizeformat(settings.DOCUMENT_UPLOAD_MAX_BYTES)


def sniff(f) -> str | None:
    """pdf, docx or doc from the first bytes of `f`, or None."""
    f.seek(0)
    head = f.read(8)
    f.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(ZIP_MAGIC):
        return DOCX
    if head == OLE_MAGIC:
        return DOC
    return None


def validate_document_file(f) -> None:
    """Model field validator: refuse anything but a clean PDF, DOC or DOCX within the limit."""
    if not f:
        return
    storage = getattr(f, "storage", None)
    if storage is not None and f.name and storage.exists(f.name):
        return  # a stored file, checked when it was uploaded
    if f.size > settings.DOCUMENT_UPLOAD_MAX_BYTES:
        refuse(f"Tệp quá lớn ({filesizeformat(f.size)}): tối đa {max_size_text()}.", "too_large")
    if not f.size:
        refuse("Tệp rỗng.", "empty")
    kind = sniff(f)
    if kind == PDF:
        check_pdf(f)
    elif kind == DOCX:
        check_docx(f)
    elif kind == DOC:
        check_doc(f)
    else:
        refuse(NOT_A_DOCUMENT, "not_a_document")
    f.seek(0)


# --- PDF -----------------------------------------------------------------------------------------
def _pdf_reader(f):
    from pypdf import PdfReader

    f.seek(0)
    reader = PdfReader(f, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        refuse("Tệp PDF có mật khẩu: hãy tải lên bản không khóa.", "encrypted")
    return reader


def _pdf_has_active_content(reader) -> bool:
    """Walk every object reachable from the trailer (names are decoded, streams of objects
    opened) and look for JavaScript or a launch action."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    seen, stack, count = set(), [reader.trailer], 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            ref = (obj.idnum, obj.generation)
            if ref in seen:
                continue
            seen.add(ref)
            obj = obj.get_object()
        count += 1
        if count > PDF_MAX_OBJECTS:
            refuse("Tệp PDF quá phức tạp để kiểm tra an toàn.", "too_complex")
        if isinstance(obj, DictionaryObject):
            for key, value in obj.items():
                if key in PDF_ACTIVE_KEYS:
                    return True
                if key == "/S" and isinstance(value, NameObject) and value in PDF_ACTIVE_ACTIONS:
                    return True
                stack.append(value)
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return False


def _raw_scan(f, pattern) -> bool:
    f.seek(0)
    tail = b""
    while chunk := f.read(CHUNK):
        if pattern.search(tail + chunk):
            return True
        tail = chunk[-32:]
    return False


def check_pdf(f) -> None:
    try:
        reader = _pdf_reader(f)
        if len(reader.pages) > PDF_MAX_PAGES:
            refuse(f"Tệp PDF quá nhiều trang (tối đa {PDF_MAX_PAGES}).", "too_many_pages")
        active = _pdf_has_active_content(reader)
    except ValidationError:
        raise
    except Exception:  # pypdf raises many kinds of error on a broken file; all mean "unreadable"
        logger.info("unreadable PDF upload", exc_info=True)
        refuse("Tệp PDF bị hỏng hoặc không đọc được.", "pdf_broken")
    if active:
        refuse("Tệp PDF chứa mã JavaScript hoặc lệnh chạy chương trình: không được chấp nhận.", "pdf_script")


def pdf_text(f) -> str:
    reader = _pdf_reader(f)
    parts, length = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
        if length >= TEXT_MAX_CHARS:
            break
    return "\n".join(parts)


# --- DOCX ----------------------------------------------------------------------------------------
def check_docx(f) -> None:
    f.seek(0)
    try:
        with zipfile.ZipFile(f) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        refuse("Tệp DOCX không hợp lệ (không phải tệp Word).", "docx_invalid")
    names = {info.filename for info in infos}
    if not {"[Content_Types].xml", "word/document.xml"} <= names:
        refuse("Tệp DOCX không hợp lệ (không phải tệp Word).", "docx_invalid")
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        refuse("Tệp Word chứa macro: không được chấp nhận.", "macro")
    if sum(info.file_size for info in infos) > DOCX_MAX_UNPACKED_RATIO * settings.DOCUMENT_UPLOAD_MAX_BYTES:
        refuse("Tệp DOCX không hợp lệ (nội dung giải nén quá lớn).", "docx_bomb")
    try:
        _open_docx(f)
    except Exception:  # python-docx refuses a ZIP that is not a Word document in several ways
        logger.info("unreadable DOCX upload", exc_info=True)
        refuse("Tệp DOCX không hợp lệ (không phải tệp Word).", "docx_invalid")


def _open_docx(f):
    import docx

    f.seek(0)
    return docx.Document(f)


def docx_text(f) -> str:
    document = _open_docx(f)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(p for p in parts if p)


# --- DOC -----------------------------------------------------------------------------------------
_OLE_WORD = "WordDocument".encode("utf-16-le")
_OLE_MACROS = re.compile(b"|".join(re.escape(n.encode("utf-16-le")) for n in ("Macros", "_VBA_PROJECT")))


def check_doc(f) -> None:
    """An OLE2 file is many things (Excel, PowerPoint, MSI installers): a Word file has a
    `WordDocument` stream; its directory names are UTF-16 in the file."""
    if not _raw_scan(f, re.compile(re.escape(_OLE_WORD))):
        refuse("Tệp DOC không hợp lệ (không phải tệp Word).", "doc_invalid")
    if _raw_scan(f, _OLE_MACROS):
        refuse("Tệp Word chứa macro: không được chấp nhận.", "macro")


def extract_text(f, kind: str) -> str:
    """The searchable text of an accepted file ("" for .doc, or when the text cannot be read)."""
    try:
        if kind == PDF:
            text = pdf_text(f)
        elif kind == DOCX:
            text = docx_text(f)
        else:
            text = ""
    except Exception:  # a file that passed the checks but whose text cannot be read: no text
        logger.warning("text extraction failed", exc_info=True)
        text = ""
    finally:
        f.seek(0)
    return " ".join(text.split())[:TEXT_MAX_CHARS]
