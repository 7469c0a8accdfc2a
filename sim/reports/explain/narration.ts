// The narrated trace: the story of a few messages in plain sentences with simulated timestamps, in
// the spirit of the NServiceBus sample's console output. Every sentence is built from the steps of
// TraceStory, that is from trace records; nothing here is canned.
import type { TraceRecord } from '../../model/kernel/trace.js';
import { capitalise, count, distributorParts, formatClock, formatDuration, listing, queueOwner, showMessage } from './trace-labels.js';
import { routeReason } from '../../model/trace-words.js';
import type { Step, StepKind, Via } from './trace-steps.js';
import { type StoryOptions, TraceStory } from './trace-story.js';

/** Names that depend on the whole story: "the distributor on server" when there is one, else "the Sales distributor on server". */
interface Names {
  distributor(name: string): string;
}

type Sentence<K extends StepKind> = (step: Extract<Step, { kind: K }>, names: Names) => string;

const SENTENCES: { [K in StepKind]: Sentence<K> } = {
  'worker-start': (s) =>
    `${s.instance} starts${s.machine !== s.instance ? ` on ${s.machine}` : ''} (session ${s.session})` +
    (s.announced ? ` and tells the distributor it has ${slots(s.capacity)}.` : '.'),
  process: (s, n) => `${capitalise(n.distributor(s.process))} ${s.event === 'start' ? 'starts' : 'crashes'}${s.detail ? ` (${s.detail})` : ''}.`,
  crash: (s) => `${s.instance} crashes${s.detail ? `: ${s.detail}` : ''}.`,
  fault: (s) => (s.change === 'starts' || s.change === 'ends' ? `The fault "${s.name}" ${s.detail}.` : `The fault "${s.name}": ${s.where} ${s.detail}.`),
  refresh: (s) => `${s.sender} re-reads the instance mapping: ${s.mapping}.`,
  send: (s, n) => {
    const who = s.sender ?? `A sender on ${s.machine}`;
    const to =
      s.chosen !== undefined
        ? `${s.chosen} (${s.how !== undefined ? routeReason(s.how) : ''})`
        : s.targetKind === 'distributor'
          ? `${n.distributor(s.target ?? '')} (queue ${s.queue})`
          : s.targetKind === 'queue'
            ? `the shared queue ${s.queue}`
            : s.queue;
    return `${who} sends ${showMessage(s.msg)} to ${to}${route(s.via, s.machine, s.queue, s.ahead)}.`;
  },
  'retry-send': (s) =>
    (s.delayed ? `The delay is over: ${s.machine} sends ${showMessage(s.msg)} back to ${s.queue}` : `${s.machine} sends ${showMessage(s.msg)} to ${s.queue} again`) +
    `${route(s.via, s.machine, s.queue, s.ahead)}.`,
  arrive: (s) =>
    (s.accepted
      ? `The queue manager on ${s.machine} accepts ${showMessage(s.msg)} from the network${heldBack(s.outgoing)} and stores it in ${s.queue}`
      : s.machine === 'broker'
        ? `${showMessage(s.msg)} reaches ${s.queue} on the broker`
        : `${showMessage(s.msg)} is stored in ${s.queue}`) +
    `${waitingThere(s.ahead)}${busyNote(s.busy)}.`,
  stall: (s) => `${showMessage(s.msg)} is stuck in ${s.machine}'s outgoing queue towards ${s.queue}: ${s.detail}.`,
  lost: (s) => `${showMessage(s.msg)} is lost${s.detail ? `: ${s.detail}` : ''}.`,
  'dist-receive': (s, n) =>
    `${capitalise(n.distributor(s.distributor))} receives ${showMessage(s.msg)}${s.again ? ' again' : ''} from ${s.queue}${waited(s.waitedMs)}` +
    (s.noSlot ? ', but no worker has a free slot: it waits for a ready message.' : '.'),
  timeout: (s, n) =>
    `${capitalise(n.distributor(s.distributor))} gives up (${s.detail}): its transaction rolls back and ${showMessage(s.msg)} goes back to the head of ${s.queue ?? 'its queue'}.`,
  forward: (s, n) =>
    `${capitalise(n.distributor(s.distributor))} takes ${s.worker}'s free slot${s.session !== '' ? ` (session ${s.session})` : ''} and forwards ${showMessage(s.msg)} to ${s.queue ?? s.worker}` +
    (s.current !== undefined && s.session !== '' && s.current !== s.session ? ` (${s.worker} now runs session ${s.current}: it will send no ready message for this one)` : '') +
    `; ${s.free.length === 0 ? 'no free slots left' : `free slots left: ${slotList(s.free)}`}.`,
  take: (s) =>
    `${s.instance} receives ${showMessage(s.msg)} from ${s.queue}${s.attempt !== '1' ? ` (attempt ${s.attempt})` : ''}${waited(s.waitedMs)}` +
    `${s.work !== undefined ? ` and runs the handler for ${s.work}` : ''}.`,
  fail: (s) => {
    const head = `${showMessage(s.msg)} fails on ${s.instance} (attempt ${s.attempt})`;
    const ready = s.ready ? ` ${s.instance} tells the distributor it is ready again.` : '';
    if (s.error !== undefined) return `${head}: no retries left, it moves to the error queue after ${count(s.error, 'attempt')}.${ready}`;
    if (s.delay !== undefined) return `${head}: ${s.next}, due in ${s.delay.dueMs} ms; it will come back to ${s.delay.queue}.${ready}`;
    if (s.rolledBackTo !== undefined) return `${head}: ${s.next}, so the transaction rolls back and ${showMessage(s.msg)} goes back to the head of ${s.rolledBackTo}.`;
    return `${head}: ${s.next}.`;
  },
  complete: (s) => {
    const then = [
      ...s.replies.map((r) => `replies ${typeOf(r.msg)} to ${queueOwner(r.queue)}`),
      ...(s.publishes.length > 0 ? [`publishes ${listing(s.publishes.map(showMessage))}`] : []),
      ...(s.missed.length > 0 ? [`sends no event copy to ${listing(s.missed)} (no subscription of ${s.missed.length === 1 ? 'it' : 'theirs'} in its storage)`] : []),
      ...s.acks.map((to) => `acknowledges it to ${to}`),
      ...(s.ready ? ['tells the distributor it is ready again'] : []),
      ...(s.staleSlot && !s.ready ? ['sends no ready message (the slot was from an earlier session)'] : []),
    ];
    return `${s.instance} completes ${showMessage(s.msg)} (${formatDuration(s.latencyMs)} after it was sent)${then.length > 1 ? `, ${listing(then)}` : then.length === 1 ? ` and ${then[0]}` : ''}.`;
  },
  reply: (s) => `${s.sender} receives ${showMessage(s.msg)}, the reply to ${showMessage(s.of)}: ${formatDuration(s.roundTripMs)} after sending it.`,
  ack: (s) => `${s.sender} receives ${s.instance}'s acknowledgement of ${showMessage(s.of)}.`,
  subscribe: (s, n) => {
    const shared = sharedOf(s.storage, s.publisher);
    const where = shared === undefined ? 'its own subscription storage' : `the shared subscription storage of ${shared}`;
    const via = s.via === '' ? '' : ` (forwarded by ${n.distributor(s.via)} on one of ${s.publisher}'s free slots)`;
    const head = `${s.publisher} receives ${s.subscriber}'s subscription to ${s.eventType}${via}`;
    if (!s.stored) return `${head}; ${where} has it already.`;
    return `${head} and writes it to ${where}: from now on ${shared === undefined ? `its ${s.eventType} events reach` : `the ${s.eventType} events of every ${shared} instance reach`} ${s.endpoint}.`;
  },
  register: (s, n) => `${capitalise(n.distributor(s.distributor))} registers ${s.detail}; free slots now: ${s.free.length === 0 ? 'none' : slotList(s.free)}.`,
  rollback: (s, n) =>
    `${showMessage(s.msg)}, which ${n.distributor(s.by)} ${distributorParts(s.by) ? 'held' : 'was handling'}, goes back to the head of ${s.queue} (the transaction rolled back).`,
  unfinished: (s, n) => `${showMessage(s.msg)} had not finished when the trace ended (last seen at ${n.distributor(s.where)}).`,
};

