"""Demo library for a local try-out: real public documents on dân vận work, each with a short
PDF drawn by the program that says it is a demo copy, and demo articles that cite them.

Numbers, dates, issuers, signers and subjects come from the public pages named in `source`
(read 12/2026); a signer is left empty where the source does not name one. The PDFs are not the
documents: each says so and names its source.
"""

import datetime
import textwrap
from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from danvan_site.text import fold

from .models import Document

K = Document.Kind
CENTRAL = "Ban Chấp hành Trung ương"
POLITBURO = "Bộ Chính trị"
SECRETARIAT = "Ban Bí thư"
PM = "Thủ tướng Chính phủ"
POLITICAL_SYSTEM = "xây dựng hệ thống chính trị"
CULTURE = "văn hóa"
DEFENCE = "quốc phòng"

# (number, kind, issuer, signer, issued_on, summary, field name fragments, source)
DOCUMENTS = [
    (
        "30-CT/TW",
        K.CHI_THI,
        POLITBURO,
        "",
        (1998, 2, 18),
        "Về xây dựng và thực hiện Quy chế dân chủ ở cơ sở.",
        [POLITICAL_SYSTEM],
        "http://lyluanchinhtri.vn/home/index.php/thuc-tien/item/1054-nang-luc-cua-can-bo-xa-phuong-trong-thuc-hien-phap-lenh-dan-chu-o-co-so.html",
    ),
    (
        "23-NQ/TW",
        K.NGHI_QUYET,
        CENTRAL,
        "",
        (2003, 3, 12),
        "Về phát huy sức mạnh đại đoàn kết toàn dân tộc vì dân giàu, nước mạnh, xã hội công bằng, dân chủ, văn minh "
        "(Hội nghị Trung ương 7 khóa IX).",
        [POLITICAL_SYSTEM],
        "https://baodaklak.vn/chinh-tri/202312/phat-huy-khoi-dai-doan-ket-toan-dan-toc-nhan-nguon-suc-manh-trong-thoi-dai-moi-364122d",
    ),
    (
        "290-QĐ/TW",
        K.QUYET_DINH,
        POLITBURO,
        "Nông Đức Mạnh",
        (2010, 2, 25),
        "Về việc ban hành Quy chế công tác dân vận của hệ thống chính trị.",
        [POLITICAL_SYSTEM],
        "http://danvan.vn/Home/Van-ban/Dang-Nha-nuoc/10538/Quyet-dinh-so-290-QDTW-ngay-25022010-cua-Bo-Chinh-tri-ve-viec-ban-hanh-Quy-che-cong-tac-dan-van-cua-he-thong-chinh-tri",
    ),
    (
        "25-NQ/TW",
        K.NGHI_QUYET,
        CENTRAL,
        "",
        (2013, 6, 3),
        "Về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới "
        "(Hội nghị Trung ương 7 khóa XI).",
        [POLITICAL_SYSTEM],
        "https://baosonla.org.vn/thoi-su-chinh-tri-video/tang-cuong-va-doi-moi-su-lanh-dao-cua-dang-doi-voi-cong-tac-dan-van-trong-tinh-hinh-moi-5rPeYpNIR.html",
    ),
    (
        "217-QĐ/TW",
        K.QUYET_DINH,
        POLITBURO,
        "",
        (2013, 12, 12),
        "Ban hành Quy chế giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội.",
        [POLITICAL_SYSTEM],
        "https://accgroup.vn/quyet-dinh-217-218",
    ),
    (
        "218-QĐ/TW",
        K.QUYET_DINH,
        POLITBURO,
        "Lê Hồng Anh",
        (2013, 12, 12),
        "Ban hành Quy định về việc Mặt trận Tổ quốc Việt Nam, các đoàn thể chính trị - xã hội và nhân dân tham gia "
        "góp ý xây dựng Đảng, xây dựng chính quyền.",
        [POLITICAL_SYSTEM],
        "https://uat-raovat.thuviennhadat.vn/vbpl/quyet-dinh-218-qd-tw-nam-2013-tham-gia-gop-y-xay-dung-dang-chinh-quyen-218636.html",
    ),
    (
        "28/CT-TTg",
        K.CHI_THI,
        PM,
        "",
        (2014, 9, 10),
        "Về nâng cao hiệu lực, hiệu quả quản lý nhà nước về công tác dân tộc.",
        [CULTURE],
        "https://tongdaiphapluat.vn/chi-thi-28-ct-ttg-nam-2014/",
    ),
    (
        "49-CT/TW",
        K.CHI_THI,
        SECRETARIAT,
        "",
        (2015, 10, 20),
        "Về tăng cường và đổi mới công tác dân vận của Đảng ở vùng đồng bào dân tộc thiểu số.",
        [POLITICAL_SYSTEM, DEFENCE],
        "https://baocaovien.vn/tang-cuong-va-doi-moi-cong-tac-dan-van-cua-dang-o-vung-dong-bao-dan-toc-thieu-so/8526.html",
    ),
    (
        "43-KL/TW",
        K.KET_LUAN,
        SECRETARIAT,
        "",
        (2019, 1, 7),
        "Kết luận của Ban Bí thư về tiếp tục thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 về tăng cường và đổi mới "
        "sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới.",
        [POLITICAL_SYSTEM],
        "https://baosonla.org.vn/thoi-su-chinh-tri-video/tang-cuong-va-doi-moi-su-lanh-dao-cua-dang-doi-voi-cong-tac-dan-van-trong-tinh-hinh-moi-5rPeYpNIR.html",
    ),
    (
        "15/CT-TTg",
        K.CHI_THI,
        PM,
        "Nguyễn Xuân Phúc",
        (2020, 3, 27),
        "Về việc thực hiện đợt cao điểm phòng, chống dịch COVID-19.",
        [CULTURE],
        "https://www.dqtv.vn/2020/03/thu-tuong-yeu-cau-xay-dung-phuong-ap.html",
    ),
    (
        "16/CT-TTg",
        K.CHI_THI,
        PM,
        "",
        (2020, 3, 31),
        "Về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19 (cách ly toàn xã hội từ 0 giờ ngày 01/4/2020).",
        [CULTURE],
        "https://thvl.vn/thvl/chuyen-hom-nay-cach-ly-toan-xa-hoi-tap-trung-phong-chong-dich-covid-19/",
    ),
    (
        "11-CT/TU",
        K.CHI_THI,
        "Ban Thường vụ Tỉnh ủy Sơn La",
        "",
        (2021, 9, 28),
        "Về đẩy mạnh thực hiện phong trào thi đua “Dân vận khéo” giai đoạn 2021 – 2025.",
        [POLITICAL_SYSTEM],
        "https://baosonla.org.vn/thoi-su-chinh-tri-video/tang-cuong-va-doi-moi-su-lanh-dao-cua-dang-doi-voi-cong-tac-dan-van-trong-tinh-hinh-moi-5rPeYpNIR.html",
    ),
    (
        "97-QĐ/TW",
        K.QUY_DINH,
        POLITBURO,
        "",
        (2023, 2, 7),
        "Quy định chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức, mối quan hệ công tác của đảng đoàn, ban cán sự đảng "
        "ở Trung ương.",
        [POLITICAL_SYSTEM],
        "http://m.mattran.org.vn/chuong-trinh-phoi-hop/quy-dinh-so-97qdtw-cua-bo-chinh-tri-dang-doan-mttq-viet-nam-do-bo-chinh-tri-quyet-dinh-thanh-lap-thanh-vien-cua-dang-doan-do-bo-chinh-tri-quyet-dinh-50973.html",
    ),
    (
        "43-NQ/TW",
        K.NGHI_QUYET,
        CENTRAL,
        "",
        (2023, 11, 24),
        "Về tiếp tục phát huy truyền thống, sức mạnh đại đoàn kết toàn dân tộc, xây dựng đất nước ta ngày càng phồn vinh, "
        "hạnh phúc (Hội nghị Trung ương 8 khóa XIII).",
        [POLITICAL_SYSTEM],
        "https://danguykhoicqvadn.yenbai.gov.vn/sinh-hoat-chi-bo/nhung-diem-moi-noi-dung-cot-loi-nghi-quyet-so-43-nq-tw-ngay-24-11-2023-cua-ban-chap-hanh-trung-uong-dang-khoa-xiii-ve-tiep-tuc-phat-huy-truyen-thong-suc-manh-dai-doan-ket-toan-dan-toc-xay-dung-dat",
    ),
    (
        "236-KL/TW",
        K.KET_LUAN,
        SECRETARIAT,
        "Trần Cẩm Tú",
        (2026, 1, 15),
        "Về tiếp tục thực hiện Chỉ thị số 49-CT/TW, ngày 20/10/2015 của Ban Bí thư về tăng cường và đổi mới công tác "
        "dân vận của Đảng ở vùng đồng bào dân tộc thiểu số.",
        [POLITICAL_SYSTEM, DEFENCE],
        "https://baocaovien.vn/tang-cuong-va-doi-moi-cong-tac-dan-van-cua-dang-o-vung-dong-bao-dan-toc-thieu-so/8526.html",
    ),
]

