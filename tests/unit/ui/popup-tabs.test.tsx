// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { renderPopup, t, type PopupOptions } from './render-popup';
import { SLAUNCHX } from './signin-fixtures';

afterEach(cleanup);

function openPopup(options: PopupOptions = {}) {
  return renderPopup({
    passphrase: 'right passphrase',
    unlocked: true,
    accounts: [{ issuer: 'GitHub', label: 'alice' }],
    profiles: [SLAUNCHX],
    ...options,
  });
}

const tab = (name: string) => screen.getByTestId(`tab-${name}`);
const selected = () =>
  screen.getAllByRole('tab').filter((el) => el.getAttribute('aria-selected') === 'true');

describe('popup tabs', () => {
  test('are a tab list with one selected tab in the Tab order, labelling the panel', async () => {
    openPopup();
    await screen.findByTestId('account-row');
    expect(screen.getByRole('tablist').getAttribute('aria-label')).toBe(t('tabs_label'));
    expect(screen.getAllByRole('tab').map((el) => el.textContent)).toEqual([
      t('tabs_codes'),
      t('tabs_signin'),
      t('tabs_sessions'),
    ]);
    expect(selected()).toEqual([tab('codes')]);
    expect(screen.getAllByRole('tab').map((el) => el.tabIndex)).toEqual([0, -1, -1]);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe('tab-codes');
    expect(tab('codes').getAttribute('aria-controls')).toBe(panel.id);
  });

  test('arrow keys, Home and End select tabs and keep the focus on the tab', async () => {
    openPopup();
    await screen.findByTestId('account-row');
    tab('codes').focus();
    fireEvent.keyDown(tab('codes'), { key: 'ArrowRight' });
    expect(selected()).toEqual([tab('signin')]);
    expect(document.activeElement).toBe(tab('signin'));
    // The view loads after the switch and must not take the focus away from the tab.
    expect(await screen.findByTestId('profile-row')).toBeTruthy();
    expect(document.activeElement).toBe(tab('signin'));
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-signin');

    const steps: [string, string][] = [
      ['ArrowRight', 'sessions'],
      ['ArrowRight', 'codes'],
      ['ArrowLeft', 'sessions'],
      ['Home', 'codes'],
      ['End', 'sessions'],
    ];
    for (const [key, expected] of steps) {
      fireEvent.keyDown(document.activeElement as Element, { key });
      expect(selected(), key).toEqual([tab(expected)]);
      expect(document.activeElement, key).toBe(tab(expected));
    }
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' });
    await screen.findByTestId('profile-row');
    await waitFor(() => {
      expect(document.activeElement).toBe(tab('signin'));
    });
  });

  test('going back to Codes from the tab bar leaves the search box unfocused', async () => {
    openPopup();
    await screen.findByTestId('account-row');
    fireEvent.click(tab('sessions'));
    await screen.findByTestId('sessions-empty');
    tab('sessions').focus();
    fireEvent.keyDown(tab('sessions'), { key: 'Home' });
    await screen.findByTestId('account-row');
    expect(document.activeElement).toBe(tab('codes'));
  });

  test('other keys are left alone', async () => {
    openPopup();
    await screen.findByTestId('account-row');
    expect(fireEvent.keyDown(tab('codes'), { key: 'ArrowDown' })).toBe(true);
    expect(selected()).toEqual([tab('codes')]);
  });

  test('the popup opens on Sign in while a flow waits for input', async () => {
    openPopup({
      setup: (worker) => {
        worker.signin.startFlow('prof-slx', {
          step: { step: 'code', method: 'OTP', canResend: false, alternatives: [] },
        });
      },
    });
    expect(await screen.findByTestId('step-code')).toBeTruthy();
    expect(selected()).toEqual([tab('signin')]);
  });

  test('a finished flow does not take the popup away from the codes', async () => {
    const { worker } = openPopup({
      setup: (w) => {
        w.signin.startFlow('prof-slx', { step: { step: 'pending-approval', message: 'Wait.' } });
      },
    });
    expect(await screen.findByTestId('account-row')).toBeTruthy();
    expect(selected()).toEqual([tab('codes')]);
    expect(worker.signin.flow()?.step.step).toBe('pending-approval');
  });

  test('settings has no tab and links to the options page', async () => {
    const { optionsOpened } = openPopup();
    fireEvent.click(await screen.findByTestId('settings'));
    await screen.findByTestId('settings-auto-lock');
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.queryByRole('tabpanel')).toBeNull();
    fireEvent.click(screen.getByTestId('open-options'));
    expect(optionsOpened.count).toBe(1);
  });

  test('a locked popup shows no tabs', async () => {
    renderPopup({ passphrase: 'right passphrase' });
    await screen.findByTestId('unlock-passphrase');
    expect(screen.queryByRole('tablist')).toBeNull();
  });
});
