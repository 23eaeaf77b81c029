"""CSV and XLSX of a period summary — the same rows and totals as the page (`summary.PeriodSummary`)."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone

from .summary import KINDS, STAGES, PeriodSummary

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def header_rows(summary: PeriodSummary) -> tuple[list, list]:
    top = ["Đơn vị", "Trạng thái"]
    sub = ["", ""]
    for f in [*summary.fields, "Tổng cộng"]:
        for i, (_, label) in enumerate(STAGES):
            top.append(str(f) if i == 0 else "")
            sub.append(label)
    return top, sub


def body_rows(summary: PeriodSummary) -> list[list]:
    rows = []
    for row in summary.rows:
        status = row.report.get_status_display() if row.report else "Chưa có báo cáo"
        values = [v for cell in [*row.cells, row.total] for v in cell.values()]
        rows.append([row.unit.name, status, *values])
    totals = [v for cell in [*summary.column_totals, summary.grand_total] for v in cell.values()]
    rows.append(["Tổng cộng", "", *totals])
    return rows


def breakdown_rows(summary: PeriodSummary) -> tuple[list, list[list]]:
    header = ["Lĩnh vực"] + [f"{stage} — {kind}" for _, stage in STAGES for _, kind in KINDS]
    names = [f"{s}_{k}" for s, _ in STAGES for k, _ in KINDS]
    rows = [[str(b.field), *(b.figures[n] for n in names)] for b in summary.by_field]
    rows.append(["Tổng cộng", *(sum(b.figures[n] for b in summary.by_field) for n in names)])
    return header, rows


def filename(summary: PeriodSummary, ext: str) -> str:
    return f"tong-hop-{summary.period.slug}.{ext}"


def title(summary: PeriodSummary) -> str:
    scope = "đã duyệt và đã nộp" if summary.include_submitted else "đã duyệt"
    return f'Tổng hợp kết quả phong trào "Dân vận khéo" — {summary.period.name} (báo cáo {scope})'


def csv_response(summary: PeriodSummary) -> HttpResponse:
    """UTF-8 with a BOM, so Excel shows the Vietnamese marks."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([title(summary)])
    writer.writerows(header_rows(summary))
    writer.writerows(body_rows(summary))
    writer.writerow([])
    header, rows = breakdown_rows(summary)
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
    ws.append([title(summary)])
    ws["A1"].font = Font(bold=True, size=13)
    top, sub = header_rows(summary)
    ws.append(top)
    ws.append(sub)
    for col in range(3, len(top) + 1, 3):
        ws.merge_cells(start_row=2, start_column=col, end_row=2, end_column=col + 2)
    for row in ws.iter_rows(min_row=2, max_row=3):
        for cell in row:
            cell.font, cell.fill, cell.border = bold, head_fill, border
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for values in body_rows(summary):
        ws.append(values)
        for cell in ws[ws.max_row]:
            cell.border = border
    for cell in ws[ws.max_row]:
        cell.font, cell.fill = bold, total_fill
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 18
    for col in range(3, len(top) + 1):
        ws.column_dimensions[get_column_letter(col)].width = 11
    ws.row_dimensions[2].height = 48
    ws.freeze_panes = "C4"

    ws2 = wb.create_sheet("Theo lĩnh vực")
    header, rows = breakdown_rows(summary)
    ws2.append(header)
    for cell in ws2[1]:
        cell.font, cell.fill, cell.border = bold, head_fill, border
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for values in rows:
        ws2.append(values)
    for cell in ws2[ws2.max_row]:
        cell.font, cell.fill = bold, total_fill
    ws2.column_dimensions["A"].width = 40
    for col in range(2, len(header) + 1):
        ws2.column_dimensions[get_column_letter(col)].width = 16
    ws2.row_dimensions[1].height = 36

    wb.properties.title = title(summary)
    wb.properties.created = timezone.now().replace(tzinfo=None)
    out = io.BytesIO()
    wb.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename(summary, "xlsx")}"'
    return response
