/**
 * The panel's reader of `devtools.network`: the callback form (Chrome before 151) and the promise
 * forms (Chrome 151+, Firefox, the polyfill's `[content, encoding]`), bodies merged into the HAR
 * entry, and request objects that are proxies whose fields do not spread.
 */
import { describe, expect, test } from 'vitest';
import {
  createDevtoolsNetworkSource,
  readContentResult,
  type DevtoolsNetwork,
  type DevtoolsRequest,
} from '../../../src/ui/devtools/network-source';

const ENTRY = {
  startedDateTime: '2024-04-01T00:00:00.000Z',
  time: 12,
  request: { method: 'GET', url: 'https://api.example/v1/me', headers: [] },
  response: { status: 200, headers: [], content: { mimeType: 'application/json', size: 2 } },
};

function network(
  getHAR: DevtoolsNetwork['getHAR'],
): DevtoolsNetwork & { finish: (r: DevtoolsRequest) => void; count: () => number } {
  const listeners = new Set<(r: DevtoolsRequest) => void>();
  return {
    getHAR,
    onRequestFinished: {
      addListener: (l) => listeners.add(l),
      removeListener: (l) => listeners.delete(l),
    },
    finish: (r) => {
      for (const l of listeners) l(r);
    },
    count: () => listeners.size,
  };
}

/** Reads like the polyfill's wrapped request: fields through `get`, nothing to spread. */
function proxied(getContent: DevtoolsRequest['getContent']): DevtoolsRequest {
  const target: Record<string, unknown> = { ...structuredClone(ENTRY), getContent };
  return new Proxy(Object.create(null) as DevtoolsRequest, {
    get: (_, key: string) => target[key],
  });
}

function next(source: ReturnType<typeof createDevtoolsNetworkSource>) {
  return new Promise<unknown>((resolve) => {
    const stop = source.subscribe((entry) => {
      stop();
      resolve(entry);
    });
  });
}

describe('devtools.network as a NetworkSource', () => {
  test('reads the HAR through a callback when getHAR returns no promise', async () => {
    const net = network((callback) => {
      if (callback !== undefined) callback({ entries: [ENTRY] });
      return undefined;
    });
    expect(await createDevtoolsNetworkSource(net).initial()).toEqual([ENTRY]);
  });

  test('reads the HAR from a promise, and a whole HAR file as well as its log', async () => {
    const net = network(() => Promise.resolve({ log: { entries: [ENTRY, ENTRY] } }));
    expect(await createDevtoolsNetworkSource(net).initial()).toHaveLength(2);
    const empty = network(() => Promise.resolve('nonsense'));
    expect(await createDevtoolsNetworkSource(empty).initial()).toEqual([]);
  });

  test("merges the polyfill's [content, encoding] body into a copy of the entry", async () => {
    const net = network(() => Promise.resolve({ entries: [] }));
    const source = createDevtoolsNetworkSource(net);
    const finished = next(source);
    net.finish(proxied(() => Promise.resolve(['U0MC', 'base64'])));
    expect(await finished).toEqual({
      ...ENTRY,
      response: {
        ...ENTRY.response,
        content: { mimeType: 'application/json', size: 2, text: 'U0MC', encoding: 'base64' },
      },
    });
    expect(net.count()).toBe(0);
  });

  test('answers through the callback when getContent returns nothing (Chrome before 151)', async () => {
    const net = network(() => Promise.resolve({ entries: [] }));
    const source = createDevtoolsNetworkSource(net);
    const finished = next(source);
    net.finish(
      proxied((callback) => {
        callback?.('{}', '');
        return undefined;
      }),
    );
    expect(await finished).toMatchObject({ response: { content: { text: '{}' } } });
  });

  test('a body that cannot be read leaves the entry without one', async () => {
    const net = network(() => Promise.resolve({ entries: [] }));
    const source = createDevtoolsNetworkSource(net);
    const finished = next(source);
    net.finish(proxied(() => Promise.reject(new Error('gone'))));
    expect(await finished).toEqual(ENTRY);
  });
});

test.each([
  [['{}', ''], { text: '{}' }],
  [[['AAE=', 'base64']], { text: 'AAE=', encoding: 'base64' }],
  [[{ content: 'x', encoding: '' }], { text: 'x' }],
  [[['x', 'application/json']], { text: 'x' }],
  [[null], null],
  [[], null],
])('reads getContent answer %j', (args, expected) => {
  expect(readContentResult(args)).toEqual(expected);
});
