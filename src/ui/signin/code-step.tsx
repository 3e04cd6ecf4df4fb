/**
 * The one-time code: what kind of code and where it went, its expiry, and a resend for codes
 * that were sent (not for authenticator or backup codes, flow.ts `canResend`).
 */
import { useState } from 'preact/hooks';
import { Field } from '../components/field';
import { useUi } from '../context';
import { formatDuration, secondsUntil } from '../format-duration';
import { useAutofocus } from '../hooks/use-autofocus';
import { CODE_PROMPT_KEYS } from './labels';
import { Alternatives } from './method-steps';
import type { StepProps } from './step-props';

function ExpiryLine({ expiresAt, now }: { expiresAt: number; now: number }) {
  const { t } = useUi();
  const left = secondsUntil(expiresAt, now);
  return (
    <p class={left === 0 ? 'warning' : 'note'} role="timer" data-testid="code-expiry">
      {left === 0 ? t('signin_code_expired') : t('signin_code_expires', [formatDuration(left, t)])}
    </p>
  );
}

export function CodeStep({ step, disabled, focus, now, submit }: StepProps<'code'>) {
  const { t } = useUi();
  const [code, setCode] = useState('');
  const input = useAutofocus<HTMLInputElement>(focus);
  const resendWait = step.resendAt === undefined ? 0 : secondsUntil(step.resendAt, now);
  return (
    <form
      class="stack"
      data-testid="step-code"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit({ kind: 'code', code: code.trim() });
      }}
    >
      <p data-testid="code-prompt">{t(CODE_PROMPT_KEYS[step.method])}</p>
      {step.destination === undefined ? null : (
        <p class="note" data-testid="code-destination">
          {t('signin_sent_to', [step.destination])}
        </p>
      )}
      <Field label={t('signin_code_label')}>
        <input
          ref={input}
          type="text"
          class="mono"
          autocomplete="one-time-code"
          // Backup codes carry letters (BKUP-00001); the others are digits only.
          inputMode={step.method === 'BACKUP_CODE' ? 'text' : 'numeric'}
          spellcheck={false}
          data-testid="code-input"
          value={code}
          onInput={(e) => {
            setCode(e.currentTarget.value);
          }}
        />
      </Field>
      {step.expiresAt === undefined ? null : <ExpiryLine expiresAt={step.expiresAt} now={now} />}
      <button
        type="submit"
        class="primary"
        data-testid="code-submit"
        disabled={disabled || code.trim() === ''}
      >
        {t('signin_verify')}
      </button>
      {step.canResend ? (
        <button
          type="button"
          data-testid="code-resend"
          disabled={disabled || resendWait > 0}
          onClick={() => {
            submit({ kind: 'resend' });
          }}
        >
          {resendWait > 0
            ? t('signin_resend_in', [formatDuration(resendWait, t)])
            : t('signin_resend')}
        </button>
      ) : null}
      <Alternatives methods={step.alternatives} disabled={disabled} submit={submit} />
    </form>
  );
}
