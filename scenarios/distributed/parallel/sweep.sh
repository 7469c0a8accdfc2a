#!/usr/bin/env bash
# A sweep over a few machines by ssh with GNU parallel: 8 shards over the hosts in hosts.txt (one
# "user@host" a line; sim checked out in ~/sim on each). Each shard file comes back with --return,
# then the merge runs here. --retries 3 reruns a shard that failed; the rerun skips finished runs.
set -euo pipefail
parallel --sshloginfile hosts.txt --jobs 1 --retries 3 --return 'sim/results/shards/shard-{}-of-8.jsonl' --cleanup \
  'cd sim && npx sim run scenarios/capacity-plan.yaml --shard {}/8 --out results/shards' ::: $(seq 1 8)
npx sim merge sim/results/shards --out results/report
