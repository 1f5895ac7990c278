// libFuzzer target: folding and its offset map alone, which every finder and
// the search index rely on. The map must stay monotonic and in range, never cut
// a surrogate pair, agree with sourceStart / sourceEnd / foldedOffset, and map
// each folded piece back to a source span that folds to exactly that piece;
// folding must also be idempotent (stored folded keys are folded again when
// matched).
//
// The first byte picks how the rest becomes text: even means UTF-8, odd means
// raw UTF-16LE, so that lone surrogates and every BMP unit are reachable.
//
// tests/fuzzregression_test.cpp compiles this file in to replay kept inputs.
#include "text/textfold.h"

#include "fuzzinput.h"

#include <QString>

namespace FuzzFold {

using Rasid::Fuzz::check;
using Rasid::Fuzz::inputText;

// Whether a source offset falls between the two halves of a surrogate pair.
bool splitsPair(const QString &text, int offset)
{
    return offset > 0 && offset < text.size() && text.at(offset - 1).isHighSurrogate()
        && text.at(offset).isLowSurrogate();
}

int oneInput(const uint8_t *data, size_t size)
{
    const QString text = inputText(data, size);
    const Rasid::FoldedText folded = Rasid::foldWithMap(text);
    const int n = int(folded.text.size());
    check(folded.sourceLength == text.size());
    check(folded.from.size() == n && folded.to.size() == n);
    check(Rasid::fold(text) == folded.text);
    check(Rasid::fold(folded.text) == folded.text);

    for (int i = 0; i < n; ++i) {
        const int from = folded.from[i];
        const int to = folded.to[i];
        check(from >= 0 && from < to && to <= text.size());
        check(i == 0 || (from >= folded.from[i - 1] && to >= folded.to[i - 1]));
        check(!splitsPair(text, from) && !splitsPair(text, to));
        check(folded.sourceStart(i) == from && folded.sourceEnd(i + 1) == to);
        // Any folded span maps to a non-empty source span inside the text.
        const int start = folded.sourceStart(i);
        const int end = folded.sourceEnd(n);
        check(start >= 0 && start < end && end <= text.size());
    }
    check(folded.sourceStart(-1) >= 0 && folded.sourceEnd(n + 1) == text.size());

    // foldedOffset is the first folded unit that starts at or after the offset.
    int previous = 0;
    for (int offset = 0; offset <= text.size(); ++offset) {
        const int f = folded.foldedOffset(offset);
        check(f >= previous && f <= n);
        check(f == n || folded.from[f] >= offset);
        check(f == 0 || folded.from[f - 1] < offset);
        previous = f;
    }

    // Units that start at one source unit form a piece (a letter with its marks,
    // a ligature's letters, a surrogate pair); each piece, and each pair of
    // neighbouring pieces, folds back from its source span to itself.
    int pieceStart = 0;
    int previousPiece = -1;
    for (int i = 1; i <= n; ++i) {
        if (i < n && folded.from[i] == folded.from[pieceStart]) {
            continue;
        }
        const int from = folded.from[pieceStart];
        const QString piece = folded.text.mid(pieceStart, i - pieceStart);
        check(Rasid::fold(QStringView(text).sliced(from, folded.to[i - 1] - from)) == piece);
        if (previousPiece >= 0) {
            const int pairFrom = folded.from[previousPiece];
            const QString pair = folded.text.mid(previousPiece, i - previousPiece);
            check(Rasid::fold(QStringView(text).sliced(pairFrom, folded.to[i - 1] - pairFrom)) == pair);
        }
        previousPiece = pieceStart;
        pieceStart = i;
    }
    return 0;
}

} // namespace FuzzFold

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return FuzzFold::oneInput(data, size);
}
