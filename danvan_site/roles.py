"""Groups of staff and their permissions, kept in step with the code by each app after migrate."""

from django.contrib.auth.models import Group, Permission


def sync_groups(group_permissions: dict[str, list[str]]) -> None:
    """Create each group and give it exactly its listed permissions (extra ones are kept)."""
    for name, perm_names in group_permissions.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = []
        for perm_name in perm_names:
            app_label, codename = perm_name.split(".")
            perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if perm is not None:
                perms.append(perm)
        group.permissions.add(*perms)
