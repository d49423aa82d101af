#include "reportpageview.h"
#include "reportcontroller.h"

#include <QPainter>

namespace clc {

ReportPageView::ReportPageView(QQuickItem *parent) : QQuickPaintedItem(parent) {}

void ReportPageView::setController(ReportController *c)
{
    if (c == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = c;
    if (c)
        connect(c, &ReportController::pagesChanged, this, [this] {
            update();
            Q_EMIT changed();
        });
    update();
    Q_EMIT changed();
}

void ReportPageView::setPage(int p)
{
    if (p == m_page)
        return;
    m_page = p;
    update();
    Q_EMIT changed();
}

double ReportPageView::aspect() const
{
    const QImage img = m_controller ? m_controller->page(m_page) : QImage();
    return img.isNull() ? 1.414 : double(img.height()) / img.width();
}

void ReportPageView::paint(QPainter *painter)
{
    const QImage img = m_controller ? m_controller->page(m_page) : QImage();
    if (img.isNull())
        return;
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawImage(QRectF(0, 0, width(), height()), img);
}

} // namespace clc
