// Every fault kind, by kind: adding a kind is its file in this folder and one line here (and its
// name in scenario-types' FaultKind, whose Record below then fails to compile until it is added).
import type { FaultKind } from '../scenario-types.js';
import { crash } from './crash.js';
import { decommission } from './decommission.js';
import type { FaultDefinition } from './definition.js';
import { duplicateQmid } from './duplicate-qmid.js';
import { partition } from './partition.js';
import { slowdown } from './slowdown.js';

export const FAULTS: Readonly<Record<FaultKind, FaultDefinition>> = {
  crash,
  slowdown,
  partition,
  'duplicate-qmid': duplicateQmid,
  decommission,
};

export const FAULT_KINDS = Object.keys(FAULTS) as readonly FaultKind[];
