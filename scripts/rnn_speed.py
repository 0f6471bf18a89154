#!/usr/bin/env python
"""Speed of the RNN track, the scripts behind `nbs/95_study.speed.ipynb`. Run from the repository root:

    export PYTHONPATH=$PWD TFNAS_DATA=/path/to/data
    python scripts/rnn_speed.py values --out results/nlp/bench_suite_values.csv      # every suite column, 20 archs (the reference)
    python scripts/rnn_speed.py check --ref results/nlp/bench_suite_values.csv        # every suite column against the reference
    python scripts/rnn_speed.py limit --no-suite --out results/nlp/bench_floor.csv    # hidden covariance vs its products and the LSTM
    python scripts/rnn_speed.py profile --label new --out FILE                         # component CPU seconds, 1 thread
    python scripts/rnn_speed.py precision --ref FILE --check FILE --out FILE          # float32 values against float64
    python scripts/rnn_speed.py flips --out FILE                                       # activation codes vs float64, MKL and oneDNN
    python scripts/rnn_speed.py products --out FILE                                    # the forward on MKL vs oneDNN
    python scripts/rnn_speed.py startup --base ../base --out FILE                      # start-up of a short command vs a checkout

The 20 architectures are the first 20 recipe ids of the WikiText-2 logs (`results/nlp/bench_archs.txt`), scored at
PTB's sizes on the paper's batch (the PTB test split, 50 x 70, offset 0, seed 0), exactly as
`tfnas score nasbench-nlp --corpus corpora/ptb` builds them. The `mkl` arms of `check --forward`, `flips` and
`products` run the forward on MKL's products (`mkl_forward`) instead of oneDNN's. Timing tables come from the
package's one harness, `tfnas bench nasbench-nlp` (the command is in 95_study.speed)."""
from __future__ import annotations
import argparse, contextlib, functools, os, sys, time
from pathlib import Path
import torch

IDS = (1000000, 1000001, 1000146, 1000213, 1000230, 1000242, 1000248, 1000394, 1000418, 1000419,
       1000434, 1000454, 1000473, 1000475, 1000609, 1000782, 1000866, 1000889, 1000965, 1001347)
DATA = Path(os.environ.get('TFNAS_DATA', '../shared/data'))
SIZES = dict(ntokens=10000, emsize=400, nhid=600, nlayers=3)

def archs(ids=IDS):
    "(arch_id, recipe) of benchmark logs, in the order of `ids`."
    from tfnas.benchmarks.nlp import load_nasbench_nlp
    f = DATA/'nasbench_nlp/wikitext2_logs.zip'
    t = load_nasbench_nlp(f).drop_duplicates('arch_id').set_index('arch_id')
    if missing := [i for i in ids if i not in t.index]: sys.exit(f"--ids: recipe id(s) {missing} not in {f}")
    return [(i, t.at[i, 'recipe']) for i in ids]

def ptb_batch():
    "The paper's minibatch: PTB's test split batchified into 50 columns, rows 0..69 (ids grown over the available splits)."
    from tfnas.corpora import batchify, load_corpus
    c = load_corpus(DATA/'corpora/ptb', splits=('train', 'valid', 'test'))
    return batchify(c['test'], 50)[:70]

class ComponentTimer:
    "Exclusive CPU seconds per named component: wraps the given functions; time in nested components is subtracted."
    def __init__(self, components:dict):
        self.components, self.times, self.stack, self._undo = components, {k: 0. for k in components}, [], []
    def _wrap(self, name, f):
        @functools.wraps(f)
        def g(*a, **k):
            t0 = time.process_time(); self.stack.append(0.)
            try: return f(*a, **k)
            finally:
                dt = time.process_time() - t0; inner = self.stack.pop()
                self.times[name] += dt - inner
                if self.stack: self.stack[-1] += dt
        return g
    def __enter__(self):
        for name, targets in self.components.items():
            for owner, attr in targets:
                f = getattr(owner, attr); self._undo.append((owner, attr, f)); setattr(owner, attr, self._wrap(name, f))
        return self
    def __exit__(self, *exc):
        for owner, attr, f in reversed(self._undo): setattr(owner, attr, f)
        self._undo.clear()

