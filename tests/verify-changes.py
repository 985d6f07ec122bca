#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks a Subproc register's change log and prints its fingerprint, as
docs/FORMAT.md ("The change log", "Fingerprint") specifies them: written
from the document alone, apart from Subproc's C code, so that the tests
show another program can verify a register.

Usage: verify-changes.py REGISTER
Prints "N changes, chain whole" or "chain broken at change K" (counted
from 1), then "fingerprint XXXXXXXXXXXXXXXX". Exit status 0 when whole,
1 when broken."""

import hashlib
import json
import sys


def canonical(value):
    if isinstance(value, dict):
        return '{' + ','.join(json.dumps(key, ensure_ascii=False) + ':' + canonical(value[key])
                              for key in sorted(value)) + '}'
    if isinstance(value, list):
        return '[' + ','.join(canonical(item) for item in value) + ']'
    if value is True:
        return 'true'
    if value is False:
        return 'false'
    if value is None:
        return 'null'
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 9.2e18:
            return str(int(value))
        return '%.17g' % value
    return json.dumps(value, ensure_ascii=False)


def is_hash(text):
    return isinstance(text, str) and len(text) == 64 and all(c in '0123456789abcdef' for c in text)


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        register = json.load(f)

    previous = '0' * 64
    broken = None
    changes = register.get('changes', [])
    for number, entry in enumerate(changes, start=1):
        entry = dict(entry)
        written = entry.pop('hash', None)
        expected = hashlib.sha256((previous + canonical(entry)).encode('utf-8')).hexdigest()
        if written != expected and broken is None:
            broken = number
        previous = written if is_hash(written) else expected

    if broken is None:
        print(f'{len(changes)} changes, chain whole')
    else:
        print(f'chain broken at change {broken}')

    content = {key: value for key, value in register.items() if key not in ('version', 'changes')}
    print('fingerprint', hashlib.sha256(canonical(content).encode('utf-8')).hexdigest()[:16])
    return 0 if broken is None else 1


if __name__ == '__main__':
    sys.exit(main())
