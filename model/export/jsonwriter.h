#pragma once

#include "export/jsonlexport.h"

#include <QString>
#include <QStringList>
#include <QStringView>

/*
 * Writes one JSON object into a string, key after key in the order they are
 * given, without building a QJsonObject first: the STIX bundle writes millions
 * of small objects, and building and serialising QJsonObjects took most of its
 * time. Strings are escaped by appendJsonString (jsonlexport).
 */
namespace Rasid {
inline namespace Export {

class JsonObjectWriter
{
public:
    explicit JsonObjectWriter(QString &out) : m_out(out) { m_out += u'{'; }
    JsonObjectWriter(const JsonObjectWriter &) = delete;
    JsonObjectWriter &operator=(const JsonObjectWriter &) = delete;

    JsonObjectWriter &string(QStringView key, QStringView value)
    {
        name(key);
        appendJsonString(m_out, value);
        return *this;
    }
    // The value only when it is not empty.
    JsonObjectWriter &optional(QStringView key, QStringView value)
    {
        return value.isEmpty() ? *this : string(key, value);
    }
    JsonObjectWriter &number(QStringView key, qint64 value)
    {
        name(key);
        m_out += QString::number(value);
        return *this;
    }
    JsonObjectWriter &boolean(QStringView key, bool value)
    {
        name(key);
        m_out += value ? u"true" : u"false";
        return *this;
    }
    JsonObjectWriter &strings(QStringView key, const QStringList &values)
    {
        name(key);
        m_out += u'[';
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i) {
                m_out += u',';
            }
            appendJsonString(m_out, values.at(i));
        }
        m_out += u']';
        return *this;
    }
    // A value already written as JSON (an object or array).
    JsonObjectWriter &raw(QStringView key, QStringView json)
    {
        name(key);
        m_out += json;
        return *this;
    }
    // Starts a nested object under key; close it with its own close().
    QString &out() { return m_out; }
    JsonObjectWriter &key(QStringView key)
    {
        name(key);
        return *this;
    }
    void close() { m_out += u'}'; }

private:
    void name(QStringView key)
    {
        if (!m_first) {
            m_out += u',';
        }
        m_first = false;
        appendJsonString(m_out, key);
        m_out += u':';
    }

    QString &m_out;
    bool m_first = true;
};

} // namespace Export
} // namespace Rasid
