#include "reportrender.h"
#include "error.h"
#include "translate.h"

#include <QFontDatabase>
#include <QImage>
#include <functional>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentWriter>
#include <QTextLayout>
#include <QTextTable>
#include <QFile>
#include <xlsxwriter.h>

namespace clc::reports {

namespace {

using Cell = ReportTable::Cell;

QString serifFamily()
{
    // Liberation Serif has Times New Roman's metrics and all Vietnamese letters; DejaVu Serif as a fallback.
    const QStringList families = QFontDatabase::families();
    for (const char *f : {"Times New Roman", "Liberation Serif", "DejaVu Serif"})
        if (families.contains(QLatin1String(f)))
            return QString::fromLatin1(f);
    return QStringLiteral("serif");
}

/// Lays a report out on A4 pages. The pages go to a PDF or to images (the app's preview): the caller
/// says how to start a new page, so both draw exactly the same.
class PdfLayout
{
public:
    PdfLayout(QPainter &painter, const QSizeF &pagePixels, double dpi, const QString &family, std::function<void()> newPage)
        : m_p(painter), m_family(family), m_newPage(std::move(newPage))
    {
        m_mm = dpi / 25.4;
        m_content = QRectF(30 * m_mm, 20 * m_mm, pagePixels.width() - 45 * m_mm, pagePixels.height() - 40 * m_mm);
        m_y = m_content.top();
    }
    double mm() const { return m_mm; }
    QPainter &painter() { return m_p; }
    const QRectF &content() const { return m_content; }
    double y() const { return m_y; }
    void advance(double dy) { m_y += dy; }

