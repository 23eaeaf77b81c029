"""The self-hosted font ships exactly the weights the site's style sheets ask for."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

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


@pytest.mark.django_db
def test_pages_carry_the_style_sheet_their_policy_allows_with_fonts_that_are_served(client):
    """The site's style sheet is written into the page (no request before the first paint),
    allowed by the page's own nonce, and its fonts point at files the site serves."""
    response = client.get("/")
    html = response.content.decode()
    nonce, css = re.search(r'<style nonce="([^"]+)">(.*?)</style>', html, re.S).groups()
    assert "--" in css and "@font-face" in css and '<link rel="stylesheet" href="/static/css/site' not in html
    style_src = re.search(r"style-src ([^;]+)", response["Content-Security-Policy"]).group(1)
    assert f"'nonce-{nonce}'" in style_src.split() and "'unsafe-inline'" not in style_src
    fonts = re.findall(r'url\("([^"]+)"\)', css)
    assert len(fonts) == 4
    for url in fonts:
        assert url.startswith(settings.STATIC_URL) and ".." not in url
        assert finders.find(url.removeprefix(settings.STATIC_URL)), url
    # Another request, another nonce: the page is not replayable into another's policy.
    assert re.search(r'<style nonce="([^"]+)">', client.get("/").content.decode()).group(1) != nonce
