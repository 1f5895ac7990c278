#include "store/importfile.h"

#include "text/articlereader.h"
#include "text/cleaner.h"

#include <QCryptographicHash>
#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

QString kindName(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Text: return u"text"_s;
    case SourceKind::Html: return u"html"_s;
    case SourceKind::Json: return u"json"_s;
    case SourceKind::JsonLines: return u"jsonl"_s;
    case SourceKind::Pdf: return u"pdf"_s;
    case SourceKind::Unsupported: break;
    }
    return u"unsupported"_s;
}

// Opens the file the scan found at its real path, never through a link: a file
// swapped for a link (or a pipe) since the scan is refused, not followed.
bool openScanned(const ScannedFile &file, QFile &input, QString *error)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(file.realPath).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        *error = errno == ELOOP ? QObject::tr("not read: the file became a link since the folder was scanned")
                                : QObject::tr("cannot read the file: %1").arg(QString::fromLocal8Bit(::strerror(errno)));
        return false;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        *error = QObject::tr("cannot read the file: not a regular file");
        return false;
    }
    if (!input.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        *error = QObject::tr("cannot read the file: %1").arg(input.errorString());
        return false;
    }
    return true;
#else
    input.setFileName(file.realPath);
    if (!input.open(QIODevice::ReadOnly)) {
        *error = QObject::tr("cannot read the file: %1").arg(input.errorString());
        return false;
    }
    return true;
#endif
}

} // namespace

FileResult processFile(const ScannedFile &file, const QString &knownHash, const ImportOptions &options,
                       const Recognizer *recognizer, const std::atomic<bool> &cancelled)
{
    FileResult result;
    result.file = file;
    const SourceKind kind = sourceKindForPath(file.path);
    result.kind = kindName(kind);
    if (cancelled.load()) {
        return result;
    }
    if (!file.unreadable.isEmpty()) {
        result.error = file.unreadable;
        return result;
    }
    if (file.size > options.maxFileSize) {
        result.error = QObject::tr("file too large (%1 MB; the limit is %2 MB)")
                           .arg(double(file.size) / (1024 * 1024), 0, 'f', 1)
                           .arg(options.maxFileSize / (1024 * 1024));
        return result;
    }
    QFile input;
    if (!openScanned(file, input, &result.error)) {
        return result;
    }
    // Read at most one byte over the limit: the file may have grown since the
    // scan. QIODevice::read(n) allocates n bytes first, so ask for what the file
    // holds (plus one, to see growth) rather than for the limit: 20 MB mapped and
    // unmapped for every 4 KB article cost more than reading it.
    const qint64 expected = qBound<qint64>(0, input.size(), options.maxFileSize);
    QByteArray bytes = input.read(expected + 1);
    if (bytes.size() > expected) {
        bytes += input.read(options.maxFileSize + 1 - bytes.size());
    }
    if (bytes.size() > options.maxFileSize) {
        result.error = QObject::tr("file too large (over %1 MB)").arg(options.maxFileSize / (1024 * 1024));
        return result;
    }
    result.hash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
    if (!knownHash.isEmpty() && knownHash == result.hash) {
        result.sameContent = true;
        return result;
    }
    const ReadResult read = readArticle(kind, bytes);
    result.problems = read.problems;
    if (!read.error.isEmpty()) {
        result.error = read.error;
        return result;
    }
    if (read.articles.isEmpty()) {
        result.error = read.problems.isEmpty() ? QObject::tr("no article text in the file")
                                               : QObject::tr("no readable article in the file");
        return result;
    }
    for (const RawArticle &raw : read.articles) {
        if (cancelled.load()) {
            break;
        }
        ProcessedArticle article = processArticle(raw, recognizer);
        // Punctuation, markup or boilerplate only: nothing for the analyst to read.
        if (article.cleaned.text.isEmpty()) {
            if (raw.item > 0) {
                result.problems.append(QObject::tr("item %1: no article text is left after cleaning").arg(raw.item));
            }
            continue;
        }
        result.indexed.append(FtsPreparedText::prepare(article.cleaned.title));
        result.indexed.append(FtsPreparedText::prepare(article.cleaned.text, article.folded));
        article.folded.clear();
        result.articles.append(std::move(article));
    }
    if (result.articles.isEmpty() && !cancelled.load()) {
        result.error = QObject::tr("no article text is left after cleaning");
    }
    return result;
}

} // namespace Store
} // namespace Rasid
