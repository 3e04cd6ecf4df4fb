/** Captured traffic for property tests: from anything at all to near-valid auth calls. */
import fc from 'fast-check';

const PATHS = [
  '/web/v1/system/auth/login/initiate',
  '/web/v1/consumer/auth/login/complete',
  '/web/v1/system/auth/token/refresh',
  '/web/v1/secure-channel/session',
  '/web/v1/secure-channel/session/close',
  '/api/v2/sdk/login/email-verify-code',
  '/koodrive/ose/v1/auth/login',
  '/auth/v1/signin',
  '/auth/v1/token',
  '/v1/orders',
];

const HEADER_NAMES = [
  'Authorization',
  'X-Client-Hash',
  'X-SC-Session-Id',
  'X-Secure-Channel-Session-Id',
  'X-SC-Version',
  'X-PORTAL-ACCESS-CODE',
  'CF-Connecting-IP',
  'Retry-After',
  'X-SC-Error',
  'Content-Type',
  'X-Captcha-Token',
  'x-device-fingerprint',
];

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json());
const envelopeLike = fc
  .uint8Array({ minLength: 0, maxLength: 80 })
  .map((tail) => Buffer.from([0x53, 0x43, 0x02, 0x01, ...tail]).toString('base64'));
const headerValue = fc.oneof(
  text,
  fc.constant('Bearer eyJhbGciOiJub25lIn0.eyJleHAiOjF9.'),
  fc.constant('2'),
  fc.nat().map(String),
);

const header = fc.oneof(
  fc.record({ name: fc.constantFrom(...HEADER_NAMES), value: headerValue }),
  fc.anything(),
);

const body = fc.record(
  {
    mimeType: fc.oneof(
      fc.constantFrom('application/json', 'application/octet-stream', 'text/plain'),
      fc.anything(),
    ),
    size: fc.oneof(fc.integer({ min: -1, max: 2_000_000 }), fc.anything()),
    text: fc.oneof(text, envelopeLike, fc.anything()),
    encoding: fc.oneof(fc.constant('base64'), fc.anything()),
  },
  { requiredKeys: [] },
);

const time = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString()),
  fc.string(),
);

/** Mostly-shaped HAR entries whose every field may be missing or of any type. */
export const nearEntry = fc.record(
  {
    startedDateTime: time,
    time: fc.oneof(fc.double(), fc.anything()),
    request: fc.record(
      {
        method: fc.oneof(fc.constantFrom('GET', 'POST', 'post'), fc.anything()),
        url: fc.oneof(
          fc
            .tuple(
              fc.constantFrom('http://127.0.0.1:8787', 'https://a.example'),
              fc.constantFrom(...PATHS),
            )
            .map(([host, path]) => host + path),
          fc.webUrl(),
          fc.anything(),
        ),
        headers: fc.oneof(fc.array(header, { maxLength: 8 }), fc.anything()),
        postData: fc.oneof(body, fc.anything()),
      },
      { requiredKeys: [] },
    ),
    response: fc.record(
      {
        status: fc.oneof(fc.constantFrom(0, 200, 400, 401, 403, 429), fc.anything()),
        headers: fc.oneof(fc.array(header, { maxLength: 4 }), fc.anything()),
        content: fc.oneof(body, fc.anything()),
      },
      { requiredKeys: [] },
    ),
    _scPlaintext: fc.oneof(
      fc.record({ request: text, response: text }, { requiredKeys: [] }),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

export const anyEntry = fc.oneof(nearEntry, fc.anything());

/** A token as a provider might issue it: long enough never to occur by chance elsewhere. */
export const secretToken = fc
  .string({
    unit: fc.constantFrom(
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'.split(''),
    ),
    minLength: 12,
    maxLength: 48,
  })
  .map((t) => `Tk${t}`);
