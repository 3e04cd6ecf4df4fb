/** A picture captcha (IDaaS before each send, CloudBase after repeated failures). */
import { useState } from 'preact/hooks';
import { Field } from '../components/field';
import { useUi } from '../context';
import { useAutofocus } from '../hooks/use-autofocus';
import type { StepProps } from './step-props';

/**
 * Only inline images are shown: a URL here would make the extension page fetch whatever the
 * provider named. flow.ts: `image` is `data:image/...;base64,...` as the provider sent it.
 */
export function isInlineImage(src: string): boolean {
  return /^data:image\/[a-z0-9.+-]+[;,]/i.test(src);
}

export function CaptchaStep({ step, disabled, focus, submit }: StepProps<'captcha'>) {
  const { t } = useUi();
  const [answer, setAnswer] = useState('');
  const input = useAutofocus<HTMLInputElement>(focus);
  return (
    <form
      class="stack"
      data-testid="step-captcha"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit({ kind: 'captcha', answer: answer.trim() });
      }}
    >
      <p>{t('signin_captcha_title')}</p>
      {isInlineImage(step.image) ? (
        <img
          class="captcha"
          src={step.image}
          alt={t('signin_captcha_alt')}
          data-testid="captcha-image"
        />
      ) : (
        <p class="error">{t('signin_captcha_unshown')}</p>
      )}
      {step.hint === undefined ? null : (
        <p class="note" data-testid="captcha-hint">
          {t('signin_captcha_hint', [step.hint])}
        </p>
      )}
      <Field label={t('signin_captcha_answer')}>
        <input
          ref={input}
          type="text"
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          data-testid="captcha-answer"
          value={answer}
          onInput={(e) => {
            setAnswer(e.currentTarget.value);
          }}
        />
      </Field>
      <button
        type="submit"
        class="primary"
        data-testid="captcha-submit"
        disabled={disabled || answer.trim() === ''}
      >
        {t('signin_continue')}
      </button>
    </form>
  );
}
