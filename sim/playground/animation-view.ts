// Draws an Animation as SVG (machines as boxes holding their queues and processes, messages as dots
// moving between them) and plays it: play, pause, step, restart, speed.
import type { Animation, Frame, Move, Place } from './animation-model.js';

const SVG = 'http://www.w3.org/2000/svg';
const BOX_WIDTH = 250;
const ROW = 30;
const HEADER = 30;
const GAP = 18;
/** One step's movement at speed 1, in ms. */
const STEP_MS = 900;

interface Point {
  x: number;
  y: number;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.appendChild(node);
  return node;
}

export class AnimationView {
  private readonly svg: SVGSVGElement;
  private readonly points = new Map<string, Point>();
  private readonly texts = new Map<string, SVGTextElement>();
  private readonly bars = new Map<string, SVGRectElement>();
  private readonly dots = new Map<string, SVGGElement>();
  private readonly dotLayer: SVGGElement;
  private readonly boxes = new Map<string, { x: number; y: number; h: number }>();
  private index = -1;
  private timer: number | undefined;
  speed = 1;

  constructor(
    private readonly host: HTMLElement,
    private readonly animation: Animation,
    private readonly captions: readonly string[],
    private readonly onFrame: (index: number, total: number, caption: string, playing: boolean) => void,
  ) {
    host.replaceChildren();
    this.svg = el('svg', { role: 'img', 'aria-label': 'Animation of the first messages', class: 'anim' });
    host.appendChild(this.svg);
    const height = this.drawMachines();
    this.svg.setAttribute('viewBox', `0 0 ${this.width} ${height}`);
    this.drawLinks();
    this.dotLayer = el('g', {}, this.svg);
    this.report();
  }

  get playing(): boolean {
    return this.timer !== undefined;
  }

  get total(): number {
    return this.animation.frames.length;
  }

  get position(): number {
    return this.index + 1;
  }

  play(): void {
    if (this.playing) return;
    if (this.index >= this.total - 1) this.restart();
    this.timer = window.setInterval(() => {
      if (this.index >= this.total - 1) this.pause();
      else this.step();
    }, STEP_MS / this.speed);
    this.step();
  }

  pause(): void {
    window.clearInterval(this.timer);
    this.timer = undefined;
    this.report();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    if (this.playing) {
      this.pause();
      this.play();
    }
  }

  step(): void {
    if (this.index >= this.total - 1) return;
    this.index++;
    const frame = this.animation.frames[this.index];
    for (const m of frame.moves) this.moveDot(m);
    this.showState(frame);
    this.report();
  }

  restart(): void {
    this.pause();
    this.index = -1;
    for (const dot of this.dots.values()) dot.remove();
    this.dots.clear();
    this.showState(undefined);
    this.report();
  }

  stop(): void {
    this.pause();
  }

  private get width(): number {
    const columns = this.animation.layout.columns.length;
    return Math.max(1, columns) * (BOX_WIDTH + 70);
  }

  private report(): void {
    const caption = this.index >= 0 ? (this.captions[this.index] ?? this.animation.frames[this.index].kind).trim() : 'Press Play or Step to follow the first messages.';
    this.onFrame(this.position, this.total, caption, this.playing);
  }

  /** Draws every machine with its queues and processes; returns the drawing's height. */
  private drawMachines(): number {
    const { columns, places } = this.animation.layout;
    const columnWidth = this.width / Math.max(1, columns.length);
    let height = 0;
    columns.forEach((machines, c) => {
      let y = GAP;
      const x = c * columnWidth + (columnWidth - BOX_WIDTH) / 2;
      for (const machine of machines) {
        const inside = places.filter((p) => p.machine === machine).sort((a, b) => order(a) - order(b));
        const h = HEADER + inside.length * ROW + 8;
        this.boxes.set(machine, { x, y, h });
        const g = el('g', { class: 'machine' }, this.svg);
        el('rect', { x, y, width: BOX_WIDTH, height: h, rx: 8, class: 'machine-box' }, g);
        el('text', { x: x + 10, y: y + 20, class: 'machine-name' }, g).textContent = machine;
        // Messages arriving at a machine wait in its title bar until they enter a queue.
        this.points.set(`m:${machine}`, { x: x + BOX_WIDTH * 0.62, y: y + 15 });
        inside.forEach((place, i) => this.drawPlace(g, place, x, y + HEADER + i * ROW));
        y += h + GAP;
      }
      height = Math.max(height, y);
    });
    return height;
  }

