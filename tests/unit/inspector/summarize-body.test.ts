/** summarizeBody: JSON, text, bytes and huge bodies from the fixtures, secrets masked. */
import { describe, expect, it } from 'vitest';
import { BODY_CAP_BYTES, summarizeBody } from '../../../src/inspector/summarize-body';
import { DOWNLOAD, HUGE_BYTES, HUGE_REFRESH, UPLOAD } from '../../fixtures/har/build-edge';
import { IDAAS } from '../../fixtures/har/build-idaas';
import { SX } from '../../fixtures/har/build-slaunchx';
import { entryAt, loadEntries } from './helpers';

describe('summarizeBody', () => {
  it('parses JSON, masking secrets of a request and keeping result codes of a response', () => {
    const [, , , , wrongCode] = loadEntries('idaas-email-code.har').map((_, i, all) =>
      entryAt(all, i),
    );
    expect(summarizeBody(wrongCode?.request.postData)).toEqual({
      kind: 'json',
      mimeType: 'application/json',
      bytes: Buffer.byteLength(wrongCode?.request.postData?.text ?? ''),
      value: { email: IDAAS.email, verify_code: '…' },
      pretty: `{\n  "email": "${IDAAS.email}",\n  "verify_code": "…"\n}`,
    });
    const koodrive = entryAt(loadEntries('koodrive-numeric-code.har'), 1);
    const response = summarizeBody(koodrive.response.content, { side: 'response' });
    expect(response).toMatchObject({
      kind: 'json',
      value: { code: 0, msg: 'Success', data: { sessionInfo: { expiresIn: 1800 } } },
    });
    const session = (response as { value: { data: { sessionInfo: Record<string, string> } } }).value
      .data.sessionInfo;
    expect(session.accessToken).toMatch(/^AT [0-9a-f]…$/);
    expect(session.refreshToken).toMatch(/^[0-9a-f]{4}…$/);
  });

  it('masks `code` in a request body but not in a response', () => {
    const body = { mimeType: 'application/json', text: '{"code":"287082","method":10011002}' };
    expect(summarizeBody(body)).toMatchObject({ value: { code: '…', method: 10011002 } });
    expect(summarizeBody(body, { side: 'response' })).toMatchObject({ value: { code: '287082' } });
    expect(summarizeBody(body, { reveal: true })).toMatchObject({ value: { code: '287082' } });
  });

  it('shows the plaintext of the SC open call and the password of a login masked', () => {
    const login = entryAt(loadEntries('koodrive-numeric-code.har'), 1);
    expect(summarizeBody(login.request.postData)).toMatchObject({
      kind: 'json',
      value: { account: '0027188460911', authType: '1', password: '123q…' },
    });
    expect(SX.password.startsWith('Corr')).toBe(true);
  });

  it('keeps non-JSON text as text, form fields masked, and says when declared JSON does not parse', () => {
    const introspect = entryAt(loadEntries('bearer-jwt-api.har'), 2);
    expect(summarizeBody(introspect.request.postData)).toEqual({
      kind: 'text',
      mimeType: 'application/x-www-form-urlencoded',
      bytes: introspect.request.postData?.text.length,
      text: 'token=eyJh…&token_type_hint=access_token',
      cut: null,
      note: null,
    });
    expect(
      summarizeBody({ mimeType: 'application/json', text: '{"password": "unfinished' }),
    ).toEqual({
      kind: 'text',
      mimeType: 'application/json',
      bytes: 24,
      text: '{"password": "…',
      cut: null,
      note: 'Declared as JSON but does not parse.',
    });
  });

  it('shows binary bodies as base64 with their size', () => {
    const [upload, download] = loadEntries('binary-body.har').map((_, i, all) => entryAt(all, i));
    expect(summarizeBody(upload?.request.postData)).toEqual({
      kind: 'binary',
      mimeType: 'image/png',
      bytes: UPLOAD.length,
      base64: Buffer.from(UPLOAD).toString('base64'),
      cut: null,
      envelope: null,
    });
    expect(summarizeBody(download?.response.content)).toMatchObject({
      kind: 'binary',
      bytes: DOWNLOAD.length,
      cut: null,
    });
  });

  it('recognises an SCv2 envelope among bytes', () => {
    const complete = entryAt(loadEntries('slaunchx-system-otp.har'), 3);
    const summary = summarizeBody(complete.response.content, { side: 'response' });
    expect(summary).toMatchObject({
      kind: 'binary',
      mimeType: 'application/octet-stream',
      envelope: { ok: true, type: 'response' },
    });
  });

  it('keeps the first 64 KiB of a 1 MiB response, says what was cut, and still masks', () => {
    const huge = entryAt(loadEntries('huge-response.har'), 0);
    const summary = summarizeBody(huge.response.content, { side: 'response' });
    expect(summary).toMatchObject({
      kind: 'text',
      bytes: HUGE_BYTES,
      cut: {
        keptBytes: BODY_CAP_BYTES,
        totalBytes: HUGE_BYTES,
        cutBytes: HUGE_BYTES - BODY_CAP_BYTES,
      },
      note: 'JSON not parsed: the body was cut before its end.',
    });
    const text = (summary as { text: string }).text;
    expect(text.startsWith(`{"refresh_token":"${HUGE_REFRESH.slice(0, 4)}…","rows":[`)).toBe(true);
    expect(text).not.toContain(HUGE_REFRESH);
  });

  it('cuts on a character boundary and honours a smaller cap', () => {
    const summary = summarizeBody({ mimeType: 'text/plain', text: 'ééé' }, { capBytes: 3 });
    expect(summary).toEqual({
      kind: 'text',
      mimeType: 'text/plain',
      bytes: 6,
      text: 'é',
      cut: { keptBytes: 2, totalBytes: 6, cutBytes: 4 },
      note: null,
    });
    const bytes = summarizeBody(
      {
        mimeType: 'application/octet-stream',
        text: Buffer.from(UPLOAD).toString('base64'),
        encoding: 'base64',
      },
      { capBytes: 8 },
    );
    expect(bytes).toMatchObject({
      kind: 'binary',
      bytes: UPLOAD.length,
      base64: 'iVBORw0KGgo=',
      cut: { keptBytes: 8, cutBytes: UPLOAD.length - 8 },
    });
  });

  it('describes empty, missing and odd bodies', () => {
    expect(summarizeBody(undefined)).toEqual({ kind: 'empty', mimeType: '', bytes: 0 });
    expect(summarizeBody({ mimeType: 'text/plain', size: 0, text: '' })).toEqual({
      kind: 'empty',
      mimeType: 'text/plain',
      bytes: 0,
    });
    expect(summarizeBody({ mimeType: 'application/json', size: 420 })).toEqual({
      kind: 'unavailable',
      mimeType: 'application/json',
      bytes: 420,
      note: 'The capture holds no content.',
    });
    expect(summarizeBody('text')).toEqual({
      kind: 'unavailable',
      mimeType: '',
      bytes: 0,
      note: 'Not a HAR body.',
    });
    expect(summarizeBody({ mimeType: 'x', text: '!!!', encoding: 'base64' })).toMatchObject({
      kind: 'text',
      text: '!!!',
      note: 'Marked base64 but is not base64.',
    });
    expect(
      summarizeBody({
        mimeType: 'text/plain',
        text: Buffer.from('héllo').toString('base64'),
        encoding: 'base64',
      }),
    ).toMatchObject({ kind: 'text', text: 'héllo', bytes: 6 });
  });
});
