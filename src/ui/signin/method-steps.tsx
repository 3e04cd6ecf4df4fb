/** Choosing how the code comes, asking for it to be sent, and switching to another method. */
import type { MfaMethod } from '../../providers/flow';
import { useUi } from '../context';
import { useAutofocus } from '../hooks/use-autofocus';
import { METHOD_KEYS } from './labels';
import type { StepProps } from './step-props';

export function ChooseMethodStep({ step, disabled, focus, submit }: StepProps<'choose-method'>) {
  const { t } = useUi();
  const first = useAutofocus<HTMLButtonElement>(focus);
  return (
    <div class="stack" data-testid="step-choose-method" role="group" aria-labelledby="choose-title">
      <p id="choose-title">{t('signin_choose_title')}</p>
      {step.methods.map((method, index) => (
        <button
          key={method}
          ref={index === 0 ? first : undefined}
          type="button"
          class="method"
          data-testid={`method-${method}`}
          disabled={disabled}
          onClick={() => {
            submit({ kind: 'choose-method', method });
          }}
        >
          <span>{t(METHOD_KEYS[method])}</span>
          {/* flow.ts: the destination is where an EMAIL code would go. */}
          {method === 'EMAIL' && step.destination !== undefined ? (
            <span class="note">{step.destination}</span>
          ) : null}
        </button>
      ))}
    </div>
  );
}

export interface AlternativesProps {
  methods: MfaMethod[];
  disabled: boolean;
  submit: StepProps<'code'>['submit'];
}

export function Alternatives({ methods, disabled, submit }: AlternativesProps) {
  const { t } = useUi();
  if (methods.length === 0) return null;
  return (
    <div class="alternatives" role="group" aria-labelledby="alternatives-title">
      <span id="alternatives-title" class="note">
        {t('signin_other_method')}
      </span>
      {methods.map((method) => (
        <button
          key={method}
          type="button"
          class="link-button"
          data-testid={`alt-${method}`}
          disabled={disabled}
          onClick={() => {
            submit({ kind: 'choose-method', method });
          }}
        >
          {t(METHOD_KEYS[method])}
        </button>
      ))}
    </div>
  );
}

export function SendCodeStep({ step, disabled, focus, submit }: StepProps<'send-code'>) {
  const { t } = useUi();
  const send = useAutofocus<HTMLButtonElement>(focus);
  return (
    <form
      class="stack"
      data-testid="step-send-code"
      onSubmit={(event) => {
        event.preventDefault();
        submit({ kind: 'send-code' });
      }}
    >
      <p>
        <strong>{t(METHOD_KEYS[step.method])}</strong>
      </p>
      {step.destination === undefined ? null : (
        <p data-testid="send-destination">{t('signin_send_to', [step.destination])}</p>
      )}
      <button
        ref={send}
        type="submit"
        class="primary"
        data-testid="send-code-submit"
        disabled={disabled}
      >
        {t('signin_send_code')}
      </button>
      <Alternatives methods={step.alternatives} disabled={disabled} submit={submit} />
    </form>
  );
}