/** The story as timestamped lines: "   0.153 s  Sender sends PlaceOrder #0 to ...". */
export function narrateSteps(steps: readonly Step[]): string[] {
  const names = storyNames(steps);
  const clocks = steps.map((s) => formatClock(s.time));
  const width = Math.max(0, ...clocks.map((c) => c.length));
  return steps.map((step, i) => `  ${clocks[i].padStart(width)}  ${sentence(step, names)}`);
}

/** Narrates the first `messages` work messages of a run's records (a pure function of the records). */
export function narrateTrace(records: Iterable<TraceRecord>, options: StoryOptions = {}): string[] {
  const story = new TraceStory(options);
  for (const record of records) {
    story.push(record);
    if (story.complete) break;
  }
  return narrateSteps(story.finish());
}

function sentence<K extends StepKind>(step: Extract<Step, { kind: K }>, names: Names): string {
  return (SENTENCES[step.kind] as Sentence<K>)(step, names);
}

function storyNames(steps: readonly Step[]): Names {
  const distributors = new Set<string>();
  for (const s of steps) {
    if (s.kind === 'dist-receive' || s.kind === 'forward' || s.kind === 'register' || s.kind === 'timeout') distributors.add(s.distributor);
    if (s.kind === 'subscribe' && s.via !== '') distributors.add(s.via);
  }
  return {
    distributor(name) {
      const parts = distributorParts(name);
      if (parts === undefined) return name;
      return distributors.size <= 1 ? `the distributor on ${parts.machine}` : `the ${parts.label} distributor on ${parts.machine}`;
    },
  };
}

