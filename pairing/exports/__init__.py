"""Pairing sheets: CSV, Excel, printable PDF, calendar invitations, the matrix and the roster."""

from pairing.exports.atomic import ExportCancelled
from pairing.exports.pdf import PdfDocument, PdfRenderer
from pairing.exports.service import (
    FORMATS, RUN_FORMATS, ExportData, ExportOptions, ExportReport, write_export,
)
from pairing.exports.sheet import Sheet, build_sheet

__all__ = [
    "FORMATS", "RUN_FORMATS", "ExportCancelled", "ExportData", "ExportOptions", "ExportReport", "PdfDocument",
    "PdfRenderer", "Sheet", "build_sheet", "write_export",
]
