// The recipes in scenarios/distributed/ parse, carry the fields their engine needs, agree with
// themselves (array size = --shards N), and their sim commands run as written.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import { killAll, removeTemps, start, tempDir } from './processes.js';

const DIR = 'scenarios/distributed';
const read = (name: string): string => readFileSync(path.join(DIR, name), 'utf8');
const SCENARIO = 'test/fixtures/distributed/small-sweep.yaml';

interface JobDoc {
  apiVersion: string;
  kind: string;
  spec: {
    completionMode?: string;
    completions?: number;
    parallelism?: number;
    podFailurePolicy?: { rules: { action: string; onExitCodes: { values: number[] } }[] };
    template: { spec: { restartPolicy: string; containers: { name: string; image: string; args: string[]; volumeMounts: { name: string; mountPath: string }[] }[]; volumes: { name: string }[] } };
  };
}

function job(name: string): JobDoc {
  const docs = parseAllDocuments(read(name));
  expect(docs).toHaveLength(1);
  expect(docs[0].errors).toEqual([]);
  return docs[0].toJS() as JobDoc;
}

function bashParses(name: string): void {
  const r = spawnSync('bash', ['-n', path.join(DIR, name)], { encoding: 'utf8' });
  expect(r.stderr, name).toBe('');
  expect(r.status, name).toBe(0);
}

/** The option value after `flag` in a list of words. */
const after = (words: string[], flag: string): string | undefined => words[words.indexOf(flag) + 1];

afterEach(killAll);
afterAll(removeTemps);

describe('the Kubernetes recipe', () => {
  const sweep = job('kubernetes/sweep-job.yaml');
  const merge = job('kubernetes/merge-job.yaml');
  const container = sweep.spec.template.spec.containers[0];

  it('is an Indexed Job whose pods run one shard each, with N = completions, and a merge Job', () => {
    expect([sweep.apiVersion, sweep.kind, merge.kind]).toEqual(['batch/v1', 'Job', 'Job']);
    expect(sweep.spec.completionMode).toBe('Indexed');
    expect(sweep.spec.template.spec.restartPolicy).toBe('Never');
    expect(container.args.slice(0, 2)).toEqual(['run', '/scenarios/capacity-plan.yaml']);
    expect(after(container.args, '--shard-index-env')).toBe('JOB_COMPLETION_INDEX');
    expect(Number(after(container.args, '--shards'))).toBe(sweep.spec.completions);
    // A bad scenario (exit 2) fails the Job instead of being retried.
    expect(sweep.spec.podFailurePolicy?.rules[0]).toMatchObject({ action: 'FailJob', onExitCodes: { values: [2] } });
    const mergeArgs = merge.spec.template.spec.containers[0].args;
    expect(mergeArgs[0]).toBe('merge');
    expect(mergeArgs[1]).toBe(after(container.args, '--out')); // merges where the shards were written
    for (const doc of [sweep, merge]) {
      const mounts = doc.spec.template.spec.containers[0].volumeMounts.map((m) => m.name);
      expect(doc.spec.template.spec.volumes.map((v) => v.name)).toEqual(expect.arrayContaining(mounts));
    }
  });

  it('its shard and merge commands run as written (paths mapped to a temp folder)', async () => {
    const dir = tempDir();
    const map = (words: string[]): string[] => words.map((w) => (w === '/scenarios/capacity-plan.yaml' ? SCENARIO : w.replace(/^\/results/, dir)));
    const shard = await start(map(container.args), { JOB_COMPLETION_INDEX: '7' }).done;
    expect(shard.stderr).toBe('');
    expect(shard.code).toBe(0);
    expect(shard.stdout).toContain('shard 8/8');
    const merged = await start(map(merge.spec.template.spec.containers[0].args)).done;
    expect(merged.code).toBe(2); // seven shards were never run: listed with their rerun commands
    expect(merged.stderr).toContain(`7 of 8 shards missing`);
    expect(merged.stderr).toContain(`sim run ${SCENARIO} --shard 1/8 --out ${dir}/shards`);
  });
});

describe('the Slurm recipe', () => {
  it('is an array of N tasks for --shards N, and a merge job submitted with afterany', async () => {
    for (const f of ['slurm/sweep.sbatch', 'slurm/merge.sbatch', 'slurm/submit.sh']) bashParses(f);
    const script = read('slurm/sweep.sbatch');
    const [, first, last] = /^#SBATCH --array=(\d+)-(\d+)$/m.exec(script)!.map(Number);
    const command = /^npx sim (run .*)$/m.exec(script)![1].split(' ');
    expect(first).toBe(0);
    expect(after(command, '--shard-index-env')).toBe('SLURM_ARRAY_TASK_ID');
    expect(Number(after(command, '--shards'))).toBe(last + 1);
    expect(read('slurm/submit.sh')).toMatch(/array=\$\(sbatch --parsable sweep\.sbatch\)\nsbatch --dependency="afterany:\$\{array\}" merge\.sbatch/);
    expect(read('slurm/merge.sbatch')).toContain(`npx sim merge ${after(command, '--out')} --out`);
    // The shard command as Slurm's last array task runs it.
    const dir = tempDir();
    const words = command.map((w) => (w === 'scenarios/capacity-plan.yaml' ? SCENARIO : w === 'results/shards' ? dir : w === '"${SLURM_CPUS_PER_TASK:-2}"' ? '1' : w));
    const r = await start(words, { SLURM_ARRAY_TASK_ID: String(last) }).done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`shard ${last + 1}/${last + 1}`);
  });
});

describe('the GNU parallel recipe', () => {
  it('runs shards 1..N over ssh, brings each shard file back and merges', () => {
    bashParses('parallel/sweep.sh');
    const script = read('parallel/sweep.sh');
    const n = Number(/--shard \{\}\/(\d+)/.exec(script)![1]);
    expect(script).toContain(`::: $(seq 1 ${n})`);
    expect(script).toContain('--sshloginfile hosts.txt');
    expect(script).toContain(`--return 'sim/results/shards/shard-{}-of-${n}.jsonl'`);
    expect(script).toMatch(/npx sim merge sim\/results\/shards --out/);
  });
});

describe('the Redis pool recipe', () => {
  it('is a compose file with Redis and sim workers pointed at it', () => {
    const compose = parse(read('redis/compose.yaml')) as { services: Record<string, { image: string; command: string[] }> };
    expect(compose.services.redis.image).toMatch(/^redis:/);
    const worker = compose.services.worker.command;
    expect(worker[0]).toBe('worker');
    expect(new URL(after(worker, '--redis')!).hostname).toBe('redis');
    expect(read('Dockerfile')).toMatch(/ENTRYPOINT \["node", "\/opt\/sim\/bin\/sim\.js"\]/);
  });
});
