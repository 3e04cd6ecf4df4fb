// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { ProfileSeed } from './fake-signin';
import { renderOptions } from './render-options';
import { errorText, t } from './render-popup';

afterEach(cleanup);

const PASSPHRASE = 'right passphrase';
const fill = (testId: string, value: string) => {
  fireEvent.input(screen.getByTestId(testId), { target: { value } });
};
const choose = (testId: string, value: string) => {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
};
const saves = (worker: ReturnType<typeof renderOptions>['worker']) =>
  worker.calls.filter((c) => c.type === 'profiles/save').map((c) => c.payload);

const STAGING: ProfileSeed = {
  id: 'prof-staging',
  name: 'Staging admin',
  family: 'slaunchx',
  baseUrl: 'https://slaunchx.example',
  environment: 'production',
  identifier: 'admin@slaunchx.test',
  portal: 'system',
  accessCode: 'demo-system-portal',
  otpAccountId: null,
  password: 'Correct-Horse-42',
};

async function openUnlocked(extra: Parameters<typeof renderOptions>[0] = {}) {
  const harness = renderOptions({
    passphrase: PASSPHRASE,
    unlocked: true,
    accounts: [{ issuer: 'SlaunchX', label: 'admin@slaunchx.test' }],
    ...extra,
  });
  await screen.findByTestId('settings-auto-lock');
  return harness;
}

async function newProfile(family: string) {
  fireEvent.click(await screen.findByTestId('profile-add'));
  await screen.findByTestId('options-profile-form');
  choose('profile-family', family);
}

describe('profile form payload per family', () => {
  test('SlaunchX sends portal, access code, linked vault account, language and password', async () => {
    const { worker } = await openUnlocked();
    await newProfile('slaunchx');
    fill('profile-name', '  Staging admin ');
    fill('profile-base-url', 'https://slaunchx.example');
    fill('profile-identifier', 'admin@slaunchx.test');
    choose('profile-portal', 'consumer');
    fill('profile-access-code', 'demo-consumer-portal');
    await waitFor(() => {
      expect(screen.getByTestId('profile-otp-account').textContent).toContain('SlaunchX');
    });
    choose('profile-otp-account', 'acc-1');
    choose('profile-accept-language', 'ja');
    fill('profile-password', 'Correct-Horse-42');
    fireEvent.click(screen.getByTestId('profile-save'));

    expect(await screen.findByTestId('profile-row')).toBeTruthy();
    expect(saves(worker)).toEqual([
      {
        profile: {
          name: 'Staging admin',
          family: 'slaunchx',
          baseUrl: 'https://slaunchx.example',
          environment: 'production',
          identifier: 'admin@slaunchx.test',
          portal: 'consumer',
          accessCode: 'demo-consumer-portal',
          otpAccountId: 'acc-1',
          acceptLanguage: 'ja',
        },
        password: 'Correct-Horse-42',
      },
    ]);
    expect(screen.getByTestId('profile-saved').textContent).toBe(
      t('options_saved', ['Staging admin']),
    );
    expect([...worker.signin.passwords.values()]).toEqual(['Correct-Horse-42']);
  });

  test.each<{ family: string; fields: Record<string, string>; extra: Record<string, string> }>([
    {
      family: 'idaas',
      fields: { 'profile-client-id': 'nTo1eRIub60vPb54WeE6aojPwYwImtl4' },
      extra: { clientId: 'nTo1eRIub60vPb54WeE6aojPwYwImtl4' },
    },
    { family: 'koodrive', fields: { 'profile-agent-name': 'web' }, extra: { agentName: 'web' } },
    { family: 'cloudbase', fields: {}, extra: {} },
  ])('$family sends only its own fields, and the dev mailbox of a test profile', async (c) => {
    const { worker } = await openUnlocked();
    await newProfile('slaunchx');
    // Typed while SlaunchX was chosen: must not leak into another family's payload.
    fill('profile-access-code', 'left over');
    choose('profile-family', c.family);
    choose('profile-environment', 'test');
    fill('profile-name', 'Emulator');
    fill('profile-base-url', 'http://127.0.0.1:8787');
    fill('profile-identifier', 'someone');
    fill('profile-mailbox-url', 'http://127.0.0.1:8025');
    for (const [testId, value] of Object.entries(c.fields)) fill(testId, value);
    expect(screen.queryByTestId('profile-otp-account')).toBeNull();
    fireEvent.click(screen.getByTestId('profile-save'));

    expect(await screen.findByTestId('profile-row')).toBeTruthy();
    expect(saves(worker)).toEqual([
      {
        profile: {
          name: 'Emulator',
          family: c.family,
          baseUrl: 'http://127.0.0.1:8787',
          environment: 'test',
          identifier: 'someone',
          mailboxUrl: 'http://127.0.0.1:8025',
          ...c.extra,
        },
      },
    ]);
  });

  test('a production profile never sends a dev mailbox', async () => {
    const { worker } = await openUnlocked();
    await newProfile('cloudbase');
    choose('profile-environment', 'test');
    fill('profile-mailbox-url', 'http://127.0.0.1:8025');
    choose('profile-environment', 'production');
    expect(screen.queryByTestId('profile-mailbox-url')).toBeNull();
    fill('profile-name', 'Real');
    fill('profile-base-url', 'https://auth.example.com');
    fireEvent.click(screen.getByTestId('profile-save'));
    await screen.findByTestId('profile-row');
    expect(saves(worker)[0]).toEqual({
      profile: {
        name: 'Real',
        family: 'cloudbase',
        baseUrl: 'https://auth.example.com',
        environment: 'production',
        identifier: '',
      },
    });
  });
});

