from django.core.management.base import BaseCommand, CommandError

from danvan_site.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và ảnh tải lên vào một tệp backups/danvan-<ngày giờ>.tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", help="Thư mục chứa bản sao lưu (mặc định: BACKUP_DIR).")

    def handle(self, *args, output_dir=None, **options):
        try:
            archive = create_backup(output_dir)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(archive))
