/**
 * The slice of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) the inspector reads, as
 * `chrome.devtools.network` hands it over, and a total reader for it: captured traffic can be
 * anything, so every value becomes a well-typed entry plus a list of what was missing or
 * unreadable, never an exception.
 */

export interface HarHeader {
  name: string;
  value: string;
}

export interface HarPostData {
  mimeType: string;
  text: string;
  /** Not in HAR 1.2 for postData, but DevTools and this project write `base64` for bytes. */
  encoding?: string;
}

export interface HarContent {
  mimeType: string;
  size: number;
  text?: string;
  encoding?: string;
  comment?: string;
}

export interface HarRequest {
  method: string;
  url: string;
  headers: HarHeader[];
  postData?: HarPostData;
}

export interface HarResponse {
  status: number;
  headers: HarHeader[];
  content: HarContent;
}

/**
 * The plaintexts of an SCv2 call, known only to whoever sealed or opened the envelopes (the
 * extension's own request log). HAR 1.2 allows custom fields whose names start with `_`.
 */
export interface ScPlaintext {
  request?: string;
  response?: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: HarResponse;
  _scPlaintext?: ScPlaintext;
}

export interface NormalizedEntry {
  entry: HarEntry;
  /** What the captured value lacked or held in the wrong type, in reading order. */
  problems: string[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readString(value: unknown, what: string, problems: string[], fallback = ''): string {
  if (typeof value === 'string') return value;
  problems.push(value === undefined ? `${what} missing` : `${what} is not a string`);
  return fallback;
}

function readHeaders(value: unknown, what: string, problems: string[]): HarHeader[] {
  if (!Array.isArray(value)) {
    problems.push(value === undefined ? `${what} missing` : `${what} is not a list`);
    return [];
  }
  const headers: HarHeader[] = [];
  for (const item of value as unknown[]) {
    if (isRecord(item) && typeof item.name === 'string' && typeof item.value === 'string') {
      headers.push({ name: item.name, value: item.value });
    } else {
      problems.push(`${what} holds an unreadable header`);
    }
  }
  return headers;
}

function readBody(value: unknown, problems: string[]): HarPostData | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    problems.push('request.postData is not an object');
    return undefined;
  }
  const body: HarPostData = {
    mimeType: typeof value.mimeType === 'string' ? value.mimeType : '',
    text: readString(value.text, 'request.postData.text', problems),
  };
  if (typeof value.encoding === 'string') body.encoding = value.encoding;
  return body;
}

function readContent(value: unknown, problems: string[]): HarContent {
  if (!isRecord(value)) {
    problems.push(
      value === undefined ? 'response.content missing' : 'response.content is not an object',
    );
    return { mimeType: '', size: -1 };
  }
  const size = typeof value.size === 'number' && Number.isFinite(value.size) ? value.size : -1;
  const content: HarContent = {
    mimeType: typeof value.mimeType === 'string' ? value.mimeType : '',
    size,
  };
  if (typeof value.text === 'string') content.text = value.text;
  if (typeof value.encoding === 'string') content.encoding = value.encoding;
  if (typeof value.comment === 'string') content.comment = value.comment;
  return content;
}

function readRequest(value: unknown, problems: string[]): HarRequest {
  if (!isRecord(value)) {
    problems.push(value === undefined ? 'request missing' : 'request is not an object');
    return { method: 'GET', url: '', headers: [] };
  }
  const request: HarRequest = {
    method: readString(value.method, 'request.method', problems, 'GET').toUpperCase(),
    url: readString(value.url, 'request.url', problems),
    headers: readHeaders(value.headers, 'request.headers', problems),
  };
  const postData = readBody(value.postData, problems);
  if (postData !== undefined) request.postData = postData;
  return request;
}

function readResponse(value: unknown, problems: string[]): HarResponse {
  if (!isRecord(value)) {
    problems.push(value === undefined ? 'response missing' : 'response is not an object');
    return { status: 0, headers: [], content: { mimeType: '', size: -1 } };
  }
  const valid = typeof value.status === 'number' && Number.isInteger(value.status);
  if (!valid) {
    problems.push(
      value.status === undefined ? 'response.status missing' : 'response.status is not a number',
    );
  }
  return {
    status: valid ? (value.status as number) : 0,
    headers: readHeaders(value.headers, 'response.headers', problems),
    content: readContent(value.content, problems),
  };
}

function readPlaintext(value: unknown): ScPlaintext | undefined {
  if (!isRecord(value)) return undefined;
  const out: ScPlaintext = {};
  if (typeof value.request === 'string') out.request = value.request;
  if (typeof value.response === 'string') out.response = value.response;
  return out;
}

const EMPTY_ENTRY: HarEntry = {
  startedDateTime: '',
  time: -1,
  request: { method: 'GET', url: '', headers: [] },
  response: { status: 0, headers: [], content: { mimeType: '', size: -1 } },
};

/** Any value → a HAR entry with defaults where fields were missing, and what was missing. */
export function normalizeEntry(raw: unknown): NormalizedEntry {
  if (!isRecord(raw))
    return { entry: structuredClone(EMPTY_ENTRY), problems: ['entry is not an object'] };
  const problems: string[] = [];
  const entry: HarEntry = {
    startedDateTime: readString(raw.startedDateTime, 'startedDateTime', problems),
    time: typeof raw.time === 'number' && Number.isFinite(raw.time) ? raw.time : -1,
    request: readRequest(raw.request, problems),
    response: readResponse(raw.response, problems),
  };
  const plaintext = readPlaintext(raw._scPlaintext);
  if (plaintext !== undefined) entry._scPlaintext = plaintext;
  if (entry.startedDateTime !== '' && startedMs(entry) === null) {
    problems.push('startedDateTime is not a date');
  }
  return { entry, problems };
}

/** `log.entries` of a HAR file, or [] when the value is no HAR log. */
export function harEntries(har: unknown): unknown[] {
  if (!isRecord(har) || !isRecord(har.log) || !Array.isArray(har.log.entries)) return [];
  return har.log.entries as unknown[];
}

export function startedMs(entry: HarEntry): number | null {
  const ms = Date.parse(entry.startedDateTime);
  return Number.isNaN(ms) ? null : ms;
}

/** The first value of a header, names compared case-insensitively (RFC 9110 §5.1). */
export function getHeader(headers: readonly HarHeader[], name: string): string | null {
  const wanted = name.toLowerCase();
  for (const header of headers) if (header.name.toLowerCase() === wanted) return header.value;
  return null;
}

export interface UrlParts {
  origin: string;
  hostname: string;
  path: string;
  query: URLSearchParams;
}

export function parseUrl(url: string): UrlParts | null {
  try {
    const parsed = new URL(url);
    if (parsed.origin === 'null') return null;
    return {
      origin: parsed.origin,
      hostname: parsed.hostname,
      path: parsed.pathname,
      query: parsed.searchParams,
    };
  } catch {
    return null;
  }
}
