#!/usr/bin/env python3
"""Keeps the core layered: run by CTest as layers_test.

Reads every C++ source of model/, ui/, app/ and tests/ and fails when
  - an include crosses a layer upwards (text < extract < store < export,
    itemmodels < ui < app; export and itemmodels are siblings and include
    neither the other), or a test folder includes a layer above its own;
  - a header of the core is included without its layer (#include "workspace.h"
    instead of "store/workspace.h"), or names a file that does not exist;
  - units (a header and its source) include each other in a cycle;
  - SQL is used outside store/: QtSql or sqlite3, the workspace's connection
    (.database()), or the text of a statement in a string literal;
  - a unit of model/ is over the line budget, or a function of model/ is over
    the function budget without a comment just above it saying why it stays
    whole (a comment line that holds the word "whole").

Usage: check_layers.py SOURCE_DIR [--known FILE] [--report]
  --known FILE  problems listed there (one key a line, as "size PATH",
                "function PATH NAME", "sql PATH", "cycle A <-> B") are debts
                that are reported but tolerated; a listed problem that is gone
                fails too, so that the list only shrinks. Upward and unrooted
                includes can never be listed.
  --report      also lists the longest functions and files, and exits 0
"""
import os
import re
import sys

LAYERS = ['text', 'extract', 'store', 'export', 'itemmodels']
# What each layer may include, itself included.
ALLOWED = {
    'text': {'text'},
    'extract': {'text', 'extract'},
    'store': {'text', 'extract', 'store'},
    'export': {'text', 'extract', 'store', 'export'},
    'itemmodels': {'text', 'extract', 'store', 'itemmodels'},
    'ui': set(LAYERS) | {'ui'},
    'app': set(LAYERS) | {'ui', 'app'},
}
SQL_LAYERS = {'store'}
FILE_BUDGET = 800       # lines of one .cpp or .h of model/
FUNCTION_BUDGET = 150   # lines of one function of model/

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
SQL = re.compile(r'#\s*include\s+[<"](QSql\w*|QtSql/\w*|sqlite3\.h)[>"]')
# The words that open a statement or a clause, as they appear in our queries
# string literals; a literal outside store/ that holds one is SQL built there.
SQL_TEXT = re.compile(r'"[^"\n]*\b(SELECT\s|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|CREATE\s+(TABLE|INDEX)|'
                      r'EXISTS\s*\(|\s(WHERE|ORDER BY|GROUP BY)\s)')
CONNECTION = re.compile(r'\.database\(\)')
CONTROL = {'if', 'for', 'while', 'switch', 'catch', 'return', 'sizeof', 'decltype', 'alignof', 'noexcept'}


def sources(root, folder):
    for dirpath, _, files in os.walk(os.path.join(root, folder)):
        for name in sorted(files):
            if name.endswith(('.h', '.cpp')):
                yield os.path.relpath(os.path.join(dirpath, name), root)


def layer_of(path):
    """The layer a file belongs to, for the rule of what it may include."""
    parts = path.split('/')
    if parts[0] == 'model' and len(parts) > 2:
        return parts[1]
    if parts[0] in ('ui', 'app'):
        return parts[0]
    if parts[0] == 'tests' and len(parts) > 2 and parts[1] in ALLOWED:
        return parts[1]
    return None  # tests/system, tests/bench, tests/fuzz, tests/support: anything


