from django import forms
from django.db.models import Max, Min

from articles.models import Subsite
from danvan_site import caching
from danvan_site.text import fold
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


def units() -> list[tuple[str, str]]:
    """(slug, name) of every unit with a sub-site, by name: the choices of `don-vi` (the kept
    sub-sites of the news; a unit with no document yet is a valid, empty, choice). Kept as the
    pairs themselves: every list page reads them, and the whole kept sub-sites are far larger."""

    def build():
        sites = sorted(Subsite.all_cached().values(), key=lambda s: (fold(s.name), s.name))
        return [(s.slug, s.name) for s in sites]

    return caching.get_or_set(caching.NEWS, "subsite-choices", build)


class DocumentFilterForm(forms.Form):
    """The list's filters, named as in SPEC's URLs: `loai`, `co-quan`, `linh-vuc`, `nam`,
    `don-vi` (a unit's sub-site, by its slug), `q`.

    A value that is not offered (a stale link, a typed URL) is dropped, not an error page, and
    the list says so above it (`notices`).
    """

    UNKNOWN_UNIT = "Không có đơn vị “{}”: danh sách gồm văn bản của mọi đơn vị."
    DROPPED = "Bộ lọc “{}” không nhận giá trị “{}”: bộ lọc này được bỏ qua."

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
        self.fields["don-vi"] = forms.ChoiceField(label="Đơn vị", required=False, choices=any_ + units())

    def values(self) -> dict:
        """The valid filters of this request (an invalid one is left out)."""
        if self.is_bound:
            self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value not in ("", None)}

    def notices(self) -> list[str]:
        """One sentence per filter whose value was dropped, naming the value as typed (cut short)."""
        if not self.is_bound:
            return []
        self.is_valid()
        notices = []
        for name in self.errors:
            typed = " ".join(str(self.data.get(name, "")).split())[:80]
            if name == "don-vi":
                notices.append(self.UNKNOWN_UNIT.format(typed))
            else:
                notices.append(self.DROPPED.format(self.fields[name].label, typed))
        return notices

    def filter(self, queryset, values: dict):
        if "loai" in values:
            queryset = queryset.filter(kind=values["loai"])
        if "co-quan" in values:
            queryset = queryset.filter(issuer=values["co-quan"])
        if "linh-vuc" in values:
            queryset = queryset.filter(fields=values["linh-vuc"])
        if "nam" in values:
            queryset = queryset.filter(issued_on__year=values["nam"])
        if "don-vi" in values:
            site = Subsite.from_slug(values["don-vi"])
            queryset = queryset.of_subsite(site.pk) if site else queryset.none()
        return queryset
