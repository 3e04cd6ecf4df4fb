// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { t } from './render-popup';
import { KOODRIVE, SLAUNCHX, button, fill, openSignIn, startWith } from './signin-fixtures';

afterEach(cleanup);

const credentials = (mode: 'password' | 'code' = 'password') => ({
  step: {
    step: 'credentials' as const,
    mode,
    modes: ['password' as const],
    identifier: 'email' as const,
    password: mode === 'password',
  },
});

describe('profiles in the popup', () => {
  test('lists each profile with its family and environment', async () => {
    await openSignIn();
    const rows = await screen.findAllByTestId('profile-row');
    expect(rows.map((r) => within(r).getByTestId('env-badge').textContent)).toEqual([
      t('profile_env_test'),
      t('profile_env_production'),
    ]);
    expect(rows[0]?.textContent).toContain('SlaunchX admin');
    expect(rows[0]?.textContent).toContain('SlaunchX · admin@slaunchx.test');
    expect(rows[1]?.textContent).toContain('Koodrive');
    expect(
      within(rows[1] as HTMLElement)
        .getByTestId('profile-signin')
        .getAttribute('aria-label'),
    ).toBe(t('signin_start_for', ['Koodrive prod']));
  });

  test('without profiles, the empty state opens the options page', async () => {
    const { optionsOpened } = await openSignIn({ profiles: [] });
    fireEvent.click(await screen.findByTestId('add-profile'));
    expect(optionsOpened.count).toBe(1);
  });

  test('"Manage profiles" opens the options page', async () => {
    const { optionsOpened } = await openSignIn();
    fireEvent.click(await screen.findByTestId('manage-profiles'));
    expect(optionsOpened.count).toBe(1);
  });
});

describe('credentials step', () => {
  test('is prefilled with the profile identifier and focuses the password', async () => {
    const { worker } = await startWith(credentials());
    expect(await screen.findByTestId('step-credentials')).toBeTruthy();
    expect(screen.getByTestId<HTMLInputElement>('credentials-identifier').value).toBe(
      'admin@slaunchx.test',
    );
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByTestId('credentials-password'));
    });
    expect(worker.calls.find((c) => c.type === 'signin/start')?.payload).toEqual({
      profileId: 'prof-slx',
    });
  });

  test('sends identifier, password and the remember choice', async () => {
    const { worker } = await startWith(credentials());
    await screen.findByTestId('step-credentials');
    fill('credentials-password', 'Correct-Horse-42');
    fireEvent.click(screen.getByTestId('credentials-remember'));
    fireEvent.click(button('credentials-submit'));
    await screen.findByTestId('step-done');
    expect(worker.signin.inputs).toEqual([
      {
        kind: 'credentials',
        identifier: 'admin@slaunchx.test',
        password: 'Correct-Horse-42',
        remember: true,
      },
    ]);
  });

  test('a blank password is left out, so the worker uses the saved one', async () => {
    const { worker } = await startWith(credentials(), {
      profiles: [{ ...SLAUNCHX, password: 'in the vault' }],
    });
    await screen.findByTestId('step-credentials');
    expect(screen.getByText(t('signin_password_saved_hint'))).toBeTruthy();
    fill('credentials-identifier', ' other@slaunchx.test ');
    fireEvent.click(button('credentials-submit'));
    await screen.findByTestId('step-done');
    expect(worker.signin.inputs).toEqual([
      { kind: 'credentials', identifier: 'other@slaunchx.test' },
    ]);
  });

  test('an empty identifier cannot be submitted', async () => {
    await startWith(credentials(), { profiles: [{ ...KOODRIVE }] });
    await screen.findByTestId('step-credentials');
    expect(button('credentials-submit').disabled).toBe(true);
    fill('credentials-identifier', '0027188460911');
    expect(button('credentials-submit').disabled).toBe(false);
  });

  test('a family with both modes switches by starting again in the other mode', async () => {
    const { worker } = await openSignIn({ profiles: [KOODRIVE] });
    fireEvent.click(await screen.findByTestId('profile-signin'));
    await screen.findByTestId('step-credentials');
    expect(screen.getByTestId('mode-switch').textContent).toBe(t('signin_use_code'));
    fill('credentials-identifier', '0027188460911');
    fireEvent.click(screen.getByTestId('mode-switch'));
    await waitFor(() => {
      expect(screen.queryByTestId('credentials-password')).toBeNull();
    });
    // What was typed survives the new flow.
    expect(screen.getByTestId<HTMLInputElement>('credentials-identifier').value).toBe(
      '0027188460911',
    );
    expect(button('credentials-submit').textContent).toBe(t('signin_send_code'));
    expect(screen.getByTestId('mode-switch').textContent).toBe(t('signin_use_password'));
    expect(worker.calls.filter((c) => c.type === 'signin/start').map((c) => c.payload)).toEqual([
      { profileId: 'prof-kd' },
      { profileId: 'prof-kd', mode: 'code' },
    ]);
  });

  test('a family with one mode offers no switch', async () => {
    await startWith(credentials());
    await screen.findByTestId('step-credentials');
    expect(screen.queryByTestId('mode-switch')).toBeNull();
  });
});

describe('flow lifecycle', () => {
  test('shows a busy line and holds the submit while a step runs', async () => {
    const { worker } = await startWith(credentials());
    await screen.findByTestId('step-credentials');
    const release = worker.hold('signin/advance');
    fill('credentials-password', 'pw');
    fireEvent.click(button('credentials-submit'));
    expect((await screen.findByTestId('signin-busy')).textContent).toContain(t('signin_busy'));
    expect(button('credentials-submit').disabled).toBe(true);
    expect(button('signin-cancel').disabled).toBe(true);
    release();
    expect(await screen.findByTestId('step-done')).toBeTruthy();
    expect(screen.queryByTestId('signin-busy')).toBeNull();
  });

  test('Cancel ends the flow at the worker and returns to the profiles', async () => {
    const { worker } = await startWith(credentials());
    await screen.findByTestId('step-credentials');
    const flowId = worker.signin.flow()?.flowId;
    fireEvent.click(button('signin-cancel'));
    expect(await screen.findAllByTestId('profile-row')).toHaveLength(2);
    expect(worker.calls.find((c) => c.type === 'signin/cancel')?.payload).toEqual({ flowId });
    expect(worker.signin.flow()).toBeNull();
  });

  test('done leads to the new session in the Sessions tab', async () => {
    await startWith(credentials());
    await screen.findByTestId('step-credentials');
    fill('credentials-password', 'pw');
    fireEvent.click(button('credentials-submit'));
    const done = await screen.findByTestId('step-done');
    expect(done.textContent).toContain(t('signin_done', ['SlaunchX admin']));
    expect(button('signin-cancel').textContent).toBe(t('signin_close'));
    fireEvent.click(within(done).getByTestId('done-sessions'));
    const row = await screen.findByTestId('session-row');
    expect(row.textContent).toContain('admin@slaunchx.test');
    expect(screen.getByTestId('tab-sessions').getAttribute('aria-selected')).toBe('true');
  });

  test('a flow that waits for input is shown when the tab opens', async () => {
    await openSignIn({
      setup: (worker) => {
        worker.signin.startFlow('prof-slx', credentials('password'));
      },
    });
    expect(await screen.findByTestId('step-credentials')).toBeTruthy();
    expect(screen.queryByTestId('profile-row')).toBeNull();
  });
});
