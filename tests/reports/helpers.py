"""Build what the report form posts, the way a browser would."""

from reports.models import Field, FieldResult


def report_form_data(
    *,
    rows=None,
    summary="<p>Đánh giá chung.</p>",
    action="save",
    period=None,
    models=(),
    existing=(),
    confirmed=True,
):
    """POST data for the report page.

    rows: {field: figures} — (registered, recognized, commended) × (collective, individual) as
    for tests.factories.figures, with "xây dựng" posted as the recognized figures, or all
    FieldResult.FIGURES in their order; fields not given are posted blank; models: dicts of new
    model rows; existing: (model, changes) pairs for rows already saved.
    """
    rows = rows or {}
    data = {"action": action, "summary": summary}
    if action == "submit" and confirmed:
        data["confirmed"] = "1"  # what reports.js posts once the dialog is confirmed
    if period is not None:
        data["period"] = period.pk
    for field in Field.objects.active():
        values = rows.get(field, ("",) * len(FieldResult.FIGURES))
        if len(values) == 6:
            reg_c, reg_i, rec_c, rec_i, com_c, com_i = values
            values = (reg_c, reg_i, rec_c, rec_i, rec_c, rec_i, com_c, com_i)
        for name, value in zip(FieldResult.FIGURES, values, strict=True):
            data[f"fr-{field.pk}-{name}"] = value
    all_rows = [*existing, *((None, m) for m in models)]
    data.update(
        {
            "models-TOTAL_FORMS": len(all_rows),
            "models-INITIAL_FORMS": len(existing),
            "models-MIN_NUM_FORMS": 0,
            "models-MAX_NUM_FORMS": 1000,
        }
    )
    for i, (instance, values) in enumerate(all_rows):
        row = {}
        if instance is not None:
            row = {
                "id": instance.pk,
                "name": instance.name,
                "field": instance.field_id,
                "kind": instance.kind,
                "holder": instance.holder,
                "stage": instance.stage,
                "description": instance.description,
                "results": instance.results,
            }
        row.update(values)
        for key, value in row.items():
            data[f"models-{i}-{key}"] = value
    return data
