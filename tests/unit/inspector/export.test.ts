/** toCurl, flowToCurl and flowToHar: reproducible where curl can, explained where it cannot. */
import { describe, expect, it } from 'vitest';
import { flowToHar } from '../../../src/inspector/flow-to-har';
import { groupFlows } from '../../../src/inspector/group-flows';
import { flowToCurl, shellQuote, toCurl } from '../../../src/inspector/to-curl';
import { HUGE_BYTES, HUGE_REFRESH, UPLOAD } from '../../fixtures/har/build-edge';
import { KOODRIVE } from '../../fixtures/har/build-koodrive-cloudbase';
import { SX } from '../../fixtures/har/build-slaunchx';
import { entryAt, loadEntries, onlyFlow } from './helpers';

describe('toCurl', () => {
  it('writes a plaintext JSON call with its secrets masked', () => {
    const login = loadEntries('koodrive-numeric-code.har')[1];
    expect(toCurl(login)).toBe(
      [
        "curl -X 'POST' \\",
        `  '${KOODRIVE.origin}/koodrive/ose/v1/auth/login' \\`,
        "  -H 'Content-Type: application/json' \\",
        "  -H 'x-hw-agentName: authdeck-tests' \\",
        "  -H 'X-Traceid: 0123456789abcdef0123456789abcdef' \\",
        `  --data-raw '{"account":"${KOODRIVE.account}","authType":"1","password":"123q…"}'`,
      ].join('\n'),
    );
    expect(toCurl(login, { reveal: true })).toContain(
      `--data-raw '${entryAt(loadEntries('koodrive-numeric-code.har'), 1).request.postData?.text ?? ''}'`,
    );
  });

  it('explains an SCv2 step and feeds its exact envelope bytes', () => {
    const complete = entryAt(loadEntries('slaunchx-system-otp.har'), 3);
    const lines = toCurl(complete).split('\n');
    const session = complete.request.headers.find((h) => h.name === 'X-SC-Session-Id')?.value ?? '';
    expect(lines[0]).toMatch(
      new RegExp(
        `^# The body is an SCv2 request envelope: 126 bytes, session ${session}, nonce [0-9a-f]{24}, sealed 2024-04-01T00:00:15.000Z\\.$`,
      ),
    );
    expect(lines.slice(1, 4).join(' ')).toContain('Plain curl cannot reproduce this step');
    expect(lines[4]).toBe(
      '# Plaintext it carried: {"sessionId":"f47ac10b-58cc-4372-a567-0e02b2c3d479","method":10011002,"code":"…"}',
    );
    expect(lines[5]).toBe(
      `printf '%s' '${complete.request.postData?.text ?? ''}' | base64 -d | curl -X 'POST' \\`,
    );
    expect(lines.at(-1)).toBe('  --data-binary @-');
    expect(lines).toContain("  -H 'X-PORTAL-ACCESS-CODE: demo…' \\");
  });

  it('says when the plaintext of an envelope is unknown', () => {
    const initiate = loadEntries('slaunchx-rate-limited.har')[1];
    expect(toCurl(initiate)).toContain('\n# Its plaintext is not in the capture.\n');
  });

  it('feeds a binary body from base64 and leaves -X out of a plain GET', () => {
    const [upload, download] = loadEntries('binary-body.har');
    const lines = toCurl(upload).split('\n');
    expect(lines[0]).toBe(`# Binary body (${UPLOAD.length} bytes), fed from base64.`);
    expect(lines[1]).toBe(
      `printf '%s' '${Buffer.from(UPLOAD).toString('base64')}' | base64 -d | curl -X 'POST' \\`,
    );
    expect(toCurl(download).split('\n')[0]).toBe(
      "curl 'https://files.shop.example/v1/avatar/av_1' \\",
    );
  });

  it('still writes something for a garbage entry', () => {
    expect(toCurl(null)).toBe("# The capture has no request URL.\ncurl ''");
    // An unfinished JSON body: shown as text, the cut-off password still masked.
    expect(toCurl(loadEntries('garbage.har')[7]).split('\n').at(-1)).toBe(
      `  --data-raw '{"email": "a@b.example", "password": "pw-u…'`,
    );
  });

  it('quotes for a POSIX shell', () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
});

describe('flowToCurl', () => {
  it('writes every step under a header saying secrets are masked', () => {
    const script = flowToCurl(onlyFlow('slaunchx-system-otp.har'));
    const headerLines = script.split('\n').slice(0, 2);
    expect(headerLines).toEqual([
      `# Authdeck flow flow-1: slaunchx on ${SX.origin} (portal system), 9 steps, signed-out.`,
      '# Secrets are masked (…): export with reveal to get runnable commands.',
    ]);
    expect(script.match(/^# Step \d+: /gm)).toHaveLength(9);
    expect(script).toContain('# Step 7: refresh POST auth/token/refresh -> 200\n');
    expect(script).not.toContain(SX.password);
    expect(flowToCurl(onlyFlow('slaunchx-system-otp.har'), { reveal: true })).toContain(
      SX.password,
    );
  });
});

describe('flowToHar', () => {
  it('writes a HAR 1.2 log with every required field', () => {
    const har = flowToHar(onlyFlow('idaas-email-code.har'));
    expect(har.log).toMatchObject({
      version: '1.2',
      creator: { name: 'Authdeck', version: '0.1.0' },
    });
    expect(har.log.entries).toHaveLength(8);
    for (const entry of har.log.entries) {
      expect(Object.keys(entry)).toEqual(
        expect.arrayContaining([
          'startedDateTime',
          'time',
          'request',
          'response',
          'cache',
          'timings',
        ]),
      );
      expect(Object.keys(entry.request)).toEqual(
        expect.arrayContaining([
          'method',
          'url',
          'httpVersion',
          'cookies',
          'headers',
          'queryString',
          'headersSize',
          'bodySize',
        ]),
      );
      expect(Object.keys(entry.response)).toEqual(
        expect.arrayContaining([
          'status',
          'statusText',
          'httpVersion',
          'cookies',
          'headers',
          'content',
          'redirectURL',
          'headersSize',
          'bodySize',
        ]),
      );
      expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false);
    }
    expect(har.log.entries[0]?.response.headers).toContainEqual({
      name: 'X-Emulator-Captcha-Answer',
      value: '…',
    });
    expect(har.log.entries[5]?.request.postData?.text).toBe(
      '{"email":"zhangsan@qq.com","verify_code":"…"}',
    );
  });

  it('masks the SCv2 plaintexts it carries over, and reveals them on request', () => {
    const flow = onlyFlow('slaunchx-system-otp.har');
    const masked = flowToHar(flow).log.entries[2]?._scPlaintext;
    expect(masked?.request).toBe('{"email":"admin@slaunchx.test","password":"Corr…"}');
    expect(flowToHar(flow, { reveal: true }).log.entries[2]?._scPlaintext?.request).toBe(
      `{"email":"admin@slaunchx.test","password":"${SX.password}"}`,
    );
  });

  it('cuts a huge response to 64 KiB and says so', () => {
    const content = flowToHar(onlyFlow('huge-response.har')).log.entries[0]?.response.content;
    expect(content?.comment).toBe(
      `Authdeck kept the first 65536 of ${HUGE_BYTES} bytes; ${HUGE_BYTES - 65536} were cut.`,
    );
    // The kept 65 536 characters, less the refresh token masked to `rt-0…`.
    expect(content?.text).toHaveLength(65536 - HUGE_REFRESH.length + 'rt-0…'.length);
    expect(content?.text).not.toContain(HUGE_REFRESH);
  });

  it('keeps envelopes and images as base64', () => {
    const [upload, download] = flowToHar(onlyFlow('binary-body.har')).log.entries;
    expect(upload?.request.postData).toEqual({
      mimeType: 'image/png',
      text: Buffer.from(UPLOAD).toString('base64'),
      encoding: 'base64',
    });
    expect(download?.response.content.encoding).toBe('base64');
    const complete = entryAt(loadEntries('slaunchx-system-otp.har'), 3);
    const exported = flowToHar(onlyFlow('slaunchx-system-otp.har')).log.entries[3];
    expect(exported?.request.postData?.text).toBe(complete.request.postData?.text);
    expect(exported?.response.content.text).toBe(complete.response.content.text);
  });

  it('exports a flow built from a garbage entry as valid HAR', () => {
    const [flow] = groupFlows(loadEntries('garbage.har'));
    const entry = flow && flowToHar(flow).log.entries[0];
    expect(entry).toMatchObject({
      startedDateTime: '1970-01-01T00:00:00.000Z',
      comment: 'Step 1: initiate (start time not captured)',
      request: { method: 'POST' },
    });
  });
});