# Demo articles of this app that cite the library (their own titles: articles.demo's bodies are
# left alone). One cites a number that is not in the library (177-KH/HU): it stays plain text.
CITING_ARTICLES = [
    (
        "Nâng cao hiệu quả Quy chế công tác dân vận của hệ thống chính trị",
        "Các cấp ủy tiếp tục quán triệt Quyết định 290-QĐ/TW và Nghị quyết số 25-NQ/TW về công tác dân vận.",
        [
            "Thực hiện Quyết định số 290-QĐ/TW ngày 25/02/2010 của Bộ Chính trị ban hành Quy chế công tác dân vận "
            "của hệ thống chính trị, các cấp ủy đã cụ thể hóa trách nhiệm của người đứng đầu.",
            "Sau 10 năm thực hiện Nghị quyết số 25-NQ/TW và 5 năm thực hiện Kết luận số 43-KL/TW ngày 7/1/2019 "
            "của Ban Bí thư, phong trào thi đua “Dân vận khéo” được triển khai sâu rộng.",
            "Huyện ủy đã ban hành Kế hoạch số 177-KH/HU để triển khai ở từng chi bộ.",
        ],
    ),
    (
        "Tăng cường công tác dân vận ở vùng đồng bào dân tộc thiểu số",
        "Mười năm thực hiện Chỉ thị 49-CT/TW của Ban Bí thư ở các xã miền núi.",
        [
            "Qua 10 năm thực hiện Chỉ thị số 49-CT/TW ngày 20/10/2015 của Ban Bí thư, công tác dân vận ở vùng đồng "
            "bào dân tộc thiểu số đạt nhiều kết quả quan trọng.",
            "Kết luận số 236-KL/TW ngày 15/01/2026 tiếp tục yêu cầu công tác dân vận hướng về cơ sở; cùng với Chỉ thị "
            "28/CT-TTg về công tác dân tộc, chính quyền các xã đã gần dân, sát dân hơn.",
        ],
    ),
    (
        "Mặt trận tham gia góp ý xây dựng Đảng, xây dựng chính quyền",
        "Giám sát, phản biện xã hội theo Quyết định 217-QĐ/TW và 218-QĐ/TW của Bộ Chính trị.",
        [
            "Quyết định 217-QĐ/TW và Quyết định 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị là cơ sở để Mặt trận "
            "Tổ quốc và các đoàn thể tham gia giám sát, góp ý.",
            "Quy chế dân chủ ở cơ sở theo Chỉ thị 30-CT/TW tiếp tục được thực hiện với phương châm “dân biết, dân bàn, "
            "dân làm, dân kiểm tra”.",
        ],
    ),
    (
        "Dân vận khéo trong những ngày phòng, chống dịch",
        "Nhớ lại những ngày thực hiện Chỉ thị 15/CT-TTg và Chỉ thị 16/CT-TTg năm 2020.",
        [
            "Khi Thủ tướng ban hành Chỉ thị 15/CT-TTg rồi Chỉ thị 16/CT-TTg, các tổ dân vận ở thôn, bản đã đến từng "
            "nhà vận động người dân ở nhà.",
            "Nhiều mô hình “Dân vận khéo” ra đời từ những ngày cách ly toàn xã hội ấy.",
        ],
    ),
]

