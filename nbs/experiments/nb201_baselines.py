"""Metric-driven baseline searches on NAS-Bench-201, with or without a parameter budget, one JSON line per search.

Usage (from the repository root; one thread; resumable):

    OMP_NUM_THREADS=1 nice -n 10 python nbs/experiments/nb201_baselines.py ALGO SEED [SEED ...] \
        [--metric M] [--n N] [--max-params P] [--batch-size 16]

ALGO is `best_of_n` (sample N cells, score each with the metric, keep the best), `evolution` (regularised evolution,
population 10, tournament 3, N cells scored) or `random` (one cell). With `--max-params` (in parameters) the sampler
and the mutation only produce cells whose benchmark network (10 classes) fits, by rejection. Scoring uses the
benchmark network (C=16, N=5) built under the seed and one batch of Gaussian images with random labels from the seed,
as `tfnas search nasbench201 --algo metric` does. Each line: algo, metric, n, max_params, seed, the found cell, its
parameters, test accuracies, wall and CPU seconds.
"""
import argparse, json, random, sys, time
from pathlib import Path
import torch

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tfnas.core import Space, get_space  # noqa: E402
from tfnas.search import best_of_n, evolution, random_search  # noqa: E402
from tfnas.benchmarks.nb201 import NB201Table  # noqa: E402
from tfnas.pipelines.nb201 import make_batch  # noqa: E402
import tfnas.spaces.nb201, tfnas.metrics.generic, tfnas.metrics.ntk  # noqa: E402,F401

OUT = ROOT / 'results/nb201/baselines.jsonl'

class Budgeted(Space):
    "A space whose sampler and mutation only return architectures within `max_params` (rejection)."
    def __init__(self, space, max_params):
        self.space, self.max_params = space, max_params
        self.name, self.family = space.name, space.family
    def fits(self, arch): return self.space.param_count(arch) <= self.max_params
    def sample(self, rng):
        while True:
            a = self.space.sample(rng)
            if self.fits(a): return a
    def mutate(self, arch, rng):
        for _ in range(1000):
            m = self.space.mutate(arch, rng)
            if self.fits(m): return m
        return arch
    def validate(self, arch): return self.space.validate(arch)
    def build(self, arch, **kw): return self.space.build(arch, **kw)
    def arch_id(self, arch): return self.space.arch_id(arch)
    def encode(self, arch): return self.space.encode(arch)
    def decode(self, s): return self.space.decode(s)
    def enumerate(self): return [a for a in self.space.enumerate() if self.fits(a)]
    def param_count(self, arch, **kw): return self.space.param_count(arch, **kw)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('algo', choices=['best_of_n', 'evolution', 'random'])
    ap.add_argument('seeds', type=int, nargs='+')
    ap.add_argument('--metric', default='num_params')
    ap.add_argument('--n', type=int, default=100)
    ap.add_argument('--max-params', type=int, default=None)
    ap.add_argument('--batch-size', type=int, default=16)
    a = ap.parse_args()
    torch.set_num_threads(1)
    tab = NB201Table.load()
    base = get_space('nasbench201')
    space = base if a.max_params is None else Budgeted(base, a.max_params)
    metric = None if a.algo == 'random' else a.metric
    n = 0 if a.algo == 'random' else a.n
    key = lambda r: (r['algo'], r['metric'], r['n'], r['max_params'], r['batch_size'], r['seed'])
    done = {key(json.loads(l)) for l in OUT.read_text().splitlines()} if OUT.exists() else set()
    for seed in a.seeds:
        row = dict(algo=a.algo, metric=metric, n=n, max_params=a.max_params, batch_size=a.batch_size, seed=seed)
        if key(row) in done: continue
        t0, c0 = time.perf_counter(), time.process_time()
        if a.algo == 'random':
            res = random_search(space, seed=seed)
        else:
            batch = make_batch(a.batch_size, seed=seed)
            if a.algo == 'best_of_n': res = best_of_n(space, a.metric, batch, n=a.n, seed=seed)
            else: res = evolution(space, a.metric, batch, budget=a.n, population=10, sample_size=3, seed=seed)
        n_failed = sum(bool(h.get('error')) for h in res.history)
        row.update(arch=res.arch, params=base.param_count(res.arch), test_accuracy=tab.accuracies(res.arch),
                   seconds=time.perf_counter() - t0, cpu_seconds=time.process_time() - c0, n_scored=res.n_scored,
                   n_failed=n_failed)
        with OUT.open('a') as f: f.write(json.dumps(row) + '\n')
        print(a.algo, metric, a.max_params, seed, res.arch, row['test_accuracy']['cifar10'], f"{row['cpu_seconds']:.0f} s", flush=True)

if __name__ == '__main__': main()
