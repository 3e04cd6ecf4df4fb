/**
 * The first step: who signs in, and the password unless the flow is in code mode (then
 * submitting sends a code to the identifier). Families with both modes get a switch, which
 * starts the flow again in the other mode (signin-protocol `signin/start`).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FlowInput } from '../../messaging/signin-protocol';
import type { LoginMode } from '../../providers/flow';
import { Field } from '../components/field';
import { useUi } from '../context';
import { IDENTIFIER_KEYS } from './labels';
import type { StepProps } from './step-props';

export interface CredentialsStepProps extends StepProps<'credentials'> {
  /** Prefilled: what the user typed last, else the profile's identifier. */
  identifier: string;
  /** The vault holds a password for this profile; a blank field uses it. */
  hasPassword: boolean;
  /** Starts again in the other mode, keeping what was typed as the identifier. */
  onMode: (mode: LoginMode, identifier: string) => void;
}

type CredentialsInput = Extract<FlowInput, { kind: 'credentials' }>;

export function CredentialsStep(props: CredentialsStepProps) {
  const { step, disabled, focus, submit, hasPassword, onMode } = props;
  const { t } = useUi();
  const [identifier, setIdentifier] = useState(props.identifier);
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const identifierInput = useRef<HTMLInputElement | null>(null);
  const passwordInput = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (!focus) return;
    const prefilled = props.identifier !== '' && step.password;
    (prefilled ? passwordInput : identifierInput).current?.focus();
    // Mount only: focus moves once, when the step appears.
  }, []);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const input: CredentialsInput = { kind: 'credentials', identifier: identifier.trim() };
    if (step.password && password !== '') {
      input.password = password;
      if (remember) input.remember = true;
    }
    submit(input);
  };
  const other: LoginMode = step.mode === 'password' ? 'code' : 'password';

  return (
    <form class="stack" data-testid="step-credentials" noValidate onSubmit={onSubmit}>
      <Field label={t(IDENTIFIER_KEYS[step.identifier])}>
        <input
          ref={identifierInput}
          type="text"
          autocomplete="username"
          spellcheck={false}
          data-testid="credentials-identifier"
          value={identifier}
          onInput={(e) => {
            setIdentifier(e.currentTarget.value);
          }}
        />
      </Field>
      {step.password ? (
        <>
          <Field label={t('signin_password')}>
            <input
              ref={passwordInput}
              type="password"
              autocomplete="current-password"
              data-testid="credentials-password"
              value={password}
              onInput={(e) => {
                setPassword(e.currentTarget.value);
              }}
            />
          </Field>
          {hasPassword ? <p class="note">{t('signin_password_saved_hint')}</p> : null}
          <label class="check">
            <input
              type="checkbox"
              data-testid="credentials-remember"
              checked={remember}
              onChange={(e) => {
                setRemember(e.currentTarget.checked);
              }}
            />
            {t('signin_remember')}
          </label>
        </>
      ) : (
        <p class="note">{t('signin_code_mode_note')}</p>
      )}
      <button
        type="submit"
        class="primary"
        data-testid="credentials-submit"
        disabled={disabled || identifier.trim() === ''}
      >
        {step.password ? t('signin_start') : t('signin_send_code')}
      </button>
      {step.modes.includes(other) ? (
        <button
          type="button"
          class="link-button"
          data-testid="mode-switch"
          disabled={disabled}
          onClick={() => {
            onMode(other, identifier.trim());
          }}
        >
          {other === 'code' ? t('signin_use_code') : t('signin_use_password')}
        </button>
      ) : null}
    </form>
  );
}
