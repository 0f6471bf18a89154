#!/usr/bin/env python
"""The DARTS scoring study of issue 27 (for 92_repro.nasi): NAS-Bench-301 genotypes scored by the darts track under
three input kinds, each cheap metric's rank correlation with CIFAR-10 accuracy and with the number of pooling ops in
the normal cell, beside NASLib's real-image values of the same metrics (fidelity). Run from the repository root:

    export PYTHONPATH=$PWD TFNAS_DATA=/path/to/data
    python scripts/darts_scoring_study.py select      # results/darts/nb301_72.txt: 12 genotypes per normal-cell pool count 0-5
    python scripts/darts_scoring_study.py commands    # the three `tfnas score` commands (one per input kind)
    python scripts/darts_scoring_study.py summarise   # results/darts/scoring_study.csv from the three score files

`select` draws, with `random.Random(0)`, 12 genotypes of NASLib's NAS-Bench-301 file for each count 0-5 of pooling
ops (max or avg) among the 8 entries of the normal cell (count 6 has only 4 genotypes in the file), in the file's order
within each count. Scores: the darts track's defaults (C = 16, 8 cells, evaluation-network ops, 16 images of 32x32,
random labels, seed 0), one thread. `summarise` joins the scores with the file by `arch_id` and writes, per input kind
and metric: n, Spearman with `cifar10` and with `normal_pools`, NASLib's value's Spearman with both (same genotypes),
and the fidelity (Spearman of ours with NASLib's)."""
from __future__ import annotations
import argparse, os, random, sys
from pathlib import Path

RES = Path('results/darts')
ARCHS = RES/'nb301_72.txt'
INPUTS = ('gaussian', 'smooth', 'patches')
METRICS = ('synflow', 'num_params', 'flops', 'naswot', 'grad_norm', 'snip', 'jacob_cov', 'ntk_trace_approx')  # the cheap suite
POOLS = ('max_pool_3x3', 'avg_pool_3x3')

def scores_file(inputs:str) -> Path: return RES/f'scores_nb301_72_{inputs}.csv'

def command(inputs:str) -> str:
    return (f"tfnas score darts --archs {ARCHS} --metrics cheap --inputs {inputs} --labels random --seed 0 --workers 1 "
            f"--threads 1 --store $STORE --out {scores_file(inputs)}")

def normal_pools(arch) -> int:
    from tfnas.spaces.darts import to_genotype
    return sum(o in POOLS for o, _ in to_genotype(arch).normal)

def table():
    from tfnas.tracks.darts import nb301_table
    t = nb301_table(Path(os.environ.get('TFNAS_DATA', '../shared/data'))/'naslib_zero_cost/zc_nasbench301.json')
    return t.assign(normal_pools=[normal_pools(a) for a in t.arch])

def select(per:int=12, seed:int=0):
    t = table()
    rng, lines = random.Random(seed), []
    for k in range(6):
        ids = t.arch_id[t.normal_pools == k].tolist()
        if len(ids) < per: sys.exit(f"only {len(ids)} genotypes with {k} pooling ops in the normal cell")
        keep = set(rng.sample(range(len(ids)), per))
        lines += [a for i, a in enumerate(ids) if i in keep]
    RES.mkdir(parents=True, exist_ok=True)
    ARCHS.write_text('\n'.join(lines) + '\n')
    print(f"wrote {ARCHS}: {len(lines)} genotypes")

def summarise():
    import pandas as pd
    from tfnas.evaluate import metric_sign
    import tfnas.metrics.cnn, tfnas.metrics.ntk   # metric orientations
    t = table().set_index('arch_id')
    rows = []
    for inp in INPUTS:
        s = pd.read_csv(scores_file(inp)).set_index('arch_id')
        j = s[list(METRICS)].join(t[['cifar10', 'normal_pools'] + [f'naslib_{m}' for m in METRICS if f'naslib_{m}' in t.columns]], how='inner')
        for m in METRICS:
            sign = metric_sign(m)
            ok = j[m].notna()
            row = {'inputs': inp, 'metric': m, 'n': int(ok.sum()),
                   'spearman_cifar10': sign * j.loc[ok, m].corr(j.loc[ok, 'cifar10'], method='spearman'),
                   'spearman_pools': sign * j.loc[ok, m].corr(j.loc[ok, 'normal_pools'], method='spearman')}
            if f'naslib_{m}' in j:
                p = j.loc[ok, f'naslib_{m}']
                row.update(naslib_spearman_cifar10=sign * p.corr(j.loc[ok, 'cifar10'], method='spearman'),
                           naslib_spearman_pools=sign * p.corr(j.loc[ok, 'normal_pools'], method='spearman'),
                           fidelity=j.loc[ok, m].corr(p, method='spearman'))
            rows.append(row)
    out = pd.DataFrame(rows)
    out.to_csv(RES/'scoring_study.csv', index=False)
    print(out.round(3).to_string(index=False)); print(f"wrote {RES/'scoring_study.csv'}")

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('step', choices=('select', 'commands', 'summarise'))
    a = ap.parse_args()
    if a.step == 'select': select()
    elif a.step == 'commands': print('\n'.join(command(i) for i in INPUTS))
    else: summarise()
