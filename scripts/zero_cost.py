"""Bookkeeping of the zero-cost study's runs (issue 26, nbs/94_study.zero_cost.ipynb).

  python scripts/zero_cost.py runs STORE_DIR OUT.json     # one record per (space, task) from the results stores
  python scripts/zero_cost.py commands                     # the scoring command of every (space, task)

The stores are not committed (they hold every score with its settings); the records say what ran: the command, the
settings, how many architectures of the file were scored, which metrics failed (with an example message) and when
the rows were written. A (space, task) whose store holds fewer architectures than its file is partial: its command,
run again, resumes from the store.
"""
import argparse, json, sqlite3, sys, time
from collections import Counter
from pathlib import Path

# track: (store file, tasks (None: the seven of TransNAS-Bench-101), batch size, image side, NASLib file under $TFNAS_DATA)
SPACES = {'nasbench101': ('nb101.sqlite', ('cifar10',), 16, 32, 'naslib_zero_cost/zc_nasbench101.json'),
          'transnas-micro': ('transnas_micro.sqlite', None, 8, 32, 'naslib_zero_cost/zc_transbench101_micro.json'),
          'transnas-macro': ('transnas_macro.sqlite', None, 8, 64, 'naslib_zero_cost/zc_transbench101_macro.json')}
TASKS = ('class_scene', 'class_object', 'room_layout', 'segmentsemantic', 'autoencoder', 'normal', 'jigsaw')

def result_name(track:str, task:str) -> str:
    "The committed score file of (track, task), under results/zero_cost/."
    return 'nb101_scores.csv' if track == 'nasbench101' else f"{track.split('-')[1]}_{task}_scores.csv"

def command(track:str, task:str) -> str:
    "The scoring command of one (space, task): the whole file into the store, the table to results/zero_cost/."
    db, _, batch, _, _ = SPACES[track]
    t = '' if track == 'nasbench101' else f' --task {task}'
    return (f"tfnas score {track} --archs bench --metrics cheap fisher{t} --batch-size {batch} --workers 1 --threads 1 "
            f"--store stores/{db} --out results/zero_cost/{result_name(track, task)}")

def file_size(track:str, task:str) -> int:
    "Architectures of the task in the NASLib file (under $TFNAS_DATA)."
    from tfnas.benchmarks.naslib import read_naslib_zc
    return len(read_naslib_zc(SPACES[track][4], None if track == 'nasbench101' else task))

def run_record(store:Path, track:str, task:str) -> dict|None:
    "What the store holds for (track, task) at the study's settings: counts, failures, first and last rows."
    _, _, batch, side, _ = SPACES[track]
    con = sqlite3.connect(f'file:{store}?mode=ro', uri=True)
    keys = []
    for key, s in con.execute('SELECT key, settings FROM settings WHERE track = ?', (track,)):
        s = json.loads(s)
        if s.get('batch_size') == batch and s.get('task', 'cifar10') == task and s.get('image_size') == side and 'bench' not in s:
            keys.append((key, s))
    if not keys: return None
    if len(keys) > 1: raise SystemExit(f"{store}: {len(keys)} settings match {track} {task}")
    key, settings = keys[0]
    rows = con.execute('SELECT arch_key, metric, ok, error, created FROM scores WHERE track = ? AND settings_key = ?', (track, key)).fetchall()
    fails, examples = Counter(r[1] for r in rows if not r[2]), {}
    for r in rows:
        if not r[2]: examples.setdefault(r[1], r[3][:200])
    fmt = lambda t: time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime(t))
    return {'track': track, 'task': task, 'settings': settings, 'architectures': len({r[0] for r in rows}),
            'in_file': file_size(track, task), 'metric_failures': dict(sorted(fails.items())), 'failure_examples': examples,
            'first_row': fmt(min(r[4] for r in rows)), 'last_row': fmt(max(r[4] for r in rows))}

def runs(store_dir:Path, out:Path):
    recs = []
    for track, (db, tasks, *_) in SPACES.items():
        for task in tasks or TASKS:
            p = store_dir/db
            r = run_record(p, track, task) if p.exists() else None
            if r is None: r = {'track': track, 'task': task, 'architectures': 0, 'in_file': file_size(track, task)}
            r.update(command=command(track, task), file=f'results/zero_cost/{result_name(track, task)}')
            recs.append(r)
    out.write_text(json.dumps(recs, indent=1) + '\n')
    done = sum(r['architectures'] == r['in_file'] for r in recs)
    print(f'wrote {out}: {len(recs)} (space, task) pairs, {done} scored in full')

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = ap.add_subparsers(dest='verb', required=True)
    a = sub.add_parser('runs'); a.add_argument('store_dir', type=Path); a.add_argument('out', type=Path)
    sub.add_parser('commands')
    args = ap.parse_args()
    if args.verb == 'runs': runs(args.store_dir, args.out)
    else: print('\n'.join(command(t, task) for t, (_, tasks, *_) in SPACES.items() for task in tasks or TASKS))