def components():
    "The functions the profile attributes time to (those present in this version of the code)."
    import torch.nn as nn, tfnas.core as core, tfnas.spaces.rnn as sr, tfnas.metrics.rnn as mr
    c = {'build (RNNModel.__init__)': [(sr.RNNModel, '__init__')],
         'model copies (ScoreContext.copy)': [(core.ScoreContext, 'copy')],
         'recurrent forward (RecipeRNN.forward)': [(sr.RecipeRNN, 'forward')],
         'decoder forward (nn.Linear.forward)': [(nn.Linear, 'forward')],
         'autograd backward': [(torch.Tensor, 'backward'), (torch.autograd, 'grad')],
         'planned backward (bptt)': [(sr, 'bptt')] if hasattr(sr, 'bptt') else [],
         'decoder Gram and saliency sums (saliency_pass)': [(mr, 'saliency_pass')] if hasattr(sr, 'bptt') else [],
         'corr_eig_score': [(core, 'corr_eig_score'), (mr, 'corr_eig_score')],   # tfnas.core before the numerics module
         'mean_abs_cosine_score': [(core, 'mean_abs_cosine_score'), (mr, 'mean_abs_cosine_score')],
         'activation kernel (CodeKernel.flush)': [(mr.CodeKernel, 'flush')],
         'logdet_score': [(core, 'logdet_score'), (mr, 'logdet_score')]}
    c = {k: [(o, a) for o, a in v if hasattr(o, a)] for k, v in c.items()}   # only what this version of the code has
    return {k: v for k, v in c.items() if v}

def profile(ids, label:str):
    "One row per (architecture, task, component): exclusive CPU seconds of build + scoring, one thread."
    import pandas as pd
    from tfnas.core import seeded, score_model
    from tfnas.spaces.rnn import RNNModel
    from tfnas.metrics.rnn import RNN_SUITE
    batch, rows = ptb_batch(), []
    with seeded(0): RNNModel(archs(ids[:1])[0][1], **SIZES)   # warm-up: the first build of a process fills caches
    for rid, recipe in archs(ids):
        for task, metrics in (('hidden_covariance', ['hidden_covariance']), ('suite', list(RNN_SUITE))):
            with ComponentTimer(components()) as ct:
                c0 = time.process_time()
                with seeded(0): m = RNNModel(recipe, **SIZES)
                score_model(m, batch, metrics, seed=0, family='rnn')
                total = time.process_time() - c0
            rows += [dict(code=label, arch_id=rid, task=task, component=k, cpu_s=v) for k, v in ct.times.items()]
            rows += [dict(code=label, arch_id=rid, task=task, component='other', cpu_s=total - sum(ct.times.values())),
                     dict(code=label, arch_id=rid, task=task, component='total', cpu_s=total)]
            print(label, rid, task, f"{total:.2f} s", flush=True)
    return pd.DataFrame(rows)

@contextlib.contextmanager
def mkl_forward():
    """Inside, the recurrent forward multiplies as version 0.1 did, with `@` (MKL) instead of `mm_t` on packed weights.

    Only the forward (`RecipeRNN.forward` and the `cell_step`s it runs): the planned backward keeps its oneDNN products,
    as in version 0.1, so that `check --forward mkl` reproduces version 0.1's values exactly."""
    import tfnas.spaces.rnn as rnn
    forward, mm, pack = rnn.RecipeRNN.forward, rnn.mm_t, rnn.pack_t
    def forward_01(self, *args, **kw):
        rnn.mm_t, rnn.pack_t = (lambda a, w: a @ w.t()), (lambda w, rows=None: w)
        try: return forward(self, *args, **kw)
        finally: rnn.mm_t, rnn.pack_t = mm, pack
    rnn.RecipeRNN.forward = forward_01
    try: yield
    finally: rnn.RecipeRNN.forward = forward

def forward_products(kind:str):
    "The context in which the forward's products are `kind`: 'onednn' (as shipped since version 0.2) or 'mkl' (version 0.1)."
    return mkl_forward() if kind == 'mkl' else contextlib.nullcontext()

