// The animation of a narrated trace, as data: the machines with their queues and processes, and one
// frame per step of the story saying which messages move where and what the queues and threads hold
// afterwards. Everything comes from the steps (themselves built from trace records); nothing is canned.
import type { Step } from '../reports/index.js';

export type ProcessRole = 'sender' | 'distributor' | 'instance';

export interface Place {
  /** "q:Sales@server" for a queue, "p:worker1" for a process. */
  readonly id: string;
  readonly label: string;
  readonly machine: string;
  readonly role: ProcessRole | 'queue';
}

export interface Layout {
  /** Machines in columns: senders' machines, distributors' machines, the rest (workers). */
  readonly columns: readonly (readonly string[])[];
  readonly places: readonly Place[];
  /** Machines that messages travel between (work messages one way, replies and ready messages back). */
  readonly links: readonly Link[];
}

export interface Link {
  readonly from: string;
  readonly to: string;
  readonly kind: DotKind;
}

export type DotKind = 'work' | 'reply' | 'ready';

export interface Move {
  readonly dot: string;
  readonly label: string;
  readonly kind: DotKind;
  /** Place ids; `from` undefined: the dot appears at `to`. `to` undefined: it disappears. */
  readonly from?: string;
  readonly to?: string;
}

export interface FrameState {
  readonly queues: Readonly<Record<string, number>>;
  /** What each instance's threads hold, by instance name. */
  readonly busy: Readonly<Record<string, readonly string[]>>;
  /** Free-slot entries each distributor holds. */
  readonly free: Readonly<Record<string, readonly string[]>>;
}

export interface Frame {
  readonly time: number;
  readonly kind: Step['kind'];
  readonly moves: readonly Move[];
  readonly state: FrameState;
}

export interface Animation {
  readonly layout: Layout;
  readonly frames: readonly Frame[];
}

const queueMachine = (queue: string): string => queue.slice(queue.lastIndexOf('@') + 1);
const queueId = (queue: string): string => `q:${queue}`;
const processId = (name: string): string => `p:${name}`;
/** The sending process: named once the story knows it, else the sender on its machine. */
const senderId = (s: { sender?: string; machine: string }): string => processId(s.sender ?? `sender on ${s.machine}`);
/** "PlaceOrder#3" -> "#3" on the dot; the full name is its title. */
const short = (msg: string): string => msg.slice(msg.lastIndexOf('#'));

