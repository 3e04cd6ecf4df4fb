// @vitest-environment happy-dom
/**
 * Header rules of test profiles (issue 6 §4) in the panel and the options page: listed with the
 * domain they are limited to and the header names they set, switched with `header-rules/set`,
 * and a rule the browser will ignore for want of the host permission says so.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { HeaderRuleView } from '../../../src/messaging/inspector-protocol';
import { renderDevtools } from './devtools-harness';
import { renderOptions } from './render-options';
import { t } from './render-popup';

afterEach(cleanup);

const RULES: HeaderRuleView[] = [
  {
    profileId: 'dev-slx-admin',
    profileName: 'SlaunchX system · admin',
    domain: '127.0.0.1',
    headers: ['CF-Connecting-IP', 'Cf-Ray', 'cf-ipcountry', 'X-PORTAL-ACCESS-CODE'],
    enabled: true,
    missingPermission: false,
  },
  {
    profileId: 'staging',
    profileName: 'Staging',
    domain: 'staging.slaunchx.example',
    headers: ['CF-Connecting-IP', 'Cf-Ray', 'cf-ipcountry'],
    enabled: false,
    missingPermission: true,
  },
];

const ruleRow = (profileId: string) => {
  const found = screen
    .getAllByTestId('header-rule')
    .find((r) => r.getAttribute('data-profile-id') === profileId);
  if (found === undefined) throw new Error(`no rule ${profileId}`);
  return within(found);
};

async function openPanelRules() {
  const harness = renderDevtools({ headerRules: RULES });
  fireEvent.click(screen.getByTestId('devtools-tab-rules'));
  await screen.findAllByTestId('header-rule');
  return harness;
}

describe('header rules in the panel', () => {
  test('lists each rule with its domain, header names, switch state and permission warning', async () => {
    await openPanelRules();
    const admin = ruleRow('dev-slx-admin');
    expect(admin.getByTestId('header-rule-domain').textContent).toBe(
      t('devtools_rules_domain', ['127.0.0.1']),
    );
    expect(admin.getByTestId('header-rule-headers').textContent).toBe(
      'CF-Connecting-IP, Cf-Ray, cf-ipcountry, X-PORTAL-ACCESS-CODE',
    );
    expect(admin.getByTestId<HTMLInputElement>('header-rule-toggle').checked).toBe(true);
    expect(admin.queryByTestId('header-rule-permission')).toBeNull();
    const staging = ruleRow('staging');
    expect(staging.getByTestId<HTMLInputElement>('header-rule-toggle').checked).toBe(false);
    expect(staging.getByTestId('header-rule-permission').textContent).toBe(
      t('devtools_rules_missing_permission', ['staging.slaunchx.example']),
    );
  });

  test('switching a rule sends header-rules/set and shows what the worker answers', async () => {
    const { worker } = await openPanelRules();
    fireEvent.click(ruleRow('dev-slx-admin').getByTestId('header-rule-toggle'));
    await waitFor(() => {
      expect(
        ruleRow('dev-slx-admin').getByTestId<HTMLInputElement>('header-rule-toggle').checked,
      ).toBe(false);
    });
    expect(worker.calls.filter((c) => c.type === 'header-rules/set').map((c) => c.payload)).toEqual(
      [{ profileId: 'dev-slx-admin', enabled: false }],
    );
    expect(worker.inspector.rules[0]?.enabled).toBe(false);
    expect(ruleRow('dev-slx-admin').getByText(t('devtools_rules_off'))).toBeTruthy();
  });

  test('a refused switch leaves the rule as it was and says why', async () => {
    renderDevtools({
      headerRules: RULES,
      setup: (worker) => {
        worker.failNext('header-rules/set', 'PROFILE_NOT_FOUND');
      },
    });
    fireEvent.click(screen.getByTestId('devtools-tab-rules'));
    await screen.findAllByTestId('header-rule');
    fireEvent.click(ruleRow('staging').getByTestId('header-rule-toggle'));
    expect((await screen.findByTestId('error')).textContent).toBe(t('error_PROFILE_NOT_FOUND'));
    expect(ruleRow('staging').getByTestId<HTMLInputElement>('header-rule-toggle').checked).toBe(
      false,
    );
  });

  test('no test profile: says where test profiles are set up', async () => {
    renderDevtools();
    fireEvent.click(screen.getByTestId('devtools-tab-rules'));
    expect((await screen.findByTestId('header-rules-empty')).textContent).toBe(
      t('devtools_rules_empty'),
    );
  });
});

test('the options page lists the same rules and switches them', async () => {
  const { worker } = renderOptions({ headerRules: RULES });
  await waitFor(() => {
    expect(screen.getAllByTestId('header-rule')).toHaveLength(2);
  });
  expect(ruleRow('staging').getByTestId('header-rule-permission')).toBeTruthy();
  fireEvent.click(ruleRow('staging').getByTestId('header-rule-toggle'));
  await waitFor(() => {
    expect(worker.inspector.rules[1]?.enabled).toBe(true);
  });
  expect(ruleRow('staging').getByTestId<HTMLInputElement>('header-rule-toggle').checked).toBe(true);
});