def score_archs(ids):
    "Every suite column on the benchmark architectures, built and scored as `tfnas score nasbench-nlp` does."
    import pandas as pd
    from tfnas.core import seeded, score_model
    from tfnas.spaces.rnn import RNNModel
    from tfnas.metrics.rnn import RNN_SUITE
    batch, rows = ptb_batch(), []
    for rid, recipe in archs(ids):
        with seeded(0): m = RNNModel(recipe, **SIZES, name=f"recipe {rid}")
        rows.append({'arch_id': rid, **score_model(m, batch, list(RNN_SUITE), seed=0, family='rnn')})
        print(rid, flush=True)
    return pd.DataFrame(rows)

def flips(ids):
    "Per architecture: the activation codes (value > 0) of the clean forward that differ from the float64 forward's,\n\n    with the forward's products on MKL (version 0.1) and on oneDNN (as shipped), and the largest |float64 value| among them."
    import copy, pandas as pd
    from tfnas.core import seeded
    from tfnas.spaces.rnn import RNNModel
    batch, rows = ptb_batch(), []
    def acts(model):
        vals = []
        with torch.no_grad(): model.recurrent(model.embed(batch), observe=lambda l, t, n, v: vals.append(v.flatten()))
        return torch.cat(vals) if vals else torch.zeros(0, dtype=torch.float64)
    for rid, recipe in archs(ids):
        with seeded(0): m = RNNModel(recipe, **SIZES).eval()
        v64 = acts(copy.deepcopy(m).double())
        pos, mag = v64 > 0, v64.abs().float(); del v64
        r = dict(arch_id=rid, activations=pos.numel())
        for k in ('mkl', 'onednn'):
            with forward_products(k): f = (acts(m) > 0) != pos
            r[f'{k}_flips'] = int(f.sum()); r[f'{k}_largest_float64_at_flip'] = float(mag[f].max()) if f.any() else 0.
        rows.append(r); print(r, flush=True)
    return pd.DataFrame(rows)

def precision(ids, ref, check):
    "The suite in float64 on `ids`, against main's float32 values (`ref`) and this code's (`check`, from `check`).\n\n    The noise columns are left out: float64 noise is a different draw."
    import pandas as pd
    from tfnas.core import seeded, score_model
    from tfnas.spaces.rnn import RNNModel
    from tfnas.metrics.rnn import RNN_SUITE
    batch, rows = ptb_batch(), []
    ref, new = ref.set_index('arch_id'), check.set_index(['arch_id', 'column']).new
    for rid, recipe in archs(ids):
        with seeded(0): m = RNNModel(recipe, **SIZES).double()
        rec = score_model(m, batch, list(RNN_SUITE), seed=0, family='rnn')
        for c, v in rec.items():
            if c == 'error' or 'noise' in c: continue
            a, n = ref.at[rid, c], new[(rid, c)]
            rows.append(dict(arch_id=rid, column=c, float64=v, main=a, new=n, main_vs_float64=abs(a - v) / abs(v),
                             new_vs_float64=abs(n - v) / abs(v), new_vs_main=abs(n - a) / abs(a)))
        print(rid, flush=True)
    return pd.DataFrame(rows)

def products(ids, repeats:int=3):
    "Per architecture: the recurrent forward's seconds with its products on MKL (version 0.1) and on oneDNN (0.2), the fused LSTM\n\n    forward in the same rounds, and hidden covariance from each forward (what switching the products would change)."
    import numpy as np, pandas as pd
    from tfnas.core import seeded
    from tfnas.spaces.rnn import RNNModel
    from tfnas.metrics.rnn import hidden_states
    from tfnas.numerics import corr_eig_score
    batch, rows = ptb_batch(), []
    lstm, x = torch.nn.LSTM(400, 600, 3).eval(), torch.randn(70, 50, 400, generator=torch.Generator().manual_seed(0))
    for rid, recipe in archs(ids):
        with seeded(0): m = RNNModel(recipe, **SIZES, name=f"recipe {rid}").eval()
        t, hc = {'mkl': [], 'onednn': [], 'lstm': []}, {}
        for _ in range(repeats):
            for k in ('mkl', 'onednn'):
                with forward_products(k):
                    t0 = time.perf_counter(); hs = hidden_states(m, batch); t[k].append(time.perf_counter() - t0)
                hc[k] = [corr_eig_score(h, constant='drop') for h in hs]
            t0 = time.perf_counter()
            with torch.no_grad(): lstm(x)
            t['lstm'].append(time.perf_counter() - t0)
        rows.append(dict(arch_id=rid, mkl_s=np.median(t['mkl']), onednn_s=np.median(t['onednn']), lstm_s=np.median(t['lstm']),
                         **{f'rel_diff_l{l + 1}': abs(a - b) / abs(a) for l, (a, b) in enumerate(zip(hc['mkl'], hc['onednn']))}))
        print(rid, flush=True)
    return pd.DataFrame(rows)

