/**
 * A fetch that answers from a route table in memory, recording each request: adapters see real
 * `Request`/`Response` objects without a socket. Unknown routes answer 404 JSON.
 */
export interface Recorded {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

export type Answer =
  { status?: number; body: unknown; headers?: Record<string, string> } | Response;

export type Route = (req: Recorded) => Answer | Promise<Answer>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function fakeFetch(routes: Record<string, Route>): typeof fetch & { calls: Recorded[] } {
  const calls: Recorded[] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = await request.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // keep the raw text
    }
    const url = new URL(request.url);
    const rec: Recorded = {
      method: request.method,
      path: url.pathname,
      headers: request.headers,
      body,
    };
    calls.push(rec);
    const route = routes[`${request.method} ${url.pathname}`];
    if (route === undefined) return json({ error: 'not_found' }, 404);
    const answer = await route(rec);
    if (answer instanceof Response) return answer;
    return json(answer.body, answer.status ?? 200, answer.headers ?? {});
  };
  return Object.assign(impl, { calls });
}

/** A fetch that never answers until its signal aborts (and then rejects like fetch does). */
export function hangingFetch(): typeof fetch {
  return (_input, init) =>
    new Promise((_resolve, reject) => {
      const signal = init?.signal;
      if (!signal) return;
      signal.addEventListener('abort', () => {
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      });
    });
}
