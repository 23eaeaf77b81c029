"""A report's history as people read it: who changed what, when — the report, its figures, its models."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.html import strip_tags

from .models import CampaignReport, ExemplaryModel, FieldResult

ACTIONS = {"+": "Tạo", "~": "Sửa", "-": "Xóa"}
# Bookkeeping columns nobody needs to read about.
HIDDEN = {"updated_at", "created_at", "slug", "first_submitted_at"}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    at: datetime
    user: object
    action: str
    subject: str
    changes: list[Change] = field(default_factory=list)


def _display(record, name) -> str:
    model_field = record.instance_type._meta.get_field(name)
    value = getattr(record, model_field.attname)
    if value in (None, ""):
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        related = getattr(record, name, None)
        if hasattr(related, "get_full_name"):
            return related.get_full_name() or related.get_username()
        return str(related) if related is not None else str(value)
    if name == "summary":
        text = strip_tags(value)
        return text[:120] + ("…" if len(text) > 120 else "")
    if isinstance(value, datetime):
        from django.utils import timezone

        return timezone.localtime(value).strftime("%H:%M %d/%m/%Y")
    return str(value)


def _entries(records, subject) -> list[HistoryEntry]:
    """Entries for the records of one model, each compared with the previous record of its object."""
    previous = {}
    entries = []
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        old = previous.get(record.id)
        entry = HistoryEntry(
            at=record.history_date,
            user=record.history_user,
            action=ACTIONS.get(record.history_type, record.history_type),
            subject=subject(record),
        )
        if old is not None and record.history_type == "~":
            delta = record.diff_against(old)
            for change in delta.changes:
                if change.field in HIDDEN:
                    continue
                label = record.instance_type._meta.get_field(change.field).verbose_name
                entry.changes.append(
                    Change(str(label), _display(old, change.field), _display(record, change.field))
                )
            if not entry.changes:
                previous[record.id] = record
                continue  # a save that changed nothing visible
        entries.append(entry)
        previous[record.id] = record
    return entries


def report_history(report: CampaignReport) -> list[HistoryEntry]:
    """Every recorded change of `report`, its figures and its models, newest first (3 queries)."""
    reports = CampaignReport.history.filter(id=report.pk).select_related("history_user", "period", "unit")
    results = FieldResult.history.filter(report_id=report.pk).select_related("history_user", "field")
    models = ExemplaryModel.history.filter(report_id=report.pk).select_related("history_user", "field")
    entries = [
        *_entries(reports, lambda r: "Báo cáo"),
        *_entries(results, lambda r: f"Số liệu: {r.field}"),
        *_entries(models, lambda r: f"Mô hình: {r.name}"),
    ]
    return sorted(entries, key=lambda e: e.at, reverse=True)
