import type { FlowInput } from '../../messaging/signin-protocol';
import type { ViewStep } from '../../providers/flow';

/** What every step form gets from the flow panel. */
export interface StepProps<K extends ViewStep['step']> {
  step: Extract<ViewStep, { step: K }>;
  /** A request is running or a rate limit holds: submitting waits. */
  disabled: boolean;
  /** Put the keyboard in the step's first field (not when the view came from the tab bar). */
  focus: boolean;
  /** The panel's ticking clock, for expiry and resend countdowns. */
  now: number;
  submit: (input: FlowInput) => void;
}
