"""NASI study on NAS-Bench-201: compute and store the draws of each draw configuration, one JSON line per draw.

Usage (from the repository root; one thread; resumable, a kill loses at most the draw in progress):

    OMP_NUM_THREADS=1 nice -n 10 python scripts/nasi_draws.py CONFIG SEED [SEED ...] [--T 100]

Each line of `results/nb201/nasi_draws.jsonl` holds one draw: the configuration name, seed, draw index, the
objective's value, its gradient with respect to the mixing weights (float32 values written with 9 significant digits,
which round-trip exactly through `numpy.float32`; float64 objectives with 17), the sampled cell and the CPU seconds.
The Gumbel noise is not stored: `tfnas.nasi.gumbel_noise(spec, t, shapes)` regenerates it exactly. The notebook
`92_repro.nasi` rebuilds the draws and applies `tfnas.nasi.nasi_update` with every budget rule, temperature and number
of draws, which is what `tfnas.nasi.nasi` computes for a search with those settings.
"""
import argparse, functools, json, sys, time
from pathlib import Path
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tfnas.nasi import DrawSpec, nasi_draw, get_objective, draw_seed  # noqa: E402
from tfnas.batches import image_batch  # noqa: E402

OUT = ROOT / 'results/nb201/nasi_draws.jsonl'
SN = lambda C, N: (('C', C), ('N', N))
# name -> DrawSpec options (all: NAS-Bench-201, Gaussian images, random labels, 10 classes)
CONFIGS = {
    'b64':           dict(batch_size=64, supernet=SN(8, 2)),
    'b16':           dict(batch_size=16, supernet=SN(8, 2)),
    'b64_bnfixed':   dict(batch_size=64, supernet=SN(8, 2), bn='fixed'),
    'b64_soft1':     dict(batch_size=64, supernet=SN(8, 2), sample='soft', tau=1.),
    'b64_soft05':    dict(batch_size=64, supernet=SN(8, 2), sample='soft', tau=0.5),
    'b64_C16N2':     dict(batch_size=64, supernet=SN(16, 2)),
    'b64_C8N5':      dict(batch_size=64, supernet=SN(8, 5)),
    'b64_C16N5':     dict(batch_size=64, supernet=SN(16, 5)),
    'b32':           dict(batch_size=32, supernet=SN(8, 2)),
    'b64_px16':      dict(batch_size=64, supernet=SN(8, 2), input_shape=(3, 16, 16)),
    'b64_px16_soft1': dict(batch_size=64, supernet=SN(8, 2), input_shape=(3, 16, 16), sample='soft', tau=1.),
    'b32_soft1':     dict(batch_size=32, supernet=SN(8, 2), sample='soft', tau=1.),
    'b64_synflow':   dict(batch_size=64, supernet=SN(8, 2), objective='synflow'),
    'b64_snip':      dict(batch_size=64, supernet=SN(8, 2), objective='snip'),
    'b64_grad_norm': dict(batch_size=64, supernet=SN(8, 2), objective='grad_norm'),
    'b64_C16N5_synflow': dict(batch_size=64, supernet=SN(16, 5), objective='synflow'),
    # input kinds and labels at the 16x16 soft setting (batch_fn: the synthetic batch of each draw's seed)
    'b64_px16_soft1_smooth':      dict(batch_size=64, supernet=SN(8, 2), input_shape=(3, 16, 16), sample='soft', tau=1., inputs=('smooth', 'random')),
    'b64_px16_soft1_projection':  dict(batch_size=64, supernet=SN(8, 2), input_shape=(3, 16, 16), sample='soft', tau=1., inputs=('gaussian', 'projection')),
    'b64_px16_soft1_patches':     dict(batch_size=64, supernet=SN(8, 2), input_shape=(3, 16, 16), sample='soft', tau=1., inputs=('patches', 'random')),
    'b16_px16_soft1':             dict(batch_size=16, supernet=SN(8, 2), input_shape=(3, 16, 16), sample='soft', tau=1.),
    'b64_px16_soft2':             dict(batch_size=64, supernet=SN(8, 2), input_shape=(3, 16, 16), sample='soft', tau=2.),
    # the DARTS space (supernet of 5 cells of 8 channels); darts_b16: the darts track's NASI default (batch 16, 32x32)
    'darts_b16':            dict(space='darts', batch_size=16, supernet=(('C', 8), ('layers', 5))),
    'darts_b16_soft1':      dict(space='darts', batch_size=16, supernet=(('C', 8), ('layers', 5)), sample='soft', tau=1.),
    'darts_b16_patches':    dict(space='darts', batch_size=16, supernet=(('C', 8), ('layers', 5)), inputs=('patches', 'random')),
    'darts_b64_px16':       dict(space='darts', batch_size=64, supernet=(('C', 8), ('layers', 5)), input_shape=(3, 16, 16)),
    'darts_b64_px16_soft1': dict(space='darts', batch_size=64, supernet=(('C', 8), ('layers', 5)), input_shape=(3, 16, 16), sample='soft', tau=1.),
}
SPACE_MODULES = {'nasbench201': 'tfnas.spaces.nb201', 'darts': 'tfnas.spaces.darts'}

def synthetic_batch(inputs:str, labels:str, n:int, shape:tuple, seed:int, t:int):
    "The batch of draw `t`: `image_batch` of the input kind and labels under the draw's seed."
    return image_batch(n, draw_seed(seed, t, 0), inputs, labels, 10, shape)

def spec_of(config:str, seed:int) -> DrawSpec:
    c = dict(CONFIGS[config]); space = c.pop('space', 'nasbench201')
    if 'inputs' in c:
        inputs, labels = c.pop('inputs')
        c['batch_fn'] = functools.partial(synthetic_batch, inputs, labels, c['batch_size'], c.get('input_shape', (3, 32, 32)), seed)
    return DrawSpec(space=space, seed=seed, space_module=SPACE_MODULES[space], **c)

def encode(d:dict, f64:bool) -> dict:
    fmt = (lambda v: float(repr(v))) if f64 else (lambda v: float(f'{v:.9g}'))
    return dict(t=d['t'], value=d['value'], grad={k: [[fmt(v) for v in row] for row in g] for k, g in d['grad'].items()},
                arch=d['arch'].to_dict() if hasattr(d['arch'], 'to_dict') else d['arch'], seconds=round(d['seconds'], 4), error=d['error'])

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('config', choices=sorted(CONFIGS))
    ap.add_argument('seeds', type=int, nargs='+')
    ap.add_argument('--T', type=int, default=100)
    ap.add_argument('--out', type=Path, default=OUT, help='JSON lines to append to (default: results/nb201/nasi_draws.jsonl)')
    a = ap.parse_args()
    out = a.out
    torch.set_num_threads(1)
    done = set()
    if out.exists():
        for line in out.read_text().splitlines():
            r = json.loads(line); done.add((r['config'], r['seed'], r['t']))
    for seed in a.seeds:
        spec = spec_of(a.config, seed)
        f64 = get_objective(spec.objective).synflow
        t0 = time.time()
        for t in range(a.T):
            if (a.config, seed, t) in done: continue
            d = nasi_draw(t, spec)
            with out.open('a') as f: f.write(json.dumps(dict(config=a.config, seed=seed, **encode(d, f64))) + '\n')
        print(f'{a.config} seed {seed}: {time.time() - t0:.0f} s', flush=True)

if __name__ == '__main__': main()
