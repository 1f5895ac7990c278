#include "text/readers/gumbotree.h"

#include <vector>

namespace Rasid {
inline namespace Text {
namespace Readers {

QString attributeString(const GumboNode *node, const char *name)
{
    const char *v = attribute(node, name);
    return v ? QString::fromUtf8(v).simplified() : QString();
}

// The concatenated text below `node`, whitespace collapsed (titles, headings).
QString plainTextOf(const GumboNode *root)
{
    QByteArray text;
    std::vector<const GumboNode *> stack{root};
    while (!stack.empty()) {
        const GumboNode *node = stack.back();
        stack.pop_back();
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE
            || node->type == GUMBO_NODE_CDATA) {
            text.append(node->v.text.text);
            text.append(' ');
        } else if (const GumboVector *children = childrenOf(node)) {
            for (unsigned k = children->length; k > 0; --k) {
                stack.push_back(static_cast<const GumboNode *>(children->data[k - 1]));
            }
        }
    }
    return QString::fromUtf8(text).simplified();
}

bool containsTag(const GumboNode *root, GumboTag tag)
{
    std::vector<const GumboNode *> stack{root};
    while (!stack.empty()) {
        const GumboNode *node = stack.back();
        stack.pop_back();
        if (node != root && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag) {
            return true;
        }
        if (const GumboVector *children = childrenOf(node)) {
            for (unsigned k = 0; k < children->length; ++k) {
                stack.push_back(static_cast<const GumboNode *>(children->data[k]));
            }
        }
    }
    return false;
}

} // namespace Readers
} // namespace Text
} // namespace Rasid
