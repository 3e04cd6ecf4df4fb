/**
 * One running sign-in: renders the worker's current step and sends the user's input back
 * (design.md "The sign-in flow engine"; the worker owns the flow, the popup only shows it).
 * Around every step: what the worker filled in itself, the last input's error, a rate-limit
 * countdown that holds the submit until `retryAt`, a busy line (a step can take seconds), and
 * Cancel.
 */
import { useRef, useState } from 'preact/hooks';
import type { FlowInput, FlowView, ProfileView } from '../../messaging/signin-protocol';
import type { LoginMode } from '../../providers/flow';
import { ErrorInfoText } from '../components/error-info';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { errorRetryAfterMs } from '../error-message';
import { formatDuration, secondsUntil } from '../format-duration';
import { useAction } from '../hooks/use-action';
import { useNow } from '../hooks/use-now';
import { CaptchaStep } from './captcha-step';
import { CodeStep } from './code-step';
import { CredentialsStep } from './credentials-step';
import { DoneStep, ErrorStep, PendingApprovalStep } from './end-steps';
import { AUTOFILL_KEYS, FAMILY_NAMES, isInteractive, stepError } from './labels';
import { ChooseMethodStep, SendCodeStep } from './method-steps';

export interface FlowPanelProps {
  flow: FlowView;
  /** 0 for the flow found on open; each reply the panel asked for counts up (fresh forms). */
  revision: number;
  profile: ProfileView | undefined;
  autoFocus: boolean;
  onFlow: (flow: FlowView | null) => void;
  onOpenSessions: () => void;
}

function AutoFillNotes({ entries }: { entries: FlowView['autoFilled'] }) {
  const { t } = useUi();
  if (entries.length === 0) return null;
  return (
    <ul class="notes" aria-label={t('signin_filled_title')}>
      {entries.map((entry, index) => (
        <li key={index} data-testid="autofill-note">
          {t(AUTOFILL_KEYS[entry.source])}
        </li>
      ))}
    </ul>
  );
}

interface StepBodyProps {
  flow: FlowView;
  profile: ProfileView | undefined;
  identifier: string;
  disabled: boolean;
  focus: boolean;
  now: number;
  submit: (input: FlowInput) => void;
  restart: () => void;
  switchMode: (mode: LoginMode, identifier: string) => void;
  onOpenSessions: () => void;
}

function StepBody(props: StepBodyProps) {
  const { flow, profile, disabled, focus, now, submit, restart } = props;
  const common = { disabled, focus, now, submit };
  const step = flow.step;
  const again = {
    disabled,
    focus,
    onRestart: () => {
      restart();
    },
  };
  switch (step.step) {
    case 'credentials':
      return (
        <CredentialsStep
          {...common}
          step={step}
          identifier={props.identifier}
          hasPassword={profile?.hasPassword ?? false}
          onMode={props.switchMode}
        />
      );
    case 'captcha':
      return <CaptchaStep {...common} step={step} />;
    case 'choose-method':
      return <ChooseMethodStep {...common} step={step} />;
    case 'send-code':
      return <SendCodeStep {...common} step={step} />;
    case 'code':
      return <CodeStep {...common} step={step} />;
    case 'done':
      return (
        <DoneStep
          profileName={profile?.name ?? FAMILY_NAMES[flow.family]}
          focus={focus}
          onOpenSessions={props.onOpenSessions}
        />
      );
    case 'pending-approval':
      return <PendingApprovalStep step={step} {...again} />;
    case 'error':
      return <ErrorStep step={step} {...again} />;
  }
}

export function FlowPanel({ flow, revision, profile, autoFocus, ...on }: FlowPanelProps) {
  const { send, t, now: readClock } = useUi();
  const now = useNow();
  // A refused request can carry its own wait (WorkerError.retryAfterMs) besides flow.retryAt.
  const [heldUntil, setHeldUntil] = useState(0);
  const identifier = useRef(profile?.identifier ?? '');
  const request = useAction(async (call: () => Promise<FlowView | null>) => {
    try {
      on.onFlow(await call());
    } catch (caught) {
      const wait = errorRetryAfterMs(caught);
      if (wait !== null) setHeldUntil(readClock() + wait);
      throw caught;
    }
  });
  const { flowId, profileId } = flow;
  const submit = (input: FlowInput) => {
    if (input.kind === 'credentials') identifier.current = input.identifier;
    void request.run(() => send('signin/advance', { flowId, input }));
  };
  const restart = (mode?: LoginMode) => {
    void request.run(() =>
      send('signin/start', mode === undefined ? { profileId } : { profileId, mode }),
    );
  };
  const switchMode = (mode: LoginMode, typed: string) => {
    identifier.current = typed;
    restart(mode);
  };
  const cancel = () => {
    void request.run(async () => {
      await send('signin/cancel', { flowId });
      return null;
    });
  };

  const retryAt = Math.max(flow.retryAt ?? 0, heldUntil);
  const waiting = now < retryAt;
  const error = flow.step.step === 'error' ? undefined : stepError(flow.step);
  const title = profile?.name ?? FAMILY_NAMES[flow.family];
  return (
    <div class="stack flow" aria-busy={request.busy} data-testid="signin-flow">
      <div class="flow-header">
        <h3>{t('signin_flow_title', [title])}</h3>
        <span class="badge">{FAMILY_NAMES[flow.family]}</span>
      </div>
      <AutoFillNotes entries={flow.autoFilled} />
      {error === undefined ? null : <ErrorInfoText error={error} testId="flow-error" />}
      {waiting ? (
        <p class="warning" role="timer" data-testid="retry-countdown">
          {t('signin_retry_in', [formatDuration(secondsUntil(retryAt, now), t)])}
        </p>
      ) : null}
      <StepBody
        key={revision}
        flow={flow}
        profile={profile}
        identifier={identifier.current}
        disabled={request.busy || waiting}
        focus={autoFocus || revision > 0}
        now={now}
        submit={submit}
        restart={restart}
        switchMode={switchMode}
        onOpenSessions={on.onOpenSessions}
      />
      <ErrorText text={request.error?.text} />
      {request.busy ? (
        <p class="busy" role="status" data-testid="signin-busy">
          <span class="spinner" aria-hidden="true" />
          {t('signin_busy')}
        </p>
      ) : null}
      <div class="button-row">
        <button type="button" data-testid="signin-cancel" disabled={request.busy} onClick={cancel}>
          {isInteractive(flow.step) ? t('action_cancel') : t('signin_close')}
        </button>
      </div>
    </div>
  );
}