FONT_DIR = settings.BASE_DIR / "static" / "vendor" / "be-vietnam-pro"
PAGE = (900, 1270)  # A4 proportions at about 110 dpi: legible, small


def _fonts(size, weight):
    return (
        ImageFont.truetype(str(FONT_DIR / f"be-vietnam-pro-latin-{weight}-normal.woff2"), size),
        ImageFont.truetype(str(FONT_DIR / f"be-vietnam-pro-vietnamese-{weight}-normal.woff2"), size),
    )


def _text(draw, xy, text, size=22, weight=400, center=False):
    """Vietnamese text with the self-hosted Be Vietnam Pro subsets: each character is drawn with
    the subset that has it (the Vietnamese one holds Đ, ơ, ư and the marked letters)."""
    latin, viet = _fonts(size, weight)
    pick = [(c, viet if ord(c) > 0xFF else latin) for c in text]
    width = sum(font.getlength(c) for c, font in pick)
    x, y = xy
    if center:
        x = (PAGE[0] - width) / 2
    for c, font in pick:
        draw.text((x, y), c, font=font, fill="#111")
        x += font.getlength(c)


PROVENANCE = "Số hiệu, ngày, cơ quan ban hành và trích yếu lấy từ nguồn công khai:"


def draw_pdf(number, kind_label, issuer, issued_on, summary, source, provenance=PROVENANCE) -> ContentFile:
    """A one-page PDF that looks like a document's first page and says it is a demo copy."""
    img = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(img)
    _text(draw, (60, 60), issuer.upper(), 20, 700)
    _text(draw, (60, 92), f"Số: {number}", 20)
    _text(
        draw,
        (480, 60),
        "ĐẢNG CỘNG SẢN VIỆT NAM" if "Thủ tướng" not in issuer else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        18,
        700,
    )
    _text(draw, (480, 92), f"Ngày {issued_on:%d} tháng {issued_on:%m} năm {issued_on:%Y}", 18)
    _text(draw, (0, 200), kind_label.upper(), 34, 700, center=True)
    y = 260
    for line in textwrap.wrap(summary, 60):
        _text(draw, (0, y), line, 22, 700, center=True)
        y += 34
    y += 40
    draw.rectangle([60, y, PAGE[0] - 60, y + 230], outline=0, width=3)
    notice = [
        "BẢN DEMO — KHÔNG PHẢI VĂN BẢN GỐC",
        "Trang này do chương trình vẽ để thử thư viện văn bản.",
        provenance,
    ] + textwrap.wrap(source, 68)[:3]
    for i, line in enumerate(notice):
        _text(draw, (80, y + 20 + i * 34), line, 24 if i == 0 else 17, 700 if i == 0 else 400)
    out = BytesIO()
    img.save(out, "PDF", resolution=110)
    return ContentFile(out.getvalue(), name="demo.pdf")


