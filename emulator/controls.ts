/**
 * Test-only controls on the auth port (providers.md §6). The server does not register them when
 * started with `--production`, so every `/__emulator/*` path then answers 404.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext, ProviderName, ProviderPlugin } from './context';
import type { FaultQueue } from './faults';
import type { MailStore } from './mailbox';

export interface ControlDeps {
  ctx: EmulatorContext;
  plugins: readonly ProviderPlugin[];
  faults: FaultQueue;
  mail: MailStore;
}

type Body = Record<string, unknown>;

function asObject(body: unknown): Body | null {
  if (body === undefined || body === null) return {};
  return typeof body === 'object' && !Array.isArray(body) ? (body as Body) : null;
}

function refuse(reply: FastifyReply, status: number, error: string, message: string) {
  return reply.code(status).send({ error, message });
}

/** Restores every provider's seed data and clears mailbox, faults and clock (providers.md §6). */
export function resetAll(deps: ControlDeps): void {
  for (const plugin of deps.plugins) plugin.reset();
  deps.mail.clear();
  deps.faults.clear();
  deps.ctx.clock.reset();
}

function tagged(provider: ProviderName, items: unknown[]): unknown[] {
  return items.map((item) =>
    typeof item === 'object' && item !== null ? { provider, ...item } : { provider, item },
  );
}

export function registerControls(app: FastifyInstance, deps: ControlDeps): void {
  const byName = (name: unknown) => deps.plugins.find((p) => p.name === name);

  app.get('/__emulator/health', () => ({ status: 'ok' }));

  app.post('/__emulator/reset', () => {
    resetAll(deps);
    return { status: 'ok' };
  });

  app.post('/__emulator/accounts', (request, reply) => {
    const body = asObject(request.body);
    if (body === null) return refuse(reply, 400, 'invalid_body', 'expected a JSON object');
    const { provider, ...fields } = body;
    const plugin = byName(provider);
    if (plugin === undefined) return refuse(reply, 404, 'unknown_provider', 'unknown provider');
    try {
      return reply.code(201).send(plugin.createAccount(fields));
    } catch (error) {
      // Plugins throw on fields they cannot accept; that is the caller's mistake, not ours.
      const message = error instanceof Error ? error.message : 'invalid account';
      return refuse(reply, 400, 'invalid_account', message);
    }
  });

  app.get<{ Params: { provider: string; account: string } }>(
    '/__emulator/accounts/:provider/:account/totp',
    (request, reply) => {
      const plugin = byName(request.params.provider);
      const secret = plugin?.totpSecret(request.params.account) ?? null;
      if (secret === null) return refuse(reply, 404, 'not_found', 'no such account or no TOTP');
      return { secret };
    },
  );

  app.post('/__emulator/clock', (request, reply) => {
    const advanceMs = asObject(request.body)?.advanceMs;
    if (typeof advanceMs !== 'number' || !Number.isSafeInteger(advanceMs) || advanceMs < 0) {
      return refuse(reply, 400, 'invalid_body', 'advanceMs must be a non-negative integer');
    }
    return { now: deps.ctx.clock.advance(advanceMs) };
  });

  app.get('/__emulator/sessions', () => {
    const all = deps.plugins.map((p) => ({ name: p.name, ...p.sessions() }));
    return {
      secureChannel: all.flatMap((s) => tagged(s.name, s.secureChannel)),
      login: all.flatMap((s) => tagged(s.name, s.login)),
    };
  });

  app.post('/__emulator/faults', (request, reply) => {
    const body = asObject(request.body) ?? {};
    const plugin = byName(body.provider);
    const { code, count } = body;
    if (plugin === undefined) return refuse(reply, 404, 'unknown_provider', 'unknown provider');
    if (typeof code !== 'string' || code === '') {
      return refuse(reply, 400, 'invalid_body', 'code must be a non-empty string');
    }
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
      return refuse(reply, 400, 'invalid_body', 'count must be a positive integer');
    }
    deps.faults.add(plugin.name, code, count);
    return { pending: deps.faults.pending() };
  });
}
