#!/usr/bin/env python3
"""Writes the bad bundles too big to commit into a folder (default
build/bad-generated/): 100,000-deep nesting, a 50 MB string, 1,000,000 tiny
items, a document over the 256 MiB limit. tests/cli/bad-corpus.test.mjs runs
it; their expected results are in EXPECTED.tsv like the committed files'.
    python3 tests/data/bad/generate.py [OUT_DIR]
"""
import os
import sys

HEAD = b'{"pubview": 1, "title": "Generated bad bundle", "publications": ['


def item(i, abstract=b'""'):
    return b'{"id": "p%d", "title": "Paper %d", "abstract": %s}' % (i, i, abstract)


def cases():
    deep = 100_000
    yield 'deep-nesting-100000-arrays.json', b'[' * deep + b']' * deep
    yield 'deep-nesting-100000-objects.json', b'{"pubview": 1, "title": "t", "x": ' + b'{"a": ' * deep + b'1' + b'}' * deep + b'}'
    yield 'deep-nesting-100000-in-item.json', (HEAD + item(1) + b', ' + item(2, b'[' * deep + b']' * deep) + b', ' + item(3) + b']}')
    yield 'deep-nesting-100000-unclosed.json', b'{"pubview": 1, "title": "t", "publications": [{"related": ' + b'[{"x": ' * deep
    yield 'string-50mb.json', HEAD + item(1, b'"' + b'abcdefghij' * 5_000_000 + b'"') + b', ' + item(2) + b']}'
    # One item in 1000 lacks its title: 999,000 load, 1,000 are skipped.
    items = (item(i) if i % 1000 else b'{"id": "p%d", "abstract": ""}' % i for i in range(1_000_000))
    yield 'items-1000000.json', HEAD + b',\n'.join(items) + b']}'
    yield 'document-over-256mib.json', b'{"pubview": 1, "title": "t", "description": "' + b'x' * (257 << 20) + b'"}'


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../../build/bad-generated')
    os.makedirs(out, exist_ok=True)
    for name, data in cases():
        path = os.path.join(out, name)
        if os.path.exists(path) and os.path.getsize(path) == len(data):
            continue
        with open(path, 'wb') as f:
            f.write(data)
    print(out)


if __name__ == '__main__':
    main()
