#!/usr/bin/env python3
"""tsv-to-rules.py RULES.tsv > rules.yaml: the peer's rule list (name<TAB>expanded condition, from
../shared/bench/peers/libsinsp/make_rules.sh) as a Falco rules file, every rule enabled, so Falconet
runs exactly the rules libsinsp runs. Output prints evt.num and the rule name."""
import json, sys
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.rstrip('\n')
    if '\t' not in line:
        continue
    name, cond = line.split('\t', 1)
    print('- rule: ' + json.dumps(name))
    print('  desc: ' + json.dumps('from ' + sys.argv[1]))
    print('  condition: ' + json.dumps(cond))
    print('  output: "evt.num=%evt.num"')
    print('  priority: WARNING')
