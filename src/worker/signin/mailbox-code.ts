/**
 * Waits briefly for a mailed code in a test profile's dev mailbox (providers.md §5). Bounded
 * (about 10 s in all), so a code that never comes leaves the step to the user instead of
 * holding the worker; a mailbox that fails is treated the same way.
 */
import { MailboxError, readLatestCode } from '../../providers/mailbox';

export interface MailboxWait {
  fetch: typeof fetch;
  now: () => number;
  /** Total time to wait for the code. */
  budgetMs?: number;
  /** Pause between two looks. */
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export const MAILBOX_BUDGET_MS = 10_000;
const MAILBOX_INTERVAL_MS = 500;

const defaultSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/** The newest code sent to `to` since `since` (ms, our clock), or null. */
export async function waitForMailedCode(
  mailboxUrl: string,
  query: { to: string; since: number },
  wait: MailboxWait,
): Promise<string | null> {
  const budget = wait.budgetMs ?? MAILBOX_BUDGET_MS;
  const interval = wait.intervalMs ?? MAILBOX_INTERVAL_MS;
  const sleep = wait.sleep ?? defaultSleep;
  const deadline = wait.now() + budget;
  // Attempts are counted too, so a clock that does not move (tests) still ends the wait.
  for (let attempt = 0; attempt <= Math.ceil(budget / interval); attempt++) {
    const remaining = deadline - wait.now();
    if (remaining <= 0) return null;
    try {
      const code = await readLatestCode(mailboxUrl, {
        ...query,
        fetch: wait.fetch,
        timeoutMs: remaining,
      });
      if (code !== null) return code;
    } catch (error) {
      if (error instanceof MailboxError) return null;
      throw error;
    }
    await sleep(interval);
  }
  return null;
}
