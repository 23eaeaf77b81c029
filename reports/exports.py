"""CSV and XLSX of a period summary — the same rows and totals as the page (`summary.PeriodSummary`)."""

import csv
import io
from dataclasses import dataclass

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


def title(summary: PeriodSummary) -> str:
    scope = "đã duyệt và đã nộp" if summary.include_submitted else "đã duyệt"
    return f'Tổng hợp kết quả phong trào "Dân vận khéo" — {summary.period.name} (báo cáo {scope})'


@dataclass(frozen=True)
class ExportTables:
    """What the CSV and the XLSX of one summary hold, as plain rows of text and numbers: built
    once from the summary and kept with it (reports.views.SummaryView), each file written from it."""

    title: str
    slug: str  # the period's, for the file name
    header: tuple[list, list]
    body: list[list]
    breakdown: tuple[list, list[list]]
    compare_title: str  # empty: no previous period of the same kind
    compare: tuple[list, list[list]]
    notes: tuple[list, list[list]]


def export_tables(summary: PeriodSummary) -> ExportTables:
    previous = summary.previous_period
    return ExportTables(
        title=title(summary),
        slug=summary.period.slug,
        header=header_rows(summary),
        body=body_rows(summary),
        breakdown=breakdown_rows(summary),
        compare_title=f"So với cùng kỳ: {previous.name}" if previous else "",
        compare=compare_rows(summary) if previous else ([], []),
        notes=notes_rows(summary),
    )


