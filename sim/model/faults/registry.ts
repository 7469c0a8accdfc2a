// Every fault kind, by kind: adding a kind is its file in this folder (which adds its name to
// scenario-types' FaultKinds, and its own settings to FaultSettings) and one line here; the Record
// below fails to compile until a declared kind is registered.
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
