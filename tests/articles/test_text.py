import pytest

from danvan_site.text import fold, sanitize_html, vn_slugify


def test_slug_reads_the_title_without_marks_and_maps_d_stroke():
    title = "Đổi mới công tác dân vận ở Đảng bộ huyện Mường Nhé"
    assert vn_slugify(title) == "doi-moi-cong-tac-dan-van-o-dang-bo-huyen-muong-nhe"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("àáảãạ ăằắẳẵặ âầấẩẫậ", "aaaaa-aaaaaa-aaaaaa"),
        ("èéẻẽẹ êềếểễệ", "eeeee-eeeeee"),
        ("ìíỉĩị", "iiiii"),
        ("òóỏõọ ôồốổỗộ ơờớởỡợ", "ooooo-oooooo-oooooo"),
        ("ùúủũụ ưừứửữự", "uuuuu-uuuuuu"),
        ("ỳýỷỹỵ", "yyyyy"),
        ("ĐĐ đđ", "dd-dd"),
        ("ÀÁẢÃẠ ƠỚ ƯỨ", "aaaaa-oo-uu"),
    ],
)
def test_slug_removes_every_vietnamese_mark(text, expected):
    assert vn_slugify(text) == expected


def test_slug_of_decomposed_input_equals_precomposed():
    import unicodedata

    title = "Dân vận khéo"
    assert vn_slugify(unicodedata.normalize("NFD", title)) == vn_slugify(title) == "dan-van-kheo"


def test_fold_lowercases_and_drops_marks():
    assert fold("Mường Nhé ĐẢNG") == "muong nhe dang"


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<style>body{display:none}</style>",
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name="p"></form>',
    '<body onload="alert(1)">',
    '<div onmouseover="alert(1)">x</div>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_sanitize_removes_dangerous_markup(payload):
    cleaned = sanitize_html(f"<p>ok</p>{payload}").lower()
    for bad in (
        "<script",
        "onerror",
        "onload",
        "onmouseover",
        "javascript:",
        "data:",
        "<iframe",
        "<svg",
        "<style",
        "style=",
        "<object",
        "<embed",
        "<form",
        "<meta",
        "<base",
        "<link",
        "<math",
    ):
        assert bad not in cleaned
    assert "<p>ok</p>" in cleaned


def test_sanitize_keeps_allowed_markup():
    html = (
        '<h2>Tiêu đề</h2><p><strong>đậm</strong> <em>nghiêng</em> <a href="https://a.vn/x">liên kết</a></p>'
        "<ul><li>một</li></ul><ol><li>hai</li></ol><blockquote>trích</blockquote>"
        '<figure class="image"><img src="/media/a.jpg" alt="Hội nghị" width="800" height="500">'
        "<figcaption>Quang cảnh hội nghị</figcaption></figure>"
        "<table><thead><tr><th>Lĩnh vực</th></tr></thead><tbody><tr><td>Kinh tế</td></tr></tbody></table>"
    )
    cleaned = sanitize_html(html)
    for kept in (
        "<h2>",
        "<strong>",
        "<em>",
        'href="https://a.vn/x"',
        "<ul>",
        "<ol>",
        "<blockquote>",
        'alt="Hội nghị"',
        'width="800"',
        "<figcaption>Quang cảnh hội nghị</figcaption>",
        "<table>",
        "<th>Lĩnh vực</th>",
        "<td>Kinh tế</td>",
    ):
        assert kept in cleaned


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Giai đoạn 2020–2025", "giai-doan-2020-2025"),  # en dash
        ("Giai đoạn 2020 — 2025", "giai-doan-2020-2025"),  # em dash with spaces
        ("Số 12‒15", "so-12-15"),  # figure dash
        ("Nhiệm kỳ 2025−2030", "nhiem-ky-2025-2030"),  # minus sign
        ("Dân vận – Tôn giáo", "dan-van-ton-giao"),
    ],
)
def test_a_dash_of_any_kind_between_words_or_numbers_becomes_one_hyphen(title, expected):
    assert vn_slugify(title) == expected
