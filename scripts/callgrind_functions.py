"""The functions of one binary that callgrind saw run, one mangled name per line, sorted.

usage: callgrind_functions.py BINARY OUT.cg...   (callgrind run with --demangle=no)
Callgrind's files name objects and functions once, then refer to them as (n): both the
executing function (fn=) and callees (cfn=, object from cob=) count.
"""
import re
import sys

binary, files = sys.argv[1], sys.argv[2:]
entry = re.compile(r'^(ob|cob|fn|cfn)=\((\d+)\)(?: (.*))?$')
names = set()
for path in files:
    objects, functions = {}, {}
    current_object = callee_object = None
    for line in open(path, encoding='utf-8', errors='replace'):
        m = entry.match(line.rstrip('\n'))
        if not m:
            continue
        kind, ident, text = m.groups()
        if kind in ('ob', 'cob'):
            if text:
                objects[ident] = text
            if kind == 'ob':
                current_object = callee_object = objects[ident]
            else:
                callee_object = objects[ident]
            continue
        if text:
            functions[ident] = text
        obj = current_object if kind == 'fn' else callee_object
        if kind == 'cfn':
            callee_object = current_object  # cob= applies to the next cfn= only
        # Code with no symbol shows as its address; an order file cannot name it.
        if obj == binary and not functions[ident].startswith('0x'):
            names.add(functions[ident].split("'")[0])  # 'name'2 marks recursion depth
for name in sorted(names):
    print(name)
