"""The admin reads Vietnamese throughout: our own catalogue fills what the packages leave English."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import PublishedArticleFactory

CATALOGUES = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_admin_list_filters_offer_show_counts_in_vietnamese(editor_client):
    html = editor_client.get("/admin/articles/article/").content.decode()
    assert "Hiện số lượng" in html and "Show counts" not in html


@pytest.mark.django_db
def test_admin_index_table_headers_for_screen_readers_are_vietnamese(admin_client):
    html = admin_client.get("/admin/").content.decode()
    for english in ("Model name", "Add link", "Change or view list link"):
        assert english not in html
    assert "Tên mục" in html


@pytest.mark.django_db
def test_the_history_button_reads_lich_su(editor_client):
    article = PublishedArticleFactory()
    html = editor_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    button = re.search(r'<a href="[^"]*/history/" class="historylink">([^<]*)</a>', html)
    assert button and button.group(1).strip() == "Lịch sử"


@pytest.mark.django_db
def test_an_admin_form_with_errors_says_so_in_vietnamese(editor_client):
    html = editor_client.post("/admin/articles/article/add/", {"title": ""}).content.decode()
    assert "Vui lòng sửa các lỗi bên dưới." in html and "Please correct" not in html


def _po_entries(path):
    """(context, msgid) → msgstr of a .po file written as ours are: one line per string."""
    entries, context = {}, None
    lines = path.read_text().splitlines()
    for i, line in enumerate(lines):
        if line.startswith("msgctxt "):
            context = _unquote(line[8:])
        elif line.startswith("msgid ") and line != 'msgid ""':
            if lines[i + 1].startswith("msgid_plural "):  # Vietnamese has one form: msgstr[0]
                key = (context, _unquote(line[6:]), _unquote(lines[i + 1][13:]))
                entries[key] = _unquote(lines[i + 2][10:])
            else:
                entries[(context, _unquote(line[6:]))] = _unquote(lines[i + 1][7:])
            context = None
    return entries


def _unquote(text):
    return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_committed_mo_files_hold_every_string_of_their_po(domain):
    """The site runs from the compiled .mo, so one older than its .po would lose strings."""
    with open(CATALOGUES / f"{domain}.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for (context, msgid, *plural), msgstr in _po_entries(CATALOGUES / f"{domain}.po").items():
        if plural:
            got = compiled.ngettext(msgid, plural[0], 2)
        else:
            got = compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)
        assert got == msgstr, msgid