describe('host permission', () => {
  async function fillValidProfile() {
    await newProfile('koodrive');
    fill('profile-name', 'Koodrive');
    fill('profile-base-url', 'https://kd.example.com/base/');
    fill('profile-agent-name', 'web');
  }

  test('is asked for the origin inside the Save click, before anything is saved', async () => {
    const { worker, requested, events, permission } = await openUnlocked();
    await fillValidProfile();
    permission.hold = true;
    fireEvent.click(screen.getByTestId('profile-save'));
    // Synchronously, in the same task as the click: the browser's user gesture.
    expect(requested).toEqual(['https://kd.example.com']);
    expect(events).not.toContain('profiles/save');
    permission.release();
    await screen.findByTestId('profile-row');
    expect(events.indexOf('permission')).toBeLessThan(events.indexOf('profiles/save'));
    expect(worker.signin.profiles()).toHaveLength(1);
    expect(screen.queryByTestId('permission-warning')).toBeNull();
  });

  test('refused, the profile is still saved and a warning names the origin', async () => {
    const { worker, permission } = await openUnlocked();
    permission.grant = false;
    await fillValidProfile();
    fireEvent.click(screen.getByTestId('profile-save'));
    expect((await screen.findByTestId('permission-warning')).textContent).toBe(
      t('options_permission_warning', ['https://kd.example.com']),
    );
    expect(worker.signin.profiles().map((p) => p.name)).toEqual(['Koodrive']);
  });

  test('a production http:// URL is refused before asking for a permission', async () => {
    const { worker, requested } = await openUnlocked();
    await newProfile('cloudbase');
    fill('profile-name', 'Plain');
    fill('profile-base-url', 'http://auth.example.com');
    fireEvent.click(screen.getByTestId('profile-save'));
    expect(screen.getByRole('alert').textContent).toBe(errorText('INSECURE_URL'));
    expect(requested).toEqual([]);
    expect(saves(worker)).toEqual([]);
  });

  test('a test profile may use http:// only on this computer', async () => {
    const { requested } = await openUnlocked();
    await newProfile('cloudbase');
    choose('profile-environment', 'test');
    fill('profile-name', 'Shared test box');
    fill('profile-base-url', 'http://test-box.example:8787');
    fireEvent.click(screen.getByTestId('profile-save'));
    expect(screen.getByRole('alert').textContent).toBe(errorText('INSECURE_URL'));
    expect(requested).toEqual([]);
  });

  test("the worker's INSECURE_URL refusal is shown and the form stays open", async () => {
    const { worker } = await openUnlocked();
    await newProfile('cloudbase');
    fill('profile-name', 'Plain');
    fill('profile-base-url', 'https://auth.example.com');
    worker.failNext('profiles/save', 'INSECURE_URL', 'Production profiles must use https.');
    fireEvent.click(screen.getByTestId('profile-save'));
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toBe(errorText('INSECURE_URL'));
    });
    expect(screen.getByTestId('options-profile-form')).toBeTruthy();
    expect(worker.signin.profiles()).toEqual([]);
  });

  test.each([
    ['profile-name', '', 'profile_name_required'],
    ['profile-base-url', 'not a url', 'profile_url_invalid'],
    ['profile-access-code', ' ', 'profile_access_code_required'],
  ])('a missing or bad %s is named without asking for a permission', async (id, value, key) => {
    const { requested } = await openUnlocked();
    await newProfile('slaunchx');
    fill('profile-name', 'Name');
    fill('profile-base-url', 'https://slaunchx.example');
    fill('profile-access-code', 'code');
    fill(id, value);
    fireEvent.click(screen.getByTestId('profile-save'));
    expect(screen.getByRole('alert').textContent).toBe(t(key));
    expect(requested).toEqual([]);
  });
});

