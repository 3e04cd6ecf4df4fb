/** Profiles, steps and helpers shared by the sign-in and sessions view tests. */
import { fireEvent, screen } from '@testing-library/preact';
import type { ErrorInfo } from '../../../src/providers/flow';
import type { ProfileSeed, ScriptedStep } from './fake-signin';
import { renderPopup, type PopupOptions } from './render-popup';

export const SLAUNCHX: ProfileSeed = {
  id: 'prof-slx',
  name: 'SlaunchX admin',
  family: 'slaunchx',
  baseUrl: 'http://127.0.0.1:8787',
  environment: 'test',
  identifier: 'admin@slaunchx.test',
  portal: 'system',
  accessCode: 'demo-system-portal',
  otpAccountId: null,
};

export const KOODRIVE: ProfileSeed = {
  id: 'prof-kd',
  name: 'Koodrive prod',
  family: 'koodrive',
  baseUrl: 'https://kd.example.com',
  environment: 'production',
  identifier: '',
  agentName: 'web',
};

/** A 1×1 SVG as a data: URL, as IDaaS sends captchas (providers.md §2). */
export const CAPTCHA_IMAGE =
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=';

export const WRONG_CODE: ErrorInfo = {
  code: 'AUTH.MFA_CODE_INVALID',
  provider: 'slaunchx',
  message: 'The verification code is incorrect',
  meaning: 'The MFA code was wrong or expired; ask for a new one if it keeps failing.',
};

export async function openSignIn(options: PopupOptions = {}) {
  const harness = renderPopup({
    passphrase: 'right passphrase',
    unlocked: true,
    profiles: [SLAUNCHX, KOODRIVE],
    ...options,
  });
  fireEvent.click(await screen.findByTestId('tab-signin'));
  return harness;
}

/** Starts the first profile's flow with `first` as the step `signin/start` answers. */
export async function startWith(first: ScriptedStep, options: PopupOptions = {}) {
  const harness = await openSignIn(options);
  harness.worker.signin.script.push(first);
  const [button] = await screen.findAllByTestId('profile-signin');
  if (button === undefined) throw new Error('no profile to start');
  fireEvent.click(button);
  return harness;
}

export const fill = (testId: string, value: string) => {
  fireEvent.input(screen.getByTestId(testId), { target: { value } });
};

export const button = (testId: string) => screen.getByTestId<HTMLButtonElement>(testId);
