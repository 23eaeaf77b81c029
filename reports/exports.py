"""CSV and XLSX of a period summary — the same rows and totals as the page (`summary.PeriodSummary`)."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone

from .summary import KINDS, STAGES, PeriodSummary

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A text cell starting with one of these is run as a formula by spreadsheet programs (CSV
# injection, OWASP): such cells are written with a leading apostrophe, shown as plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value` as a spreadsheet may take it without running it: numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values) -> list:
    return [safe_cell(v) for v in values]


GROUP_HEADING = "Huyện, thị xã, thành phố cũ"
LEAD_COLUMNS = 3  # group, unit, status; then the totals and each field, as on the page


def header_rows(summary: PeriodSummary) -> tuple[list, list]:
    top = [GROUP_HEADING, "Đơn vị", "Trạng thái"]
    sub = ["", "", ""]
    for f in ["Tổng cộng", *summary.fields]:
        for i, (_, label) in enumerate(STAGES):
            top.append(str(f) if i == 0 else "")
            sub.append(label)
    return top, sub


def _figures(total, cells) -> list[int]:
    return [v for cell in [total, *cells] for v in cell.values()]


def body_rows(summary: PeriodSummary) -> list[list]:
    """The page's table in the page's order: each former district's total, then its units, then
    the grand total. Totals add up the rows shown, so they equal the page's for the same filters."""
    rows = []
    for group in summary.groups:
        rows.append([group.label, f"Cộng {len(group.rows)} đơn vị", "", *_figures(group.total, group.cells)])
        for row in group.rows:
            status = row.report.get_status_display() if row.report else "Chưa có báo cáo"
            rows.append([group.label, row.unit.name, status, *_figures(row.total, row.cells)])
    rows.append(["Tổng cộng", "", "", *_figures(summary.grand_total, summary.column_totals)])
    return rows


def compare_rows(summary: PeriodSummary) -> tuple[list, list[list]]:
    """ "So với cùng kỳ": per field, then per former district, this period beside the previous."""
    previous = summary.previous_period
    stages = [label for _, label in STAGES]
    header = [
        "Lĩnh vực / huyện cũ",
        *(f"{summary.period.name} — {s}" for s in stages),
        *(f"{previous.name} — {s}" for s in stages),
    ]
    rows = []
    for c in [*summary.compare_fields, summary.compare_total, *summary.compare_groups]:
        rows.append([c.label, *c.current.values(), *c.previous.values()])
    return header, rows


def breakdown_rows(summary: PeriodSummary) -> tuple[list, list[list]]:
    header = ["Lĩnh vực"] + [f"{stage} — {kind}" for _, stage in STAGES for _, kind in KINDS]
    names = [f"{s}_{k}" for s, _ in STAGES for k, _ in KINDS]
    rows = [[str(b.field), *(b.figures[n] for n in names)] for b in summary.by_field]
    rows.append(["Tổng cộng", *(sum(b.figures[n] for b in summary.by_field) for n in names)])
    return header, rows


def notes_rows(summary: PeriodSummary) -> tuple[list, list[list]]:
    """The units' notes on their figures (counted reports only, like the figures beside them)."""
    header = ["Đơn vị", "Lĩnh vực", "Ghi chú của đơn vị"]
    return header, [[row.unit.name, str(f), note] for row in summary.rows for f, note in row.notes]


def filename(summary: PeriodSummary, ext: str) -> str:
    return f"tong-hop-{summary.period.slug}.{ext}"


def title(summary: PeriodSummary) -> str:
    scope = "đã duyệt và đã nộp" if summary.include_submitted else "đã duyệt"
    return f'Tổng hợp kết quả phong trào "Dân vận khéo" — {summary.period.name} (báo cáo {scope})'


class SafeWriter:
    """`csv.writer` whose every text cell goes through `safe_cell`."""

    def __init__(self, out):
        self.writer = csv.writer(out)

    def writerow(self, values):
        self.writer.writerow(safe_row(values))

    def writerows(self, rows):
        for values in rows:
            self.writerow(values)


