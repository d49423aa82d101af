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
        l.advance(l.draw(d.subtitle, l.font(13, false, true), c.left(), c.width(), Qt::AlignHCenter));
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

void drawFooter(PdfLayout &l, const ReportDocument &d)
{
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
    for (const ReportTable &t : doc.tables)
        drawTable(layout, painter, t);
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
    for (size_t ti = 0; ti < doc.tables.size(); ++ti) {
        const ReportTable &t = doc.tables[ti];
        // Sheet names: at most 31 characters, none of []:*?/\ and unique.
        QString name = t.heading.isEmpty() ? doc.title : t.heading;
        name.remove(QRegularExpression(QStringLiteral("[\\[\\]:*?/\\\\]")));
        name = name.left(28).trimmed();
        if (name.isEmpty() || used.contains(name))
            name = QStringLiteral("%1 %2").arg(name.left(24)).arg(ti + 1);
        used << name;
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
    if (doc.tables.empty())
        workbook_add_worksheet(wb, nullptr);
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot write the XLSX: %1").arg(QString::fromUtf8(lxw_strerror(err))), QStringLiteral("--out"));
    QFile::remove(path);
    if (!QFile::copy(QFile::decodeName(temp), path))
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot write the file"), QStringLiteral("--out"));
}

} // namespace clc::reports
