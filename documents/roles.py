"""Who manages the library: provincial editors and provincial staff (SPEC "Who uses it"), and
sub-site editors for their own units' documents (the admin limits them to those)."""

from articles.roles import EDITOR_GROUP, SUBSITE_EDITOR_GROUP
from danvan_site.roles import sync_groups
from reports.roles import PROVINCE_GROUP

DOCUMENT_PERMISSIONS = [
    "documents.add_document",
    "documents.change_document",
    "documents.delete_document",
    "documents.view_document",
]
GROUP_PERMISSIONS = {
    EDITOR_GROUP: DOCUMENT_PERMISSIONS,
    PROVINCE_GROUP: DOCUMENT_PERMISSIONS,
    SUBSITE_EDITOR_GROUP: DOCUMENT_PERMISSIONS,
}


def sync_groups_on_migrate(**kwargs):
    sync_groups(GROUP_PERMISSIONS)
