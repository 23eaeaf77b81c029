"""Seed the province's reporting units and the five fields, so production starts with them.

Units: Nghệ An's 21 district-level units (1 thành phố, 3 thị xã, 17 huyện) and the Party
committees directly under the Tỉnh ủy. All stay editable in the admin (merge, retire, rename).
"""

from django.db import migrations

from danvan_site.text import vn_slugify

DISTRICTS = [
    ("Thành phố Vinh", "city"),
    ("Thị xã Cửa Lò", "town"),
    ("Thị xã Thái Hòa", "town"),
    ("Thị xã Hoàng Mai", "town"),
    ("Huyện Anh Sơn", "district"),
    ("Huyện Con Cuông", "district"),
    ("Huyện Diễn Châu", "district"),
    ("Huyện Đô Lương", "district"),
    ("Huyện Hưng Nguyên", "district"),
    ("Huyện Kỳ Sơn", "district"),
    ("Huyện Nam Đàn", "district"),
    ("Huyện Nghi Lộc", "district"),
    ("Huyện Nghĩa Đàn", "district"),
    ("Huyện Quế Phong", "district"),
    ("Huyện Quỳ Châu", "district"),
    ("Huyện Quỳ Hợp", "district"),
    ("Huyện Quỳnh Lưu", "district"),
    ("Huyện Tân Kỳ", "district"),
    ("Huyện Thanh Chương", "district"),
    ("Huyện Tương Dương", "district"),
    ("Huyện Yên Thành", "district"),
    ("Đảng ủy Khối các cơ quan tỉnh", "party_committee"),
    ("Đảng ủy Khối Doanh nghiệp tỉnh", "party_committee"),
    ("Đảng ủy Quân sự tỉnh", "party_committee"),
    ("Đảng ủy Công an tỉnh", "party_committee"),
    ("Đảng ủy Bộ đội Biên phòng tỉnh", "party_committee"),
]

FIELDS = [
    "Kinh tế",
    "Văn hóa – xã hội",
    "Quốc phòng – an ninh",
    "Xây dựng hệ thống chính trị",
    "Xây dựng nông thôn mới, đô thị văn minh",
]


def seed(apps, schema_editor):
    District = apps.get_model("reports", "District")
    Field = apps.get_model("reports", "Field")
    for order, (name, kind) in enumerate(DISTRICTS, start=1):
        District.objects.get_or_create(
            name=name, defaults={"kind": kind, "order": order, "slug": vn_slugify(name)}
        )
    for order, name in enumerate(FIELDS, start=1):
        Field.objects.get_or_create(name=name, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_campaign_reports")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