def forward_shapes(model, steps:int, batch:int) -> list:
    "The matrix products of `model`'s recurrent forward: (rows, K, N, calls) per layer and source (`x` once for all steps)."
    out = []
    for r in model.rnns:
        c = r.cell
        for s, cons in c.consumers.items():
            ws = [c.linears[n][j].weight for n, j in cons]
            N, K = sum(w.shape[0] for w in ws), ws[0].shape[1]
            out.append((steps * batch, K, N, 1) if s == 'x' else (batch, K, N, steps))
    return out

def suite_shapes(model, steps:int, batch:int, noises:int=3) -> list:
    """The matrix products of the RNN suite (`RNN_SUITE`), as (rows, K, N, calls): one forward of the clean and noised
    batches (`1 + noises` times `batch` rows), the planned backward of the saliency, clean and noised cotangents (`2 + noises`
    times `batch` rows: the same products transposed) and the saliency's weight gradients (each source's values times its
    cotangents over the steps; `bptt` computes these with `torch.matmul`, `products_only` times them with `mm_t` like the
    rest). The decoder's products, the correlation scores and the element-wise work are left out."""
    fwd = forward_shapes(model, steps, batch * (1 + noises))
    bwd = [(M, N, K, c) for M, K, N, c in forward_shapes(model, steps, batch * (2 + noises))]
    wgrad = [(N, steps * batch, K, 1) for _, K, N, _ in forward_shapes(model, steps, batch)]
    return fwd + bwd + wgrad

def products_only(shapes, seed:int=0) -> float:
    "Seconds of the products alone (`mm_t` on packed weights, random operands, the forward's shapes and counts): its GEMM floor."
    from tfnas.spaces.rnn import mm_t, pack_t
    g, tot = torch.Generator().manual_seed(seed), 0.
    with torch.no_grad():
        for M, K, N, calls in shapes:
            a, w = torch.randn(M, K, generator=g), torch.randn(N, K, generator=g)
            p = pack_t(w, M); mm_t(a, p)   # packed and warmed outside the clock, as the forward packs once per pass
            t0 = time.perf_counter()
            for _ in range(calls): mm_t(a, p)
            tot += time.perf_counter() - t0
    return tot

