import type { EmulatorContext } from '../../context';
import type { ScKeys } from './sc-keys';
import type { SxState } from './state';

/** What every SlaunchX route reads. `state()` is looked up per request: a reset replaces it. */
export interface SxEnv {
  ctx: EmulatorContext;
  /** Real clock for envelope freshness (SCv2 §4.2 "Clocks"). */
  realNow: () => number;
  state(): SxState;
  keys: ScKeys;
}
