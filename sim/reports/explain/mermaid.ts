// The story of a few messages as a Mermaid sequence diagram, like the NServiceBus sample's
// "Worker->Server: Ready for work": senders, distributors and instances as participants, an arrow for
// each send, forward, reply and ready message, and notes for handling, waits, failures and crashes.
// Built from the same steps as the narration (TraceStory), so the two always tell the same story.
import { distributorParts, queueOwner, showMessage } from './trace-labels.js';
import type { Step } from './trace-steps.js';

type Group = 'sender' | 'distributor' | 'queue' | 'instance';
const GROUP_ORDER: readonly Group[] = ['sender', 'distributor', 'queue', 'instance'];

/** Participants in first-appearance order within each group: senders, distributors, shared queues, instances. */
class Participants {
  private readonly groups = new Map<Group, string[]>(GROUP_ORDER.map((g) => [g, []]));
  private readonly ids = new Map<string, string>();

  add(name: string, group: Group): string {
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    const base = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, 'p');
    const taken = new Set(this.ids.values());
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    this.ids.set(name, id);
    this.groups.get(group)?.push(name);
    return id;
  }

  id(name: string): string {
    return this.ids.get(name) ?? name;
  }

  declarations(): string[] {
    return GROUP_ORDER.flatMap((g) => this.groups.get(g) ?? []).map((name) => {
      const id = this.id(name);
      const label = text(displayName(name));
      return id === label ? `    participant ${id}` : `    participant ${id} as ${label}`;
    });
  }

  get first(): string | undefined {
    return GROUP_ORDER.flatMap((g) => this.groups.get(g) ?? [])[0];
  }

  get last(): string | undefined {
    return GROUP_ORDER.flatMap((g) => this.groups.get(g) ?? []).at(-1);
  }
}

/** The steps as the text of a Mermaid `sequenceDiagram`, ending with a newline. */
export function mermaidDiagram(steps: readonly Step[]): string {
  const p = new Participants();
  // Where each message is drawn now (the participant holding or about to take it), for its notes.
  const at = new Map<string, string>();
  const lines: string[] = [];
  const arrow = (from: string, to: string, label: string, dashed = false): void => {
    lines.push(`    ${p.id(from)}${dashed ? '-->>' : '->>'}${p.id(to)}: ${text(label)}`);
  };
  const note = (over: string | undefined, label: string): void => {
    if (over !== undefined) lines.push(`    Note over ${p.id(over)}: ${text(label)}`);
  };
  for (const s of steps) {
    switch (s.kind) {
      case 'worker-start':
        p.add(s.instance, 'instance');
        note(s.instance, `starts (session ${s.session})`);
        break;
      case 'crash':
        p.add(s.instance, 'instance');
        note(s.instance, `crashes${s.detail ? ` (${s.detail})` : ''}`);
        break;
      case 'process':
        p.add(s.process, 'distributor');
        note(s.process, `${s.event === 'start' ? 'starts' : 'crashes'}${s.detail ? ` (${s.detail})` : ''}`);
        break;
      case 'fault': lines.push(`    %% fault ${text(s.name)}: ${text(s.detail)}`); break;
      case 'refresh': p.add(s.sender, 'sender'); note(s.sender, 're-reads the instance mapping'); break;
      case 'send': {
        const from = s.sender ?? s.machine;
        const to = s.target ?? s.chosen ?? s.queue;
        p.add(from, 'sender');
        p.add(to, s.targetKind === 'distributor' ? 'distributor' : s.targetKind === 'queue' ? 'queue' : 'instance');
        arrow(from, to, showMessage(s.msg));
        at.set(s.msg, to);
        break;
      }
      case 'retry-send': note(at.get(s.msg), `${showMessage(s.msg)} ${s.delayed ? 'comes back after its delay' : 'is sent again'}`); break;
      case 'arrive':
        if (s.busy !== undefined) note(s.busy.instance, `${showMessage(s.msg)} waits, ${s.busy.instance} busy with ${s.busy.with.map(showMessage).join(', ')}`);
        else if (s.ahead !== undefined && s.ahead > 0) note(at.get(s.msg), `${showMessage(s.msg)} waits behind ${s.ahead}`);
        break;
      case 'stall': note(at.get(s.msg), `${showMessage(s.msg)} stuck in ${s.machine}'s outgoing queue`); break;
      case 'lost': note(at.get(s.msg), `${showMessage(s.msg)} is lost`); break;
      case 'dist-receive':
        p.add(s.distributor, 'distributor');
        at.set(s.msg, s.distributor);
        if (s.noSlot) note(s.distributor, `no free slot, ${showMessage(s.msg)} waits`);
        break;
      case 'timeout': note(s.distributor, `${s.detail}, ${showMessage(s.msg)} back to the queue`); break;
      case 'forward':
        p.add(s.distributor, 'distributor');
        p.add(s.worker, 'instance');
        arrow(s.distributor, s.worker, showMessage(s.msg));
        at.set(s.msg, s.worker);
        break;
      case 'take': {
        p.add(s.instance, 'instance');
        const from = at.get(s.msg);
        if (from !== undefined && from === s.queue) arrow(s.queue, s.instance, showMessage(s.msg), true);
        at.set(s.msg, s.instance);
        note(s.instance, `handles ${showMessage(s.msg)}${s.attempt !== '1' ? `, attempt ${s.attempt}` : ''}${s.work !== undefined ? ` (${s.work})` : ''}`);
        break;
      }
      case 'fail':
        note(s.instance, `${showMessage(s.msg)} fails: ${s.error !== undefined ? 'to the error queue' : s.next}`);
        break;
      case 'complete':
        for (const r of s.replies) {
          p.add(queueOwner(r.queue), 'sender');
          arrow(s.instance, queueOwner(r.queue), showMessage(r.msg));
        }
        for (const to of s.acks) {
          p.add(to, 'sender');
          arrow(s.instance, to, 'ack');
        }
        if (s.publishes.length > 0) note(s.instance, `publishes ${s.publishes.map(showMessage).join(', ')}`);
        break;
      case 'register': {
        p.add(s.worker, 'instance');
        p.add(s.distributor, 'distributor');
        arrow(s.worker, s.distributor, `ready, ${s.slots} free slot${s.slots === 1 ? '' : 's'}, session ${s.session}`);
        break;
      }
      case 'rollback':
        p.add(s.by, distributorParts(s.by) ? 'distributor' : 'instance');
        note(s.by, `${showMessage(s.msg)} back to the head of ${s.queue}`);
        break;
      case 'unfinished': note(at.get(s.msg), `${showMessage(s.msg)} not finished when the trace ended`); break;
      case 'reply':
      case 'ack':
        break;
    }
  }
  return ['sequenceDiagram', ...p.declarations(), ...lines].join('\n') + '\n';
}

/** "distributor Sales@server" -> "distributor Sales on server"; other names as they are. */
function displayName(name: string): string {
  const parts = distributorParts(name);
  return parts === undefined ? name : `distributor ${parts.label} on ${parts.machine}`;
}

/**
 * Mermaid's sequence grammar ends a text at ";" and starts a comment at "#" (its lexer reads
 * `":"[^#\n;]+`), so ";" becomes "," and "#" its entity code "#35;", which Mermaid decodes before parsing.
 */
function text(label: string): string {
  return label.replace(/;/g, ',').replace(/#/g, '#35;');
}