/** How a send leaves its machine, and how full the queue was for a local send. */
function route(via: Via, machine: string, queue: string, ahead: number | undefined): string {
  if (via === 'outgoing') return ` through ${machine}'s outgoing queue`;
  if (via === 'broker') return ' on the broker';
  if (via === 'local') return ` (on the same machine, so it is stored at once${waitingThere(ahead)})`;
  return '';
}

function waitingThere(ahead: number | undefined): string {
  if (ahead === undefined || ahead === 0) return '';
  return `, behind ${count(ahead, 'waiting message')}`;
}

/** "; worker2 is busy with PlaceOrder #5 while worker1 is idle". */
function busyNote(busy: { instance: string; with: string[]; idle: string[] } | undefined): string {
  if (busy === undefined) return '';
  const idle = busy.idle.length === 0 ? '' : ` while ${listing(busy.idle)} ${busy.idle.length === 1 ? 'is' : 'are'} idle`;
  return `; ${busy.instance} is busy with ${listing(busy.with.map(showMessage))}${idle}`;
}

/**
 * How long an accepted message spent in its sender's outgoing queue, when that is more than a network
 * hop would explain (over 10 ms): a busy or unreachable destination held it back.
 */
function heldBack(outgoing: { machine: string; ms: number } | undefined): string {
  return outgoing !== undefined && outgoing.ms > 10 ? ` after ${formatDuration(outgoing.ms)} in ${outgoing.machine}'s outgoing queue` : '';
}

function waited(ms: number): string {
  return ms > 0 ? ` after ${formatDuration(ms)} in the queue` : '';
}

/** Free slots, oldest first, each worker once: "worker2, worker1", "fast ×7". */
function slotList(free: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const worker of free) counts.set(worker, (counts.get(worker) ?? 0) + 1);
  return [...counts].map(([worker, n]) => (n === 1 ? worker : `${worker} ×${n}`)).join(', ');
}


/** The endpoint whose instances share `storage` ("Sales (shared)"), or undefined for a publisher's own. */
function sharedOf(storage: string, publisher: string): string | undefined {
  const shared = / \(shared\)$/.exec(storage);
  return shared !== null && storage !== publisher ? storage.slice(0, shared.index) : undefined;
}

function slots(capacity: string): string {
  return `${capacity} free slot${capacity === '1' ? '' : 's'}`;
}

function typeOf(label: string): string {
  return label.replace(/#\d+$/, '');
}