def limit(ids, repeats:int=3, suite:bool=True):
    """Per architecture: hidden covariance and its parts (build, the private copy `score_model` makes, recurrent forward, the
    three correlation scores) against the forward's GEMM floor (its products alone) and the fused LSTM forward with its own
    products alone; `dispatch_s` is the same forward at emsize = nhid = 8 (the same calls, almost no arithmetic: what Python,
    ATen and oneDNN cost per call). With `suite`, the RNN suite against its products alone (`suite_shapes`). Every part is
    timed once per repeat, interleaved; medians over repeats."""
    import numpy as np, pandas as pd
    from tfnas.core import seeded, score_model, ScoreContext
    from tfnas.spaces.rnn import RNNModel
    from tfnas.metrics.rnn import hidden_states, RNN_SUITE
    from tfnas.numerics import corr_eig_score
    batch, rows = ptb_batch(), []
    T, B = batch.shape
    tiny = dict(SIZES, emsize=8, nhid=8)   # the same cells and calls with almost no arithmetic: the dispatch cost
    lstm, x = torch.nn.LSTM(SIZES['emsize'], SIZES['nhid'], SIZES['nlayers']).eval(), torch.randn(T, B, SIZES['emsize'], generator=torch.Generator().manual_seed(0))
    lstm_shapes = [(T * B, k, 4 * SIZES['nhid'], 1) for k in [SIZES['emsize']] + [SIZES['nhid']] * (SIZES['nlayers'] - 1)]
    lstm_shapes += [(B, SIZES['nhid'], 4 * SIZES['nhid'], T)] * SIZES['nlayers']
    gflop = lambda sh: sum(2 * M * K * N * c for M, K, N, c in sh) / 1e9
    for rid, recipe in archs(ids):
        t = {k: [] for k in ('hidden_covariance_s', 'build_s', 'copy_s', 'forward_s', 'dispatch_s', 'corr_s', 'products_s', 'lstm_s',
                             'lstm_products_s', 'suite_s', 'suite_products_s')}
        for _ in range(repeats):
            t0 = time.perf_counter()
            with seeded(0): m = RNNModel(recipe, **SIZES, name=f"recipe {rid}")
            t['build_s'].append(time.perf_counter() - t0)
            t0 = time.perf_counter(); ScoreContext(m).copy(); t['copy_s'].append(time.perf_counter() - t0); m.eval()
            t0 = time.perf_counter(); hs = hidden_states(m, batch); t['forward_s'].append(time.perf_counter() - t0)
            t0 = time.perf_counter(); [corr_eig_score(h, constant='drop') for h in hs]; t['corr_s'].append(time.perf_counter() - t0)
            t['products_s'].append(products_only(forward_shapes(m, T, B)))
            with seeded(0): mt = RNNModel(recipe, **tiny, name=f"recipe {rid}").eval()
            t0 = time.perf_counter(); hidden_states(mt, batch); t['dispatch_s'].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            with seeded(0): m = RNNModel(recipe, **SIZES, name=f"recipe {rid}")
            score_model(m, batch, ['hidden_covariance'], seed=0, family='rnn'); t['hidden_covariance_s'].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            with torch.no_grad(): lstm(x)
            t['lstm_s'].append(time.perf_counter() - t0)
            t['lstm_products_s'].append(products_only(lstm_shapes))
            if suite:
                t0 = time.perf_counter()
                with seeded(0): m = RNNModel(recipe, **SIZES, name=f"recipe {rid}")
                score_model(m, batch, list(RNN_SUITE), seed=0, family='rnn'); t['suite_s'].append(time.perf_counter() - t0)
                t['suite_products_s'].append(products_only(suite_shapes(m, T, B)))
        rows.append(dict(arch_id=rid, gflop=gflop(forward_shapes(m, T, B)), lstm_gflop=gflop(lstm_shapes),
                         suite_gflop=gflop(suite_shapes(m, T, B)) if suite else np.nan,
                         **{k: float(np.median(v)) if v else np.nan for k, v in t.items()}))
        print(rid, {k: round(v, 3) for k, v in rows[-1].items() if k != 'arch_id'}, flush=True)
    return pd.DataFrame(rows)

def startup(base:str|None, repeats:int=15, metric:str='num_params'):
    """Start-up beyond `import torch` of `tfnas score nasbench-nlp --archs 1 --metrics METRIC --quiet`, as `tfnas bench` measures
    it (process wall minus the scoring seconds the store records), for this code and a checkout at `base`, interleaved:
    each round times `import torch`, then each arm once; `beyond_torch_s` subtracts that round's `import torch`."""
    import tempfile
    import pandas as pd
    from tfnas.engine import command_startup, startup_seconds
    arms = {'this': str(Path(__file__).resolve().parents[1]), **({'base': str(Path(base).resolve())} if base else {})}
    for arm, path in arms.items():
        if not (Path(path)/'tfnas'/'cli.py').is_file(): raise SystemExit(f"--base: {path} holds no tfnas package (tfnas/cli.py)")
    rows = []
    # `python -c` puts the working folder first on sys.path: run the processes from an empty one, so PYTHONPATH decides
    with tempfile.TemporaryDirectory() as d, contextlib.chdir(d):
        for r in range(repeats):
            t = startup_seconds('import torch', 1)
            rows.append(dict(rep=r, arm='import torch', path='', wall_s=t))
            for arm, path in arms.items():
                wall, scoring = command_startup('nasbench-nlp', metric, 1, env={**os.environ, 'PYTHONPATH': path})
                rows.append(dict(rep=r, arm=arm, path=path, wall_s=wall, scoring_s=scoring, beyond_torch_s=wall - scoring - t))
    return pd.DataFrame(rows)

