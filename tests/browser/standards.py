"""The standards tools: the Nu Html Checker (vnu-jar) and axe-core, both from the npm registry
(`package.json`, installed by `make test-browser` with `npm ci`)."""

import json
import subprocess
from pathlib import Path

from django.conf import settings

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"

# WCAG 2.1 A and AA, plus axe's best practices (landmarks, skip link, one <h1>).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
# Rules that fail the build whatever impact axe gives them: what the issue names explicitly
# (alt on every image, a label on every field, AA contrast, a skip link, landmarks).
ALWAYS_FAIL_RULES = {
    "image-alt",
    "input-image-alt",
    "label",
    "select-name",
    "color-contrast",
    "bypass",
    "skip-link",
    "landmark-one-main",
    "landmark-no-duplicate-main",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "region",
}


def validate_html(files: list[Path]) -> dict[Path, list[str]]:
    """Errors per file from one vnu run over all `files` (the JVM is slow to start)."""
    if not files:
        return {}
    proc = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--errors-only",
            "--exit-zero-always",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(proc.stderr or proc.stdout)
    errors: dict[Path, list[str]] = {f.resolve(): [] for f in files}
    for message in report["messages"]:
        path = Path(message.get("url", "").removeprefix("file:")).resolve()
        where = f"line {message.get('lastLine', '?')}"
        errors.setdefault(path, []).append(
            f"{where}: {message['message']} «{message.get('extract', '').strip()}»"
        )
    return errors


def run_axe(page) -> list[str]:
    """axe-core's violations that fail the build, one readable line per rule and element."""
    # evaluate() runs in the page through the DevTools protocol, so a Content-Security-Policy
    # that forbids inline scripts cannot block the injection.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    found = []
    for violation in result["violations"]:
        if violation["impact"] in FAILING_IMPACTS or violation["id"] in ALWAYS_FAIL_RULES:
            for node in violation["nodes"][:5]:
                found.append(
                    f"{violation['id']} ({violation['impact']}): {violation['help']} — "
                    f"{' '.join(node['target'])}: {node.get('failureSummary', '').splitlines()[-1:]}"
                )
    return found


# Checks axe does not make, or makes only as a best practice, that the issue asks for.
PAGE_CHECKS_JS = """
() => {
  const problems = [];
  for (const img of document.images) {
    if (!img.hasAttribute('alt')) problems.push('image without alt: ' + img.currentSrc);
  }
  const mains = document.querySelectorAll('main');
  if (mains.length !== 1) problems.push('expected one <main>, found ' + mains.length);
  // A page with a header or navigation to skip starts with a working skip link.
  if (document.querySelector('header, nav')) {
    const first = document.querySelector('a[href], button, input, select, textarea');
    const target = first && first.getAttribute('href') && first.getAttribute('href').startsWith('#')
      ? document.getElementById(first.getAttribute('href').slice(1)) : null;
    if (!target) problems.push('the first focusable element is not a skip link to an existing target');
    if (!document.querySelector('header')) problems.push('no <header> landmark');
    if (!document.querySelector('footer')) problems.push('no <footer> landmark');
  }
  return problems;
}
"""

HORIZONTAL_OVERFLOW_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const scroll = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  if (scroll <= width) return [];
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > width + 1)
    .slice(0, 5)
    .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
         (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') +
         ' right=' + Math.round(el.getBoundingClientRect().right));
  return ['page is ' + scroll + ' px wide in a ' + width + ' px viewport: ' + wide.join(', ')];
}
"""
