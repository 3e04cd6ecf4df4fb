// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ScriptedStep } from './fake-signin';
import { t } from './render-popup';
import { CAPTCHA_IMAGE, WRONG_CODE, button, fill, startWith } from './signin-fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const codeStep = (extra: Partial<Extract<ScriptedStep['step'], { step: 'code' }>> = {}) => ({
  step: {
    step: 'code' as const,
    method: 'EMAIL' as const,
    destination: 'a***n@slaunchx.test',
    canResend: true,
    alternatives: [],
    ...extra,
  },
});

describe('captcha step', () => {
  test('shows the picture with alt text and the test hint, and sends the answer', async () => {
    const { worker } = await startWith({
      step: { step: 'captcha', image: CAPTCHA_IMAGE, hint: 'K7PX' },
    });
    const step = await screen.findByTestId('step-captcha');
    const image = within(step).getByRole('img');
    expect(image.getAttribute('src')).toBe(CAPTCHA_IMAGE);
    expect(image.getAttribute('alt')).toBe(t('signin_captcha_alt'));
    expect(screen.getByTestId('captcha-hint').textContent).toBe(t('signin_captcha_hint', ['K7PX']));
    expect(button('captcha-submit').disabled).toBe(true);
    fill('captcha-answer', ' K7PX ');
    fireEvent.click(button('captcha-submit'));
    await screen.findByTestId('step-done');
    expect(worker.signin.inputs).toEqual([{ kind: 'captcha', answer: 'K7PX' }]);
  });

  test('without a hint shows none, and a non-inline picture is not loaded', async () => {
    await startWith({ step: { step: 'captcha', image: 'https://tracker.example/c.png' } });
    await screen.findByTestId('step-captcha');
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(t('signin_captcha_unshown'))).toBeTruthy();
    expect(screen.queryByTestId('captcha-hint')).toBeNull();
  });
});

describe('method steps', () => {
  test('choose-method offers one button per method, the e-mail one with its destination', async () => {
    const { worker } = await startWith({
      step: {
        step: 'choose-method',
        methods: ['EMAIL', 'OTP', 'BACKUP_CODE'],
        destination: 'a***n@slaunchx.test',
      },
    });
    await screen.findByTestId('step-choose-method');
    expect(button('method-EMAIL').textContent).toBe(
      `${t('signin_method_email')}a***n@slaunchx.test`,
    );
    expect(button('method-OTP').textContent).toBe(t('signin_method_otp'));
    expect(button('method-BACKUP_CODE').textContent).toBe(t('signin_method_backup'));
    expect(screen.queryByTestId('method-SMS')).toBeNull();
    fireEvent.click(button('method-OTP'));
    await screen.findByTestId('step-done');
    expect(worker.signin.inputs).toEqual([{ kind: 'choose-method', method: 'OTP' }]);
  });

  test('send-code names the destination, sends, and offers the other methods', async () => {
    const { worker } = await startWith({
      step: {
        step: 'send-code',
        method: 'EMAIL',
        destination: 'a***n@slaunchx.test',
        alternatives: ['OTP'],
      },
    });
    await screen.findByTestId('step-send-code');
    expect(screen.getByTestId('send-destination').textContent).toBe(
      t('signin_send_to', ['a***n@slaunchx.test']),
    );
    worker.signin.script.push(codeStep({ alternatives: ['OTP'] }));
    fireEvent.click(button('send-code-submit'));
    await screen.findByTestId('step-code');
    fireEvent.click(button('alt-OTP'));
    await screen.findByTestId('step-done');
    expect(worker.signin.inputs).toEqual([
      { kind: 'send-code' },
      { kind: 'choose-method', method: 'OTP' },
    ]);
  });
});

describe('code step', () => {
  test('asks for the code by method with its destination and one-time-code autofill', async () => {
    const { worker } = await startWith(codeStep());
    await screen.findByTestId('step-code');
    expect(screen.getByTestId('code-prompt').textContent).toBe(t('signin_code_prompt_email'));
    expect(screen.getByTestId('code-destination').textContent).toBe(
      t('signin_sent_to', ['a***n@slaunchx.test']),
    );
    const input = screen.getByTestId('code-input');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    fill('code-input', ' 123456 ');
    fireEvent.click(button('code-submit'));
    await screen.findByTestId('step-done');
    expect(worker.signin.inputs).toEqual([{ kind: 'code', code: '123456' }]);
  });

  test('authenticator and backup codes offer no resend; backup codes take letters', async () => {
    await startWith(codeStep({ method: 'BACKUP_CODE', canResend: false, destination: undefined }));
    await screen.findByTestId('step-code');
    expect(screen.getByTestId('code-prompt').textContent).toBe(t('signin_code_prompt_backup'));
    expect(screen.queryByTestId('code-resend')).toBeNull();
    expect(screen.queryByTestId('code-destination')).toBeNull();
    expect(screen.getByTestId('code-input').getAttribute('inputmode')).toBe('text');
  });

  test('counts down to expiry and holds resend until resendAt', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { worker, clock } = await startWith(
      codeStep({
        expiresAt: Date.UTC(2025, 2, 12, 9, 46, 10),
        resendAt: Date.UTC(2025, 2, 12, 9, 42, 10),
      }),
    );
    await screen.findByTestId('step-code');
    expect(screen.getByTestId('code-expiry').textContent).toBe(
      t('signin_code_expires', [t('duration_minutes', ['5', '00'])]),
    );
    expect(button('code-resend').disabled).toBe(true);
    expect(button('code-resend').textContent).toBe(
      t('signin_resend_in', [t('duration_minutes', ['1', '00'])]),
    );
    clock.now += 60_000;
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(button('code-resend').disabled).toBe(false);
    worker.signin.script.push(codeStep());
    fireEvent.click(button('code-resend'));
    await waitFor(() => {
      expect(worker.signin.inputs).toEqual([{ kind: 'resend' }]);
    });
    clock.now += 300_000;
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    // The resend answered a code step without expiresAt; the first one's line is gone.
    expect(screen.queryByTestId('code-expiry')).toBeNull();
  });

  test('an expired code says so', async () => {
    const { clock } = await startWith(codeStep({ expiresAt: Date.UTC(2025, 2, 12, 9, 41, 10) }));
    await screen.findByTestId('step-code');
    expect(clock.now).toBe(Date.UTC(2025, 2, 12, 9, 41, 10));
    expect(screen.getByTestId('code-expiry').textContent).toBe(t('signin_code_expired'));
  });
});

