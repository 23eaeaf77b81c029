"""A unit carries on the models of the units it succeeded (SPEC "Units over time", last rule).

A commune formed on 01/07/2025 has no models of its own, but the former district(s) it came from
(`Unit.predecessors`, through any number of mergers) left models still in progress: registered,
being built or recognized, not yet commended (commended ends a model's cycle). The report form
offers them; staff tick the ones the unit carries on, and nothing is taken over without that.

A model taken over keeps its row, its slug and its history of stages (the showcase page follows
the merger); from then on it is the commune's, and its stage in the commune's report is the one
it had reached. Several communes may come from one district, so the move is a compare-and-set
on the model's unit: the first commune to save takes the model, a second one is refused.
"""

from django import forms
from django.db import transaction

from .models import ExemplaryModel, ModelProgress, WorkflowError
from .progress import holdable_unit_ids

Stage = ExemplaryModel.Stage
MAX_CHOICES = 200  # more ids than any unit's list: a forged post, refused before any query


def predecessor_ids(unit) -> set[int]:
    """The units `unit` succeeded, through any number of mergers (itself excluded)."""
    return holdable_unit_ids(unit) - {unit.pk}


def candidates(unit, predecessors=None):
    """The predecessors' models still in progress that `unit` may carry on."""
    predecessors = predecessor_ids(unit) if predecessors is None else predecessors
    if not predecessors:
        return ExemplaryModel.objects.none()
    return (
        ExemplaryModel.objects.filter(unit_id__in=predecessors)
        .exclude(stage=Stage.COMMENDED)
        .select_related("field", "unit")
        .order_by("unit__order", "unit__name", "field__order", "pk")
    )


class TakeoverForm(forms.Form):
    """The ticked predecessors' models. Each posted id is checked on its own so the message says
    what is wrong with it: unknown, already taken by another unit, or not a predecessor's."""

    models = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, data=None, *, unit, **kwargs):
        super().__init__(data, prefix="takeover", **kwargs)
        self.unit = unit
        self.predecessors = predecessor_ids(unit)
        self.offered = list(candidates(unit, self.predecessors))
        self.fields["models"].choices = [(str(m.pk), m.name) for m in self.offered]
        self.fields["models"].label = "Mô hình đơn vị tiếp tục theo dõi"

    @property
    def is_offered(self) -> bool:
        return bool(self.offered)

    def checked_ids(self) -> set[str]:
        """What the browser posted (re-ticked when the page comes back with an error)."""
        if not self.is_bound:
            return set()
        return set(self.data.getlist(self.add_prefix("models")))

    def clean_models(self):
        # MultipleChoiceField already refused ids outside the offer with a generic message;
        # the specific reasons are found in `clean` from the raw post.
        return [m for m in self.offered if str(m.pk) in set(self.cleaned_data["models"])]

    def full_clean(self):
        super().full_clean()
        if self.is_bound and "models" in self.errors:
            # Replace the generic "not one of the choices" by the reason for each posted id.
            self.errors["models"] = self.error_class(self.refusals())
            self.cleaned_data.pop("models", None)

    def refusals(self) -> list[str]:
        posted = self.data.getlist(self.add_prefix("models"))
        if len(posted) > MAX_CHOICES:
            return ["Chọn quá nhiều mô hình: tải lại trang và chọn lại."]
        offered = {str(m.pk) for m in self.offered}
        ids = {int(v) for v in posted if v.isdigit() and v not in offered}
        found = ExemplaryModel.objects.select_related("unit").in_bulk(ids)
        messages = []
        for value in posted:
            if value in offered:
                continue
            model = found.get(int(value)) if value.isdigit() else None
            messages.append(self._refusal(value, model))
        return messages

    def _refusal(self, value, model) -> str:
        if model is None:
            return f"Không tìm thấy mô hình mã “{value[:20]}”: tải lại trang và chọn lại."
        if model.unit_id == self.unit.pk:
            return f"Mô hình “{model.name}” đã là của {self.unit.name}: không cần nhận lại."
        if model.unit_id in self.predecessors:
            return (
                f"Mô hình “{model.name}” đã được khen thưởng, kết thúc chu kỳ: không nhận tiếp tục theo dõi."
            )
        if ModelProgress.objects.filter(model=model, report__unit_id__in=self.predecessors).exists():
            return (
                f"Mô hình “{model.name}” đã được {model.unit.name} nhận tiếp tục theo dõi: "
                "mỗi mô hình chỉ thuộc một đơn vị."
            )
        return (
            f"Mô hình “{model.name}” thuộc {model.unit.name}, không phải đơn vị tiền thân của "
            f"{self.unit.name}: không nhận được."
        )

    def chosen(self) -> list[ExemplaryModel]:
        return self.cleaned_data.get("models", []) if hasattr(self, "cleaned_data") else []

    def named_rows(self):
        """(field_id, kind, stage) of the chosen models, for the figures' check on submit."""
        return [(m.field_id, m.kind, m.stage) for m in self.chosen()]


@transaction.atomic
def take_over(report, models) -> list[ExemplaryModel]:
    """`report`'s unit carries `models` on: each becomes the unit's and gets its stage in the
    report's period. Refused (WorkflowError, nothing written) when another unit took one first."""
    predecessors = predecessor_ids(report.unit)
    taken = []
    for model in models:
        moved = (
            ExemplaryModel.objects.filter(pk=model.pk, unit_id__in=predecessors)
            .exclude(stage=Stage.COMMENDED)
            .update(unit=report.unit)
        )
        if not moved:
            raise WorkflowError(
                f"Mô hình “{model.name}” vừa được đơn vị khác nhận tiếp tục theo dõi: "
                "mỗi mô hình chỉ thuộc một đơn vị. Tải lại trang để xem danh sách mới."
            )
        model.unit = report.unit
        model.save(update_fields=["unit", "updated_at"])  # the change goes into the model's history
        ModelProgress.objects.get_or_create(report=report, model=model, defaults={"stage": model.stage})
        taken.append(model)
    return taken
