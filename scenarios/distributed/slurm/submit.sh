#!/usr/bin/env bash
# Submits the shard array, then the merge job depending on it with afterany.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p logs
array=$(sbatch --parsable sweep.sbatch)
sbatch --dependency="afterany:${array}" merge.sbatch
