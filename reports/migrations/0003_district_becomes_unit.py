"""`District` becomes `Unit` (SPEC glossary): units over time instead of a flat list.

- The table is renamed, not rebuilt, so every report, account link and figure keeps its unit.
- `CampaignReport.district`, `StaffProfile.district` and `ModelQuota.district_kind` are renamed to
  `unit` / `unit_kind` (the history table of reports too).
- `valid_from` / `valid_to` bound the days a unit is in force; `predecessors` (many-to-many, a
  merge has several) replaces the single `successor` link, whose links are copied over first;
  `is_active` goes: a retired unit gets today's date as `valid_to` and is marked unverified,
  since the real end date was never recorded.
- The permissions keep their ids (groups keep them) under the new codenames, and the unit staff
  group "Cán bộ huyện" is renamed "Cán bộ đơn vị".
"""

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone


def successor_to_predecessors(apps, schema_editor):
    Unit = apps.get_model("reports", "Unit")
    for unit in Unit.objects.filter(successor__isnull=False):
        unit.successor.predecessors.add(unit)
    for unit in Unit.objects.filter(is_active=False, valid_to__isnull=True):
        unit.valid_to = timezone.localdate()
        unit.is_unverified = True
        unit.source_note = "Đơn vị đã ngừng hoạt động trước khi có ngày kết thúc; ngày kết thúc cần xác minh."
        unit.save(update_fields=["valid_to", "is_unverified", "source_note"])


def predecessors_to_successor(apps, schema_editor):
    Unit = apps.get_model("reports", "Unit")
    for unit in Unit.objects.all():
        later = unit.successors.order_by("order", "pk").first()
        if later is not None:
            unit.successor = later
            unit.save(update_fields=["successor"])
        if unit.valid_to is not None and unit.valid_to <= timezone.localdate():
            unit.is_active = False
            unit.save(update_fields=["is_active"])


def rename_permissions_and_group(apps, schema_editor, old="district", new="unit", groups=None):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    perms = Permission.objects.filter(content_type__app_label="reports")
    for action in ("add", "change", "delete", "view"):
        if not perms.filter(codename=f"{action}_{new}").exists():
            perms.filter(codename=f"{action}_{old}").update(codename=f"{action}_{new}")
    old_name, new_name = groups or ("Cán bộ huyện", "Cán bộ đơn vị")
    old_group = Group.objects.filter(name=old_name).first()
    if old_group is None:
        return
    new_group = Group.objects.filter(name=new_name).first()
    if new_group is None:
        old_group.name = new_name
        old_group.save(update_fields=["name"])
    else:  # both exist (a database migrated back and forth): the members move, the old group goes
        new_group.user_set.add(*old_group.user_set.all())
        old_group.delete()


def unrename_permissions_and_group(apps, schema_editor):
    rename_permissions_and_group(
        apps, schema_editor, old="unit", new="district", groups=("Cán bộ đơn vị", "Cán bộ huyện")
    )


KINDS = [
    ("district", "Huyện"),
    ("town", "Thị xã"),
    ("city", "Thành phố"),
    ("commune", "Xã"),
    ("ward", "Phường"),
    ("party_committee", "Đảng ủy trực thuộc"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reports", "0002_seed_districts_and_fields"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="campaignreport", name="report_one_per_district_period"),
        migrations.RemoveConstraint(model_name="modelquota", name="quota_one_per_kind"),
        migrations.RenameModel(old_name="District", new_name="Unit"),
        migrations.RenameField(model_name="campaignreport", old_name="district", new_name="unit"),
        migrations.RenameField(model_name="historicalcampaignreport", old_name="district", new_name="unit"),
        migrations.RenameField(model_name="staffprofile", old_name="district", new_name="unit"),
        migrations.RenameField(model_name="modelquota", old_name="district_kind", new_name="unit_kind"),
        migrations.AlterModelOptions(
            name="campaignreport",
            options={
                "ordering": ("-period__year", "-period__deadline", "unit__order", "unit__name"),
                "permissions": [("review_campaignreport", "Có thể duyệt báo cáo Dân vận khéo")],
                "verbose_name": "báo cáo Dân vận khéo",
                "verbose_name_plural": "báo cáo Dân vận khéo",
            },
        ),
        migrations.AddConstraint(
            model_name="campaignreport",
            constraint=models.UniqueConstraint(fields=("unit", "period"), name="report_one_per_unit_period"),
        ),
        migrations.AddConstraint(
            model_name="modelquota",
            constraint=models.UniqueConstraint(fields=("period", "unit_kind"), name="quota_one_per_kind"),
        ),
        migrations.AlterField(
            model_name="staffprofile",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                help_text="Cán bộ đơn vị chỉ thấy và sửa báo cáo của đơn vị này.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="staff",
                to="reports.unit",
                verbose_name="đơn vị",
            ),
        ),
        migrations.AlterField(
            model_name="unit",
            name="kind",
            field=models.CharField(choices=KINDS, default="district", max_length=20, verbose_name="loại đơn vị"),
        ),
        migrations.AlterField(
            model_name="modelquota",
            name="unit_kind",
            field=models.CharField(choices=KINDS, max_length=20, verbose_name="loại đơn vị"),
        ),
        migrations.AddField(
            model_name="unit",
            name="valid_from",
            field=models.DateField(
                blank=True,
                help_text="Để trống nếu chưa rõ ngày thành lập.",
                null=True,
                verbose_name="hoạt động từ ngày",
            ),
        ),
        migrations.AddField(
            model_name="unit",
            name="valid_to",
            field=models.DateField(
                blank=True,
                help_text="Ngày cuối cùng đơn vị còn hoạt động; để trống khi đơn vị đang hoạt động.",
                null=True,
                verbose_name="hoạt động đến ngày",
            ),
        ),
        migrations.AddField(
            model_name="unit",
            name="source_note",
            field=models.TextField(
                blank=True,
                help_text="Văn bản làm căn cứ (số nghị quyết, quyết định) hoặc điều còn phải xác minh.",
                verbose_name="nguồn",
            ),
        ),
        migrations.AddField(
            model_name="unit",
            name="is_unverified",
            field=models.BooleanField(
                default=False,
                help_text="Đánh dấu khi tên, ngày hoặc đơn vị tiền thân chưa đối chiếu được với văn bản.",
                verbose_name="chưa xác minh nguồn",
            ),
        ),
        # The old FK's reverse name was "predecessors": free it before the many-to-many takes it.
        migrations.AlterField(
            model_name="unit",
            name="successor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="reports.unit",
                verbose_name="đơn vị kế thừa",
            ),
        ),
        migrations.AddField(
            model_name="unit",
            name="predecessors",
            field=models.ManyToManyField(
                blank=True,
                help_text="Các đơn vị mà đơn vị này kế thừa địa bàn, nhiệm vụ (sáp nhập: nhiều đơn vị).",
                related_name="successors",
                to="reports.unit",
                verbose_name="đơn vị tiền thân",
            ),
        ),
        migrations.RunPython(successor_to_predecessors, predecessors_to_successor),
        migrations.RunPython(rename_permissions_and_group, unrename_permissions_and_group),
        migrations.RemoveField(model_name="unit", name="successor"),
        migrations.RemoveField(model_name="unit", name="is_active"),
    ]
