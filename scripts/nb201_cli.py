"""Run `tfnas search nasbench201 ...` end to end (the CLI, its default workers), one JSON line per search.

Usage (from the repository root):

    nice -n 10 python scripts/nb201_cli.py SEED [SEED ...] [--out FILE] [--track darts] -- [tfnas search options ...]

e.g. `python scripts/nb201_cli.py 100 101 -- --algo nasi` runs
`tfnas search nasbench201 --algo nasi --seed 100 --out TMP.json --store TMP.db --quiet` for each seed, with a fresh
results store per search (nothing cached between searches), and appends to `results/nb201/cli_searches.jsonl` the
CLI's JSON (arch, params, truth, seconds, info, ...) plus the wall-clock seconds of the whole command (process start,
the workers' start and the search), the exact command line and the load average before and after. Resumable: a
(command, seed) already in the file is skipped. `--track darts` runs `tfnas search darts ...` instead and appends to
`results/darts/cli_searches.jsonl` (the DARTS space has no ground truth: the line holds the genotype and its parameters).
"""
import json, os, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def main():
    argv = sys.argv[1:]
    extra = argv[argv.index('--') + 1:] if '--' in argv else []
    head = argv[:argv.index('--')] if '--' in argv else argv
    track = 'nasbench201'
    if '--track' in head:
        i = head.index('--track'); track = head[i + 1]; del head[i:i + 2]
    out = ROOT / f"results/{'nb201' if track == 'nasbench201' else track}/cli_searches.jsonl"
    if '--out' in head:
        i = head.index('--out'); out = Path(head[i + 1]); del head[i:i + 2]
    seeds = [int(s) for s in head]
    done = set()
    if out.exists():
        for l in out.read_text().splitlines():
            r = json.loads(l); done.add((tuple(r['cli_args']), r['seed']))
    for seed in seeds:
        if (tuple(extra), seed) in done: continue
        with tempfile.TemporaryDirectory() as d:
            cmd = ['tfnas', 'search', track, *extra, '--seed', str(seed), '--out', f'{d}/r.json',
                   '--store', f'{d}/store.db', '--quiet']
            load0, t0 = os.getloadavg()[0], time.perf_counter()
            p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            wall = time.perf_counter() - t0
            if p.returncode: sys.exit(f'failed ({p.returncode}): {" ".join(cmd)}\n{p.stderr[-2000:]}')
            r = json.loads(Path(f'{d}/r.json').read_text())
        r.pop('history', None)
        r.update(cli_args=extra, command=' '.join(['tfnas', 'search', track, *extra, '--seed', str(seed)]),
                 wall_seconds=wall, load_before=load0, load_after=os.getloadavg()[0])
        with out.open('a') as f: f.write(json.dumps(r, default=float) + '\n')
        print(seed, r['arch'], f"{r['truth']['cifar10']:.2f}" if r.get('truth') else f"{r['params']} parameters", f'{wall:.1f} s wall', flush=True)

if __name__ == '__main__': main()