def positive(v:str) -> int:
    "An argparse type: an integer >= 1 (one clear line otherwise)."
    try: n = int(v)
    except ValueError: n = 0
    if n < 1: raise argparse.ArgumentTypeError(f"must be an integer >= 1, got {v!r}")
    return n

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest='cmd', required=True)
    pp = sub.add_parser('profile', help='component CPU seconds on a few architectures (1 thread)')
    pp.add_argument('--ids', type=int, nargs='+', default=[1000000, 1000248, 1000782])
    pp.add_argument('--label', default='new'); pp.add_argument('--out', required=True); pp.add_argument('--append', action='store_true')
    pv = sub.add_parser('values', help='every suite column on the 20 architectures (a reference for `check`)')
    pv.add_argument('--ids', type=int, nargs='+', default=list(IDS)); pv.add_argument('--threads', type=int, default=2)
    pv.add_argument('--out', required=True)
    pc = sub.add_parser('check', help='every suite column vs the reference values of main')
    pc.add_argument('--ids', type=int, nargs='+', default=list(IDS)); pc.add_argument('--threads', type=int, default=2)
    pc.add_argument('--ref', default='results/nlp/bench_suite_values.csv'); pc.add_argument('--out')
    pc.add_argument('--forward', choices=('onednn', 'mkl'), default='onednn', help="the forward's products: oneDNN (as shipped since 0.2) or MKL (version 0.1)")
    pf = sub.add_parser('flips', help="activation codes of the forward that differ from float64's, with MKL's and oneDNN's products")
    pf.add_argument('--ids', type=int, nargs='+', default=list(IDS)); pf.add_argument('--threads', type=int, default=2)
    pf.add_argument('--out', required=True)
    pq = sub.add_parser('precision', help="main's and this code's float32 values against float64 on a few architectures")
    pq.add_argument('--ids', type=int, nargs='+', default=[1000146, 1000418, 1000419, 1000782])
    pq.add_argument('--ref', required=True); pq.add_argument('--check', required=True)
    pq.add_argument('--out', required=True)
    pm = sub.add_parser('products', help="the recurrent forward with MKL's and with oneDNN's products: seconds and hidden covariance")
    pm.add_argument('--ids', type=int, nargs='+', default=list(IDS)); pm.add_argument('--threads', type=int, default=2)
    pm.add_argument('--repeats', type=int, default=3); pm.add_argument('--out', required=True)
    pl = sub.add_parser('limit', help="hidden covariance's parts against the forward's GEMM floor and the fused LSTM (2 threads)")
    pl.add_argument('--ids', type=int, nargs='+', default=list(IDS)); pl.add_argument('--threads', type=positive, default=2)
    pl.add_argument('--repeats', type=positive, default=3); pl.add_argument('--out', required=True)
    pl.add_argument('--no-suite', dest='suite', action='store_false', help='leave out the suite rows (faster)')
    ps = sub.add_parser('startup', help="start-up of a short scoring command beyond import torch, this code vs a checkout (interleaved)")
    ps.add_argument('--base', help='a checkout of another commit (its root folder) to time in the same rounds')
    ps.add_argument('--repeats', type=positive, default=15); ps.add_argument('--out', required=True)
    a = p.parse_args(argv)
    import pandas as pd
    if a.cmd == 'profile':
        torch.set_num_threads(1)
        df = profile(a.ids, a.label)
        if a.append and Path(a.out).exists(): df = pd.concat([pd.read_csv(a.out), df])
        df.to_csv(a.out, index=False); print(f"wrote {a.out}")
    elif a.cmd == 'values':
        torch.set_num_threads(a.threads)
        score_archs(a.ids).to_csv(a.out, index=False); print(f"wrote {a.out}")
    elif a.cmd == 'check':
        from suite_check import suite_differences   # scripts/suite_check.py (this script's folder is on sys.path)
        torch.set_num_threads(a.threads)
        with forward_products(a.forward): new = score_archs(a.ids)
        d = suite_differences(new, pd.read_csv(a.ref))
        print(d.groupby('column').rel_diff.max().sort_values(ascending=False).to_string())
        if a.out: d.to_csv(a.out, index=False); print(f"wrote {a.out}")
        print(f"largest relative difference from main: {d.rel_diff.max():.2e} ({(d.rel_diff > 1e-6).sum()} of {len(d)} values above 1e-6)")
    elif a.cmd == 'flips':
        torch.set_num_threads(a.threads)
        d = flips(a.ids); d.to_csv(a.out, index=False)
        print(f"codes differing from float64 over {len(d)} architectures: MKL {d.mkl_flips.sum()} (on {(d.mkl_flips > 0).sum()}), "
              f"oneDNN {d.onednn_flips.sum()} (on {(d.onednn_flips > 0).sum()}), of {d.activations.sum()}")
        print(f"wrote {a.out}")
    elif a.cmd == 'precision':
        torch.set_num_threads(1)
        d = precision(a.ids, pd.read_csv(a.ref), pd.read_csv(a.check))
        d.to_csv(a.out, index=False); print(d.groupby('column')[['main_vs_float64', 'new_vs_float64', 'new_vs_main']].max().to_string())
        print(f"wrote {a.out}")
    elif a.cmd == 'products':
        torch.set_num_threads(a.threads)
        d = products(a.ids, a.repeats)
        d.to_csv(a.out, index=False)
        rel = d.filter(like='rel_diff').max(axis=1)
        print(f"median seconds: MKL {d.mkl_s.median():.3f}, oneDNN {d.onednn_s.median():.3f}, fused LSTM {d.lstm_s.median():.3f}; "
              f"hidden covariance moved by up to {rel.max():.1e} relative, by more than 1e-6 on {(rel > 1e-6).sum()} of {len(d)}")
        print(f"wrote {a.out}")

    elif a.cmd == 'limit':
        torch.set_num_threads(a.threads)
        d = limit(a.ids, a.repeats, a.suite); d.to_csv(a.out, index=False)
        r = lambda x, y: float((d[x] / d[y]).median())
        print(f"medians over {len(d)} architectures: forward {r('forward_s', 'products_s'):.2f}x its products alone; products "
              f"{r('products_s', 'lstm_products_s'):.2f}x the LSTM's products alone ({(d.gflop / d.lstm_gflop).median():.2f}x its GFLOP); "
              f"forward {r('forward_s', 'lstm_s'):.2f}x, hidden covariance {r('hidden_covariance_s', 'lstm_s'):.2f}x the fused LSTM; "
              f"LSTM {r('lstm_s', 'lstm_products_s'):.2f}x its products alone; hidden covariance = build "
              f"{(d.build_s / d.hidden_covariance_s).median():.0%} + forward {(d.forward_s / d.hidden_covariance_s).median():.0%} + "
              f"correlation scores {(d.corr_s / d.hidden_covariance_s).median():.0%} (medians of shares)")
        if a.suite: print(f"suite {r('suite_s', 'suite_products_s'):.2f}x its products alone ({r('suite_products_s', 'products_s'):.1f}x the "
                          f"forward's), {r('suite_s', 'lstm_s'):.2f}x the fused LSTM forward")
        print(f"wrote {a.out}")

    elif a.cmd == 'startup':
        d = startup(a.base, a.repeats); d.to_csv(a.out, index=False)
        arms = d[d.arm != 'import torch']
        print(arms.groupby('arm', sort=False)[['wall_s', 'scoring_s', 'beyond_torch_s']].median().round(3).to_string())
        print(f"import torch: median {d[d.arm == 'import torch'].wall_s.median():.3f} s over {a.repeats} rounds")
        if a.base:
            diff = arms.pivot(index='rep', columns='arm', values='beyond_torch_s')
            print(f"this minus base, per round: median {(diff['this'] - diff['base']).median():+.3f} s")
        print(f"wrote {a.out}")

if __name__ == '__main__': sys.exit(main())
