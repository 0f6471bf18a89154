"""A regression checker for metric values: compare a new run of a metric suite with a reference run of the same
architectures, column by column. Used by `scripts/rnn_speed.py check` and by the reference test of
`nbs/95_study.speed.ipynb`; the columns `main` (the reference) and `new` name the two runs."""
from __future__ import annotations


def suite_differences(new, # one row per architecture: `arch_id`, metric columns, `error`
                      ref, # the same from the reference run
                     ) -> 'pd.DataFrame':
    "Per architecture and column: both values and `|new - ref| / |ref|` (0 when both are NaN; inf when the errors differ)."
    import numpy as np, pandas as pd
    ref = ref.set_index('arch_id').loc[new.arch_id]
    rows, txt = [], lambda e: e if isinstance(e, str) else ''
    for (_, n), (rid, r) in zip(new.iterrows(), ref.iterrows()):
        for c in new.columns.drop(['arch_id', 'error']):
            a, b = float(n[c]), float(r[c])
            d = 0. if np.isnan(a) and np.isnan(b) else abs(a - b) / abs(b) if b else abs(a - b)
            rows.append(dict(arch_id=rid, column=c, main=b, new=a, rel_diff=d))
        rows.append(dict(arch_id=rid, column='error', main=np.nan, new=np.nan, rel_diff=0. if txt(n['error']) == txt(r['error']) else np.inf))
    return pd.DataFrame(rows)
