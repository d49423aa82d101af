#include "scheduleimage.h"
#include "schedule.h"
#include "store.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

namespace clc::schedule {

QImage image(Store &store, const QString &month, int width)
{
    const MonthSheet sheet = monthSheet(store, month); // the same layout and words as the text
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString html = QStringLiteral("<div style='color:#102027'>");
    html += QStringLiteral("<p style='font-size:44px; font-weight:bold; color:#0d47a1; margin:0'>%1</p>").arg(esc(sheet.heading));
    if (!sheet.centre.isEmpty())
        html += QStringLiteral("<p style='font-size:30px; color:#37474f; margin-top:4px'>%1</p>").arg(esc(sheet.centre));
    for (const MonthSheet::Day &day : sheet.days) {
        html += QStringLiteral("<p style='font-size:34px; font-weight:bold; margin-top:28px; margin-bottom:4px; color:#1b5e20'>%1</p>").arg(esc(day.label));
        for (const MonthSheet::Line &l : day.lines) {
            html += QStringLiteral("<p style='font-size:32px; margin:6px 0 0 0'><b>%1</b> · %2</p>").arg(esc(l.time), esc(l.title));
            if (!l.details.isEmpty())
                html += QStringLiteral("<p style='font-size:28px; color:#455a64; margin:0 0 0 30px'>%1</p>").arg(esc(l.details));
        }
    }
    if (!sheet.emptyNote.isEmpty())
        html += QStringLiteral("<p style='font-size:32px; margin-top:28px'>%1</p>").arg(esc(sheet.emptyNote));
    if (!sheet.undated.isEmpty()) {
        html += QStringLiteral("<p style='font-size:30px; font-weight:bold; margin-top:28px'>%1</p>").arg(esc(sheet.undatedHeading));
        for (const QString &t : sheet.undated)
            html += QStringLiteral("<p style='font-size:28px; margin:4px 0 0 30px'>• %1</p>").arg(esc(t));
    }
    html += QStringLiteral("</div>");

    QTextDocument doc;
    QFont font(QStringLiteral("DejaVu Sans")); // covers every Vietnamese letter
    font.setPixelSize(30);
    doc.setDefaultFont(font);
    doc.setDocumentMargin(48);
    doc.setTextWidth(width);
    doc.setHtml(html);
    const int height = int(std::ceil(doc.size().height()));
    QImage img(width, height, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter painter(&img);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    doc.drawContents(&painter);
    painter.end();
    return img;
}

} // namespace clc::schedule
