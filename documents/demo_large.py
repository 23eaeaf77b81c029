"""The benchmark's library (`seed_demo --size large`): 5,000 documents over 15 years, written in
bulk, without files (a list, a page and a search by number read none)."""

import datetime
import random

from django.db import connection

from danvan_site.text import fold

from .models import SEARCH_VECTOR_SQL, Document
from .numbers import number_key

COUNT = 5000
BULK_PREFIX = "Lưu trữ"  # in every bulk issuer: the step is idempotent
ISSUERS = [
    ("Tỉnh ủy Nghệ An", "TU"),
    ("Ban Thường vụ Tỉnh ủy Nghệ An", "TU"),
    ("Ban Dân vận Tỉnh ủy Nghệ An", "BDVTU"),
    ("Ủy ban nhân dân tỉnh Nghệ An", "UBND"),
    ("Huyện ủy Con Cuông", "HU"),
    ("Huyện ủy Kỳ Sơn", "HU"),
    ("Ban Chỉ đạo Quy chế dân chủ ở cơ sở tỉnh", "BCĐ"),
]
KINDS = [
    (Document.Kind.KE_HOACH, "KH"),
    (Document.Kind.CHUONG_TRINH, "CTr"),
    (Document.Kind.HUONG_DAN, "HD"),
    (Document.Kind.CONG_VAN, "CV"),
    (Document.Kind.THONG_BAO, "TB"),
    (Document.Kind.BAO_CAO, "BC"),
    (Document.Kind.QUYET_DINH, "QĐ"),
    (Document.Kind.CHI_THI, "CT"),
]
SUBJECTS = [
    "triển khai phong trào thi đua “Dân vận khéo”",
    "thực hiện Quy chế dân chủ ở cơ sở",
    "công tác dân vận của chính quyền các cấp",
    "tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
    "nắm tình hình tư tưởng của nhân dân",
    "công tác dân vận ở vùng đồng bào dân tộc thiểu số",
    "xây dựng nông thôn mới, đô thị văn minh",
]


def seed_large_documents(stdout=None) -> int:
    if Document.objects.filter(issuer__startswith=BULK_PREFIX).exists():
        return 0
    from articles.models import Subsite

    rng = random.Random(16)
    start = datetime.date(2011, 1, 1)
    # Every fifth document is a current sub-site's (in turn): a unit's list and its home's
    # documents block are measured on a unit's share of the library, not an empty one.
    units = list(Subsite.objects.current().order_by("pk").values_list("pk", flat=True))
    rows, numbers = [], {}
    for i in range(COUNT):
        issued_on = start + datetime.timedelta(days=i * 5475 // COUNT)
        kind, kind_code = KINDS[i % len(KINDS)]
        issuer, issuer_code = ISSUERS[rng.randrange(len(ISSUERS))]
        issuer = f"{BULK_PREFIX} {issuer}"
        serial = numbers[(issuer, issued_on.year)] = numbers.get((issuer, issued_on.year), 0) + 1
        # Numbering restarts every year: the year keeps two issuers' numbers apart.
        number = f"{serial}/{issued_on.year}/{kind_code}-{issuer_code}"
        summary = f"{kind.label} về {SUBJECTS[i % len(SUBJECTS)]} năm {issued_on.year}."
        rows.append(
            Document(
                number=number,
                number_key=number_key(number),
                slug=f"{number.replace('/', '-')}-{i}".lower().replace("đ", "d"),
                kind=kind,
                issuer=issuer,
                issued_on=issued_on,
                summary=summary,
                search_text=fold(f"{number} {summary} {issuer}"),
                subsite_id=units[(i // 5) % len(units)] if units and i % 5 == 0 else None,
            )
        )
    Document.objects.bulk_create(rows, batch_size=1000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE documents_document SET search_vector = {SEARCH_VECTOR_SQL} WHERE issuer LIKE %s",
                [f"{BULK_PREFIX}%"],
            )
    return len(rows)
