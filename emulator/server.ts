/**
 * The emulator (design.md "The emulator"): one Fastify server for the provider APIs and the
 * controls, and a second one for the dev mailbox. Each provider plugin is registered in its own
 * encapsulated context, so its content-type parsers, hooks and error handler shape only its own
 * routes; the root handlers here are the fallback and never reveal a stack trace.
 */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { AddressInfo } from 'node:net';
import { createServiceClock } from './clock';
import type { EmulatorContext, ProviderPlugin } from './context';
import { registerControls } from './controls';
import { registerDemoPages } from './demo/demo-pages';
import { registerDevCors } from './cors';
import { createFaultQueue } from './faults';
import { fastifyErrorStatus } from './http-errors';
import { buildMailboxApp, createMailStore } from './mailbox';

export interface StartEmulatorOptions {
  port?: number;
  mailboxPort?: number;
  host?: string;
  production?: boolean;
  koodriveNumericCode?: boolean;
  /** Defaults to the four providers of `providers/all.ts`. */
  plugins?: ProviderPlugin[];
}

export interface RunningEmulator {
  url: string;
  mailboxUrl: string;
  ctx: EmulatorContext;
  close(): Promise<void>;
}

/** Large enough for every documented body; larger ones get the provider's error shape. */
export const BODY_LIMIT_BYTES = 64 * 1024;

async function defaultPlugins(): Promise<ProviderPlugin[]> {
  // Loaded on demand so that a caller passing its own plugins never loads the others.
  const { createDefaultPlugins } = await import('./providers/all');
  return createDefaultPlugins();
}

function buildAuthApp(ctx: EmulatorContext, plugins: readonly ProviderPlugin[]): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    return503OnClosing: true,
    // A request Fastify cannot even route (a malformed percent-escape) still gets JSON, never
    // the framework's own error body.
    frameworkErrors: (error, _request, frameworkReply) => {
      // The reply type here is parameterised by route schemas that this fallback has none of.
      const reply = frameworkReply as unknown as FastifyReply;
      void reply
        .code(fastifyErrorStatus(error))
        .type('application/json')
        .send({ error: 'bad_request', message: 'The request URL could not be read.' });
    },
  });
  app.setErrorHandler((error, _request, reply) => {
    const status = fastifyErrorStatus(error);
    const message = status < 500 && error instanceof Error ? error.message : 'internal error';
    void reply
      .code(status)
      .type('application/json')
      .send({ error: status < 500 ? 'bad_request' : 'internal_error', message });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send({ error: 'not_found', message: `no route ${request.method} ${request.url}` });
  });
  for (const plugin of plugins) {
    void app.register((child, _opts, done) => {
      plugin.register(child, ctx);
      done();
    });
  }
  return app;
}

function urlOf(app: FastifyInstance, host: string): string {
  const address = app.server.address() as AddressInfo | null;
  if (address === null) throw new Error('the emulator is not listening');
  const shown = host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${address.port}`;
}

export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const plugins = opts.plugins ?? (await defaultPlugins());
  const mail = createMailStore();
  const faults = createFaultQueue();
  const ctx: EmulatorContext = {
    options: {
      production: opts.production ?? false,
      koodriveNumericCode: opts.koodriveNumericCode ?? false,
    },
    clock: createServiceClock(),
    mailbox: mail,
    takeFault: (provider) => faults.take(provider),
  };
  const app = buildAuthApp(ctx, plugins);
  if (!ctx.options.production) registerDevCors(app);
  if (!ctx.options.production) registerControls(app, { ctx, plugins, faults, mail });
  if (!ctx.options.production) registerDemoPages(app);
  const mailApp = buildMailboxApp(mail);
  registerDevCors(mailApp);
  try {
    await app.listen({ port: opts.port ?? 8787, host });
    await mailApp.listen({ port: opts.mailboxPort ?? 8025, host });
  } catch (error) {
    await Promise.allSettled([app.close(), mailApp.close()]);
    throw error;
  }
  return {
    url: urlOf(app, host),
    mailboxUrl: urlOf(mailApp, host),
    ctx,
    async close() {
      await Promise.allSettled([app.close(), mailApp.close()]);
    },
  };
}