def _attachment(response: HttpResponse, tables: ExportTables, ext: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="tong-hop-{tables.slug}.{ext}"'
    return response


class SafeWriter:
    """`csv.writer` whose every text cell goes through `safe_cell`."""

    def __init__(self, out):
        self.writer = csv.writer(out)

    def writerow(self, values):
        self.writer.writerow(safe_row(values))

    def writerows(self, rows):
        for values in rows:
            self.writerow(values)


def csv_response(tables: ExportTables) -> HttpResponse:
    """UTF-8 with a BOM, so Excel shows the Vietnamese marks."""
    out = io.StringIO()
    writer = SafeWriter(out)
    writer.writerow([tables.title])
    writer.writerows(tables.header)
    writer.writerows(tables.body)
    writer.writerow([])
    header, rows = tables.breakdown
    writer.writerow(header)
    writer.writerows(rows)
    if tables.compare_title:
        writer.writerow([])
        header, rows = tables.compare
        writer.writerow([tables.compare_title])
        writer.writerow(header)
        writer.writerows(rows)
    header, rows = tables.notes
    if rows:
        writer.writerow([])
        writer.writerow(header)
        writer.writerows(rows)
    response = HttpResponse(out.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    return _attachment(response, tables, "csv")


def xlsx_response(tables: ExportTables, workbook: bytes) -> HttpResponse:
    """The workbook `xlsx_bytes(tables)` wrote, as a download named after the period."""
    return _attachment(HttpResponse(workbook, content_type=XLSX_TYPE), tables, "xlsx")


def xlsx_bytes(tables: ExportTables) -> bytes:
    """Formatted workbook: bold headers, frozen panes, totals written as numbers (not formulas).

    Written in openpyxl's write-only mode, as its docs advise for large sheets: rows stream out
    as they are appended, so every row's and column's layout (widths, heights, outline levels)
    is set before its row is appended. Each look (header, group total, grand total, plain cell)
    is one named style registered once on the workbook, so a cell carries a name rather than
    its own font, fill and border objects.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import DEFAULT_FONT, Alignment, Border, Font, NamedStyle, PatternFill, Side
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    thin = Side(style="thin", color="BBBBBB")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="F3E0E0")
    styles = {
        "title": NamedStyle("Tiêu đề", font=Font(bold=True, size=13)),
        "head": NamedStyle(
            "Đầu bảng",
            font=bold,
            fill=head_fill,
            border=border,
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        ),
        "head_left": NamedStyle(
            "Đầu bảng trái",
            font=bold,
            fill=head_fill,
            border=border,
            alignment=Alignment(wrap_text=True, vertical="center"),
        ),
        "head_plain": NamedStyle("Đầu bảng ghi chú", font=bold, fill=head_fill, border=border),
        "cell": NamedStyle("Ô số liệu", font=DEFAULT_FONT, border=border),
        "group": NamedStyle(
            "Cộng nhóm", font=bold, fill=PatternFill("solid", fgColor="FBF4E4"), border=border
        ),
        "total_boxed": NamedStyle(
            "Tổng cộng có viền", font=bold, fill=PatternFill("solid", fgColor="FFF3C4"), border=border
        ),
        "total": NamedStyle("Tổng cộng", font=bold, fill=PatternFill("solid", fgColor="FFF3C4")),
        "note": NamedStyle("Ghi chú", font=DEFAULT_FONT, alignment=Alignment(wrap_text=True, vertical="top")),
    }

    wb = Workbook(write_only=True)
    for style in styles.values():
        wb.add_named_style(style)

    def styled(ws, values, style):
        """`values` (made safe) as cells of one named style; an empty style leaves them plain."""
        cells = []
        for value in safe_row(values):
            cell = WriteOnlyCell(ws, value=value)
            cell.style = style
            cells.append(cell)
        return cells

    def widths(ws, first: dict, rest: float, count: int):
        for letter, width in first.items():
            ws.column_dimensions[letter].width = width
        for col in range(len(first) + 1, count + 1):
            ws.column_dimensions[get_column_letter(col)].width = rest

    ws = wb.create_sheet("Theo đơn vị")
    top, sub = tables.header
    widths(ws, {"A": 26, "B": 30, "C": 18}, 11, len(top))
    ws.row_dimensions[2].height = 48
    ws.freeze_panes = "D4"
    # Each former district's total row, then its units one outline level down, so Excel folds
    # the groups as the page does.
    ws.sheet_properties.outlinePr.summaryBelow = False
    for col in range(LEAD_COLUMNS + 1, len(top) + 1, len(STAGES)):
        ws.merged_cells.add(f"{get_column_letter(col)}2:{get_column_letter(col + len(STAGES) - 1)}2")
    ws.append(styled(ws, [tables.title], "Tiêu đề"))
    ws.append(styled(ws, top, "Đầu bảng"))
    ws.append(styled(ws, sub, "Đầu bảng"))
    body = tables.body
    for number, values in enumerate(body, start=4):
        if number == 3 + len(body):
            style = "Tổng cộng có viền"
        elif values[2] == "":  # only units have a status
            style = "Cộng nhóm"
        else:
            style = "Ô số liệu"
            ws.row_dimensions[number].outlineLevel = 1
        ws.append(styled(ws, values, style))

    ws2 = wb.create_sheet("Theo lĩnh vực")
    header, rows = tables.breakdown
    widths(ws2, {"A": 40}, 16, len(header))
    ws2.row_dimensions[1].height = 36
    ws2.append(styled(ws2, header, "Đầu bảng trái"))
    for values in rows[:-1]:
        ws2.append(safe_row(values))
    ws2.append(styled(ws2, rows[-1], "Tổng cộng"))

    if tables.compare_title:
        ws3 = wb.create_sheet("So với cùng kỳ")
        header, rows = tables.compare
        widths(ws3, {"A": 40}, 16, len(header))
        ws3.row_dimensions[1].height = 48
        ws3.append(styled(ws3, header, "Đầu bảng trái"))
        for values in rows:
            ws3.append(safe_row(values))
    header, rows = tables.notes
    if rows:
        ws4 = wb.create_sheet("Ghi chú")
        widths(ws4, {"A": 34, "B": 30, "C": 80}, 0, 0)
        ws4.append(styled(ws4, header, "Đầu bảng ghi chú"))
        for unit, field_name, note in rows:
            ws4.append([*safe_row([unit, field_name]), *styled(ws4, [note], "Ghi chú")])

    wb.properties.title = tables.title
    wb.properties.created = timezone.now().replace(tzinfo=None)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
