/**
 * A real emulator on a free loopback port and an SCv2 client pointed at it through a logging
 * fetch, so tests can assert what went over the wire and how the emulator answered.
 */
import { startEmulator } from '../../../emulator/server';
import {
  createSecureChannelClient,
  type ScSessionState,
  type SecureChannelDeps,
} from '../../../src/secure-channel/client';

export const INITIATE = '/web/v1/system/auth/login/initiate';
export const ADMIN = { email: 'admin@slaunchx.test', password: 'Correct-Horse-42' };

export interface WireRecord {
  method: string;
  path: string;
  requestHeaders: Headers;
  status: number;
  contentType: string;
  scError: string | null;
}

export function gatewayHeaders(clientHash: string): Record<string, string> {
  return {
    'X-PORTAL-ACCESS-CODE': 'demo-system-portal',
    'X-Client-Hash': clientHash,
    'CF-Connecting-IP': '203.0.113.7',
    'Cf-Ray': '8a1b2c3d4e5f6789-SJC',
    'cf-ipcountry': 'US',
    Accept: 'application/json',
  };
}

export async function startScEmulator() {
  const emulator = await startEmulator({ port: 0, mailboxPort: 0 });
  const wire: WireRecord[] = [];

  const loggingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : input);
    wire.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      requestHeaders: new Headers(init?.headers),
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      scError: response.headers.get('x-sc-error'),
    });
    return response;
  };

  async function control(path: string, body: unknown = {}): Promise<unknown> {
    const response = await fetch(emulator.url + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json();
  }

  function client(opts: { clientHash: () => string; state?: ScSessionState | null }) {
    const states: (ScSessionState | null)[] = [];
    const deps: SecureChannelDeps = {
      baseUrl: emulator.url,
      fetch: loggingFetch,
      gatewayHeaders: () => gatewayHeaders(opts.clientHash()),
      state: opts.state ?? null,
      onStateChange: (s) => {
        states.push(s);
      },
    };
    return { sc: createSecureChannelClient(deps), states };
  }

  return {
    url: emulator.url,
    wire,
    client,
    fetch: loggingFetch,
    advanceClock: (advanceMs: number) => control('/__emulator/clock', { advanceMs }),
    reset: async () => {
      await control('/__emulator/reset');
      wire.length = 0;
    },
    sessions: async (): Promise<unknown> =>
      (await fetch(`${emulator.url}/__emulator/sessions`)).json(),
    close: () => emulator.close(),
  };
}

export type ScEmulator = Awaited<ReturnType<typeof startScEmulator>>;