describe('editing and deleting', () => {
  test('a blank password keeps the saved one; the id goes with the edit', async () => {
    const { worker } = await openUnlocked({ profiles: [STAGING] });
    fireEvent.click(await screen.findByTestId('profile-edit'));
    expect(screen.getByTestId('profile-password-note').textContent).toBe(
      t('profile_password_keep'),
    );
    fill('profile-name', 'Staging (renamed)');
    fireEvent.click(screen.getByTestId('profile-save'));
    await screen.findByTestId('profile-row');
    const [payload] = saves(worker);
    expect(payload).toMatchObject({ profile: { id: 'prof-staging', name: 'Staging (renamed)' } });
    expect(payload).not.toHaveProperty('password');
    expect(worker.signin.passwords.get('prof-staging')).toBe('Correct-Horse-42');
    expect(screen.getByTestId('profile-row').textContent).toContain('Staging (renamed)');
  });

  test('a stored profile keeps its provider', async () => {
    await openUnlocked({ profiles: [STAGING] });
    fireEvent.click(await screen.findByTestId('profile-edit'));
    expect(screen.getByTestId<HTMLSelectElement>('profile-family').disabled).toBe(true);
  });

  test('"Forget saved password" sends null for the stored profile at once', async () => {
    const { worker } = await openUnlocked({ profiles: [STAGING] });
    fireEvent.click(await screen.findByTestId('profile-edit'));
    fill('profile-name', 'not saved by this button');
    fireEvent.click(screen.getByTestId('profile-forget-password'));
    await waitFor(() => {
      expect(screen.getByTestId('profile-password-status').textContent).toBe(
        t('profile_password_forgotten'),
      );
    });
    expect(saves(worker)).toMatchObject([
      { profile: { id: 'prof-staging', name: 'Staging admin' }, password: null },
    ]);
    expect(worker.signin.passwords.has('prof-staging')).toBe(false);
    expect(screen.queryByTestId('profile-forget-password')).toBeNull();
  });

  test('delete asks first, then removes the profile', async () => {
    const { worker } = await openUnlocked({ profiles: [STAGING] });
    fireEvent.click(await screen.findByTestId('profile-delete'));
    const row = within(screen.getByTestId('profile-row'));
    expect(row.getByRole('alertdialog').textContent).toContain(
      t('options_delete_text', ['Staging admin']),
    );
    fireEvent.click(row.getByTestId('profile-delete-confirm'));
    expect(await screen.findByTestId('profiles-empty')).toBeTruthy();
    expect(worker.signin.profiles()).toEqual([]);
  });
});

describe('vault state', () => {
  test('locked: profiles stay editable, vault-only fields wait for the unlock form', async () => {
    const { worker } = renderOptions({ passphrase: PASSPHRASE, profiles: [STAGING] });
    expect(await screen.findByTestId('options-unlock')).toBeTruthy();
    expect(screen.queryByTestId('settings-auto-lock')).toBeNull();
    fireEvent.click(await screen.findByTestId('profile-edit'));
    expect(screen.getByTestId('profile-locked-note').textContent).toBe(t('options_locked_fields'));
    expect(screen.queryByTestId('profile-password')).toBeNull();
    expect(screen.queryByTestId('profile-otp-account')).toBeNull();

    fill('profile-name', 'Half-edited');
    fireEvent.input(screen.getByTestId('unlock-passphrase'), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByTestId('settings-auto-lock')).toBeTruthy();
    expect(worker.state()).toBe('unlocked');
    // The open form gains the vault-only fields and keeps what was typed.
    expect(await screen.findByTestId('profile-otp-account')).toBeTruthy();
    expect(screen.getByTestId('profile-password')).toBeTruthy();
    expect(screen.getByTestId<HTMLInputElement>('profile-name').value).toBe('Half-edited');
  });

  test('the settings saved here are the same as the popup’s', async () => {
    const { worker } = await openUnlocked();
    await waitFor(() => {
      expect(screen.getByTestId<HTMLInputElement>('settings-auto-lock').value).toBe('15');
    });
    fill('settings-clipboard', '45');
    fireEvent.click(screen.getByTestId('settings-submit'));
    await waitFor(() => {
      expect(worker.settings.clipboardClearSeconds).toBe(45);
    });
  });
});
