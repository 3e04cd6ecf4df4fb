/**
 * The SlaunchX steps as pure functions of the flow data (providers.md §1.3), so a failed input
 * can re-present exactly the step it was given to, and a stored state renders the same step.
 */
import * as v from 'valibot';
import { compact, makeState, opt } from './adapter-kit';
import type { FlowState, FlowStep, MfaMethod } from './flow';

export const Method = v.picklist(['EMAIL', 'OTP', 'BACKUP_CODE']);
export type SxMethod = v.InferOutput<typeof Method>;

export const Mfa = v.object({
  email: v.string(),
  sessionId: v.string(),
  methods: v.pipe(v.array(Method), v.minLength(1)),
  maskedEmail: v.optional(v.string()),
  method: v.optional(Method),
  expiresAt: v.optional(v.number()),
  resendAt: v.optional(v.number()),
});
export type Mfa = v.InferOutput<typeof Mfa>;

export const credentialsStep = (): FlowStep => ({
  step: 'credentials',
  state: makeState('slaunchx', 'credentials', {}),
  mode: 'password',
  modes: ['password'],
  identifier: 'email',
  password: true,
});

export function mfaState(step: FlowState['step'], m: Mfa): FlowState {
  return makeState('slaunchx', step, compact({ ...m, methods: [...m.methods] }));
}

/** The step a method leads to: EMAIL needs a send first, the others take a code at once. */
export function methodStep(m: Mfa, method: SxMethod): FlowStep {
  const alternatives: MfaMethod[] = m.methods.filter((x) => x !== method);
  const destination = method === 'EMAIL' ? m.maskedEmail : undefined;
  if (method === 'EMAIL' && m.resendAt === undefined) {
    const state = mfaState('send-code', { ...m, method });
    return { step: 'send-code', state, method, alternatives, ...opt('destination', destination) };
  }
  return {
    step: 'code',
    state: mfaState('code', { ...m, method }),
    method,
    canResend: method === 'EMAIL',
    alternatives,
    ...opt('destination', destination),
    ...opt('expiresAt', m.expiresAt),
    ...opt('resendAt', m.resendAt),
  };
}

export function render(state: FlowState, m: Mfa): FlowStep {
  if (state.step === 'choose-method' || m.method === undefined) {
    const methods = [...m.methods];
    return { step: 'choose-method', state, methods, ...opt('destination', m.maskedEmail) };
  }
  return methodStep(m, m.method);
}