    QFont font(double pt, bool bold = false, bool italic = false) const
    {
        QFont f(m_family);
        f.setPointSizeF(pt);
        f.setBold(bold);
        f.setItalic(italic);
        return f;
    }
    double height(const QString &text, const QFont &f, double width, int flags = Qt::TextWordWrap)
    {
        m_p.setFont(f);
        return m_p.boundingRect(QRectF(0, 0, width, 1e7), flags, text).height();
    }
    /// Draws wrapped text at (x, current y) in width; returns its height. Does not move y.
    double draw(const QString &text, const QFont &f, double x, double width, int align = Qt::AlignLeft, double y = -1)
    {
        const double h = height(text, f, width, Qt::TextWordWrap | align);
        m_p.setFont(f);
        m_p.drawText(QRectF(x, y < 0 ? m_y : y, width, h), Qt::TextWordWrap | align, text);
        return h;
    }
    void rule(double x1, double x2, double y)
    {
        m_p.setPen(QPen(Qt::black, 0.25 * m_mm));
        m_p.drawLine(QPointF(x1, y), QPointF(x2, y));
    }
    /// Starts a new page when h does not fit; returns true if it did.
    bool ensure(double h)
    {
        if (m_y + h <= m_content.bottom())
            return false;
        m_newPage();
        ++m_page;
        m_y = m_content.top();
        // Page numbers from the second page, centred in the top margin.
        m_p.setFont(font(12));
        m_p.drawText(QRectF(m_content.left(), 8 * m_mm, m_content.width(), 8 * m_mm), Qt::AlignHCenter | Qt::AlignVCenter, QString::number(m_page));
        return true;
    }

private:
    QPainter &m_p;
    QString m_family;
    std::function<void()> m_newPage;
    double m_mm = 1;
    QRectF m_content;
    double m_y = 0;
    int m_page = 1;
};

void drawHeader(PdfLayout &l, const ReportDocument &d)
{
    const QRectF c = l.content();
    const double leftW = c.width() * 0.42, rightW = c.width() * 0.58;
    const double x0 = c.left(), x1 = c.left() + leftW;
    const double top = l.y();
    // Left: the issuing body, the centre in bold with a short rule, the number.
    double yl = top;
    yl += l.draw(d.committee.toUpper(), l.font(12), x0, leftW, Qt::AlignHCenter, yl);
    const QFont bold = l.font(12, true);
    const double centreH = l.draw(d.centre.toUpper(), bold, x0, leftW, Qt::AlignHCenter, yl);
    yl += centreH + 1.5 * l.mm();
    l.rule(x0 + leftW * 0.35, x0 + leftW * 0.65, yl);
    yl += 2 * l.mm();
    yl += l.draw(d.number, l.font(13), x0, leftW, Qt::AlignHCenter, yl);
    // Right: the national title, the motto in bold with a rule under it as wide as the motto.
    double yr = top;
    yr += l.draw(Tr::tr("SOCIALIST REPUBLIC OF VIET NAM"), l.font(12, true), x1, rightW, Qt::AlignHCenter, yr);
    const QString motto = Tr::tr("Independence - Freedom - Happiness");
    const QFont mottoFont = l.font(13, true);
    yr += l.draw(motto, mottoFont, x1, rightW, Qt::AlignHCenter, yr) + 1 * l.mm();
    l.rule(x1 + rightW * 0.2, x1 + rightW * 0.8, yr); // about as wide as the motto
    yr += 4 * l.mm();
    yr += l.draw(d.placeDate, l.font(13, false, true), x1, rightW, Qt::AlignHCenter, yr);
    l.advance(std::max(yl, yr) - top + 8 * l.mm());
    // The title.
    l.advance(l.draw(d.title, l.font(14, true), c.left(), c.width(), Qt::AlignHCenter));
    if (!d.subtitle.isEmpty())
        l.advance(l.draw(d.subtitle, l.font(13, d.subtitleBold, !d.subtitleBold), c.left(), c.width(), Qt::AlignHCenter));
    l.advance(6 * l.mm());
}

void drawTable(PdfLayout &l, QPainter &p, const ReportTable &t)
{
    const QRectF c = l.content();
    const double pad = 1.2 * l.mm();
    double sum = 0;
    for (double w : t.widths)
        sum += w;
    std::vector<double> widths;
    for (double w : t.widths)
        widths.push_back(c.width() * w / sum);
    const QFont cellFont = l.font(10.5), headFont = l.font(10.5, true);
    auto rowHeight = [&](const std::vector<QString> &cells, const QFont &f) {
        double h = 0;
        for (size_t i = 0; i < cells.size(); ++i)
            h = std::max(h, l.height(cells[i], f, widths[i] - 2 * pad));
        return h + 2 * pad;
    };
    auto drawRow = [&](const std::vector<QString> &cells, const QFont &f, double h, bool header) {
        double x = c.left();
        p.setPen(QPen(Qt::black, 0.2 * l.mm()));
        for (size_t i = 0; i < cells.size(); ++i) {
            const QRectF cell(x, l.y(), widths[i], h);
            if (header)
                p.fillRect(cell, QColor(235, 235, 235));
            p.drawRect(cell);
            const bool numeric = !header && t.kinds[i] != Cell::Text;
            const int align = header ? Qt::AlignHCenter | Qt::AlignVCenter : numeric ? Qt::AlignRight | Qt::AlignTop : Qt::AlignLeft | Qt::AlignTop;
            p.setFont(f);
            p.drawText(cell.adjusted(pad, pad, -pad, -pad), Qt::TextWordWrap | align, cells[i]);
            x += widths[i];
        }
        l.advance(h);
    };
    const std::vector<QString> header(t.columns.begin(), t.columns.end());
    const double headerH = rowHeight(header, headFont);
    if (!t.heading.isEmpty()) {
        const double hh = l.height(t.heading, l.font(13, true), c.width());
        l.ensure(hh + headerH + 10 * l.mm()); // keep a heading with the start of its table
        l.advance(l.draw(t.heading, l.font(13, true), c.left(), c.width()) + 2 * l.mm());
    } else {
        l.ensure(headerH + 10 * l.mm());
    }
    drawRow(header, headFont, headerH, true);
    for (size_t r = 0; r < t.rows.size(); ++r) {
        std::vector<QString> cells;
        for (size_t i = 0; i < t.rows[r].size(); ++i)
            cells.push_back(cellText(t.rows[r][i], t.kinds[i]));
        const bool total = t.totalRow && r + 1 == t.rows.size();
        const QFont &f = total ? headFont : cellFont;
        const double h = rowHeight(cells, f);
        if (l.ensure(h))
            drawRow(header, headFont, headerH, true); // the header again on every page
        drawRow(cells, f, h, false);
    }
    l.advance(6 * l.mm());
}

void drawParagraph(PdfLayout &l, const ReportParagraph &p)
{
    using Style = ReportParagraph::Style;
    const QRectF c = l.content();
    const QFont f = l.font(13, p.style == Style::Heading || p.style == Style::Subheading, false);
    // The official style: a first-line indent of 1 cm for running text, bullets as "- ".
    const double indent = p.style == Style::Text || p.style == Style::Bullet ? 10 * l.mm() : 0;
    const QString text = p.style == Style::Bullet ? QStringLiteral("- ") + p.text : p.text;
    const double before = p.style == Style::Heading ? 3 * l.mm() : 1 * l.mm();
    // Lines are drawn one at a time so a long paragraph can break across pages.
    QTextLayout layout(text, f, l.painter().device());
    QTextOption option(Qt::AlignJustify);
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    std::vector<QTextLine> textLines;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(c.width() - (textLines.empty() ? indent : 0));
        textLines.push_back(line);
    }
    layout.endLayout();
    l.advance(before);
    // A heading stays with the two lines after it.
    const double lineH = textLines.empty() ? 0 : textLines.front().height();
    l.ensure(p.style == Style::Heading || p.style == Style::Subheading ? lineH * 3 : lineH);
    for (size_t i = 0; i < textLines.size(); ++i) {
        const QTextLine &line = textLines[i];
        l.ensure(line.height());
        const double x = c.left() + (i == 0 ? indent : 0);
        l.painter().setPen(Qt::black);
        line.draw(&l.painter(), QPointF(x - line.x(), l.y() - line.y()));
        l.advance(line.height());
    }
}

void drawSignatures(PdfLayout &l, const std::vector<ReportSignature> &sigs)
{
    const QRectF c = l.content();
    const double w = c.width() / double(sigs.size());
    double h = 0;
    for (const ReportSignature &s : sigs)
        h = std::max(h, l.height(s.title, l.font(13, true), w) + l.height(s.note + QLatin1Char(' '), l.font(13, false, true), w) + 28 * l.mm() +
                            l.height(s.name + QLatin1Char(' '), l.font(13, true), w));
    l.advance(4 * l.mm());
    l.ensure(h);
    const double top = l.y();
    double namesAt = top; // the names on one line, under the tallest title and note
    for (size_t i = 0; i < sigs.size(); ++i) {
        const double x = c.left() + w * double(i);
        double y = top + l.draw(sigs[i].title.toUpper(), l.font(13, true), x, w, Qt::AlignHCenter, top);
        if (!sigs[i].note.isEmpty())
            y += l.draw(sigs[i].note, l.font(13, false, true), x, w, Qt::AlignHCenter, y);
        namesAt = std::max(namesAt, y);
    }
    namesAt += 28 * l.mm(); // room for the signature and the seal
    for (size_t i = 0; i < sigs.size(); ++i)
        if (!sigs[i].name.isEmpty())
            l.draw(sigs[i].name, l.font(13, true), c.left() + w * double(i), w, Qt::AlignHCenter, namesAt);
    l.advance(h);
}

void drawFooter(PdfLayout &l, const ReportDocument &d)
{
    if (!d.signatures.empty() && d.recipients.isEmpty()) {
        drawSignatures(l, d.signatures);
        return;
    }
    const QRectF c = l.content();
    const double half = c.width() / 2;
    double leftH = l.height(Tr::tr("Recipients:"), l.font(12, true, true), half);
    for (const QString &r : d.recipients)
        leftH += l.height(r, l.font(11), half);
    const double rightH = l.height(d.signatoryTitle, l.font(13, true), half) + 28 * l.mm() + l.height(d.signatoryName + QLatin1Char(' '), l.font(13, true), half);
    l.ensure(std::max(leftH, rightH) + 4 * l.mm());
    const double top = l.y();
    double y = top + l.draw(Tr::tr("Recipients:"), l.font(12, true, true), c.left(), half, Qt::AlignLeft, top);
    for (const QString &r : d.recipients)
        y += l.draw(r, l.font(11), c.left(), half, Qt::AlignLeft, y);
    double yr = top + l.draw(d.signatoryTitle.toUpper(), l.font(13, true), c.left() + half, half, Qt::AlignHCenter, top);
    yr += 28 * l.mm(); // room for the signature and the seal
    if (!d.signatoryName.isEmpty())
        l.draw(d.signatoryName, l.font(13, true), c.left() + half, half, Qt::AlignHCenter, yr);
}

void drawDocument(PdfLayout &layout, QPainter &painter, const ReportDocument &doc)
{
    drawHeader(layout, doc);
    for (size_t i = 0; i <= doc.tables.size(); ++i) {
        for (const ReportParagraph *p : doc.paragraphsBefore(i))
            drawParagraph(layout, *p);
        if (i < doc.tables.size()) {
            if (!doc.paragraphs.empty())
                layout.advance(2 * layout.mm());
            drawTable(layout, painter, doc.tables[i]);
        }
    }
    drawFooter(layout, doc);
}

} // namespace

