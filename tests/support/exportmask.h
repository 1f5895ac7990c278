#pragma once

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

// An export with what changes from run to run masked: times and
// workspace-derived ids. Everything else of a golden export must not change.
inline QByteArray maskedExport(const QByteArray &bytes)
{
    using namespace Qt::StringLiterals;
    QString text = QString::fromUtf8(bytes);
    static const QRegularExpression times(u"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"_s);
    static const QRegularExpression uuids(u"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"_s);
    text.replace(times, u"<time>"_s);
    text.replace(uuids, u"<uuid>"_s);
    return text.toUtf8();
}
