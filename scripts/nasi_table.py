"""The acceptance table of issue 27 on NAS-Bench-201 from the CLI runs of nasi_acceptance.sh.

Usage: python scripts/nasi_table.py [FILE]   (default results/nb201/cli_acceptance.jsonl)

One row per command (the last run of each (command, seed); `--workers N` ignored, the result does not depend on it): seeds, CIFAR-10 test accuracy mean ± sd and min, wall-clock
seconds of the whole command (median and max), and whether the issue's bar holds.
"""
import json, statistics, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARS = {'--algo nasi': (93.0, 60.), '--max-params 0.344': (91.5, None), '--max-params 0.344346': (91.5, None)}

def main():
    f = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / 'results/nb201/cli_acceptance.jsonl'
    runs = {}
    for l in f.read_text().splitlines():
        r = json.loads(l)
        args = list(r['cli_args'])
        if '--workers' in args: i = args.index('--workers'); del args[i:i + 2]   # the result does not depend on the workers
        runs[(' '.join(args), r['seed'])] = r
    print(f'{f}:')
    print(f"{'command':48s} {'seeds':>5s} {'cifar10 mean ± sd':>18s} {'min':>6s} {'wall median':>11s} {'wall max':>8s}  bar")
    for cmd, (acc_bar, wall_bar) in BARS.items():
        rs = [r for (c, s), r in sorted(runs.items()) if c == cmd]
        if not rs: print(f'{cmd:48s} (no runs)'); continue
        acc = [r['truth']['cifar10'] for r in rs]; wall = [r['wall_seconds'] for r in rs]
        ok = statistics.mean(acc) >= acc_bar and (wall_bar is None or max(wall) < wall_bar)
        sd = statistics.stdev(acc) if len(acc) > 1 else 0.
        print(f"{'tfnas search nasbench201 ' + cmd:48s} {len(rs):5d} {statistics.mean(acc):8.2f} ± {sd:5.2f}   {min(acc):6.2f} "
              f"{statistics.median(wall):11.1f} {max(wall):8.1f}  {'met' if ok else 'NOT met'} (>= {acc_bar}" + (f', each < {wall_bar:g} s)' if wall_bar else ')'))

if __name__ == '__main__': main()