std::vector<QImage> renderPages(const ReportDocument &doc, double dpi)
{
    const QSizeF mm = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
    const QSizeF paper = doc.landscape ? mm.transposed() : mm;
    const QSize pixels(qRound(paper.width() / 25.4 * dpi), qRound(paper.height() / 25.4 * dpi));
    std::vector<QImage> pages;
    QImage page;
    QPainter painter;
    auto start = [&] {
        page = QImage(pixels, QImage::Format_RGB32);
        page.fill(Qt::white);
        // Points become pixels at this resolution, as on the PDF.
        page.setDotsPerMeterX(qRound(dpi / 0.0254));
        page.setDotsPerMeterY(qRound(dpi / 0.0254));
        painter.begin(&page);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
    };
    start();
    PdfLayout layout(painter, QSizeF(pixels), dpi, serifFamily(), [&] {
        painter.end();
        pages.push_back(page);
        start();
    });
    drawDocument(layout, painter, doc);
    painter.end();
    pages.push_back(page);
    return pages;
}

void paintDocument(const ReportDocument &doc, QPagedPaintDevice &device, int resolution)
{
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), doc.landscape ? QPageLayout::Landscape : QPageLayout::Portrait, QMarginsF()));
    QPainter painter;
    if (!painter.begin(&device))
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot draw the report on this device"), QStringLiteral("--out"));
    const QRect full = device.pageLayout().fullRectPixels(resolution);
    PdfLayout layout(painter, full.size(), resolution, serifFamily(), [&device] { device.newPage(); });
    drawDocument(layout, painter, doc);
    painter.end();
}