export function buildAnimation(steps: readonly Step[]): Animation {
  const places = new Map<string, Place>();
  const roles = new Map<string, Set<ProcessRole>>();
  const addPlace = (place: Place): void => {
    if (!places.has(place.id)) places.set(place.id, place);
    if (place.role !== 'queue') roles.set(place.machine, (roles.get(place.machine) ?? new Set()).add(place.role));
  };
  const addQueue = (queue: string): void => addPlace({ id: queueId(queue), label: queue.slice(0, queue.lastIndexOf('@')) || queue, machine: queueMachine(queue), role: 'queue' });
  const instanceMachine = new Map<string, string>();
  const senderMachine = new Map<string, string>();
  // The distributor's name ends with its input queue ("distributor Sales@server").
  const addDistributor = (name: string): void => addPlace({ id: processId(name), label: 'distributor', machine: queueMachine(name), role: 'distributor' });
  for (const s of steps) {
    if (s.kind === 'worker-start') instanceMachine.set(s.instance, s.machine);
    if (s.kind === 'send' && s.sender !== undefined) senderMachine.set(s.sender, s.machine);
  }
  for (const s of steps) {
    if (s.kind === 'worker-start') addPlace({ id: processId(s.instance), label: s.instance, machine: s.machine, role: 'instance' });
    if (s.kind === 'send') addPlace({ id: senderId(s), label: s.sender ?? 'sender', machine: s.machine, role: 'sender' });
    if (s.kind === 'send' || s.kind === 'arrive' || s.kind === 'retry-send') addQueue(s.queue);
    if (s.kind === 'take') addQueue(s.queue);
    if (s.kind === 'dist-receive' || s.kind === 'forward' || s.kind === 'register') addDistributor(s.distributor);
  }

  const queues: Record<string, number> = {};
  const busy: Record<string, string[]> = {};
  const free: Record<string, string[]> = {};
  const where = new Map<string, string>();
  const frames: Frame[] = [];
  const move = (moves: Move[], dot: string, kind: DotKind, to: string | undefined, label = short(dot)): void => {
    const from = where.get(dot);
    if (to === undefined) where.delete(dot);
    else where.set(dot, to);
    if (from !== to) moves.push({ dot, label, kind, from, to });
  };
  const known = (id: string): string | undefined => (places.has(id) ? id : undefined);
  const machineOf = (name: string): string => instanceMachine.get(name) ?? name;
  let readyCount = 0;

  for (const s of steps) {
    const moves: Move[] = [];
    switch (s.kind) {
      case 'send':
      case 'retry-send': {
        if (!where.has(s.msg)) where.set(s.msg, s.kind === 'send' ? senderId(s) : queueId(s.queue));
        move(moves, s.msg, 'work', `m:${queueMachine(s.queue)}`);
        break;
      }
      case 'arrive':
        queues[s.queue] = s.ahead !== undefined ? s.ahead + 1 : (queues[s.queue] ?? 0) + 1;
        move(moves, s.msg, isReply(s.msg, steps) ? 'reply' : 'work', queueId(s.queue));
        break;
      case 'dist-receive':
        queues[s.queue] = Math.max(0, (queues[s.queue] ?? 1) - 1);
        move(moves, s.msg, 'work', processId(s.distributor));
        break;
      case 'forward':
        free[s.distributor] = [...s.free];
        move(moves, s.msg, 'work', s.queue !== undefined ? `m:${queueMachine(s.queue)}` : `m:${machineOf(s.worker)}`);
        break;
      case 'take':
        queues[s.queue] = Math.max(0, (queues[s.queue] ?? 1) - 1);
        busy[s.instance] = [...(busy[s.instance] ?? []), s.msg];
        move(moves, s.msg, 'work', processId(s.instance));
        break;
      case 'complete':
      case 'fail':
        busy[s.instance] = (busy[s.instance] ?? []).filter((m) => m !== s.msg);
        if (s.kind === 'complete') {
          move(moves, s.msg, 'work', undefined);
          for (const reply of s.replies) {
            where.set(reply.msg, processId(s.instance));
            move(moves, reply.msg, 'reply', `m:${queueMachine(reply.queue)}`);
          }
        } else {
          move(moves, s.msg, 'work', s.rolledBackTo !== undefined ? known(queueId(s.rolledBackTo)) : undefined);
        }
        break;
      case 'reply': {
        const sender = processId(s.sender);
        if (!where.has(s.msg)) where.set(s.msg, `m:${senderMachine.get(s.sender) ?? ''}`);
        move(moves, s.msg, 'reply', sender);
        move(moves, s.msg, 'reply', undefined);
        break;
      }
      case 'register': {
        // The ready message (or the start announcement) travels from the worker to the distributor.
        const dot = `ready-${readyCount++}`;
        where.set(dot, known(processId(s.worker)) ?? `m:${machineOf(s.worker)}`);
        move(moves, dot, 'ready', processId(s.distributor), 'ready');
        move(moves, dot, 'ready', undefined, 'ready');
        free[s.distributor] = [...s.free];
        break;
      }
      case 'lost':
        move(moves, s.msg, 'work', undefined);
        break;
      case 'rollback':
      case 'timeout':
        if (s.queue !== undefined) {
          queues[s.queue] = (queues[s.queue] ?? 0) + 1;
          move(moves, s.msg, 'work', known(queueId(s.queue)));
        }
        break;
      default:
        break;
    }
    frames.push({ time: s.time, kind: s.kind, moves, state: { queues: { ...queues }, busy: clone(busy), free: clone(free) } });
  }
  return { layout: layoutOf([...places.values()], roles, linksOf(steps, instanceMachine)), frames };
}

function isReply(msg: string, steps: readonly Step[]): boolean {
  return steps.some((s) => s.kind === 'complete' && s.replies.some((r) => r.msg === msg));
}

function clone(record: Record<string, string[]>): Record<string, readonly string[]> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, [...v]]));
}

function linksOf(steps: readonly Step[], instanceMachine: ReadonlyMap<string, string>): Link[] {
  const links = new Map<string, Link>();
  const add = (from: string, to: string, kind: DotKind): void => {
    if (from !== to && !links.has(`${from}>${to}>${kind}`)) links.set(`${from}>${to}>${kind}`, { from, to, kind });
  };
  for (const s of steps) {
    if (s.kind === 'send') add(s.machine, queueMachine(s.queue), 'work');
    if (s.kind === 'forward' && s.queue !== undefined) add(queueMachine(s.distributor), queueMachine(s.queue), 'work');
    if (s.kind === 'complete') for (const r of s.replies) add(instanceMachine.get(s.instance) ?? s.instance, queueMachine(r.queue), 'reply');
    if (s.kind === 'register') add(instanceMachine.get(s.worker) ?? s.worker, queueMachine(s.distributor), 'ready');
  }
  return [...links.values()];
}

function layoutOf(places: Place[], roles: Map<string, Set<ProcessRole>>, links: Link[]): Layout {
  const machines = [...new Set(places.map((p) => p.machine))];
  const has = (m: string, role: ProcessRole): boolean => roles.get(m)?.has(role) ?? false;
  const senders = machines.filter((m) => has(m, 'sender'));
  const distributors = machines.filter((m) => !senders.includes(m) && has(m, 'distributor'));
  const rest = machines.filter((m) => !senders.includes(m) && !distributors.includes(m));
  return { columns: [senders, distributors, rest].filter((c) => c.length > 0), places, links };
}