describe('errors and rate limits', () => {
  test("a failed input shows the provider's message, meaning and code on the same step", async () => {
    await startWith({ ...codeStep(), step: { ...codeStep().step, error: WRONG_CODE } });
    const shown = await screen.findByTestId('flow-error');
    expect(within(shown).getByTestId('error-message').textContent).toBe(WRONG_CODE.message);
    expect(within(shown).getByTestId('error-meaning').textContent).toBe(WRONG_CODE.meaning);
    expect(within(shown).getByTestId('error-code').textContent).toBe('AUTH.MFA_CODE_INVALID');
    expect(screen.getByTestId('step-code')).toBeTruthy();
  });

  test('the rate-limit countdown holds the submit until retryAt', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const start = Date.UTC(2025, 2, 12, 9, 41, 10);
    const { clock } = await startWith({ ...codeStep(), retryAt: start + 42_000 });
    await screen.findByTestId('step-code');
    fill('code-input', '123456');
    expect(screen.getByTestId('retry-countdown').textContent).toBe(
      t('signin_retry_in', [t('duration_seconds', ['42'])]),
    );
    expect(t('duration_seconds', ['42'])).toBe('42 s');
    expect(button('code-submit').disabled).toBe(true);
    clock.now += 41_000;
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.getByTestId('retry-countdown').textContent).toBe(
      t('signin_retry_in', [t('duration_seconds', ['1'])]),
    );
    expect(button('code-submit').disabled).toBe(true);
    clock.now += 1000;
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.queryByTestId('retry-countdown')).toBeNull();
    expect(button('code-submit').disabled).toBe(false);
  });

  test('a refused request with a wait holds the submit too', async () => {
    const { worker } = await startWith(codeStep());
    await screen.findByTestId('step-code');
    worker.failNext('signin/advance', 'RATE_LIMITED', 'Too many requests', 30_000);
    fill('code-input', '123456');
    fireEvent.click(button('code-submit'));
    expect((await screen.findByTestId('retry-countdown')).textContent).toBe(
      t('signin_retry_in', [t('duration_seconds', ['30'])]),
    );
    expect(screen.getByTestId('error').textContent).toBe('Too many requests');
    expect(button('code-submit').disabled).toBe(true);
  });

  test('the error step shows message, meaning and code, and starts again', async () => {
    const { worker } = await startWith({ step: { step: 'error', error: WRONG_CODE } });
    const step = await screen.findByTestId('step-error');
    expect(step.textContent).toContain(t('signin_error_title'));
    expect(within(step).getByTestId('error-message').textContent).toBe(WRONG_CODE.message);
    expect(within(step).getByTestId('error-meaning').textContent).toBe(WRONG_CODE.meaning);
    expect(within(step).getByTestId('error-code').textContent).toBe(WRONG_CODE.code);
    expect(screen.queryByTestId('flow-error')).toBeNull();
    fireEvent.click(button('flow-restart'));
    await screen.findByTestId('step-credentials');
    expect(worker.calls.filter((c) => c.type === 'signin/start')).toHaveLength(2);
  });

  test('pending approval shows the provider message and starts again', async () => {
    await startWith({
      step: { step: 'pending-approval', message: 'Your account is awaiting approval.' },
    });
    const step = await screen.findByTestId('step-pending-approval');
    expect(within(step).getByTestId('pending-message').textContent).toBe(
      'Your account is awaiting approval.',
    );
    expect(step.textContent).toContain(t('signin_pending_note'));
    fireEvent.click(button('flow-restart'));
    expect(await screen.findByTestId('step-credentials')).toBeTruthy();
  });

  test('a worker error without a known code shows its own message', async () => {
    const { worker } = await startWith(codeStep());
    await screen.findByTestId('step-code');
    worker.failNext('signin/advance', 'SOMETHING_NEW', 'The sign-in expired. Start again.');
    fill('code-input', '1');
    fireEvent.click(button('code-submit'));
    expect((await screen.findByTestId('error')).textContent).toBe(
      'The sign-in expired. Start again.',
    );
  });
});

test('what the worker filled in is listed as notes', async () => {
  await startWith({
    step: { step: 'pending-approval', message: 'Waiting.' },
    autoFilled: [
      { step: 'credentials', source: 'saved-password' },
      { step: 'code', source: 'vault-totp', method: 'OTP' },
      { step: 'code', source: 'backup-code', method: 'BACKUP_CODE' },
      { step: 'code', source: 'mailbox', method: 'EMAIL' },
    ],
  });
  await screen.findByTestId('step-pending-approval');
  expect(screen.getAllByTestId('autofill-note').map((n) => n.textContent)).toEqual([
    t('signin_filled_password'),
    t('signin_filled_vault'),
    t('signin_filled_backup'),
    t('signin_filled_mailbox'),
  ]);
});
