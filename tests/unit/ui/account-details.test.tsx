// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { errorText, renderPopup, t } from './render-popup';

afterEach(cleanup);

async function openDetails(backupCodes: string[] = []) {
  const harness = renderPopup({
    passphrase: 'right passphrase',
    unlocked: true,
    accounts: [
      { issuer: 'GitHub', label: 'alice', backupCodes },
      { issuer: 'Google', label: 'bob' },
    ],
  });
  const rows = await screen.findAllByTestId('account-row');
  const github = rows.find((r) => r.textContent.includes('GitHub'));
  if (github === undefined) throw new Error('no GitHub row');
  fireEvent.click(within(github).getByTestId('account-details'));
  await screen.findByTestId('rename-issuer');
  const id = harness.worker.accounts()[0]?.id ?? '';
  return { ...harness, id };
}

const count = () => screen.getByTestId('backup-count').textContent;

describe('account details', () => {
  test('renaming changes issuer and label in the vault and in the list', async () => {
    const { worker } = await openDetails();
    fireEvent.input(screen.getByTestId('rename-issuer'), {
      target: { value: 'GitHub Enterprise' },
    });
    fireEvent.input(screen.getByTestId('rename-label'), { target: { value: 'alice@corp' } });
    fireEvent.click(screen.getByTestId('rename-submit'));
    expect(await screen.findByText(t('details_saved'))).toBeTruthy();
    expect(worker.accounts()[0]).toMatchObject({
      issuer: 'GitHub Enterprise',
      label: 'alice@corp',
    });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect((await screen.findAllByTestId('account-row'))[0]?.textContent).toContain('alice@corp');
  });

  test('delete asks first; Escape cancels the question, not the screen', async () => {
    const { worker } = await openDetails();
    fireEvent.click(screen.getByTestId('delete-account'));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain(t('details_delete_text', ['GitHub']));
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByTestId('delete-cancel'));
    });
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByTestId('rename-issuer')).toBeTruthy();
    expect(worker.accounts()).toHaveLength(2);
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByTestId('delete-account'));
    });
  });

  test('confirming the deletion removes the account and returns to the list', async () => {
    const { worker } = await openDetails();
    fireEvent.click(screen.getByTestId('delete-account'));
    fireEvent.click(await screen.findByTestId('delete-confirm'));
    await waitFor(() => {
      expect(screen.getAllByTestId('account-row')).toHaveLength(1);
    });
    expect(worker.accounts().map((a) => a.issuer)).toEqual(['Google']);
  });
});

describe('backup codes', () => {
  test('pasting adds the new lines and reports duplicates and rejected lines', async () => {
    const { worker, id } = await openDetails(['1111-2222']);
    expect(count()).toBe(t('backup_remaining', ['1', '1']));
    fireEvent.input(screen.getByTestId('backup-paste'), {
      target: { value: '3333-4444\n1111-2222\n\nnot a code!\n5555-6666\n7777-8888' },
    });
    fireEvent.click(screen.getByTestId('backup-add'));
    const summary = await screen.findByTestId('backup-add-summary');
    expect(summary.textContent).toContain(t('backup_added', ['3']));
    expect(summary.textContent).toContain(t('backup_duplicates', ['1']));
    expect(summary.textContent).toContain(
      t('backup_rejected_line', ['4', 'not a code!', 'not a backup code']),
    );
    expect(count()).toBe(t('backup_remaining', ['4', '4']));
    expect(worker.backupCodes(id).map((b) => b.code)).toEqual([
      '1111-2222',
      '3333-4444',
      '5555-6666',
      '7777-8888',
    ]);
    expect(screen.getByTestId<HTMLTextAreaElement>('backup-paste').value).toBe('');
  });

  test('"Copy next unused" copies a code, marks it used, and warns at two or fewer', async () => {
    const { worker, id, clipboard } = await openDetails(['aaaa-1111', 'bbbb-2222', 'cccc-3333']);
    expect(screen.queryByTestId('backup-low')).toBeNull();
    fireEvent.click(screen.getByTestId('backup-take-next'));
    await waitFor(() => {
      expect(count()).toBe(t('backup_remaining', ['2', '3']));
    });
    expect(clipboard).toEqual(['aaaa-1111']);
    expect(worker.backupCodes(id)[0]?.usedAt).not.toBeNull();
    expect(worker.calls.map((c) => c.type)).toContain('clipboard/copied');
    expect(screen.getByTestId('backup-low').textContent.trim()).toBe(t('backup_low_warning'));
  });

  test('the last code taken leaves the button disabled and says none are left', async () => {
    const { clipboard } = await openDetails(['only-0001']);
    fireEvent.click(screen.getByTestId('backup-take-next'));
    await waitFor(() => {
      expect(screen.getByTestId<HTMLButtonElement>('backup-take-next').disabled).toBe(true);
    });
    expect(clipboard).toEqual(['only-0001']);
    expect(screen.getByTestId('backup-low').textContent.trim()).toBe(t('backup_empty_warning'));
  });

  test('when the clipboard refuses, the taken code is shown so it is not lost', async () => {
    renderPopup({
      passphrase: 'p',
      unlocked: true,
      failCopy: true,
      accounts: [{ issuer: 'GitHub', label: 'alice', backupCodes: ['aaaa-1111'] }],
    });
    fireEvent.click(await screen.findByTestId('account-details'));
    fireEvent.click(await screen.findByTestId('backup-take-next'));
    expect((await screen.findByTestId('backup-taken')).textContent).toBe(
      t('backup_copy_by_hand', ['aaaa-1111']),
    );
    expect(screen.getByRole('alert').textContent).toBe(errorText('COPY_FAILED'));
  });

  test('reveal lists the codes, used ones struck through; "Mark used" marks one', async () => {
    const { worker, id } = await openDetails(['aaaa-1111', 'bbbb-2222', 'cccc-3333']);
    fireEvent.click(screen.getByTestId('backup-take-next'));
    await waitFor(() => {
      expect(count()).toBe(t('backup_remaining', ['2', '3']));
    });
    fireEvent.click(screen.getByTestId('backup-reveal'));
    const items = await screen.findAllByTestId('backup-code');
    expect(items.map((li) => li.getAttribute('data-used'))).toEqual(['true', 'false', 'false']);
    expect(items[0]?.querySelector('s')?.textContent).toBe('aaaa-1111');
    expect(screen.getByTestId('backup-reveal').getAttribute('aria-expanded')).toBe('true');

    fireEvent.click(
      screen.getByRole('button', { name: t('backup_mark_used_code', ['cccc-3333']) }),
    );
    await waitFor(() => {
      expect(
        screen.getAllByTestId('backup-code').map((li) => li.getAttribute('data-used')),
      ).toEqual(['true', 'false', 'true']);
    });
    expect(count()).toBe(t('backup_remaining', ['1', '3']));
    expect(worker.backupCodes(id)[2]?.usedAt).not.toBeNull();

    fireEvent.click(screen.getByTestId('backup-reveal'));
    expect(screen.queryAllByTestId('backup-code')).toHaveLength(0);
  });
});
