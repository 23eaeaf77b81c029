"""The editorial groups and their permissions, kept in step with the code after every migrate."""

from danvan_site.roles import sync_groups

WRITER_GROUP = "Phóng viên"
EDITOR_GROUP = "Biên tập viên"
# An editor of one or more sub-sites (given them in `Subsite.editors`): publishes and moderates
# there, runs their menus and their banners — nothing of the province's site (its settings) and
# no change to the tags every site shares.
SUBSITE_EDITOR_GROUP = "Biên tập viên trang thành phần"

GROUP_PERMISSIONS = {
    # Writers write and send for review; they cannot publish or moderate.
    WRITER_GROUP: [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        "articles.view_category",
        "articles.view_tag",
        "articles.add_tag",
    ],
    # Editors publish, edit everything, moderate comments, run the menu and the banner.
    EDITOR_GROUP: [
        "articles.add_article",
        "articles.change_article",
        "articles.delete_article",
        "articles.view_article",
        "articles.publish_article",
        "articles.add_category",
        "articles.change_category",
        "articles.view_category",
        # Sub-sites: provincial editors make them; one given a sub-site edits only its own.
        "articles.add_subsite",
        "articles.change_subsite",
        "articles.view_subsite",
        "articles.add_tag",
        "articles.change_tag",
        "articles.delete_tag",
        "articles.view_tag",
        # Reader comments: moderate (approve / reject) and delete; nobody adds them in admin.
        "articles.view_comment",
        "articles.change_comment",
        "articles.moderate_comment",
        "articles.delete_comment",
        "siteconfig.change_sitesettings",
        "siteconfig.view_sitesettings",
    ],
}


GROUP_PERMISSIONS[SUBSITE_EDITOR_GROUP] = [
    perm
    for perm in GROUP_PERMISSIONS[EDITOR_GROUP]
    if not perm.startswith("siteconfig.")
    and perm not in ("articles.change_tag", "articles.delete_tag")
    and perm != "articles.add_subsite"
]


def limited_subsite_ids(user) -> frozenset[int] | None:
    """The sub-sites a writer or editor is limited to (`Subsite.editors`), or None for the
    provincial staff and superusers, who work on the whole site. Read once per request."""
    if not user.is_authenticated or user.is_superuser:
        return None
    if not hasattr(user, "limited_subsites_memo"):
        ids = frozenset(user.subsites.values_list("pk", flat=True))
        user.limited_subsites_memo = ids or None
    return user.limited_subsites_memo


def sync_groups_on_migrate(**kwargs):
    sync_groups(GROUP_PERMISSIONS)
