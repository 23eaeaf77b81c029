"""Who keeps the commission's pages, kept in step with the code after every migrate.

SPEC "Who uses it": provincial staff publish the work calendar and answer readers' questions;
editors keep the "Giới thiệu" texts, the structure and the leaders (planned maintenance is in
the site settings).
"""

from articles.roles import EDITOR_GROUP
from danvan_site.roles import sync_groups
from reports.roles import PROVINCE_GROUP

ANSWER_PERMISSION = "commission.answer_question"

GROUP_PERMISSIONS = {
    PROVINCE_GROUP: [
        "commission.add_scheduleitem",
        "commission.change_scheduleitem",
        "commission.delete_scheduleitem",
        "commission.view_scheduleitem",
        "commission.view_question",
        "commission.change_question",
        ANSWER_PERMISSION,
        "commission.view_rating",
    ],
    EDITOR_GROUP: [
        "commission.change_commissionpage",
        "commission.view_commissionpage",
        "commission.add_department",
        "commission.change_department",
        "commission.delete_department",
        "commission.view_department",
        "commission.add_leader",
        "commission.change_leader",
        "commission.delete_leader",
        "commission.view_leader",
        "commission.view_rating",
    ],
}


def sync_groups_on_migrate(**kwargs):
    sync_groups(GROUP_PERMISSIONS)
