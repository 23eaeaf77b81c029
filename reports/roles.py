"""The reporting groups and their permissions, kept in step with the code after every migrate."""

from danvan_site.roles import sync_groups

UNIT_GROUP = "Cán bộ đơn vị"
PROVINCE_GROUP = "Cán bộ tỉnh"

REVIEW_PERMISSION = "reports.review_campaignreport"

GROUP_PERMISSIONS = {
    # Unit staff file their own unit's report; which unit is `StaffProfile.unit`, and
    # `CampaignReportQuerySet.visible_to` keeps them inside it.
    UNIT_GROUP: [
        "reports.add_campaignreport",
        "reports.change_campaignreport",
        "reports.view_campaignreport",
    ],
    # Provincial staff review every report, run the summary and keep the reference data.
    PROVINCE_GROUP: [
        "reports.view_campaignreport",
        "reports.review_campaignreport",
        "reports.view_fieldresult",
        "reports.view_exemplarymodel",
        "reports.add_reportingperiod",
        "reports.change_reportingperiod",
        "reports.view_reportingperiod",
        "reports.add_modelquota",
        "reports.change_modelquota",
        "reports.delete_modelquota",
        "reports.view_modelquota",
        "reports.add_unit",
        "reports.change_unit",
        "reports.view_unit",
        "reports.add_field",
        "reports.change_field",
        "reports.view_field",
        "reports.add_staffprofile",
        "reports.change_staffprofile",
        "reports.view_staffprofile",
    ],
}


def sync_groups_on_migrate(**kwargs):
    sync_groups(GROUP_PERMISSIONS)
