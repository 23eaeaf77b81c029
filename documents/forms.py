from django import forms
from django.db.models import Max, Min

from danvan_site import caching
from reports.models import Field

from .models import Document


def issuers() -> list[str]:
    return caching.get_or_set(
        caching.DOCUMENTS,
        "issuers",
        lambda: sorted(Document.objects.public().order_by().values_list("issuer", flat=True).distinct()),
    )


def years() -> list[int]:
    """Every year from the oldest document to the newest (two index lookups, not a scan)."""

    def build():
        span = Document.objects.public().aggregate(first=Min("issued_on"), last=Max("issued_on"))
        if span["first"] is None:
            return []
        return list(range(span["last"].year, span["first"].year - 1, -1))

    return caching.get_or_set(caching.DOCUMENTS, "years", build)


def fields() -> list[tuple[int, str]]:
    return caching.get_or_set(
        caching.DOCUMENTS, "fields", lambda: list(Field.objects.values_list("pk", "name"))
    )


class DocumentFilterForm(forms.Form):
    """The list's filters, named as in SPEC's URLs: `loai`, `co-quan`, `linh-vuc`, `nam`, `q`.

    A value that is not offered (a stale link, a typed URL) is dropped, not an error page.
    """

    q = forms.CharField(label="Số hiệu hoặc từ khóa", required=False, max_length=200)

    def __init__(self, data=None):
        super().__init__(data)
        any_ = [("", "Tất cả")]
        self.fields["loai"] = forms.ChoiceField(
            label="Loại văn bản", required=False, choices=any_ + list(Document.Kind.choices)
        )
        self.fields["co-quan"] = forms.ChoiceField(
            label="Cơ quan ban hành", required=False, choices=any_ + [(i, i) for i in issuers()]
        )
        self.fields["linh-vuc"] = forms.TypedChoiceField(
            label="Lĩnh vực", required=False, coerce=int, empty_value=None, choices=any_ + fields()
        )
        self.fields["nam"] = forms.TypedChoiceField(
            label="Năm ban hành",
            required=False,
            coerce=int,
            empty_value=None,
            choices=any_ + [(y, str(y)) for y in years()],
        )

    def values(self) -> dict:
        """The valid filters of this request (an invalid one is left out)."""
        if self.is_bound:
            self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value not in ("", None)}

    def filter(self, queryset, values: dict):
        if "loai" in values:
            queryset = queryset.filter(kind=values["loai"])
        if "co-quan" in values:
            queryset = queryset.filter(issuer=values["co-quan"])
        if "linh-vuc" in values:
            queryset = queryset.filter(fields=values["linh-vuc"])
        if "nam" in values:
            queryset = queryset.filter(issued_on__year=values["nam"])
        return queryset
