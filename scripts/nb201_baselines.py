"""Registered searches on NAS-Bench-201 (any `--algo`), with or without a parameter budget, one JSON line per search.

Usage (from the repository root; one thread, in this process; resumable):

    OMP_NUM_THREADS=1 nice -n 10 python scripts/nb201_baselines.py ALGO SEED [SEED ...] \
        [--metric M] [--max-params P] [--batch-size 64] [--opt NAME=VALUE ...] [--out FILE]

This is what `tfnas search nasbench201 --algo ALGO --seed SEED --workers 1 ...` does (the engine's SearchContext and
the registered search), without the process start per search, and with a scores store shared by the runs
(/tmp/nb201_study.db: a cell scored under the same seed, batch and metric is not scored twice; CPU seconds count only
what a run computed). `--max-params` is in parameters (the CLI takes millions). Each line: algo, metric, options,
max_params, seed, the found cell, its parameters, test accuracies on three datasets, wall and CPU seconds, n_scored.
"""
import argparse, json, sys, time
from pathlib import Path
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tfnas.search import SearchContext, get_search  # noqa: E402
from tfnas.engine import InProcess  # noqa: E402
from tfnas.store import Store  # noqa: E402
from tfnas.nasi import parse_supernet  # noqa: E402  (registers nasi and supernet; sized is in tfnas.search)
import tfnas.hnas  # noqa: E402,F401  (registers hnas)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('algo')
    ap.add_argument('seeds', type=int, nargs='+')
    ap.add_argument('--metric', default=None)
    ap.add_argument('--max-params', type=int, default=None)
    ap.add_argument('--batch-size', type=int, default=64)
    ap.add_argument('--opt', action='append', default=[], help='search option NAME=VALUE (repeatable)')
    ap.add_argument('--out', default=str(ROOT / 'results/nb201/searches_engine.jsonl'))
    ap.add_argument('--store', default='/tmp/nb201_study.db')
    a = ap.parse_args()
    torch.set_num_threads(1)
    s = get_search(a.algo)
    given = parse_supernet(','.join(a.opt)) if a.opt else {}
    aopts = {o.name: o.check(given.get(o.name, o.default)) for o in s.options}
    if unknown := set(given) - set(aopts): sys.exit(f'--opt: {sorted(unknown)} are not options of {a.algo}')
    out = Path(a.out)
    key = lambda r: json.dumps([r['algo'], r['metric'], r['options'], r['max_params'], r['batch_size'], r['seed']], sort_keys=True)
    done = {key(json.loads(l)) for l in out.read_text().splitlines()} if out.exists() else set()
    with Store(a.store) as st:
        for seed in a.seeds:
            row = dict(algo=a.algo, metric=a.metric if s.uses_metric else None, options=aopts, max_params=a.max_params,
                       batch_size=a.batch_size, seed=seed)
            if key(row) in done: continue
            t0, c0 = time.perf_counter(), time.process_time()
            with SearchContext('nasbench201', {'seed': seed, 'batch_size': a.batch_size}, metric=row['metric'],
                               max_params=a.max_params, store=st, executor=InProcess()) as ctx:
                r = s.fn(ctx, **aopts)
                params = ctx.param_count(r.arch)
                truth = ctx.track.truth_of(r.arch, ctx.opts)
                metric = ctx.metric if s.uses_metric else None
            row.update(metric=metric, arch=r.arch, params=params, test_accuracy=truth, seconds=time.perf_counter() - t0,
                       cpu_seconds=time.process_time() - c0, search_seconds=r.seconds, n_scored=r.n_scored,
                       n_failed=sum(bool(h.get('error')) for h in r.history),
                       info={k: v for k, v in r.info.items() if k not in ('alpha',)})
            with out.open('a') as f: f.write(json.dumps(row, default=float) + '\n')
            print(a.algo, metric, a.max_params, seed, r.arch, f"{truth['cifar10']:.2f}", f"{row['cpu_seconds']:.0f} s", flush=True)

if __name__ == '__main__': main()
