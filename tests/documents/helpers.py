"""Files and documents for the library's tests: tiny real PDFs, DOCX and DOC files built here."""

import datetime
import io
import zipfile

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import Document


def pdf_bytes(text="Ke hoach trien khai phong trao Dan van kheo", extra_catalog="", extra_objects=()):
    """A one-page PDF whose page says `text` (Helvetica, so ASCII), with correct offsets."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        f"<< /Type /Catalog /Pages 2 0 R {extra_catalog} >>".encode(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *[o.encode() for o in extra_objects],
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def pdf_file(name="van-ban.pdf", **kwargs):
    return SimpleUploadedFile(name, pdf_bytes(**kwargs), content_type="application/pdf")


def docx_file(text="Chuong trinh phoi hop cong tac dan van", name="van-ban.docx"):
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def zip_file(name="van-ban.docx", members=None):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for member, data in (members or {"readme.txt": "khong phai tep Word"}).items():
            archive.writestr(member, data)
    return SimpleUploadedFile(name, out.getvalue())


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def doc_file(streams=("WordDocument",), name="van-ban.doc"):
    """Enough of an OLE2 compound file for the checks: the magic and UTF-16 directory names."""
    body = OLE_MAGIC + bytes(504) + b"".join(s.encode("utf-16-le") + bytes(64) for s in streams)
    return SimpleUploadedFile(name, body)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    number = factory.Sequence(lambda n: f"{n + 1}-KH/BDVTU")
    kind = Document.Kind.KE_HOACH
    issuer = "Ban Dân vận Tỉnh ủy"
    issued_on = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    summary = factory.Sequence(lambda n: f"Kế hoạch triển khai công tác dân vận số {n}.")