void writePdf(const ReportDocument &doc, const QString &path)
{
    QTemporaryDir tmp;
    const QString temp = tmp.filePath(QStringLiteral("report.pdf"));
    {
        QPdfWriter writer(temp);
        writer.setResolution(300);
        writer.setTitle(doc.title);
        writer.setCreator(QStringLiteral("clc"));
        paintDocument(doc, writer, writer.resolution());
    }
    // Written whole or not at all.
    QFile::remove(path);
    if (!QFile::copy(temp, path))
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot write the file"), QStringLiteral("--out"));
}

void writeXlsx(const ReportDocument &doc, const QString &path)
{
    QTemporaryDir tmp;
    const QByteArray temp = QFile::encodeName(tmp.filePath(QStringLiteral("report.xlsx")));
    lxw_workbook *wb = workbook_new(temp.constData());
    if (!wb)
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot write the file"), QStringLiteral("--out"));
    auto format = [wb](bool bold, bool border, const char *numFormat = nullptr, bool wrap = true) {
        lxw_format *f = workbook_add_format(wb);
        format_set_font_name(f, "Times New Roman");
        format_set_font_size(f, 12);
        if (bold)
            format_set_bold(f);
        if (border)
            format_set_border(f, LXW_BORDER_THIN);
        if (wrap)
            format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        if (numFormat)
            format_set_num_format(f, numFormat);
        return f;
    };
    lxw_format *title = format(true, false, nullptr, false);
    lxw_format *plain = format(false, false, nullptr, false);
    lxw_format *head = format(true, true);
    format_set_bg_color(head, 0xEBEBEB);
    format_set_align(head, LXW_ALIGN_CENTER);
    lxw_format *text[2] = {format(false, true), format(true, true)};
    lxw_format *number[2] = {format(false, true, "#,##0"), format(true, true, "#,##0")};
    lxw_format *money[2] = {format(false, true, "#,##0 \"đ\""), format(true, true, "#,##0 \"đ\"")};
    lxw_format *percent[2] = {format(false, true, "0.0\" %\""), format(true, true, "0.0\" %\"")};

    QStringList used;
    auto sheetName = [&used, &doc](const QString &heading, size_t ti) {
        // At most 31 characters, none of []:*?/\ and unique.
        QString name = heading.isEmpty() ? doc.title : heading;
        name.remove(QRegularExpression(QStringLiteral("[\\[\\]:*?/\\\\]")));
        name = name.left(28).trimmed();
        if (name.isEmpty() || used.contains(name))
            name = QStringLiteral("%1 %2").arg(name.left(24)).arg(ti + 1);
        used << name;
        return name;
    };
    if (!doc.paragraphs.empty()) {
        // The running text on a sheet of its own, a paragraph per row, the tables named where they stand.
        lxw_worksheet *ws = workbook_add_worksheet(wb, sheetName(doc.title, doc.tables.size()).toUtf8().constData());
        worksheet_set_column(ws, 0, 0, 110, nullptr);
        lxw_format *wrapped = format(false, false);
        lxw_format *heading = format(true, false);
        lxw_row_t row = 0;
        for (const QString &line : {doc.committee, doc.centre, doc.number, doc.placeDate, doc.title, doc.subtitle})
            if (!line.isEmpty()) {
                worksheet_write_string(ws, row, 0, line.toUtf8().constData(), row < 4 ? plain : title);
                ++row;
            }
        for (size_t i = 0; i <= doc.tables.size(); ++i) {
            for (const ReportParagraph *p : doc.paragraphsBefore(i)) {
                const bool head = p->style == ReportParagraph::Style::Heading || p->style == ReportParagraph::Style::Subheading;
                const QString text = p->style == ReportParagraph::Style::Bullet ? QStringLiteral("- ") + p->text : p->text;
                worksheet_write_string(ws, row++, 0, text.toUtf8().constData(), head ? heading : wrapped);
            }
            if (i < doc.tables.size())
                worksheet_write_string(ws, row++, 0, Tr::tr("(the table is on the next sheet)").toUtf8().constData(), plain);
        }
        for (const ReportSignature &sig : doc.signatures)
            worksheet_write_string(ws, row++, 0, QStringLiteral("%1 %2 %3").arg(sig.title, sig.note, sig.name).simplified().toUtf8().constData(), plain);
    }
    for (size_t ti = 0; ti < doc.tables.size(); ++ti) {
        const ReportTable &t = doc.tables[ti];
        const QString name = sheetName(t.heading, ti);
        lxw_worksheet *ws = workbook_add_worksheet(wb, name.toUtf8().constData());
        lxw_row_t row = 0;
        for (const QString &line : {doc.committee, doc.centre, doc.title, doc.subtitle, doc.placeDate, t.heading})
            if (!line.isEmpty()) {
                worksheet_write_string(ws, row, 0, line.toUtf8().constData(), row < 2 ? plain : title);
                ++row;
            }
        ++row;
        for (int c = 0; c < t.columns.size(); ++c) {
            worksheet_write_string(ws, row, lxw_col_t(c), t.columns[c].toUtf8().constData(), head);
            worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), 8 + 7 * t.widths[size_t(c)], nullptr);
        }
        worksheet_freeze_panes(ws, row + 1, 0);
        ++row;
        for (size_t r = 0; r < t.rows.size(); ++r, ++row) {
            const int b = t.totalRow && r + 1 == t.rows.size() ? 1 : 0;
            for (size_t c = 0; c < t.rows[r].size(); ++c) {
                const QVariant &v = t.rows[r][c];
                const Cell kind = t.kinds[c];
                if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Double) {
                    lxw_format *f = kind == Cell::Money ? money[b] : kind == Cell::Percent ? percent[b] : number[b];
                    worksheet_write_number(ws, row, lxw_col_t(c), v.toDouble(), f);
                } else {
                    worksheet_write_string(ws, row, lxw_col_t(c), v.toString().toUtf8().constData(), text[b]);
                }
            }
        }
    }
    if (doc.tables.empty() && doc.paragraphs.empty())
        workbook_add_worksheet(wb, nullptr);
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot write the XLSX: %1").arg(QString::fromUtf8(lxw_strerror(err))), QStringLiteral("--out"));
    QFile::remove(path);
    if (!QFile::copy(QFile::decodeName(temp), path))
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot write the file"), QStringLiteral("--out"));
}

