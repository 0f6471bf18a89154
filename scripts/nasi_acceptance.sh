#!/bin/bash
# The acceptance runs of issue 27 (NAS-Bench-201), for a quiet 2-core machine: every command as a user types it, one
# search at a time, a fresh results store per search, the wall-clock seconds of the whole command recorded
# (scripts/nb201_cli.py). Run from the repository root with TFNAS_DATA pointing at the shared data:
#
#     bash scripts/nasi_acceptance.sh [OUT]      # OUT default: results/nb201/cli_acceptance.jsonl
#     python scripts/nasi_table.py [OUT]         # the acceptance table from OUT
#
# A (command, seed) already in OUT is skipped, so the script resumes; give a new OUT to time everything again.
set -euo pipefail
OUT=${1:-results/nb201/cli_acceptance.jsonl}
FRESH="100 101 102 103 104 105 106 107 108 109"
python scripts/nb201_cli.py $FRESH --out "$OUT" -- --algo nasi                  # NASI, CLI defaults: >= 93.0 mean, each < 60 s
python scripts/nb201_cli.py 100 101 102 103 104 --out "$OUT" -- --max-params 0.344      # budgeted default: >= 91.5 mean
python scripts/nb201_cli.py 100 101 102 103 104 --out "$OUT" -- --max-params 0.344346   # budgeted default: >= 91.5 mean
