"""`make backup` / `make restore`: back up, wipe, restore, and find everything identical."""

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.db import connection

from articles.models import Article, Comment
from danvan_site.backup import BackupError, create_backup, restore_backup
from tests.factories import (
    ApprovedCommentFactory,
    CategoryFactory,
    CommentFactory,
    PublishedArticleFactory,
    image_file,
    make_user,
)

pytestmark = pytest.mark.django_db(transaction=True)


def database_snapshot() -> dict[str, str]:
    """Every row of every model (articles, history, users, and whatever other apps add)."""
    snapshot = {}
    for model in apps.get_models():
        rows = model._base_manager.order_by("pk")
        snapshot[model._meta.label] = serializers.serialize("json", rows)
    return snapshot


def media_snapshot(media_root) -> dict[str, str]:
    root = Path(media_root)
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def wipe(media_root):
    call_command("flush", interactive=False, verbosity=0)
    for path in sorted(Path(media_root).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


@pytest.fixture
def content(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "backups"
    make_user("bientap", is_staff=True)
    category = CategoryFactory(name="Đổi mới – Sáng tạo")
    for n in range(3):
        article = PublishedArticleFactory(
            title=f"Bài có ảnh số {n}", category=category, cover_image=image_file(f"anh-{n}.png", fmt="PNG")
        )
        article.tags.add("Dân vận khéo")
        ApprovedCommentFactory(article=article, title="Ý kiến đã duyệt")
        CommentFactory(article=article, title="Ý kiến chờ duyệt")
    editor_image = Path(settings.MEDIA_ROOT) / "editor" / "trong-bai.jpg"
    editor_image.parent.mkdir(parents=True, exist_ok=True)
    editor_image.write_bytes(image_file().read())
    return settings


def test_backup_wipe_restore_gives_back_identical_data_and_media(content):
    before_db, before_media = database_snapshot(), media_snapshot(content.MEDIA_ROOT)
    archive = create_backup()
    wipe(content.MEDIA_ROOT)
    assert Article.objects.count() == 0 and not media_snapshot(content.MEDIA_ROOT)

    restore_backup(archive)

    assert Comment.objects.count() == 6
    assert database_snapshot() == before_db
    assert media_snapshot(content.MEDIA_ROOT) == before_media


def test_restored_site_serves_the_articles_again(content, client):
    archive = create_backup()
    wipe(content.MEDIA_ROOT)
    restore_backup(archive)
    article = Article.objects.first()
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get(article.cover_image.url).status_code == 200


def test_backup_is_one_dated_archive_in_the_backup_folder(content):
    archive = create_backup()
    assert archive.parent == content.BACKUP_DIR
    assert archive.name.startswith("danvan-") and archive.name.endswith(".tar.gz")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names
    assert any(n.startswith("database.") for n in names)
    assert "media/editor/trong-bai.jpg" in names


def test_two_backups_in_the_same_second_are_both_kept(content):
    assert create_backup() != create_backup()
    assert len(list(content.BACKUP_DIR.iterdir())) == 2


def test_backup_command_prints_the_archive_path(content):
    out = io.StringIO()
    call_command("backup", stdout=out)
    assert Path(out.getvalue().strip()).is_file()


def test_restore_command_backs_up_the_current_state_first(content):
    archive = create_backup()
    PublishedArticleFactory(title="Bài viết sau lần sao lưu")
    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())
    assert not Article.objects.filter(title="Bài viết sau lần sao lưu").exists()
    safety = max(content.BACKUP_DIR.iterdir(), key=lambda p: p.stat().st_mtime)
    restore_backup(safety)
    assert Article.objects.filter(title="Bài viết sau lần sao lưu").exists()


def _tar_with(tmp_path, members: dict[str, bytes]) -> Path:
    path = tmp_path / "evil.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_archive_escaping_its_folder_is_refused(content, tmp_path):
    evil = _tar_with(tmp_path, {"../../pwned.txt": b"x", "manifest.json": b"{}"})
    with pytest.raises(BackupError):
        restore_backup(evil)
    assert not (tmp_path.parent / "pwned.txt").exists()


def test_archive_that_is_not_a_backup_is_refused_without_touching_data(content, tmp_path):
    before = database_snapshot()
    with pytest.raises(BackupError, match="manifest"):
        restore_backup(_tar_with(tmp_path, {"readme.txt": b"hello"}))
    assert database_snapshot() == before


def test_backup_of_another_database_engine_is_refused(content, tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    manifest = {"format": 1, "database": {"vendor": other, "file": "database.x"}, "media_files": 0}
    with pytest.raises(BackupError, match="không khôi phục được"):
        restore_backup(
            _tar_with(tmp_path, {"manifest.json": json.dumps(manifest).encode(), "database.x": b""})
        )
