#include "icons.h"

#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {

const QColor kBlue(0x3b, 0x82, 0xc4);
const QColor kSlate(0x5b, 0x7a, 0xa6);
const QColor kGreen(0x2e, 0x8b, 0x57);
const QColor kOrange(0xd9, 0x82, 0x2b);
const QColor kRed(0xc0, 0x39, 0x2b);
const QColor kGrey(0xb0, 0xb4, 0xba);

void drawCheck(QPainter &p, const QColor &color, qreal width)
{
    QPainterPath path;
    path.moveTo(4.4, 8.3);
    path.lineTo(7.0, 10.8);
    path.lineTo(11.8, 5.4);
    p.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
}

// Paints one named icon on a 16x16 logical canvas.
void paintIcon(QPainter &p, const QString &name)
{
    p.setRenderHint(QPainter::Antialiasing);
    if (name == u"review-new") {
        p.setPen(Qt::NoPen);
        p.setBrush(kBlue);
        p.drawEllipse(QPointF(8, 8), 4.5, 4.5);
    } else if (name == u"review-in_review") {
        p.setPen(QPen(kOrange, 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(8, 8), 5.5, 5.5);
        p.setPen(Qt::NoPen);
        p.setBrush(kOrange);
        p.drawPie(QRectF(2.5, 2.5, 11, 11), 90 * 16, -180 * 16);
    } else if (name == u"review-reviewed") {
        drawCheck(p, kGreen, 2.2);
    } else if (name == u"origin-suggested" || name == u"status-suggested") {
        QPen pen(kSlate, 1.4, Qt::DashLine);
        pen.setDashPattern({2.0, 1.2});
        p.setPen(pen);
        p.setBrush(QColor(0xe8, 0xee, 0xf6));
        if (name.startsWith(u"origin")) {
            p.drawEllipse(QPointF(8, 8), 6, 6);
        } else {
            p.drawRoundedRect(QRectF(2, 2, 12, 12), 3, 3);
        }
        p.setPen(Qt::NoPen);
        p.setBrush(kSlate);
        p.drawEllipse(QPointF(8, 8), 1.6, 1.6);
    } else if (name == u"origin-confirmed" || name == u"status-confirmed") {
        p.setPen(Qt::NoPen);
        p.setBrush(kGreen);
        if (name.startsWith(u"origin")) {
            p.drawEllipse(QPointF(8, 8), 7, 7);
        } else {
            p.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 3, 3);
        }
        drawCheck(p, Qt::white, 1.9);
    } else if (name == u"origin-corrected") {
        p.setPen(Qt::NoPen);
        p.setBrush(kOrange);
        p.drawEllipse(QPointF(8, 8), 7, 7);
        // A pencil.
        QPainterPath pencil;
        pencil.moveTo(5, 11);
        pencil.lineTo(5.5, 9);
        pencil.lineTo(10, 4.5);
        pencil.lineTo(11.5, 6);
        pencil.lineTo(7, 10.5);
        pencil.closeSubpath();
        p.setBrush(Qt::white);
        p.drawPath(pencil);
    } else if (name == u"status-rejected") {
        p.setPen(Qt::NoPen);
        p.setBrush(kRed);
        p.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 3, 3);
        p.setPen(QPen(Qt::white, 1.9, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(5, 5), QPointF(11, 11));
        p.drawLine(QPointF(11, 5), QPointF(5, 11));
    } else if (name == u"origin-empty") {
        p.setPen(QPen(kGrey, 1.2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(8, 8), 5.5, 5.5);
    } else if (name == u"evidence") {
        p.setPen(QPen(QColor(0x6b, 0x72, 0x80), 1.2));
        p.setBrush(Qt::white);
        p.drawRoundedRect(QRectF(2, 2.5, 12, 11), 1.5, 1.5);
        p.fillRect(QRectF(4, 5, 8, 2), QColor(0xff, 0x8c, 0x00));
        p.drawLine(QPointF(4, 9.5), QPointF(12, 9.5));
        p.drawLine(QPointF(4, 11.5), QPointF(9, 11.5));
    } else if (name == u"problem-error") {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xc6, 0x28, 0x28));
        p.drawEllipse(QRectF(1.5, 1.5, 13, 13));
        p.setPen(QPen(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5));
        p.drawLine(QPointF(10.5, 5.5), QPointF(5.5, 10.5));
    } else if (name == u"problems") {
        QPainterPath triangle;
        triangle.moveTo(8, 1.5);
        triangle.lineTo(15, 14);
        triangle.lineTo(1, 14);
        triangle.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xe0, 0xa8, 0x00));
        p.drawPath(triangle);
        p.setPen(QPen(Qt::black, 1.6, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(8, 5.5), QPointF(8, 9.5));
        p.drawPoint(QPointF(8, 12));
    }
}

// Renders at any size and device pixel ratio, so icons stay sharp when scaled.
class PaintedIconEngine final : public QIconEngine
{
public:
    explicit PaintedIconEngine(const QString &name)
        : m_name(name)
    {
    }
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        painter->save();
        painter->translate(rect.topLeft());
        painter->scale(rect.width() / 16.0, rect.height() / 16.0);
        if (mode == QIcon::Disabled) {
            painter->setOpacity(0.4);
        }
        paintIcon(*painter, m_name);
        painter->restore();
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }
    QIconEngine *clone() const override { return new PaintedIconEngine(m_name); }
    QString key() const override { return u"rasid-painted"_s; }

private:
    QString m_name;
};

const QStringList &knownIcons()
{
    static const QStringList names = {
        u"review-new"_s,        u"review-in_review"_s, u"review-reviewed"_s,  u"origin-suggested"_s,
        u"origin-confirmed"_s,  u"origin-corrected"_s, u"origin-empty"_s,     u"status-suggested"_s,
        u"status-confirmed"_s,  u"status-rejected"_s,  u"evidence"_s,         u"problems"_s,
        u"problem-error"_s,
    };
    return names;
}

} // namespace

QIcon rasidIcon(const QString &name)
{
    static QHash<QString, QIcon> cache;
    const auto it = cache.constFind(name);
    if (it != cache.cend()) {
        return *it;
    }
    QIcon icon = knownIcons().contains(name) ? QIcon(new PaintedIconEngine(name)) : QIcon();
    cache.insert(name, icon);
    return icon;
}

QColor originColor(const QString &origin)
{
    if (origin == u"confirmed") {
        return kGreen;
    }
    if (origin == u"corrected") {
        return kOrange;
    }
    if (origin == u"rejected") {
        return kRed;
    }
    if (origin == u"suggested") {
        return kSlate;
    }
    return kGrey;
}

} // namespace Rasid
