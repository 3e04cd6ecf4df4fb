/** Open shadow roots and same-origin frames are searched; closed roots and foreign frames are not. */
import { afterEach, describe, expect, it } from 'vitest';
import { analyzePage, toDetectReport } from '../../../src/detect/index';
import { closeWindows, fromHtml } from './dom';

afterEach(closeWindows);

const OTP = '<input id="code" autocomplete="one-time-code" maxlength="6">';

describe('shadow roots', () => {
  it('finds a code field in an open shadow root attached by script, nested two hosts deep', () => {
    const doc = fromHtml('<outer-el id="outer"></outer-el>');
    const outer = doc.getElementById('outer');
    const inner = doc.createElement('inner-el');
    inner.id = 'inner';
    outer?.attachShadow({ mode: 'open' }).appendChild(inner);
    const root = inner.attachShadow({ mode: 'open' });
    root.innerHTML = `<label for="code">Verification code</label>${OTP}`;
    const analysis = analyzePage(doc);
    expect(analysis.otp?.fields[0]?.element).toBe(root.getElementById('code'));
    expect(analysis.otp?.fields[0]?.context.map((s) => [s.kind, s.host])).toEqual([
      ['shadow', outer],
      ['shadow', inner],
    ]);
    expect(toDetectReport(analysis).otp[0]?.selector).toBe('#outer >>> #inner >>> #code');
  });

  it('does not see into a closed shadow root', () => {
    const doc = fromHtml('<div id="host"></div>');
    const closed = doc.getElementById('host')?.attachShadow({ mode: 'closed' });
    if (closed === undefined) throw new Error('no host');
    closed.innerHTML = OTP;
    const analysis = analyzePage(doc);
    expect(analysis.otp).toBeNull();
    expect(analysis.stats).toMatchObject({ roots: 1, fields: 0 });
  });

  it('stops at maxShadowDepth', () => {
    const doc = fromHtml('<div id="a"></div>');
    const shadow = doc.getElementById('a')?.attachShadow({ mode: 'open' });
    if (shadow === undefined) throw new Error('no host');
    shadow.innerHTML = OTP;
    expect(analyzePage(doc, { maxShadowDepth: 0 }).otp).toBeNull();
    expect(analyzePage(doc, { maxShadowDepth: 1 }).otp).not.toBeNull();
  });

  it('treats a field under a hidden shadow host as hidden', () => {
    const doc = fromHtml('<div id="a" hidden></div>');
    const shadow = doc.getElementById('a')?.attachShadow({ mode: 'open' });
    if (shadow === undefined) throw new Error('no host');
    shadow.innerHTML = OTP;
    const analysis = analyzePage(doc);
    expect(analysis.otp).toBeNull();
    expect(analysis.rejected[0]?.reasons.join('\n')).toContain('hidden attribute on <div#a>');
  });
});

describe('frames', () => {
  it('searches a same-origin srcdoc frame and records the frame in the field context', () => {
    const doc = fromHtml(`<iframe id="f" srcdoc='${OTP}'></iframe>`);
    const frame = doc.getElementById('f') as HTMLIFrameElement;
    const analysis = analyzePage(doc);
    expect(analysis.otp?.fields[0]?.element).toBe(frame.contentDocument?.getElementById('code'));
    expect(analysis.otp?.fields[0]?.context).toEqual([{ kind: 'frame', host: frame }]);
    expect(analysis.frames).toMatchObject([
      { element: frame, searched: true, src: 'about:srcdoc' },
    ]);
  });

  it('reports a cross-origin frame as not searched', () => {
    const doc = fromHtml(
      '<iframe id="f" src="https://evil.example.net/otp"></iframe>',
      'https://bank.example.com/',
    );
    const analysis = analyzePage(doc);
    expect(analysis.frames).toMatchObject([
      { searched: false, src: 'https://evil.example.net/otp' },
    ]);
    expect(analysis.frames[0]?.reason).toContain('cross-origin');
  });

  it('reports a frame of another port or scheme as cross-origin', () => {
    const doc = fromHtml(
      '<iframe id="a" src="https://bank.example.com:8443/x"></iframe><iframe id="b" src="http://bank.example.com/x"></iframe>',
      'https://bank.example.com/',
    );
    expect(analyzePage(doc).frames.map((f) => f.searched)).toEqual([false, false]);
  });

  it('does not search a sandboxed frame even when its document is reachable', () => {
    const doc = fromHtml(`<iframe id="f" sandbox="allow-same-origin" srcdoc='${OTP}'></iframe>`);
    const analysis = analyzePage(doc);
    expect(analysis.otp).toBeNull();
    expect(analysis.frames[0]).toMatchObject({ searched: false });
    expect(analysis.frames[0]?.reason).toContain('sandboxed');
  });

  it('treats a field inside a hidden frame as hidden', () => {
    const doc = fromHtml(`<iframe id="f" style="display:none" srcdoc='${OTP}'></iframe>`);
    const analysis = analyzePage(doc);
    expect(analysis.otp).toBeNull();
    expect(analysis.rejected[0]?.reasons.join('\n')).toContain('inside a hidden frame');
  });

  it('stops at maxFrameDepth', () => {
    const doc = fromHtml(`<iframe id="f" srcdoc='${OTP}'></iframe>`);
    const analysis = analyzePage(doc, { maxFrameDepth: 0 });
    expect(analysis.otp).toBeNull();
    expect(analysis.frames[0]).toMatchObject({ searched: false });
  });

  it('analyses a shadow root or an element given as the root', () => {
    const doc = fromHtml(
      `<form id="a">${OTP}</form><form id="b"><input id="other" name="otp" maxlength="6"></form>`,
    );
    const form = doc.getElementById('b');
    if (form === null) throw new Error('no form');
    expect(analyzePage(form).otp?.fields[0]?.element).toBe(doc.getElementById('other'));
  });
});
