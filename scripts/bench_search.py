#!/usr/bin/env python
"""Wall time and peak memory of whole `tfnas` commands (issue 27: the default DARTS NASI search must take <= 600 s and
<= 4 GB on 2 cores). Each configuration runs `--repeats` times as a child process; a sampler adds up the resident
memory (RSS) of the child and all its descendants (Dask scheduler, nanny and worker processes) every `--interval`
seconds, and the row records the peak of that sum, the wall time and the exit status; the table's summary rows hold
the median over repeats. Run from the repository root, on a quiet machine, for reported numbers:

    export PYTHONPATH=$PWD TFNAS_DATA=/path/to/data
    python scripts/bench_search.py --out results/darts/search_bench.csv                 # the former and the new default
    python scripts/bench_search.py --config "default=search darts --algo nasi --seed 100" --repeats 3 --out FILE

Each configuration is `LABEL=ARGS` (the arguments after `tfnas`); `--out` gets one row per run and one `median` row
per configuration (columns: label, run, wall_s, peak_rss_gib, rc, load_1m at the start, command, and on median rows
wall_ratio and peak_ratio: the median over the first configuration's median, measured in the same run). Peak memory is
a sampled maximum: a spike shorter than the interval can be missed (0.05 s by default). Nothing here asserts a time.
The default configurations take about 15 + 3 x 5 minutes with 3 repeats on a quiet 2-core machine."""
from __future__ import annotations
import argparse, csv, os, shlex, statistics, subprocess, sys, tempfile, threading, time
from pathlib import Path

DEFAULTS = {  # label -> tfnas arguments; the first is the baseline of the ratio columns
    'darts nasi, batch 64 (the former default)': 'search darts --algo nasi --seed 100 --batch-size 64',
    'darts nasi, defaults': 'search darts --algo nasi --seed 100',
}

def tree_rss(pid:int) -> int:
    "Resident bytes of process `pid` and all its descendants (0 if it is gone)."
    import psutil
    try: p = psutil.Process(pid); procs = [p, *p.children(recursive=True)]
    except psutil.NoSuchProcess: return 0
    total = 0
    for q in procs:
        try: total += q.memory_info().rss
        except psutil.NoSuchProcess: pass
    return total

def run_once(args:list, interval:float=0.05, env:dict|None=None, store:str|None=None) -> dict:
    "Run `tfnas ARGS` (with a fresh `--store`) and return wall time, sampled peak tree RSS and exit code."
    cmd = [sys.executable, '-c', 'import sys; from tfnas.cli import main; sys.exit(main())', *args]
    if store: cmd += ['--store', store]
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak, done = [0], threading.Event()
    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(p.pid)); time.sleep(interval)
    th = threading.Thread(target=sample, daemon=True); th.start()
    out, _ = p.communicate()
    wall = time.perf_counter() - t0
    done.set(); th.join()
    return dict(wall_s=round(wall, 2), peak_rss_gib=round(peak[0] / 2**30, 3), rc=p.returncode, load_1m=round(load, 2),
                tail=out.strip().splitlines()[-3:] if out else [])

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--config', action='append', help='LABEL=ARGS (repeatable; default: the issue-27 configurations)')
    ap.add_argument('--repeats', type=int, default=3, help='runs per configuration (default 3)')
    ap.add_argument('--interval', type=float, default=0.05, help='seconds between memory samples (default 0.05)')
    ap.add_argument('--out', required=True, help='CSV to write (one row per run plus a median row per configuration)')
    a = ap.parse_args(argv)
    if a.repeats < 1: ap.error('--repeats must be >= 1')
    configs = dict(c.split('=', 1) for c in a.config) if a.config else DEFAULTS
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    for label, args in configs.items():
        runs = []
        for r in range(a.repeats):
            with tempfile.TemporaryDirectory() as d:   # a fresh results store: nothing is reused between runs
                row = run_once(shlex.split(args), a.interval, store=str(Path(d)/'store.sqlite'))
            print(f"{label} run {r}: {row['wall_s']} s, peak {row['peak_rss_gib']} GiB, rc {row['rc']}, load {row['load_1m']}", flush=True)
            if row['rc']: print('  ' + '\n  '.join(row['tail']), flush=True)
            runs.append(dict(label=label, run=r, command='tfnas ' + args, **{k: v for k, v in row.items() if k != 'tail'}))
        ok = [x for x in runs if x['rc'] == 0] or runs
        rows += runs + [dict(label=label, run='median', command='tfnas ' + args, rc=max(x['rc'] for x in runs),
                             wall_s=statistics.median(x['wall_s'] for x in ok), peak_rss_gib=statistics.median(x['peak_rss_gib'] for x in ok),
                             load_1m=statistics.median(x['load_1m'] for x in ok))]
    base = next(r for r in rows if r['run'] == 'median')
    for r in rows:
        if r['run'] == 'median':
            r['wall_ratio'] = round(r['wall_s'] / base['wall_s'], 3); r['peak_ratio'] = round(r['peak_rss_gib'] / base['peak_rss_gib'], 3)
    cols = ['label', 'run', 'wall_s', 'peak_rss_gib', 'rc', 'load_1m', 'wall_ratio', 'peak_ratio', 'command']
    with out.open('w', newline='') as f:
        w = csv.DictWriter(f, cols); w.writeheader(); w.writerows(rows)
    print(f'wrote {out}')

if __name__ == '__main__': main()
