#!/usr/bin/env python
"""Where the memory of a NASI draw on the DARTS supernet goes (issue 27). Each row runs in a fresh child process (its
own peak RSS, `ru_maxrss`), one torch thread, the supernet of NASI's default for DARTS (C = 8, 5 cells) unless given:

- `forward`: one forward pass without a graph (torch.no_grad);
- `backward`: a forward pass and the first-order gradient of the mean loss (what a metric like grad_norm keeps);
- `double`: NASI's draw, the gradient w.r.t. the mixing weights of the squared norm of the loss gradient over all
  parameters (double backward);
- `draw`: `tfnas.nasi.nasi_draw` itself (the double backward over the active parameters only, as NASI runs it).

Run from the repository root (memory does not depend on the machine's load; times here are not reported):

    export PYTHONPATH=$PWD
    python scripts/darts_draw_memory.py --out results/darts/draw_memory.csv

Columns: part, C, layers, batch, image, base_gib (RSS after building the supernet and the batch), peak_gib, draw_gib
(peak - base: what the draw adds), supernet_params."""
from __future__ import annotations
import argparse, csv, json, subprocess, sys
from pathlib import Path

PARTS = ('forward', 'backward', 'double', 'draw')
GRID = [(8, 5, 16, 32), (8, 5, 32, 32), (8, 5, 64, 16), (8, 5, 32, 16)]   # (C, layers, batch, image)

def child(part:str, C:int, layers:int, batch:int, image:int) -> dict:
    "Measure one row in this (fresh) process."
    import resource, torch, torch.nn.functional as F
    torch.set_num_threads(1)
    import tfnas.spaces.darts
    from tfnas.nasi import DrawSpec, nasi_draw, draw_supernet, draw_batch, gumbel_noise
    spec = DrawSpec(space='darts', seed=0, batch_size=batch, input_shape=(3, image, image), supernet=(('C', C), ('layers', layers)),
                    space_module='tfnas.spaces.darts', tau=2.)
    net = draw_supernet(spec).train()
    x, y = draw_batch(spec, 0)
    w = {k: F.one_hot(g.argmax(-1), g.shape[-1]).float().requires_grad_(True) for k, g in gumbel_noise(spec, 0, net.alpha_shapes).items()}
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if part == 'forward':
        with torch.no_grad(): net(x, w)
    elif part == 'backward': torch.autograd.grad(F.cross_entropy(net(x, w), y), list(w.values()))
    elif part == 'double':
        g = torch.autograd.grad(F.cross_entropy(net(x, w), y), list(net.parameters()), create_graph=True)
        torch.autograd.grad(sum(t.pow(2).sum() for t in g), list(w.values()))
    elif part == 'draw': nasi_draw(0, spec)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return dict(part=part, C=C, layers=layers, batch=batch, image=image, base_gib=round(base / 2**20, 3), peak_gib=round(peak / 2**20, 3),
                draw_gib=round((peak - base) / 2**20, 3), supernet_params=sum(p.numel() for p in net.parameters()))

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--out', required=True)
    ap.add_argument('--child', nargs=5, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        print(json.dumps(child(a.child[0], *map(int, a.child[1:])))); return
    rows = []
    for cfg in GRID:
        for part in PARTS:
            r = subprocess.run([sys.executable, __file__, '--out', a.out, '--child', part, *map(str, cfg)], capture_output=True, text=True)
            row = json.loads(r.stdout.strip().splitlines()[-1]) if r.returncode == 0 else dict(zip(('part', 'C', 'layers', 'batch', 'image'), (part, *cfg)), error=r.stderr.strip().splitlines()[-1])
            print(row, flush=True); rows.append(row)
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True)
    cols = ['part', 'C', 'layers', 'batch', 'image', 'base_gib', 'peak_gib', 'draw_gib', 'supernet_params', 'error']
    with out.open('w', newline='') as f:
        w = csv.DictWriter(f, cols); w.writeheader(); w.writerows(rows)
    print(f'wrote {out}')

if __name__ == '__main__': main()
