"""Select boxes (the documents' and showcase's filters, the admin's) are the HTML Django writes."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates


class UnitForm(forms.Form):
    unit = forms.ChoiceField(
        choices=[
            ("", "Tất cả"),
            ("Xã, phường", [("xa-1", "Xã Nam Đàn"), ("phuong-2", 'Phường "Vinh" <Phú> & Lợi')]),
            ("dang-uy", "Đảng ủy các cơ quan"),
        ]
    )
    units = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B & C")], required=False)


def squeeze(html):
    return re.sub(r">\s+<", "><", str(html)).strip()


@pytest.mark.parametrize("data", [{}, {"unit": "phuong-2", "units": ["a", "b"]}, {"unit": "dang-uy"}])
def test_a_select_box_is_the_html_django_writes(data):
    ours = UnitForm(data or None)
    djangos = UnitForm(data or None, renderer=DjangoTemplates())

    for name in ("unit", "units"):
        assert squeeze(ours[name]) == squeeze(djangos[name])


def test_the_chosen_unit_is_selected_and_every_label_escaped():
    html = str(UnitForm({"unit": "phuong-2"})["unit"])

    assert '<option value="phuong-2" selected>Phường &quot;Vinh&quot; &lt;Phú&gt; &amp; Lợi</option>' in html
    assert '<optgroup label="Xã, phường">' in html
    assert html.count(" selected") == 1
