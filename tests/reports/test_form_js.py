"""The report form's script in a real (headless) Chromium: live totals and the "add model" row.

The page is the real rendered form; only the script's static file comes from the live server.
"""

import re
import shutil
import subprocess

import pytest

from tests.factories import CampaignReportFactory, FieldResultFactory, figures

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="needs a headless Chromium"),
]

CHECK = """<script>
window.addEventListener("load", function () {
  var input = document.querySelector('input[name="fr-%(field)s-registered_collective"]');
  input.value = "100";
  input.dispatchEvent(new Event("input", {bubbles: true}));
  document.getElementById("add-model").click();
  document.body.setAttribute("data-check", [
    document.querySelector('[data-col-total="registered"]').textContent,
    document.querySelector('[data-col-total="registered_collective"]').textContent,
    document.getElementById("id_models-TOTAL_FORMS").value,
    document.querySelectorAll('input[name="models-2-name"]').length,
  ].join("|"));
});
</script>"""


def test_totals_follow_typing_and_a_model_row_can_be_added(
    live_server, district_client, con_cuong, fields, tmp_path
):
    report = CampaignReportFactory(unit=con_cuong)
    FieldResultFactory(report=report, field=fields[0], **figures(10, 6))
    FieldResultFactory(report=report, field=fields[1], **figures(17, 12))
    html = district_client.get(report.get_absolute_url()).content.decode()
    html = html.replace("<head>", f'<head><base href="{live_server.url}/">', 1)
    html = html.replace("</body>", CHECK % {"field": fields[0].pk} + "</body>")
    page = tmp_path / "form.html"
    page.write_text(html, encoding="utf-8")
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=5000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=90,
    ).stdout
    check = re.search(r'data-check="([^"]*)"', dom)
    assert check, "the check script did not run"
    # 100 + 6 + 17 + 12 registered; 100 + 17 collective; 2 blank rows + 1 added; the new row's fields.
    assert check.group(1).split("|") == ["135", "117", "3", "1"]
