#pragma once
// Drawing a ReportDocument: PDF in the administrative format of Decree 30/2020 (Qt's QPdfWriter),
// XLSX with real numeric cells (libxlsxwriter). CSV is core's (reports::toCsv).
#include "reportdocument.h"

#include <QImage>
#include <vector>

class QPagedPaintDevice;

namespace clc::reports {

/// A4 (landscape for wide tables), margins 20 mm top and bottom, 30 mm left, 15 mm right, a
/// Times-like serif covering Vietnamese; tables break across pages with repeated headers; page
/// numbers from page 2. Needs a QGuiApplication (offscreen is enough). Throws Error on failure.
void writePdf(const ReportDocument &doc, const QString &path);
/// The same pages drawn on any paged device at its resolution: a printer (QPrinter) or a PDF writer.
/// Sets the device's page layout (A4, the document's orientation). Throws Error if it cannot paint.
void paintDocument(const ReportDocument &doc, QPagedPaintDevice &device, int resolution);
/// The same pages as the PDF, drawn to images at dpi (the app's preview). Safe off the GUI thread.
std::vector<QImage> renderPages(const ReportDocument &doc, double dpi);
/// The same document as OpenDocument text (Qt's QTextDocumentWriter): it opens in LibreOffice and
/// Word, so a director can edit a copy. Throws Error on failure.
void writeOdt(const ReportDocument &doc, const QString &path);
/// One worksheet per table; numbers, money and percentages as numeric cells. Throws Error on failure.
void writeXlsx(const ReportDocument &doc, const QString &path);

} // namespace clc::reports
