#pragma once
// One page of a report's preview, drawn from ReportController's image of it, scaled to the item's width.
#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace clc {
class ReportController;

class ReportPageView : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(clc::ReportController *controller READ controller WRITE setController NOTIFY changed)
    Q_PROPERTY(int page READ page WRITE setPage NOTIFY changed)
    /// Height over width of the page (A4 portrait ≈ 1.41), for the layout.
    Q_PROPERTY(double aspect READ aspect NOTIFY changed)

public:
    explicit ReportPageView(QQuickItem *parent = nullptr);
    ReportController *controller() const { return m_controller; }
    void setController(ReportController *c);
    int page() const { return m_page; }
    void setPage(int p);
    double aspect() const;
    void paint(QPainter *painter) override;

Q_SIGNALS:
    void changed();

private:
    QPointer<ReportController> m_controller;
    int m_page = 0;
};

} // namespace clc