def strip_code(text):
    """Comments and string literals blanked out, line breaks kept."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif c == 'R' and text.startswith('R"', i):
            m = re.match(r'R"([^(]*)\(', text[i:])
            end = text.find(')' + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(c + ' ' * (min(j, n) - i - 1) + (c if j < n else ''))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def functions(text):
    """(name, first line, line count) of every function body in the text."""
    code = strip_code(text)
    result = []
    stack = []
    for i, c in enumerate(code):
        if c == '{':
            stack.append(i)
        elif c == '}' and stack:
            start = stack.pop()
            j = start - 1
            while j >= 0 and code[j].isspace():
                j -= 1
            # Qualifiers between the parameter list and the body.
            tail = re.search(r'\)\s*((const|override|final|noexcept|mutable|->\s*[\w:<>,\s*&]+)\s*)*$',
                             code[max(0, j - 200):j + 1])
            if not tail:
                continue
            k = max(0, j - 200) + tail.start()  # the ')'
            depth = 0
            while k >= 0:
                if code[k] == ')':
                    depth += 1
                elif code[k] == '(':
                    depth -= 1
                    if depth == 0:
                        break
                k -= 1
            name = re.search(r'([~\w:]+|\])\s*$', code[max(0, k - 200):k])
            if not name or name.group(1).split('::')[-1] in CONTROL:
                continue
            first = code.count('\n', 0, start) + 1
            last = code.count('\n', 0, i) + 1
            sig = code.rfind('\n', 0, k) + 1
            result.append((name.group(1), code.count('\n', 0, sig) + 1, first, last - first + 1))
    return result


def says_whole(lines, signature_line):
    for line in lines[max(0, signature_line - 8):signature_line]:
        stripped = line.strip()
        if stripped.startswith(('//', '*', '/*')) and 'whole' in stripped:
            return True
    return False


def selftest():
    """The check on a small tree with one fault of each kind: each must be found."""
    import subprocess
    import tempfile
    faults = {
        'model/text/low.h': '#include "store/high.h"\n',                 # upward
        'model/store/high.h': '#include "high2.h"\n',                    # unrooted
        'model/store/high2.h': '#include "store/high.h"\n#include <QSqlQuery>\n',  # cycle
        'model/export/out.cpp': '#include <QSqlQuery>\n'                 # SQL outside store
                                + 'void f()\n{\n' + 'int a;\n' * 160 + '}\n',  # long function
        'model/export/out.h': '',
        'model/itemmodels/m.h': '#include "export/out.h"\n',             # sibling layer
        'tests/text/t_test.cpp': '#include "store/high.h"\n',            # test reaching up
    }
    expected = ['low.h: includes "store/high.h": text may not include store',
                'high.h: includes "high2.h" without its layer',
                'include cycle between units: model/store/high <-> model/store/high2',
                'out.cpp: uses SQL', 'f is 162 lines, over the budget',
                'm.h: includes "export/out.h": itemmodels may not include export',
                't_test.cpp: includes "store/high.h": text may not include store']
    with tempfile.TemporaryDirectory() as root:
        for path, text in faults.items():
            os.makedirs(os.path.join(root, os.path.dirname(path)), exist_ok=True)
            with open(os.path.join(root, path), 'w', encoding='utf-8') as f:
                f.write(text)
        run = subprocess.run([sys.executable, __file__, root], capture_output=True, text=True)
    missed = [e for e in expected if e not in run.stdout]
    if run.returncode != 1 or missed:
        print(run.stdout)
        print('missed: ' + '; '.join(missed))
        return 1
    print(f'the check finds all {len(expected)} kinds of fault')
    return 0


def main():
    if '--selftest' in sys.argv:
        return selftest()
    root = sys.argv[1]
    report = '--report' in sys.argv
    problems = []
    files = [p for folder in ('model', 'ui', 'app', 'tests') for p in sources(root, folder)]
    model_headers = {p[len('model/'):] for p in files if p.startswith('model/') and p.endswith('.h')}
    model_units = {h[:-2].split('/')[-1]: h for h in model_headers}
    graph = {}
    sizes = []
    long_functions = []
    for path in files:
        with open(os.path.join(root, path), encoding='utf-8') as f:
            text = f.read()
        own = layer_of(path)
        unit = path.rsplit('.', 1)[0]
        for target in INCLUDE.findall(text):
            if target.endswith(('.moc', '.cpp')):
                continue
            head = target.split('/')[0]
            if head in LAYERS:
                if target not in model_headers:
                    problems.append((None, f'{path}: includes "{target}", which is not a header of the core'))
                    continue
                if own and head not in ALLOWED[own]:
                    problems.append((None, f'{path}: includes "{target}": {own} may not include {head}, a layer above it'))
                if path.startswith('model/'):
                    graph.setdefault(unit, set()).add('model/' + target[:-2])
            elif '/' not in target and target[:-2] in model_units and (
                    path.startswith('model/') or not os.path.exists(os.path.join(root, os.path.dirname(path), target))):
                rooted = model_units[target[:-2]]
                problems.append((None, f'{path}: includes "{target}" without its layer: write "{rooted}"'))
                if path.startswith('model/'):
                    graph.setdefault(unit, set()).add('model/' + rooted[:-2])
        if path.startswith('model/') or path.startswith('ui/') or path.startswith('app/'):
            if own not in SQL_LAYERS and (SQL.search(text) or SQL_TEXT.search(text) or CONNECTION.search(text)):
                problems.append((f'sql {path}', f'{path}: uses SQL, which only store/ may'))
        if path.startswith('model/'):
            lines = text.split('\n')
            count = len(lines) - (1 if text.endswith('\n') else 0)
            sizes.append((count, path))
            if count > FILE_BUDGET:
                problems.append((f'size {path}', f'{path}: {count} lines, over the budget of {FILE_BUDGET}'))
            for name, sig, first, length in functions(text):
                long_functions.append((length, f'{path}:{first} {name}'))
                if length > FUNCTION_BUDGET and not says_whole(lines, sig):
                    problems.append((f'function {path} {name}',
                                     f'{path}:{first}: {name} is {length} lines, over the budget of '
                                     f'{FUNCTION_BUDGET}, and no comment above it says why it stays whole'))

    # Cycles between units of the core (Tarjan's strongly connected components).
    index, low, on_stack, stack, order = {}, {}, set(), [], [0]
    cycles = []

    def visit(v):
        index[v] = low[v] = order[0]
        order[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w == v:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    for cycle in cycles:
        problems.append(('cycle ' + ' <-> '.join(cycle), 'include cycle between units: ' + ' <-> '.join(cycle)))

    if report:
        for length, where in sorted(long_functions, reverse=True)[:25]:
            print(f'{length:5d}  {where}')
        print()
        for count, path in sorted(sizes, reverse=True)[:15]:
            print(f'{count:5d}  {path}')
        print()
    known = set()
    if '--known' in sys.argv:
        with open(sys.argv[sys.argv.index('--known') + 1], encoding='utf-8') as f:
            known = {line.strip() for line in f if line.strip() and not line.startswith('#')}
    failures = [message for key, message in problems if key not in known]
    tolerated = [message for key, message in problems if key in known]
    mended = sorted(known - {key for key, _ in problems})
    for message in tolerated:
        print('known: ' + message)
    for message in failures:
        print(message)
    for key in mended:
        print(f'mended, remove it from the known list: {key}')
    print(f'{len(files)} files, {len(graph)} units of the core with includes, '
          f'{len(failures)} problems, {len(tolerated)} known, {len(mended)} mended')
    return 0 if report or not (failures or mended) else 1

if __name__ == '__main__':
    sys.exit(main())
