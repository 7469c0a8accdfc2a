// The one place that knows every process: the event-kind switch, the per-consumer-kind switches
// (take, received, commit) and the continuations of CPU-bound work. The kernel (kernel/world.ts)
// declares `handle` and `take`; this world implements them by calling the process functions.
import { Consumer } from './kernel/consumer.js';
import { Ev } from './kernel/events.js';
import { PROCESSING, SUBSCRIBE } from './kernel/message-pool.js';
import { World } from './kernel/world.js';
import { decommissionCheck } from './faults/decommission.js';
import { qmidSwitch } from './faults/duplicate-qmid.js';
import { faultEnd, faultStart, scheduleFaults } from './faults/fault-schedule.js';
import { CpuJob, scheduleCpu } from './processes/cpu-work.js';
import {
  controlCommit,
  controlTake,
  forwarderCpuDone,
  forwarderReceived,
  forwarderTake,
  noWorkerTimeout,
  slotCommit,
  slotDropped,
  slotTake,
} from './processes/distributor.js';
import { handlerDone, threadCommit, threadReceived, threadTake } from './processes/handler-thread.js';
import { crashInstance, refresh, startInstance, startRun } from './processes/lifecycle.js';
import { failover } from './processes/distributor-failover.js';
import { moveLeftovers } from './processes/move-leftovers.js';
import { resend } from './processes/network.js';
import { senderReceived } from './processes/replies.js';
import { sessionAccepted } from './processes/session-accept.js';
import { arrival } from './processes/sending.js';
import { subscriptionCommit, subscriptionReceived, subscriptionTake } from './processes/subscriptions.js';
import { deliver, queueManagerIdle, transmit } from './processes/transport.js';

export class SimulatedWorld extends World {
  /** Schedules the first events, runs to the end, and returns the number of events processed. */
  run(): number {
    scheduleFaults(this);
    startRun(this);
    return this.sim.run(this);
  }

  handle(kind: number, a: number, b: number): void {
    switch (kind) {
      case Ev.Arrival: arrival(this, a); break;
      case Ev.SendDone: transmit(this, a, this.pool.at[a], b); break;
      case Ev.Deliver: deliver(this, a, b); break;
      case Ev.Enqueue: this.enqueue(a, b); break;
      case Ev.Accepted: sessionAccepted(this, a, b); break;
      case Ev.Received: received(this, a, b); break;
      case Ev.HandlerDone: if (this.consumerType[a] !== Consumer.Dead) handlerDone(this, a, b); break;
      case Ev.Commit: commit(this, a, b); break;
      case Ev.QueueManagerIdle: queueManagerIdle(this, a); break;
      case Ev.CpuDone: cpuDone(this, a, b); break;
      case Ev.NoWorkerTimeout: noWorkerTimeout(this, a); break;
      case Ev.RetryDue: transmit(this, a, this.pool.at[a], b); break;
      case Ev.InstanceStart: startInstance(this, a); break;
      case Ev.InstanceCrash: crashInstance(this, a); break;
      case Ev.FaultStart: faultStart(this, a); break;
      case Ev.FaultEnd: faultEnd(this, a); break;
      case Ev.DecommissionCheck: decommissionCheck(this, a); break;
      case Ev.Resend: resend(this, a, b); break;
      case Ev.QmidSwitch: qmidSwitch(this, a); break;
      case Ev.Refresh: refresh(this, a); break;
      case Ev.StrategyStep: this.process?.step(this, a, b); break;
      case Ev.Failover: failover(this, a, b); break;
      case Ev.MoveLeftovers: moveLeftovers(this, a, b); break;
      case Ev.Sample:
        this.observer.sample(this);
        // A drain can last far longer than the sending (work stuck behind a fault): every 200 buckets
        // after the stop, buckets double in width, so the time series stays a few thousand rows.
        if (this.sendingStopped && this.sim.now - this.stopTime > 200 * this.sampleEveryMs) this.sampleEveryMs *= 2;
        this.sim.schedule(this.sampleEveryMs, Ev.Sample, 0, 0);
        break;
      case Ev.StopSending: this.stopSending(); break;
      case Ev.WarmupEnd: this.endWarmup(); break;
      case Ev.DrainDeadline: this.sim.stop(); break;
      default: throw new Error(`internal: unknown event kind ${kind}`);
    }
  }

  take(c: number, m: number): void {
    this.pool.state[m] = PROCESSING;
    switch (this.consumerType[c]) {
      case Consumer.Thread:
        if (this.pool.kind[m] === SUBSCRIBE) subscriptionTake(this, c, m);
        else threadTake(this, c, m);
        break;
      case Consumer.Forwarder: forwarderTake(this, c, m); break;
      case Consumer.Slot: slotTake(this, c, m); break;
      case Consumer.Control: controlTake(this, c, m); break;
      case Consumer.Strategy: this.process?.take(this, c, m); break;
      case Consumer.Replies: {
        const sender = this.senders[this.consumerRef[c]];
        if (this.trace) this.emit('receive', m, sender.name, sender.replies.name, {});
        // A subscription is received and written to the sender's subscription storage: 2 operations.
        this.then(sender.machine.operate(this.sim.now, this.pool.kind[m] === SUBSCRIBE ? 2 : 1) + this.commitMs, Ev.Received, c, m);
        break;
      }
    }
  }
}

function received(world: World, c: number, m: number): void {
  // A Dead consumer matches no case: what a crashed process was doing is simply dropped.
  switch (world.consumerType[c]) {
    case Consumer.Thread:
      if (world.pool.kind[m] === SUBSCRIBE) subscriptionReceived(world, c, m);
      else threadReceived(world, c, m);
      break;
    case Consumer.Forwarder: forwarderReceived(world, c, m); break;
    case Consumer.Slot: slotDropped(world, c, m); break;
    case Consumer.Replies: senderReceived(world, c, m); break;
  }
}

function commit(world: World, c: number, m: number): void {
  switch (world.consumerType[c]) {
    case Consumer.Thread:
      if (world.pool.kind[m] === SUBSCRIBE) subscriptionCommit(world, c, m);
      else threadCommit(world, c, m);
      break;
    case Consumer.Slot: slotCommit(world, c, m); break;
    case Consumer.Control: controlCommit(world, c, m); break;
  }
}

/** CPU-bound work may have finished on a machine: continue each finished job. */
function cpuDone(world: World, machineIndex: number, token: number): void {
  const machine = world.machines[machineIndex];
  const cpu = machine.cpu;
  if (cpu.token !== token) return; // superseded by a later change in sharing
  cpu.advance(world.sim.now);
  while (cpu.takeFinished(world.sim.now) >= 0) {
    const c = cpu.finishedConsumer;
    const m = cpu.finishedMessage;
    if (world.consumerType[c] === Consumer.Dead) continue;
    if (cpu.finishedKind === CpuJob.Handler) handlerDone(world, c, m);
    else forwarderCpuDone(world, c, m);
  }
  scheduleCpu(world, machine);
}
