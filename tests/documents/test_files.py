"""Uploads are judged from their bytes: every bad input of issue 16 is refused with a Vietnamese
message, good files are accepted and their text extracted for search."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from documents import files

from .helpers import doc_file, docx_file, pdf_bytes, pdf_file, zip_file


def refused(upload) -> str:
    with pytest.raises(ValidationError) as exc:
        files.validate_document_file(upload)
    return exc.value.messages[0]


def test_executable_renamed_pdf_is_refused():
    exe = SimpleUploadedFile("quyet-dinh.pdf", b"MZ\x90\x00\x03" + bytes(200), content_type="application/pdf")
    assert "không phải PDF, DOC hoặc DOCX" in refused(exe)


def test_elf_binary_renamed_docx_is_refused():
    assert "không phải PDF, DOC hoặc DOCX" in refused(SimpleUploadedFile("a.docx", b"\x7fELF" + bytes(64)))


@pytest.mark.parametrize(
    "catalog, objects",
    [
        ("/OpenAction 6 0 R", ["<< /S /JavaScript /JS (app.alert(1)) >>"]),
        ("/Names << /JavaScript 6 0 R >>", ["<< /Names [(a) 7 0 R] >>", "<< /S /JavaScript /JS (x) >>"]),
        # The name written with #-escapes, as a script hides it from a plain byte search.
        ("/OpenAction 6 0 R", ["<< /S /#4AavaScript /#4AS (app.alert(1)) >>"]),
        ("/OpenAction 6 0 R", ["<< /S /Launch /F (cmd.exe) >>"]),
    ],
)
def test_pdf_with_javascript_is_refused(catalog, objects):
    upload = pdf_file(extra_catalog=catalog, extra_objects=objects)
    assert "JavaScript" in refused(upload)


def test_oversized_file_is_refused_from_its_size_before_it_is_read(settings):
    settings.DOCUMENT_UPLOAD_MAX_BYTES = 1024 * 1024

    class Unreadable(SimpleUploadedFile):
        def read(self, *args):
            raise AssertionError("an oversized file must not be read")

    upload = Unreadable("lon.pdf", b"")
    upload.size = 5 * 1024 * 1024
    message = refused(upload)
    assert "quá lớn" in message and "1,0 MB" in message.replace("\xa0", " ")


def test_zip_that_is_not_a_docx_is_refused():
    assert "DOCX không hợp lệ" in refused(zip_file())


def test_zip_with_word_names_but_no_word_document_inside_is_refused():
    upload = zip_file(members={"[Content_Types].xml": "<Types/>", "word/document.xml": "<not-word/>"})
    assert "DOCX không hợp lệ" in refused(upload)


def test_docx_with_macros_is_refused():
    good = docx_file()
    import io
    import zipfile

    data = io.BytesIO(good.read())
    with zipfile.ZipFile(data, "a") as archive:
        archive.writestr("word/vbaProject.bin", b"\x00" * 10)
    assert "macro" in refused(SimpleUploadedFile("a.docx", data.getvalue()))


def test_broken_pdf_is_refused():
    assert "PDF bị hỏng" in refused(SimpleUploadedFile("a.pdf", b"%PDF-1.4\n garbage without objects"))


def test_ole_file_that_is_not_word_is_refused():
    assert "DOC không hợp lệ" in refused(doc_file(streams=("Workbook",)))


def test_word_97_file_with_macros_is_refused():
    assert "macro" in refused(doc_file(streams=("WordDocument", "Macros", "_VBA_PROJECT")))


def test_good_files_are_accepted_and_their_kind_read_from_content():
    for upload, kind in [
        (pdf_file(name="ten-sai.docx"), files.PDF),
        (docx_file(name="ten-sai.pdf"), files.DOCX),
        (doc_file(), files.DOC),
    ]:
        files.validate_document_file(upload)
        assert files.sniff(upload) == kind


def test_text_is_extracted_from_pdf_and_docx():
    assert "Dan van kheo" in files.extract_text(pdf_file(), files.PDF)
    assert "cong tac dan van" in files.extract_text(docx_file(), files.DOCX)
    assert files.extract_text(doc_file(), files.DOC) == ""


def test_pdf_bytes_helper_is_a_real_pdf():
    from io import BytesIO

    from pypdf import PdfReader

    assert "Dan van" in PdfReader(BytesIO(pdf_bytes())).pages[0].extract_text()
