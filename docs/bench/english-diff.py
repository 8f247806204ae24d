#!/usr/bin/env python3
"""The English of two ceviri binaries, compared on every testscript's projects.

    python3 docs/bench/english-diff.py OLD_BIN NEW_BIN         # English: same bytes?
    python3 docs/bench/english-diff.py BIN BIN --turkish       # Turkish lines still in English

Each project of cmd/ceviri/testdata/script/*.txtar (a directory holding a ceviri.yaml) is copied
once per binary and run with read-only and output-writing commands (status, check, pending, export,
build, diff, report, tm export) in the C locale, without the caches; stdout, stderr and the exit
code must be the same bytes. With --turkish the second run has CEVIRI_LANG=tr, and the script
lists the lines of its output that still read as English (two or more English function words
outside quotes, backticks and paths), once per shape. Issue 16 item 3's check: 2134 runs, 0 differ.
"""
import glob, os, re, shutil, subprocess, sys, tempfile

old, new = sys.argv[1], sys.argv[2]
turkish = '--turkish' in sys.argv[3:]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
scripts = sorted(glob.glob(os.path.join(root, 'cmd/ceviri/testdata/script/*.txtar')))
cmds = [['status'], ['check'], ['check', '--json'], ['pending', '--lang', 'en'], ['pending', '--lang', 'tr'],
        ['status', '--json'], ['export', '--lang', 'en'], ['build', '-o', 'distx'], ['diff', '--lang', 'en'],
        ['report', '-o', 'r.html'], ['tm', 'export', '-o', 'm.tmx']]
env = {k: v for k, v in os.environ.items() if not k.startswith(('LC_', 'LANG', 'CEVIRI_'))}
env.update(LANG='C.UTF-8', CEVIRI_NO_CACHE='1')
english = re.compile(r'\b(the|is|not|of|an|to|has|must|cannot|does|was|are|this|that|with|from)\b')
runs = differ = 0
leftover = {}
base = tempfile.mkdtemp(prefix='english-diff')
env['HOME'] = base
for sc in scripts:
    text = open(sc, encoding='utf-8', errors='surrogateescape').read()
    parts = re.split(r'^-- (.+?) --$\n?', text, flags=re.M)
    top = os.path.join(base, os.path.basename(sc))
    for i in range(1, len(parts) - 1, 2):
        p = os.path.join(top, parts[i])
        os.makedirs(os.path.dirname(p), exist_ok=True)
        open(p, 'w', encoding='utf-8', errors='surrogateescape').write(parts[i + 1])
    for dirpath, _, names in os.walk(top):
        if 'ceviri.yaml' not in names or '.run' in dirpath:
            continue
        for c in cmds:
            outs = []
            for k, b in enumerate((old, new)):
                e = dict(env)
                if turkish and k == 1:
                    e['CEVIRI_LANG'] = 'tr'
                d = f'{dirpath}.run{k}'
                shutil.rmtree(d, ignore_errors=True)
                shutil.copytree(dirpath, d, symlinks=True)
                r = subprocess.run([b] + c, cwd=d, env=e, capture_output=True, timeout=120)
                outs.append((r.returncode, r.stdout, r.stderr))
                shutil.rmtree(d, ignore_errors=True)
            runs += 1
            if turkish:
                if '--json' in c or c[0] in ('export', 'tm', 'diff'):
                    continue  # machine output, or article text
                for line in (outs[1][2] + b'\n' + outs[1][1]).splitlines():
                    t = line.decode('utf-8', 'replace')
                    bare = re.sub(r'"[^"]*"|`[^`]*`|\([^)]*\.md[^)]*\)', '', t)
                    if len(english.findall(bare)) >= 2:
                        leftover.setdefault(re.sub(r'[0-9]+', 'N', t)[:160], f'{os.path.basename(sc)}: {" ".join(c)}')
                continue
            if outs[0] != outs[1]:
                differ += 1
                print('DIFF', os.path.basename(sc), os.path.relpath(dirpath, top), ' '.join(c))
                for k, name in ((0, 'exit code'), (1, 'stdout'), (2, 'stderr')):
                    if outs[0][k] != outs[1][k]:
                        print('   ', name, 'old:', repr(outs[0][k])[:400])
                        print('   ', name, 'new:', repr(outs[1][k])[:400])
shutil.rmtree(base, ignore_errors=True)
if turkish:
    for k, v in sorted(leftover.items()):
        print('EN', k, '  <-', v)
    print(f'{runs} runs, {len(leftover)} shapes of line still in English')
else:
    print(f'{runs} runs, {differ} differ')
sys.exit(1 if differ else 0)
