"""Demo content and accounts for a local try-out. Idempotent; refuses accounts when DEBUG is off."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles import demo as articles_demo
from articles.roles import EDITOR_GROUP, SUBSITE_EDITOR_GROUP, WRITER_GROUP
from reports import demo as reports_demo
from reports.roles import PROVINCE_GROUP, UNIT_GROUP

# username → (full name, groups, is_superuser)
ACCOUNTS = {
    "admin": ("Quản trị viên", [], True),
    "editor": ("Biên tập viên Demo", [EDITOR_GROUP], False),
    "writer": ("Phóng viên Demo", [WRITER_GROUP], False),
    # The district links (Con Cuông, Kỳ Sơn) are set by reports.demo.seed_reports.
    "province": ("Cán bộ tỉnh Demo", [PROVINCE_GROUP], False),
    "district": ("Cán bộ Con Cuông Demo", [UNIT_GROUP], False),
    "district2": ("Cán bộ Kỳ Sơn Demo", [UNIT_GROUP], False),
    # An editor limited to one sub-site (Xã Con Cuông), set by articles.demo_subsites.
    "subsite": ("Biên tập viên xã Con Cuông Demo", [SUBSITE_EDITOR_GROUP], False),
}


class Command(BaseCommand):
    help = "Ghi nội dung mẫu (chuyên mục, bài viết, ảnh) và tài khoản demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Chỉ chạy khi cơ sở dữ liệu chưa có bài viết nào."
        )
        parser.add_argument("--no-accounts", action="store_true", help="Không tạo tài khoản demo.")
        parser.add_argument(
            "--size",
            choices=["small", "large"],
            default="small",
            help="large: thêm 50.000 bài viết lưu trữ (15 năm) và 200.000 bình luận cho đo hiệu năng.",
        )

    def handle(self, *args, **options):
        from articles.models import Article

        if options["if_empty"] and Article.objects.exists():
            self.stdout.write("Cơ sở dữ liệu đã có nội dung: bỏ qua seed_demo.")
            return
        users = {}
        if not options["no_accounts"]:
            if not settings.DEBUG:
                raise CommandError("Không tạo tài khoản demo khi DEBUG tắt (môi trường thật).")
            users = self.create_accounts(settings.DEMO_PASSWORD)
        with transaction.atomic():
            created = articles_demo.seed_articles(writer=users.get("writer"), editor=users.get("editor"))
            self.stdout.write(f"Bài viết mới: {created}")
            for seeder in self.extra_seeders():
                seeder(users=users, stdout=self.stdout)
        if options["size"] == "large":
            self.seed_large()
        self.stdout.write(self.style.SUCCESS("Đã ghi nội dung mẫu."))

    def extra_seeders(self):
        """Other apps' demo data (comments, reports …), each idempotent."""
        from articles.demo_subsites import seed_subsites
        from commission.demo import seed_commission
        from danvan_site.visitors.demo import seed_visits
        from documents.demo import seed_documents, seed_subsite_documents

        return [
            articles_demo.seed_comments,
            seed_visits,
            reports_demo.seed_reports,
            seed_commission,
            seed_documents,
            seed_subsites,
            seed_subsite_documents,
        ]

    def seed_large(self):
        """The benchmark's archive (`make bench`), written in bulk; each step is idempotent."""
        from articles import demo_large

        with transaction.atomic():
            created = demo_large.seed_large_articles(stdout=self.stdout)
        self.stdout.write(f"Bài viết lưu trữ mới: {created}")
        with transaction.atomic():
            created = demo_large.seed_large_comments(stdout=self.stdout)
        self.stdout.write(f"Bình luận mới: {created}")
        with transaction.atomic():
            created = demo_large.seed_large_subsites(stdout=self.stdout)
        self.stdout.write(f"Bài viết trang thành phần (đo hiệu năng) mới: {created}")
        from reports.demo_large import seed_large_reports

        with transaction.atomic():
            created = seed_large_reports(stdout=self.stdout)
        self.stdout.write(f"Báo cáo lưu trữ mới: {created}")
        from documents.demo_large import seed_large_documents

        with transaction.atomic():
            created = seed_large_documents(stdout=self.stdout)
        self.stdout.write(f"Văn bản lưu trữ mới: {created}")

    def create_accounts(self, password):
        User = get_user_model()
        users = {}
        for username, (full_name, groups, is_superuser) in ACCOUNTS.items():
            user, created = User.objects.get_or_create(username=username)
            if created:
                # get_full_name() is "first last": the whole Vietnamese name reads right as first.
                user.first_name = full_name
                user.is_staff = True
                user.is_superuser = is_superuser
                user.set_password(password)
                user.save()
                user.groups.set(Group.objects.filter(name__in=groups))
            users[username] = user
        return users
