"""The demo sub-sites of `seed_demo`: two archives of former districts, two current communes."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article, Subsite
from articles.roles import limited_subsite_ids

pytestmark = pytest.mark.django_db


def test_seed_demo_writes_the_subsites_and_can_run_again(settings, client, django_user_model):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # idempotent
    archives = Subsite.objects.archived()
    assert set(archives.values_list("unit__name", flat=True)) == {"Huyện Con Cuông", "Huyện Kỳ Sơn"}
    for site in archives:
        years = {a.published_at.year for a in Article.objects.filter(subsite=site)}
        assert years and max(years) <= 2025
    current = Subsite.objects.current()
    assert current.count() == 2 and all(site.banner for site in current)
    assert all(Article.objects.filter(subsite=site).count() >= 3 for site in current)
    editor = django_user_model.objects.get(username="subsite")
    assert limited_subsite_ids(editor) == {current.get(unit__name="Xã Con Cuông").pk}
    page = client.get("/don-vi/huyen-con-cuong/").content.decode()
    assert "Xã Con Cuông" in page.split('class="archive-notice"')[1]  # carries on its work
    from documents.demo import DEMO_MARK
    from documents.models import Document

    commune = current.get(unit__name="Xã Con Cuông")
    documents = Document.objects.filter(subsite=commune)
    assert documents.count() == 2 and all(d.summary.startswith(DEMO_MARK) for d in documents)
    home = client.get(commune.get_absolute_url()).content.decode()
    assert all(d.get_absolute_url() in home for d in documents)
