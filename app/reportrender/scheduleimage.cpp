#include "scheduleimage.h"
#include "schedule.h"
#include "store.h"
#include "translate.h"
#include "vietnamese.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

namespace clc::schedule {

QImage image(Store &store, const QString &month, int width)
{
    const std::vector<Entry> all = entries(store, month, month);
    const QString centre = store.isInitialised() ? store.value(QStringLiteral("centres"), store.centreId(), QStringLiteral("name")).toText() : QString();
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString html = QStringLiteral("<div style='color:#102027'>");
    html += QStringLiteral("<p style='font-size:44px; font-weight:bold; color:#0d47a1; margin:0'>%1</p>").arg(esc(Tr::tr("SCHEDULE FOR %1").arg(vn::formatMonth(month))));
    if (!centre.isEmpty())
        html += QStringLiteral("<p style='font-size:30px; color:#37474f; margin-top:4px'>%1</p>").arg(esc(centre));
    QDate day;
    for (const Entry &e : all) {
        if (e.day() != day) {
            day = e.day();
            html += QStringLiteral("<p style='font-size:34px; font-weight:bold; margin-top:28px; margin-bottom:4px; color:#1b5e20'>%1</p>").arg(esc(dayText(day)));
        }
        html += QStringLiteral("<p style='font-size:32px; margin:6px 0 0 0'><b>%1</b> · %2%3</p>")
                    .arg(esc(timeText(e)), esc(e.title), e.cancelled ? esc(Tr::tr(" (cancelled)")) : QString());
        QStringList details;
        if (!e.place.isEmpty())
            details << Tr::tr("at %1").arg(e.place);
        if (!e.groupText.isEmpty())
            details << Tr::tr("for %1").arg(e.groupText);
        if (!details.isEmpty())
            html += QStringLiteral("<p style='font-size:28px; color:#455a64; margin:0 0 0 30px'>%1</p>").arg(esc(details.join(QStringLiteral(" · "))));
    }
    if (all.empty())
        html += QStringLiteral("<p style='font-size:32px; margin-top:28px'>%1</p>").arg(esc(Tr::tr("No sessions are scheduled this month.")));
    const QStringList undated = undatedTitles(store, month);
    if (!undated.isEmpty()) {
        html += QStringLiteral("<p style='font-size:30px; font-weight:bold; margin-top:28px'>%1</p>").arg(esc(Tr::tr("Also planned this month, date to be announced:")));
        for (const QString &t : undated)
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
