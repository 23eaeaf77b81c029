from django.core.management.base import BaseCommand, CommandError

from danvan_site.backup import BackupError, create_backup, restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục cơ sở dữ liệu và ảnh tải lên từ một bản sao lưu. Trạng thái hiện tại được sao "
        "lưu trước, để có thể quay lại."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp .tar.gz do lệnh backup tạo ra.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")
        parser.add_argument(
            "--no-safety-backup",
            action="store_false",
            dest="safety_backup",
            help="Không sao lưu trạng thái hiện tại trước khi khôi phục.",
        )

    def handle(self, *args, archive, interactive=True, safety_backup=True, **options):
        if interactive:
            answer = input(
                f"Toàn bộ dữ liệu và ảnh hiện tại sẽ được thay bằng nội dung của {archive}. Gõ 'yes' để tiếp tục: "
            )
            if answer != "yes":
                raise CommandError("Đã hủy khôi phục.")
        try:
            if safety_backup:
                self.stdout.write(f"Đã sao lưu trạng thái hiện tại: {create_backup()}")
            manifest = restore_backup(archive)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Đã khôi phục bản sao lưu lúc {manifest['created_at']} "
            f"({manifest['database']['vendor']}, {manifest['media_files']} tệp ảnh)."
        )
