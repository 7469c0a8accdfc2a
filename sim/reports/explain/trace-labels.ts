// Reading the names in trace records (the model writes them; see sim/model/kernel/labels.ts), and writing
// times and durations for people.

/** A work message or reply label, "PlaceOrder#3": its type and id; undefined for ready(...), entry(...), ack(...). */
export function workLabel(label: string): { type: string; id: number } | undefined {
  const match = /^(.+)#(\d+)$/.exec(label);
  return match === null ? undefined : { type: match[1], id: Number(match[2]) };
}

/** A control message label, "ready(worker1)": its kind and instance. */
export function controlLabel(label: string): { kind: string; instance: string } | undefined {
  const match = /^(ready|ack|entry)\((.*)\)$/.exec(label);
  return match === null ? undefined : { kind: match[1], instance: match[2] };
}

/** "PlaceOrder#3" -> "PlaceOrder #3". */
export function showMessage(label: string): string {
  const work = workLabel(label);
  return work === undefined ? label : `${work.type} #${work.id}`;
}

/** A distributor's process name, "distributor Sales@server": what it distributes and its machine. */
export function distributorParts(name: string): { label: string; machine: string } | undefined {
  const match = /^distributor (.+)@([^@]+)$/.exec(name);
  return match === null ? undefined : { label: match[1], machine: match[2] };
}

/** The process owning a replies queue, "Sender@client" -> "Sender". */
export function queueOwner(queue: string): string {
  const at = queue.lastIndexOf('@');
  return at > 0 ? queue.slice(0, at) : queue;
}

/** Simulated time in seconds, to a tenth of a millisecond (network delays are often 0.5 ms): "0.1528 s". */
export function formatClock(ms: number): string {
  return `${(ms / 1000).toFixed(4)} s`;
}

/** A duration for a sentence: "0.5 ms", "87.6 ms", "2.35 s", "95 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${trim(ms.toFixed(1))} ms`;
  if (ms < 100_000) return `${trim((ms / 1000).toFixed(2))} s`;
  return `${Math.round(ms / 1000)} s`;
}

function trim(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** "1 message", "3 messages". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "the distributor ..." -> "The distributor ..." at the start of a sentence; names stay as they are. */
export function capitalise(text: string): string {
  return text.startsWith('the ') ? `The ${text.slice(4)}` : text;
}
