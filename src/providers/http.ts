/**
 * The one way adapters talk HTTP: the injected fetch, a deadline on every request, JSON in and
 * out, and every failure turned into a `ProviderError` (NETWORK, TIMEOUT, RESPONSE_INVALID).
 */
import * as v from 'valibot';
import { clientError } from './errors';
import type { ProviderFamily } from './profile';

export interface HttpClient {
  /** POST/GET JSON; resolves for every HTTP status, rejects only with `ProviderError`. */
  request(req: JsonRequest): Promise<JsonResponse>;
}

export interface JsonRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Adds a timeout to every request whose caller did not bring a tighter one. */
export function withTimeout(fetchImpl: typeof fetch, timeoutMs: number): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return fetchImpl(input, { ...init, signal });
  };
}

/** TIMEOUT for our deadline, NETWORK for anything else fetch throws. */
export function transportError(provider: ProviderFamily, error: unknown) {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return clientError(provider, 'TIMEOUT', undefined, { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return clientError(provider, 'NETWORK', detail, { cause: error });
}

function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const type = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

export function createHttpClient(deps: {
  provider: ProviderFamily;
  fetch: typeof fetch;
  timeoutMs: number;
}): HttpClient {
  const timedFetch = withTimeout(deps.fetch, deps.timeoutMs);
  return {
    async request(req) {
      const init: RequestInit = { method: req.method, headers: req.headers };
      if (req.body !== undefined) init.body = JSON.stringify(req.body);
      let response: Response;
      let text: string;
      try {
        response = await timedFetch(req.url, init);
        // The deadline also covers a body that trickles in too slowly.
        text = await response.text();
      } catch (error) {
        throw transportError(deps.provider, error);
      }
      const contentType = response.headers.get('content-type');
      if (!isJsonContentType(contentType)) {
        throw clientError(
          deps.provider,
          'RESPONSE_INVALID',
          `content type ${contentType ?? 'none'}`,
          {
            httpStatus: response.status,
          },
        );
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw clientError(deps.provider, 'RESPONSE_INVALID', 'body is not JSON', {
          httpStatus: response.status,
          cause: error,
        });
      }
      return { status: response.status, headers: response.headers, body };
    },
  };
}

type AnySchema = v.GenericSchema;

/** The response in the provider's documented shape, or RESPONSE_INVALID naming what is off. */
export function parseShape<S extends AnySchema>(
  provider: ProviderFamily,
  schema: S,
  value: unknown,
  httpStatus?: number,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const extra = httpStatus === undefined ? {} : { httpStatus };
  throw clientError(provider, 'RESPONSE_INVALID', v.summarize(result.issues), extra);
}
