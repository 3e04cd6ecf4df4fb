/**
 * The detector's life on a bound site (issue 5 §5): analyse the page in idle time as it
 * changes, show the inline button beside a fillable one-time-code target, and fill what the
 * worker hands back after a trusted, dwelled, unobscured click. Optional auto-fill (the
 * site's setting, off by default) fills without a click only when exactly one bound account
 * matches and the field says `autocomplete="one-time-code"`; the worker checks the same.
 *
 *   start ─▶ analyse ─┬─ no fillable target ─▶ hide
 *                     └─ target ─▶ accounts (asked once; again after 30 s if locked)
 *                          ├─ none ─▶ hide
 *                          └─ some ─▶ show button ─ (auto-fill?) ─ click ─▶ content/fill ─▶ fillPage
 */
import { analyzePage, createLayoutProbe, type LayoutProbe, type OtpTarget } from '../detect';
import type {
  ContentOutcome,
  ContentReplies,
  SendToWorkerFromPage,
} from '../messaging/content-channel';
import type { PageFillResult } from '../messaging/page-contract';
import { createIdleBatcher } from './idle-batcher';
import { createInlineButton, type InlineButton, type InlineButtonDeps } from './inline-button';
import { fillPage } from './page-fill';

type AccountsInfo = ContentReplies['content/accounts'];

const LOCKED_RETRY_MS = 30_000;
const REPORT_EVERY_MS = 2_000;

export interface InlineControllerDeps {
  win: Window;
  doc: Document;
  send: SendToWorkerFromPage;
  /** The button's accessible name, in the browser's language. */
  title: string;
  createLayout?: () => LayoutProbe;
  button?: Partial<Pick<InlineButtonDeps, 'dwellMs' | 'isVisible' | 'random'>>;
}

function outcomeOf(result: PageFillResult): ContentOutcome {
  if (result.status === 'filled') return 'filled';
  return result.status;
}

const wantsOneTimeCode = (target: OtpTarget) =>
  target.shape === 'single' &&
  (target.fields[0]?.element.autocomplete ?? '').split(/\s+/).includes('one-time-code');

export function createInlineController(deps: InlineControllerDeps) {
  const { win, doc, send } = deps;
  const createLayout = deps.createLayout ?? createLayoutProbe;
  const origin = win.location.origin;
  let info: AccountsInfo | null = null;
  let askedAt = Number.NEGATIVE_INFINITY;
  let started = false;
  const autoFilled = new WeakSet<Element>();
  const lastReport = new Map<ContentOutcome, number>();

  /** Local throttle per outcome: a page clicking synthetically all day sends one report per 2 s. */
  function report(outcome: ContentOutcome): void {
    const now = performance.now();
    if (now - (lastReport.get(outcome) ?? Number.NEGATIVE_INFINITY) < REPORT_EVERY_MS) return;
    lastReport.set(outcome, now);
    void send('content/report', { outcome }).catch(() => undefined);
  }

  async function fill(accountId: string, trigger: 'inline' | 'auto'): Promise<void> {
    let reply: ContentReplies['content/fill'];
    try {
      reply = await send('content/fill', { accountId, trigger });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      report(code === 'VAULT_LOCKED' ? 'locked' : 'refused');
      return;
    }
    const result = fillPage(
      doc,
      { code: reply.code, expectedOrigin: origin, expectedUrl: null, autoSubmit: reply.autoSubmit },
      { createLayout },
    );
    report(outcomeOf(result));
  }

  const button: InlineButton = createInlineButton({
    doc,
    title: deps.title,
    onChoose: (id) => void fill(id, 'inline'),
    onRefused: report,
    createLayout,
    ...deps.button,
  });

  async function accounts(): Promise<AccountsInfo | null> {
    const stale = info === null || (info.locked && performance.now() - askedAt > LOCKED_RETRY_MS);
    if (!stale) return info;
    askedAt = performance.now();
    info = await send('content/accounts', {}).catch(() => null);
    return info;
  }

  async function analyse(): Promise<void> {
    const target = analyzePage(doc, { layout: createLayout() }).otp;
    const fillable =
      target !== null &&
      !target.flags.includes('hidden-box-in-group') &&
      target.fields.every((f) => f.blockers.length === 0);
    const known = fillable ? await accounts() : null;
    const anchor = target?.fields.at(-1)?.element;
    if (!fillable || known === null || known.accounts.length === 0 || anchor === undefined) {
      button.hide();
      return;
    }
    button.show(anchor, known.accounts);
    const only = known.accounts.length === 1 ? known.accounts[0] : undefined;
    const field = target.fields[0]?.element;
    if (known.autoFill && only !== undefined && field !== undefined && wantsOneTimeCode(target)) {
      if (autoFilled.has(field)) return;
      autoFilled.add(field);
      await fill(only.id, 'auto');
    }
  }

  const batcher = createIdleBatcher(win, doc, () => void analyse(), {
    minIntervalMs: 400,
    maxRuns: 500,
    onExhausted: () => {
      observer.disconnect();
    },
  });
  const observer = new MutationObserver(() => {
    batcher.poke();
  });
  let frame = 0;
  const onViewportChange = () => {
    if (frame !== 0) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      button.reposition();
    });
  };

  return {
    start(): void {
      if (started) return;
      started = true;
      observer.observe(doc.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['hidden', 'style', 'class', 'disabled'],
      });
      win.addEventListener('scroll', onViewportChange, { passive: true, capture: true });
      win.addEventListener('resize', onViewportChange, { passive: true });
      batcher.poke();
    },
  };
}

export type InlineController = ReturnType<typeof createInlineController>;
