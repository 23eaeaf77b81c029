"""The self-hosted font ships exactly the weights the site's style sheets ask for."""

import re

from django.conf import settings

STATIC = settings.BASE_DIR / "static"
FONT_DIR = STATIC / "vendor" / "be-vietnam-pro"


def test_every_font_file_is_used_and_every_weight_used_has_its_files():
    faces = (STATIC / "css" / "site.css").read_text()
    shipped = {p.name for p in FONT_DIR.glob("*.woff2")}
    declared = set(re.findall(r'url\("\.\./vendor/be-vietnam-pro/([^)]+\.woff2)"\)', faces))
    assert shipped == declared
    assert all(name.endswith(("-400-normal.woff2", "-700-normal.woff2")) for name in shipped)
    assert not list(FONT_DIR.glob("*.woff")) and (FONT_DIR / "LICENSE").exists()

    face_weights = set(re.findall(r"font-weight: (\d+);", faces))
    for sheet in ["site.css", "reports.css", "print.css"]:
        used = set(re.findall(r"font-weight: (\d+)", (STATIC / "css" / sheet).read_text()))
        assert used <= face_weights, sheet
    # Each weight comes in the two subsets Vietnamese text needs.
    for weight in face_weights:
        assert {
            f"be-vietnam-pro-{subset}-{weight}-normal.woff2" for subset in ("latin", "vietnamese")
        } <= shipped