void writeOdt(const ReportDocument &doc, const QString &path)
{
    QTextDocument text;
    QFont base(serifFamily());
    base.setPointSizeF(13);
    text.setDefaultFont(base);
    QTextCursor cur(&text);
    auto charFormat = [&base](bool bold, bool italic = false, double pt = 13) {
        QTextCharFormat f;
        f.setFontFamilies({base.family()});
        f.setFontPointSize(pt);
        f.setFontWeight(bold ? QFont::Bold : QFont::Normal);
        f.setFontItalic(italic);
        return f;
    };
    auto block = [](Qt::Alignment align, double indent = 0, double top = 0) {
        QTextBlockFormat b;
        b.setAlignment(align);
        b.setTextIndent(indent);
        b.setTopMargin(top);
        return b;
    };
    auto noBorders = [] {
        QTextTableFormat f;
        f.setBorder(0);
        f.setBorderStyle(QTextFrameFormat::BorderStyle_None);
        f.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        f.setCellPadding(2);
        return f;
    };
    // The header: the issuing body and centre on the left, the national title on the right.
    QTextTable *head = cur.insertTable(1, 2, noBorders());
    QTextCursor left = head->cellAt(0, 0).firstCursorPosition();
    left.setBlockFormat(block(Qt::AlignHCenter));
    left.insertText(doc.committee.toUpper(), charFormat(false, false, 12));
    left.insertBlock(block(Qt::AlignHCenter));
    left.insertText(doc.centre.toUpper(), charFormat(true, false, 12));
    left.insertBlock(block(Qt::AlignHCenter));
    left.insertText(doc.number, charFormat(false));
    QTextCursor right = head->cellAt(0, 1).firstCursorPosition();
    right.setBlockFormat(block(Qt::AlignHCenter));
    right.insertText(Tr::tr("SOCIALIST REPUBLIC OF VIET NAM"), charFormat(true, false, 12));
    right.insertBlock(block(Qt::AlignHCenter));
    right.insertText(Tr::tr("Independence - Freedom - Happiness"), charFormat(true));
    right.insertBlock(block(Qt::AlignHCenter));
    right.insertText(doc.placeDate, charFormat(false, true));
    cur.movePosition(QTextCursor::End);
    cur.insertBlock(block(Qt::AlignHCenter, 0, 12));
    cur.insertText(doc.title, charFormat(true, false, 14));
    if (!doc.subtitle.isEmpty()) {
        cur.insertBlock(block(Qt::AlignHCenter));
        cur.insertText(doc.subtitle, charFormat(doc.subtitleBold, !doc.subtitleBold));
    }
    using Style = ReportParagraph::Style;
    for (size_t i = 0; i <= doc.tables.size(); ++i) {
        for (const ReportParagraph *p : doc.paragraphsBefore(i)) {
            const bool heading = p->style == Style::Heading || p->style == Style::Subheading;
            cur.insertBlock(block(Qt::AlignJustify, heading ? 0 : 28, p->style == Style::Heading ? 8 : 2));
            cur.insertText(p->style == Style::Bullet ? QStringLiteral("- ") + p->text : p->text, charFormat(heading));
        }
        if (i == doc.tables.size())
            break;
        const ReportTable &t = doc.tables[i];
        if (!t.heading.isEmpty()) {
            cur.insertBlock(block(Qt::AlignLeft, 0, 8));
            cur.insertText(t.heading, charFormat(true));
        }
        cur.insertBlock(block(Qt::AlignLeft));
        QTextTableFormat tf;
        tf.setBorder(0.5);
        tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        tf.setBorderCollapse(true);
        tf.setCellPadding(3);
        tf.setHeaderRowCount(1);
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        double sum = 0;
        for (double w : t.widths)
            sum += w;
        QList<QTextLength> widths;
        for (double w : t.widths)
            widths << QTextLength(QTextLength::PercentageLength, 100 * w / sum);
        tf.setColumnWidthConstraints(widths);
        QTextTable *table = cur.insertTable(int(t.rows.size()) + 1, int(t.columns.size()), tf);
        for (int c = 0; c < t.columns.size(); ++c) {
            QTextCursor cell = table->cellAt(0, c).firstCursorPosition();
            cell.setBlockFormat(block(Qt::AlignHCenter));
            cell.insertText(t.columns[c], charFormat(true, false, 11));
        }
        for (size_t r = 0; r < t.rows.size(); ++r) {
            const bool total = t.totalRow && r + 1 == t.rows.size();
            for (size_t c = 0; c < t.rows[r].size(); ++c) {
                QTextCursor cell = table->cellAt(int(r) + 1, int(c)).firstCursorPosition();
                cell.setBlockFormat(block(t.kinds[c] == Cell::Text ? Qt::AlignLeft : Qt::AlignRight));
                cell.insertText(cellText(t.rows[r][c], t.kinds[c]), charFormat(total, false, 11));
            }
        }
        cur.movePosition(QTextCursor::End);
    }
    // The footer: recipients and the signature, or the plan's signatures side by side.
    std::vector<ReportSignature> sigs = doc.signatures;
    if (sigs.empty() || !doc.recipients.isEmpty())
        sigs = {ReportSignature{doc.signatoryTitle, QString(), doc.signatoryName}};
    const bool withRecipients = !doc.recipients.isEmpty();
    cur.insertBlock(block(Qt::AlignLeft, 0, 12));
    QTextTable *foot = cur.insertTable(1, int(sigs.size()) + (withRecipients ? 1 : 0), noBorders());
    int col = 0;
    if (withRecipients) {
        QTextCursor c = foot->cellAt(0, col++).firstCursorPosition();
        c.insertText(Tr::tr("Recipients:"), charFormat(true, true, 12));
        for (const QString &r : doc.recipients) {
            c.insertBlock(block(Qt::AlignLeft));
            c.insertText(r, charFormat(false, false, 11));
        }
    }
    for (const ReportSignature &sig : sigs) {
        QTextCursor c = foot->cellAt(0, col++).firstCursorPosition();
        c.setBlockFormat(block(Qt::AlignHCenter));
        c.insertText(sig.title.toUpper(), charFormat(true));
        if (!sig.note.isEmpty()) {
            c.insertBlock(block(Qt::AlignHCenter));
            c.insertText(sig.note, charFormat(false, true));
        }
        for (int k = 0; k < 4; ++k) // room for the signature and the seal
            c.insertBlock(block(Qt::AlignHCenter));
        c.insertText(sig.name, charFormat(true));
    }

    QTemporaryDir tmp;
    const QString temp = tmp.filePath(QStringLiteral("report.odt"));
    QTextDocumentWriter writer(temp, "odf");
    if (!writer.write(&text))
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot write the file"), QStringLiteral("--out"));
    QFile::remove(path);
    if (!QFile::copy(temp, path))
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot write the file"), QStringLiteral("--out"));
}

} // namespace clc::reports