# Documents of the demo commune sub-site (Xã Con Cuông, the demo account `subsite`). No numbered
# document of Đảng ủy xã Con Cuông could be sourced, so these are demo texts, not real documents:
# their numbers are invented and each summary and PDF says so. The congress they mention is real
# (Đại hội đại biểu Đảng bộ xã Con Cuông lần thứ I, 15/8/2025: SUBSITE_DOCUMENTS_SOURCE).
SUBSITE_UNIT = "Xã Con Cuông"
SUBSITE_ISSUER = "Đảng ủy xã Con Cuông"
SUBSITE_DOCUMENTS_SOURCE = (
    "https://baonghean.vn/xay-dung-xa-con-cuong-tro-thanh-trung-tam-dich-vu-du-lich-sinh-thai-cua-"
    "tieu-vung-tay-nam-nghe-an-10304495.html"
)
DEMO_MARK = "[Văn bản mẫu để thử, không phải văn bản thật] "
SUBSITE_DOCUMENTS = [
    (
        "01-KH/ĐU",
        K.KE_HOACH,
        (2025, 9, 10),
        "Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” trên địa bàn xã Con Cuông giai đoạn "
        "2025–2030, sau Đại hội đại biểu Đảng bộ xã lần thứ I.",
        [POLITICAL_SYSTEM],
    ),
    (
        "05-HD/ĐU",
        K.HUONG_DAN,
        (2025, 10, 2),
        "Hướng dẫn các chi bộ thôn, bản đăng ký mô hình “Dân vận khéo” năm 2026.",
        [POLITICAL_SYSTEM],
    ),
]


