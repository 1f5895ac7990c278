#include "extract/pipeline.h"

#include "extract/incidentbuilder.h"
#include "extract/learn/incidentmodel.h"
#include "extract/mentions.h"
#include "extract/recognizer.h"
#include "text/sentences.h"
#include "text/textfold.h"

#include <QCryptographicHash>

namespace Rasid {
inline namespace Extract {

namespace {

// SHA-1 of folded text with every run of whitespace as one space, so that
// harakat, tatweel, alef forms and line endings do not hide a copy.
QString hashOfFolded(QString collapsed)
{
    char16_t *out = reinterpret_cast<char16_t *>(collapsed.data());
    const qsizetype n = collapsed.size();
    qsizetype o = 0;
    bool space = false;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = out[i];
        if (c == u' ' || c == u'\n' || c == u'\t' || c == 0x2029) {
            space = o > 0;
            continue;
        }
        if (space) {
            out[o++] = u' ';
            space = false;
        }
        out[o++] = c;
    }
    collapsed.truncate(o);
    return QString::fromLatin1(QCryptographicHash::hash(QByteArrayView(reinterpret_cast<const char *>(collapsed.utf16()),
                                                                       collapsed.size() * 2),
                                                        QCryptographicHash::Sha1)
                                   .toHex());
}

} // namespace

QString contentHash(QStringView cleanedText)
{
    return hashOfFolded(fold(cleanedText));
}

ProcessedArticle processArticle(const RawArticle &raw, const Recognizer *recognizer)
{
    return processArticle(raw, recognizer, &IncidentModel::shipped());
}

namespace {

// Cleans, folds, recognizes and proposes; with mentions, the mentioned victims
// follow the rules' proposals, and the sentences are handed over for the
// evidence the model weighs.
ProcessedArticle extract(const RawArticle &raw, const Recognizer *recognizer, bool mentions,
                         QVector<Sentence> *sentences)
{
    ProcessedArticle article;
    article.raw = raw;
    article.raw.body.clear(); // the cleaned text is what is kept
    article.cleaned = cleanArticle(raw);
    if (!recognizer) {
        article.contentHash = contentHash(article.cleaned.text);
        return article;
    }
    // One fold serves the content hash, recognition and the incident builder.
    const QString &text = article.cleaned.text;
    const FoldedText folded = foldWithMap(text);
    article.contentHash = hashOfFolded(folded.text);
    article.entities = recognizer->recognize(text, folded);
    QVector<Sentence> split;
    article.incidents = buildIncidents(text, folded, article.entities, article.cleaned.title,
                                       article.cleaned.published, &split);
    article.folded = folded.text;
    if (mentions) {
        article.incidents += mentionCandidates(text, split, article.entities, article.incidents);
    }
    if (sentences) {
        *sentences = std::move(split);
    }
    return article;
}

} // namespace

ProcessedArticle processArticle(const RawArticle &raw, const Recognizer *recognizer, const IncidentModel *model)
{
    const bool weighed = recognizer && model && !model->isNull();
    QVector<Sentence> sentences;
    ProcessedArticle article = extract(raw, recognizer, weighed, &sentences);
    if (weighed && !article.incidents.isEmpty()) {
        const ArticleEvidence evidence = articleEvidence(article.cleaned.text, article.folded, article.cleaned.title,
                                                         article.entities, article.incidents, std::move(sentences));
        rescoreIncidents(*model, evidence, article.incidents);
    }
    return article;
}

ProcessedArticle candidateArticle(const RawArticle &raw, const Recognizer &recognizer)
{
    return extract(raw, &recognizer, true, nullptr);
}

} // namespace Extract
} // namespace Rasid
