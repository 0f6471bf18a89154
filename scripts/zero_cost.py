"""Bookkeeping of the zero-cost study's runs (issue 26, nbs/94_study.zero_cost.ipynb).

  python scripts/zero_cost.py runs STORE_DIR OUT.json     # one record per (space, task) from the results stores
  python scripts/zero_cost.py gather RANK_DIR OUT.csv      # the per-task `tfnas evaluate` tables in one file

The stores are not committed (they hold every score with its settings); the records say what ran: the command, the
settings, how many architectures, which metrics failed (with an example message) and when the rows were written.
"""
import argparse, json, sqlite3, sys, time
from collections import Counter
from pathlib import Path

SPACES = {'nasbench101': ('nb101.sqlite', ('cifar10',), 16),
          'transnas-micro': ('transnas_micro.sqlite', None, 8), 'transnas-macro': ('transnas_macro.sqlite', None, 8)}
TASKS = ('class_scene', 'class_object', 'room_layout', 'segmentsemantic', 'autoencoder', 'normal', 'jigsaw')

def command(track:str, task:str, batch:int, store:str, out:str) -> str:
    "The scoring command of one (space, task)."
    t = '' if track == 'nasbench101' else f' --task {task}'
    return (f"tfnas score {track} --archs bench --metrics cheap fisher{t} --batch-size {batch} --workers 1 --threads 1 "
            f"--store {store} --out {out}")

def run_record(store:Path, track:str, task:str, batch:int) -> dict|None:
    "What the store holds for (track, task) at the study's settings: counts, failures, first and last rows, seconds."
    con = sqlite3.connect(f'file:{store}?mode=ro', uri=True)
    keys = []
    for key, s in con.execute('SELECT key, settings FROM settings WHERE track = ?', (track,)):
        s = json.loads(s)
        if s.get('batch_size') == batch and s.get('task', 'cifar10') == task and s.get('image_size') in (None, 32, 64) and 'bench' not in s:
            keys.append((key, s))
    keys = [k for k in keys if k[1].get('image_size') == {'nasbench101': 32, 'transnas-micro': 32, 'transnas-macro': 64}[track]]
    if not keys: return None
    if len(keys) > 1: raise SystemExit(f"{store}: {len(keys)} settings match {track} {task}")
    key, settings = keys[0]
    rows = con.execute('SELECT arch_key, metric, ok, error, seconds, created FROM scores WHERE track = ? AND settings_key = ?', (track, key)).fetchall()
    archs = {r[0] for r in rows}
    fails = Counter(r[1] for r in rows if not r[2])
    examples = {}
    for r in rows:
        if not r[2]: examples.setdefault(r[1], r[3][:200])
    secs = {r[0]: r[4] for r in rows if r[4] is not None}
    created = [r[5] for r in rows]
    fmt = lambda t: time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime(t))
    return {'track': track, 'task': task, 'settings': settings, 'architectures': len(archs),
            'metric_failures': dict(sorted(fails.items())), 'failure_examples': examples,
            'first_row': fmt(min(created)), 'last_row': fmt(max(created)),
            'seconds_per_architecture_median': round(sorted(secs.values())[len(secs) // 2], 2),
            'seconds_total': round(sum(secs.values()), 1)}

def runs(store_dir:Path, out:Path):
    recs = []
    for track, (db, tasks, batch) in SPACES.items():
        for task in tasks or TASKS:
            p = store_dir/db
            r = run_record(p, track, task, batch) if p.exists() else None
            if r is None: print(f'{track} {task}: nothing in {p}', file=sys.stderr); continue
            name = 'nb101' if track == 'nasbench101' else f"{track.split('-')[1]}_{task}"
            r['command'] = command(track, task, batch, f'stores/{db}', f'{name}_scores_b{batch}.csv')
            recs.append(r)
    out.write_text(json.dumps(recs, indent=1) + '\n')
    print(f'wrote {out}: {len(recs)} runs')

def gather(rank_dir:Path, out:Path):
    import pandas as pd
    parts = []
    for f in sorted(rank_dir.glob('rank_*.csv')):
        space, task = f.stem.split('_', 2)[1:]
        parts.append(pd.read_csv(f).assign(space=space, task=task))
    df = pd.concat(parts)[['space', 'task'] + list(parts[0].columns)]
    df.to_csv(out, index=False)
    print(f'wrote {out}: {len(df)} rows from {len(parts)} files')

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = ap.add_subparsers(dest='verb', required=True)
    a = sub.add_parser('runs'); a.add_argument('store_dir', type=Path); a.add_argument('out', type=Path)
    b = sub.add_parser('gather'); b.add_argument('rank_dir', type=Path); b.add_argument('out', type=Path)
    args = ap.parse_args()
    if args.verb == 'runs': runs(args.store_dir, args.out)
    else: gather(args.rank_dir, args.out)
