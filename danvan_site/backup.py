"""Backups: the database and the uploaded media in one dated `.tar.gz`, and restoring one.

Database: on SQLite, SQLite's online backup API copies the live database page by page into a
consistent snapshot (safe while the site is serving, unlike copying the file under WAL); on
PostgreSQL, `pg_dump --format=custom`, restored with `pg_restore --clean`. Media: every file
under MEDIA_ROOT. A `manifest.json` records what the archive holds and which database engine
wrote it, since a SQLite snapshot cannot be restored into PostgreSQL or the other way round.
"""

import glob
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

FORMAT_VERSION = 1
SQLITE_NAME = "database.sqlite3"
PG_NAME = "database.pgdump"


class BackupError(Exception):
    pass


def _connection(alias="default"):
    connection = connections[alias]
    if connection.vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Không hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")
    return connection


def _pg_tool(name: str) -> str:
    """pg_dump / pg_restore: from PG_BIN, else the newest PostgreSQL's bin, else PATH."""
    candidates = []
    if os.environ.get("PG_BIN"):
        candidates.append(Path(os.environ["PG_BIN"]) / name)
    candidates += [Path(p) for p in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)]
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise BackupError(f"Không tìm thấy {name}: cài gói postgresql-client.")
    return found


def _pg_args(connection) -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]  # not on the command line, where `ps` would show it
    return args, env


def _run(cmd, env):
    result = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(cmd[0]).name} thất bại: {result.stderr.strip()[:2000]}")


def dump_database(target_dir: Path, alias="default") -> str:
    """Write a consistent copy of the database into `target_dir`; return its file name."""
    connection = _connection(alias)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target_dir / SQLITE_NAME)
        try:
            with destination:
                connection.connection.backup(destination)
        finally:
            destination.close()
        return SQLITE_NAME
    args, env = _pg_args(connection)
    _run(
        [
            _pg_tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            *args,
            "--file",
            str(target_dir / PG_NAME),
        ],
        env,
    )
    return PG_NAME


def load_database(source: Path, vendor: str, alias="default") -> None:
    connection = _connection(alias)
    if vendor != connection.vendor:
        raise BackupError(f"Bản sao lưu là của {vendor}, không khôi phục được vào {connection.vendor}.")
    if vendor == "sqlite":
        connection.ensure_connection()
        snapshot = sqlite3.connect(source)
        try:
            snapshot.backup(connection.connection)
        finally:
            snapshot.close()
        return
    connection.close()  # pg_restore --clean drops tables; no open transaction may hold them
    args, env = _pg_args(connection)
    _run(
        [
            _pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            *args,
            str(source),
        ],
        env,
    )


def create_backup(output_dir: Path | None = None, alias="default") -> Path:
    """Make `backups/danvan-YYYYmmdd-HHMMSS.tar.gz` (database + media); return its path."""
    output_dir = Path(output_dir or settings.BACKUP_DIR)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"danvan-{stamp}.tar.gz"
    n = 1
    while archive.exists():  # two backups in one second keep both
        n += 1
        archive = output_dir / f"danvan-{stamp}-{n}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="danvan-backup-") as tmp:
        tmp = Path(tmp)
        db_file = dump_database(tmp, alias)
        media_files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "database": {"vendor": _connection(alias).vendor, "file": db_file},
            "media_files": len(media_files),
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(tmp / "manifest.json", arcname="manifest.json")
            tar.add(tmp / db_file, arcname=db_file)
            for path in media_files:
                tar.add(path, arcname=f"media/{path.relative_to(media_root).as_posix()}")
        partial.rename(archive)  # a crash mid-way never leaves a truncated archive that looks valid
    return archive


def restore_backup(archive: Path, alias="default") -> dict:
    """Replace the database and the media with those in `archive`; return its manifest."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {archive}.")
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="danvan-restore-") as tmp:
        tmp = Path(tmp)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                # The "data" filter refuses absolute paths, "..", links out of the folder, devices.
                tar.extractall(tmp, filter="data")
        except (tarfile.TarError, OSError) as exc:
            raise BackupError(f"Tệp sao lưu hỏng hoặc không an toàn: {exc}") from None
        try:
            manifest = json.loads((tmp / "manifest.json").read_text())
        except (OSError, ValueError):
            raise BackupError("Tệp không phải là bản sao lưu của trang (thiếu manifest.json).") from None
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError("Bản sao lưu có định dạng không được hỗ trợ.")
        load_database(tmp / manifest["database"]["file"], manifest["database"]["vendor"], alias)
        media_root.mkdir(parents=True, exist_ok=True)
        for child in media_root.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        if (tmp / "media").exists():
            shutil.copytree(tmp / "media", media_root, dirs_exist_ok=True)
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    ContentType.objects.clear_cache()
    cache.clear()  # menus and settings cached from the replaced data
    return manifest
