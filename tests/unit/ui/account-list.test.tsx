// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { formatCode } from '../../../src/ui/format-code';
import { fakeCode } from './fake-worker';
import { errorText, renderPopup, t } from './render-popup';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const SECRET = 'JBSWY3DPEHPK3PXP';
const accounts = [
  { issuer: 'GitHub', label: 'alice' },
  { issuer: 'Google', label: 'bob@example.com' },
  { issuer: 'Bank', label: 'carol', type: 'hotp' as const },
];

function openList(options: Parameters<typeof renderPopup>[0] = {}) {
  return renderPopup({ passphrase: 'right passphrase', unlocked: true, accounts, ...options });
}

const rows = () => screen.getAllByTestId('account-row');
const row = (issuer: string) => {
  const found = rows().find((r) => r.textContent.includes(issuer));
  if (found === undefined) throw new Error(`no row for ${issuer}`);
  return within(found);
};

describe('account list', () => {
  test('shows issuer, label, the grouped live code and the seconds left', async () => {
    const { clock } = openList();
    const step = Math.floor(clock.now / 30_000);
    const expected = formatCode(fakeCode(SECRET, step, 6));
    await waitFor(() => {
      expect(row('GitHub').getByTestId('account-code').textContent).toBe(expected);
    });
    expect(expected).toMatch(/^\d{3} \d{3}$/);
    expect(row('GitHub').getByText('alice')).toBeTruthy();
    expect(row('GitHub').getByTestId('countdown').getAttribute('aria-label')).toBe(
      t('list_seconds_left', ['20']),
    );
  });

  test('focuses the search box on open and filters by issuer or label', async () => {
    openList();
    await waitFor(() => {
      expect(rows()).toHaveLength(3);
    });
    const search = screen.getByTestId<HTMLInputElement>('search');
    await waitFor(() => {
      expect(document.activeElement).toBe(search);
    });
    fireEvent.input(search, { target: { value: 'goo' } });
    expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('Google')]);
    fireEvent.input(search, { target: { value: 'CAROL' } });
    expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('Bank')]);
    fireEvent.input(search, { target: { value: 'nothing like it' } });
    expect(screen.queryAllByTestId('account-row')).toHaveLength(0);
    expect(screen.getByText(t('list_no_match', ['nothing like it']))).toBeTruthy();
  });

  test('copy writes the code to the clipboard, then tells the worker, and says Copied', async () => {
    const { clipboard, worker, clock } = openList();
    const code = fakeCode(SECRET, Math.floor(clock.now / 30_000), 6);
    await waitFor(() => {
      expect(row('GitHub').getByTestId('account-code').textContent).toBe(formatCode(code));
    });
    fireEvent.click(row('GitHub').getByTestId('copy-code'));
    await waitFor(() => {
      expect(worker.calls.map((c) => c.type)).toContain('clipboard/copied');
    });
    expect(clipboard).toEqual([code]);
    expect(row('GitHub').getByTestId('copy-code').textContent).toBe(t('list_copied'));
  });

  test('a refused clipboard write shows its message and does not schedule a clear', async () => {
    const { worker } = openList({ failCopy: true });
    await waitFor(() => {
      expect(row('GitHub').getByTestId<HTMLButtonElement>('copy-code').disabled).toBe(false);
    });
    fireEvent.click(row('GitHub').getByTestId('copy-code'));
    expect((await row('GitHub').findByRole('alert')).textContent).toBe(errorText('COPY_FAILED'));
    expect(worker.calls.map((c) => c.type)).not.toContain('clipboard/copied');
  });

  test('an HOTP account has no code until "Next code" is pressed', async () => {
    openList();
    await waitFor(() => {
      expect(row('Bank').getByTestId('account-code').textContent).toBe(t('list_no_code'));
    });
    expect(row('Bank').getByTestId<HTMLButtonElement>('copy-code').disabled).toBe(true);
    fireEvent.click(row('Bank').getByTestId('hotp-next'));
    const expected = formatCode(fakeCode(SECRET, 1, 6));
    await waitFor(() => {
      expect(row('Bank').getByTestId('account-code').textContent).toBe(expected);
    });
    expect(row('Bank').getByTestId<HTMLButtonElement>('copy-code').disabled).toBe(false);
  });

  test('fetches codes again when the window ends', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { clock, worker } = openList();
    const step = Math.floor(clock.now / 30_000);
    await waitFor(() => {
      expect(row('GitHub').getByTestId('account-code').textContent).toBe(
        formatCode(fakeCode(SECRET, step, 6)),
      );
    });
    const fetches = () => worker.calls.filter((c) => c.type === 'accounts/codes').length;
    const before = fetches();
    clock.now += 19_000;
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(row('GitHub').getByTestId('countdown').getAttribute('aria-label')).toBe(
      t('list_seconds_left', ['1']),
    );
    expect(fetches()).toBe(before);
    clock.now += 1000;
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    await waitFor(() => {
      expect(row('GitHub').getByTestId('account-code').textContent).toBe(
        formatCode(fakeCode(SECRET, step + 1, 6)),
      );
    });
    expect(fetches()).toBe(before + 1);
  });

  test('shows the empty state with a way to add an account', async () => {
    openList({ accounts: [] });
    const empty = await screen.findByTestId('empty-state');
    fireEvent.click(within(empty).getByRole('button', { name: t('list_empty_add') }));
    expect(await screen.findByTestId('add-uri-input')).toBeTruthy();
  });
});

describe('account list keyboard', () => {
  test('"/" focuses the search box from anywhere but a text field', async () => {
    openList();
    await waitFor(() => {
      expect(row('GitHub').getByTestId<HTMLButtonElement>('copy-code').disabled).toBe(false);
    });
    const copy = row('GitHub').getByTestId('copy-code');
    copy.focus();
    expect(fireEvent.keyDown(copy, { key: '/' })).toBe(false);
    expect(document.activeElement).toBe(screen.getByTestId('search'));
    // Typed into the search box, "/" is just a character.
    expect(fireEvent.keyDown(screen.getByTestId('search'), { key: '/' })).toBe(true);
  });

  test('arrow keys move from the search box through the rows, keeping the column', async () => {
    openList();
    await waitFor(() => {
      expect(row('Google').getByTestId<HTMLButtonElement>('copy-code').disabled).toBe(false);
    });
    const search = screen.getByTestId('search');
    search.focus();
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(row('GitHub').getByTestId('copy-code'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(row('Google').getByTestId('copy-code'));
    row('Google').getByTestId('account-details').focus();
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(row('GitHub').getByTestId('account-details'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(document.activeElement).toBe(row('Bank').getByTestId('account-details'));
  });
});
