/**
 * Where the panel's page traffic comes from. In DevTools it is `devtools.network`: the HAR of
 * what the Network panel already holds (`getHAR()`, bodies not included), then every finished
 * request with its response body (`getContent()`). Tests and the end-to-end suite pass their own
 * source; an extension page opened as a tab has none (extension log only).
 */

/** A source of captured HAR entries (values of any shape: the panel reads them totally). */
export interface NetworkSource {
  /** What was captured before the panel opened. */
  initial: () => Promise<unknown[]>;
  /** Calls `onEntry` with each finished request, its body read; answers the unsubscribe. */
  subscribe: (onEntry: (entry: unknown) => void) => () => void;
}

/** The slice of `browser.devtools.network` the panel uses (callback or promise forms). */
export interface DevtoolsNetwork {
  getHAR: (callback?: (log: unknown) => void) => unknown;
  onRequestFinished: {
    addListener: (listener: (request: DevtoolsRequest) => void) => void;
    removeListener: (listener: (request: DevtoolsRequest) => void) => void;
  };
}

export interface DevtoolsRequest {
  startedDateTime?: unknown;
  time?: unknown;
  request?: unknown;
  response?: unknown;
  getContent: (callback?: (content: string, encoding: string) => void) => unknown;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Chrome 151+ and Firefox return a promise, and the polyfill wraps `getContent` into one that
 * resolves `[content, encoding]` (and refuses a callback); Chrome before 151 answers only through
 * a callback, so a call that returns no promise is made again with one.
 */
function callEither(
  call: (callback?: (...args: unknown[]) => void) => unknown,
): Promise<unknown[]> {
  return new Promise<unknown[]>((resolve, reject) => {
    const fail = (error: unknown) => {
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    try {
      const result = call();
      if (isThenable(result)) {
        result.then((value) => {
          resolve([value]);
        }, fail);
        return;
      }
      call((...args) => {
        resolve(args);
      });
    } catch (error) {
      fail(error);
    }
  });
}

export interface BodyContent {
  text: string;
  encoding?: string;
}

/** `getContent`'s answer in any of its forms: (content, encoding), [content, encoding], {…}. */
export function readContentResult(args: readonly unknown[]): BodyContent | null {
  let [content, second] = args;
  if (Array.isArray(content)) [content, second] = content as unknown[];
  if (typeof content === 'object' && content !== null && !Array.isArray(content)) {
    const record = content as { content?: unknown; encoding?: unknown };
    [content, second] = [record.content, record.encoding];
  }
  if (typeof content !== 'string') return null;
  // Firefox's second value is a MIME type, Chrome's the encoding ('' or 'base64').
  return second === 'base64' ? { text: content, encoding: 'base64' } : { text: content };
}

/** The HAR fields of a request object: the polyfill's proxy does not spread. */
function plainEntry(request: DevtoolsRequest): Record<string, unknown> | null {
  try {
    const copy: unknown = JSON.parse(
      JSON.stringify({
        startedDateTime: request.startedDateTime,
        time: request.time,
        request: request.request,
        response: request.response,
      }),
    );
    return typeof copy === 'object' && copy !== null ? (copy as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function withBody(entry: Record<string, unknown>, body: BodyContent | null): unknown {
  const response = entry.response;
  if (body === null || typeof response !== 'object' || response === null) return entry;
  const record = response as Record<string, unknown>;
  const content =
    typeof record.content === 'object' && record.content !== null
      ? (record.content as Record<string, unknown>)
      : {};
  return { ...entry, response: { ...record, content: { ...content, ...body } } };
}

function logEntries(log: unknown): unknown[] {
  if (typeof log !== 'object' || log === null) return [];
  // getHAR answers the `log` object itself; a whole HAR file has it under `log`.
  const inner = (log as { log?: unknown }).log ?? log;
  const entries = (inner as { entries?: unknown }).entries;
  return Array.isArray(entries) ? (entries as unknown[]) : [];
}

export function createDevtoolsNetworkSource(network: DevtoolsNetwork): NetworkSource {
  return {
    initial: async () =>
      logEntries(
        (await callEither((cb) => (cb === undefined ? network.getHAR() : network.getHAR(cb))))[0],
      ),
    subscribe: (onEntry) => {
      const listener = (request: DevtoolsRequest) => {
        const entry = plainEntry(request);
        if (entry === null) {
          onEntry(null);
          return;
        }
        callEither((cb) => (cb === undefined ? request.getContent() : request.getContent(cb))).then(
          (args) => {
            onEntry(withBody(entry, readContentResult(args)));
          },
          () => {
            onEntry(entry);
          },
        );
      };
      network.onRequestFinished.addListener(listener);
      return () => {
        network.onRequestFinished.removeListener(listener);
      };
    },
  };
}