def seed_subsite_documents(users=None, stdout=None) -> int:
    """Two demo-marked documents of the commune sub-site; idempotent, and nothing when the
    sub-site is not there (it is seeded by articles.demo_subsites)."""
    from articles.models import Subsite

    subsite = Subsite.objects.filter(unit__name=SUBSITE_UNIT).first()
    if subsite is None:
        return 0
    fields, created = _fields(), 0
    for number, kind, ymd, summary, field_names in SUBSITE_DOCUMENTS:
        if Document.objects.filter(number=number, issuer=SUBSITE_ISSUER).exists():
            continue
        issued_on = datetime.date(*ymd)
        document = Document(
            number=number,
            kind=kind,
            issuer=SUBSITE_ISSUER,
            issued_on=issued_on,
            summary=DEMO_MARK + summary,
            subsite=subsite,
        )
        document.file = draw_pdf(
            number,
            kind.label,
            SUBSITE_ISSUER,
            issued_on,
            summary,
            SUBSITE_DOCUMENTS_SOURCE,
            provenance="Văn bản không có thật, số hiệu tự đặt; đại hội nhắc tới có thật:",
        )
        document.save()
        document.fields.set([f for f in fields if any(fold(n) in fold(f.name) for n in field_names)])
        created += 1
    if stdout is not None:
        stdout.write(f"Văn bản mẫu của trang thành phần mới: {created}")
    return created


def _fields():
    from reports.models import Field

    return list(Field.objects.all())


def seed_documents(users=None, stdout=None) -> int:
    """The demo library; idempotent (a number already there is left alone)."""
    fields, created = _fields(), 0
    for number, kind, issuer, signer, ymd, summary, field_names, source in DOCUMENTS:
        if Document.objects.filter(number=number, issuer=issuer).exists():
            continue
        issued_on = datetime.date(*ymd)
        document = Document(
            number=number, kind=kind, issuer=issuer, signer=signer, issued_on=issued_on, summary=summary
        )
        # Saved as an upload is: the kind is read from the bytes, the text extracted (none: the
        # drawn page is an image, like a scanned document).
        document.file = draw_pdf(number, kind.label, issuer, issued_on, summary, source)
        document.save()
        document.fields.set([f for f in fields if any(fold(n) in fold(f.name) for n in field_names)])
        created += 1
    created_articles = seed_citing_articles()
    if stdout is not None:
        stdout.write(f"Văn bản mới: {created}; bài viết dẫn văn bản: {created_articles}")
    return created


def seed_citing_articles() -> int:
    from articles.demo import draw_image
    from articles.models import Article, Category

    category = Category.objects.filter(articles__isnull=False).order_by("order", "pk").first()
    if category is None:
        return 0
    created = 0
    now = timezone.now()
    for n, (title, lead, paragraphs) in enumerate(CITING_ARTICLES):
        if Article.objects.filter(title=title).exists():
            continue
        article = Article(
            title=title,
            category=category,
            lead=lead,
            body="".join(f"<p>{p}</p>" for p in paragraphs),
            author_name="Ban Biên tập",
            status=Article.Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=5 + n * 13),
            cover_caption="Ảnh minh họa do chương trình vẽ",
        )
        article.cover_image.save(f"demo-van-ban-{n}.jpg", draw_image(300 + n), save=False)
        article.save()
        created += 1
    return created