  /** Arrows between machines, under the boxes: where work goes, and where ready messages go back. */
  private drawLinks(): void {
    const defs = el('defs', {});
    this.svg.prepend(defs);
    for (const kind of ['work', 'reply', 'ready']) {
      const marker = el('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
      el('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow-${kind}` }, marker);
    }
    const layer = el('g', { class: 'links' });
    defs.after(layer);
    for (const link of this.animation.layout.links) {
      const a = this.boxes.get(link.from);
      const b = this.boxes.get(link.to);
      if (a === undefined || b === undefined) continue;
      const right = b.x > a.x;
      // Work leaves from the upper part of a box's side; replies and ready messages come back lower down.
      const share = { work: 0.35, reply: 0.55, ready: 0.75 }[link.kind];
      const x1 = right ? a.x + BOX_WIDTH : a.x;
      const x2 = right ? b.x : b.x + BOX_WIDTH;
      const y1 = a.y + a.h * share;
      const y2 = b.y + b.h * share;
      const mid = (x1 + x2) / 2;
      el('path', { d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`, class: `link link-${link.kind}`, 'marker-end': `url(#arrow-${link.kind})` }, layer);
    }
  }

  private drawPlace(g: SVGGElement, place: Place, x: number, y: number): void {
    const row = el('g', { class: `place place-${place.role}` }, g);
    el('rect', { x: x + 8, y, width: BOX_WIDTH - 16, height: ROW - 6, rx: 5, class: 'place-box' }, row);
    const label = place.role === 'queue' ? `queue ${place.label}` : place.label;
    el('text', { x: x + 16, y: y + 16, class: 'place-label' }, row).textContent = label;
    if (place.role === 'queue') {
      this.bars.set(place.id, el('rect', { x: x + 120, y: y + 6, width: 0, height: ROW - 18, rx: 2, class: 'queue-bar' }, row));
    }
    const value = el('text', { x: x + BOX_WIDTH - 16, y: y + 16, class: 'place-value', 'text-anchor': 'end' }, row);
    this.texts.set(place.id, value);
    this.points.set(place.id, { x: x + (place.role === 'queue' ? 100 : BOX_WIDTH / 2 + 20), y: y + (ROW - 6) / 2 });
  }

  private showState(frame: Frame | undefined): void {
    for (const place of this.animation.layout.places) {
      const text = this.texts.get(place.id);
      if (text === undefined) continue;
      const name = place.id.slice(2);
      if (place.role === 'queue') {
        const length = frame?.state.queues[name] ?? 0;
        text.textContent = `${length} waiting`;
        this.bars.get(place.id)?.setAttribute('width', String(Math.min(length, 8) * 7));
      } else if (place.role === 'instance') {
        const held = frame?.state.busy[name] ?? [];
        text.textContent = held.length > 0 ? `busy ${held.map((m) => m.slice(m.lastIndexOf('#'))).join(' ')}` : 'idle';
      } else if (place.role === 'distributor') {
        const free = frame?.state.free[name] ?? [];
        text.textContent = free.length === 0 ? 'no free slots' : free.length <= 2 ? `free: ${free.join(', ')}` : `${free.length} free slots`;
      } else {
        text.textContent = '';
      }
    }
  }

  private moveDot(m: Move): void {
    const duration = (STEP_MS * 0.8) / this.speed;
    let dot = this.dots.get(m.dot);
    const to = m.to !== undefined ? this.points.get(m.to) : undefined;
    if (dot === undefined) {
      const start = (m.from !== undefined ? this.points.get(m.from) : undefined) ?? to;
      if (start === undefined) return;
      dot = el('g', { class: `dot dot-${m.kind}` }, this.dotLayer);
      el('title', {}, dot).textContent = m.dot;
      el('circle', { r: m.kind === 'ready' ? 9 : 12 }, dot);
      el('text', { 'text-anchor': 'middle', y: 4 }, dot).textContent = m.label;
      dot.setAttribute('transform', `translate(${start.x} ${start.y})`);
      this.dots.set(m.dot, dot);
    }
    const from = parse(dot.getAttribute('transform'));
    if (to === undefined) {
      this.dots.delete(m.dot);
      const leaving = dot;
      leaving.animate([{ opacity: 1 }, { opacity: 0 }], { duration, fill: 'forwards' }).finished.then(() => leaving.remove(), () => leaving.remove());
      return;
    }
    dot.setAttribute('transform', `translate(${to.x} ${to.y})`);
    if (from !== undefined && (from.x !== to.x || from.y !== to.y)) {
      dot.animate([{ transform: `translate(${from.x}px, ${from.y}px)` }, { transform: `translate(${to.x}px, ${to.y}px)` }], { duration, easing: 'ease-in-out' });
    }
  }
}

function order(place: Place): number {
  return { sender: 0, distributor: 1, queue: 2, instance: 3 }[place.role];
}

function parse(transform: string | null): Point | undefined {
  const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(transform ?? '');
  return m === null ? undefined : { x: Number(m[1]), y: Number(m[2]) };
}