def csv_response(summary: PeriodSummary) -> HttpResponse:
    """UTF-8 with a BOM, so Excel shows the Vietnamese marks."""
    out = io.StringIO()
    writer = SafeWriter(out)
    writer.writerow([title(summary)])
    writer.writerows(header_rows(summary))
    writer.writerows(body_rows(summary))
    writer.writerow([])
    header, rows = breakdown_rows(summary)
    writer.writerow(header)
    writer.writerows(rows)
    if summary.previous_period:
        writer.writerow([])
        header, rows = compare_rows(summary)
        writer.writerow([f"So với cùng kỳ: {summary.previous_period.name}"])
        writer.writerow(header)
        writer.writerows(rows)
    header, rows = notes_rows(summary)
    if rows:
        writer.writerow([])
        writer.writerow(header)
        writer.writerows(rows)
    response = HttpResponse(out.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(summary, "csv")}"'
    return response


def xlsx_response(summary: PeriodSummary) -> HttpResponse:
    """Formatted workbook: bold headers, frozen panes, totals written as numbers (not formulas)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="F3E0E0")
    total_fill = PatternFill("solid", fgColor="FFF3C4")
    thin = Side(style="thin", color="BBBBBB")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)

    wb = Workbook()
    ws = wb.active
    ws.title = "Theo đơn vị"
    ws.append(safe_row([title(summary)]))
    ws["A1"].font = Font(bold=True, size=13)
    top, sub = header_rows(summary)
    ws.append(safe_row(top))
    ws.append(safe_row(sub))
    for col in range(LEAD_COLUMNS + 1, len(top) + 1, len(STAGES)):
        ws.merge_cells(start_row=2, start_column=col, end_row=2, end_column=col + len(STAGES) - 1)
    for row in ws.iter_rows(min_row=2, max_row=3):
        for cell in row:
            cell.font, cell.fill, cell.border = bold, head_fill, border
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    # Each former district's total row, then its units one outline level down, so Excel folds
    # the groups as the page does.
    group_fill = PatternFill("solid", fgColor="FBF4E4")
    for values in body_rows(summary):
        ws.append(safe_row(values))
        is_group = values[2] == "" and values[0] != "Tổng cộng"  # only units have a status
        for cell in ws[ws.max_row]:
            cell.border = border
            if is_group:
                cell.font, cell.fill = bold, group_fill
        if not is_group and values[0] != "Tổng cộng":
            ws.row_dimensions[ws.max_row].outlineLevel = 1
    for cell in ws[ws.max_row]:
        cell.font, cell.fill = bold, total_fill
    ws.sheet_properties.outlinePr.summaryBelow = False
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 18
    for col in range(LEAD_COLUMNS + 1, len(top) + 1):
        ws.column_dimensions[get_column_letter(col)].width = 11
    ws.row_dimensions[2].height = 48
    ws.freeze_panes = "D4"

    ws2 = wb.create_sheet("Theo lĩnh vực")
    header, rows = breakdown_rows(summary)
    ws2.append(safe_row(header))
    for cell in ws2[1]:
        cell.font, cell.fill, cell.border = bold, head_fill, border
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for values in rows:
        ws2.append(safe_row(values))
    for cell in ws2[ws2.max_row]:
        cell.font, cell.fill = bold, total_fill
    ws2.column_dimensions["A"].width = 40
    for col in range(2, len(header) + 1):
        ws2.column_dimensions[get_column_letter(col)].width = 16
    ws2.row_dimensions[1].height = 36

    if summary.previous_period:
        ws3 = wb.create_sheet("So với cùng kỳ")
        header, rows = compare_rows(summary)
        ws3.append(safe_row(header))
        for cell in ws3[1]:
            cell.font, cell.fill, cell.border = bold, head_fill, border
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for values in rows:
            ws3.append(safe_row(values))
        ws3.column_dimensions["A"].width = 40
        for col in range(2, len(header) + 1):
            ws3.column_dimensions[get_column_letter(col)].width = 16
        ws3.row_dimensions[1].height = 48
    header, rows = notes_rows(summary)
    if rows:
        ws4 = wb.create_sheet("Ghi chú")
        ws4.append(safe_row(header))
        for cell in ws4[1]:
            cell.font, cell.fill, cell.border = bold, head_fill, border
        for values in rows:
            ws4.append(safe_row(values))
            ws4.cell(ws4.max_row, 3).alignment = Alignment(wrap_text=True, vertical="top")
        ws4.column_dimensions["A"].width = 34
        ws4.column_dimensions["B"].width = 30
        ws4.column_dimensions["C"].width = 80

    wb.properties.title = title(summary)
    wb.properties.created = timezone.now().replace(tzinfo=None)
    out = io.BytesIO()
    wb.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename(summary, "xlsx")}"'
    return response
