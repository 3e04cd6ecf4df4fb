import { afterEach, describe, expect, it } from 'vitest';
import { startWatcher } from '../../../src/content/watch';
import { closeWindows, fromHtml } from '../detect/dom';

afterEach(closeWindows);

/**
 * The page's window with its idle callbacks and timers held, so the test decides when idle
 * time comes; MutationObserver is happy-dom's own.
 */
function heldWindow(doc: Document) {
  const view = doc.defaultView;
  if (view === null) throw new Error('no window');
  const idle: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const win = {
    MutationObserver: view.MutationObserver,
    requestIdleCallback: (cb: () => void) => idle.push(cb),
    setTimeout: (cb: () => void) => timers.push(cb),
  } as unknown as Parameters<typeof startWatcher>[0]['win'];
  /** Lets mutation records arrive (microtasks), then runs what was queued for idle time. */
  const settle = async () => {
    await new Promise<void>((resolve) => {
      queueMicrotask(resolve);
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const runIdle = () => {
    for (const cb of timers.splice(0)) cb();
    for (const cb of idle.splice(0)) cb();
  };
  return { win, idle, timers, settle, runIdle };
}

function setHidden(doc: Document, hidden: boolean): void {
  Object.defineProperty(doc, 'hidden', { configurable: true, get: () => hidden });
  doc.dispatchEvent(new (doc.defaultView?.Event ?? Event)('visibilitychange'));
}

describe('the always-on watcher', () => {
  it('asks for the detector at once on a page that already has an input', () => {
    const doc = fromHtml('<form><input name="code"></form>');
    const held = heldWindow(doc);
    let loads = 0;
    startWatcher({ win: held.win, doc, load: () => (loads += 1) });
    expect(loads).toBe(1);
    expect(held.idle.length + held.timers.length).toBe(0);
  });

  it('does no work on a page without inputs until the DOM changes, then checks in idle time', async () => {
    const doc = fromHtml('<main><p>Article</p></main>');
    const held = heldWindow(doc);
    let loads = 0;
    startWatcher({ win: held.win, doc, load: () => (loads += 1) });
    await held.settle();
    expect(held.idle.length + held.timers.length).toBe(0);
    for (let i = 0; i < 50; i++) doc.querySelector('main')?.append(doc.createElement('p'));
    await held.settle();
    expect(held.idle.length).toBe(1); // fifty mutations, one idle check
    held.runIdle();
    expect(loads).toBe(0);
    doc.querySelector('main')?.append(doc.createElement('input'));
    await held.settle();
    held.runIdle();
    expect(loads).toBe(1);
    doc.querySelector('main')?.append(doc.createElement('input'));
    await held.settle();
    held.runIdle();
    expect(loads).toBe(1); // once per page
  });

  it('finds an input in the open shadow root of an added custom element', async () => {
    const doc = fromHtml('<main></main>');
    const held = heldWindow(doc);
    let loads = 0;
    startWatcher({ win: held.win, doc, load: () => (loads += 1) });
    const host = doc.createElement('otp-field');
    host.attachShadow({ mode: 'open' }).append(doc.createElement('input'));
    doc.querySelector('main')?.append(host);
    await held.settle();
    held.runIdle();
    expect(loads).toBe(1);
  });

  it('waits while the tab is hidden and checks when it is shown again', async () => {
    const doc = fromHtml('<main></main>');
    const held = heldWindow(doc);
    let loads = 0;
    setHidden(doc, true);
    startWatcher({ win: held.win, doc, load: () => (loads += 1) });
    doc.querySelector('main')?.append(doc.createElement('input'));
    await held.settle();
    expect(held.idle.length + held.timers.length).toBe(0);
    setHidden(doc, false);
    held.runIdle();
    expect(loads).toBe(1);
  });

  it('stops observing once its stop function is called', async () => {
    const doc = fromHtml('<main></main>');
    const held = heldWindow(doc);
    let loads = 0;
    const stop = startWatcher({ win: held.win, doc, load: () => (loads += 1) });
    stop();
    doc.querySelector('main')?.append(doc.createElement('input'));
    await held.settle();
    held.runIdle();
    expect(loads).toBe(0);
  });
});
