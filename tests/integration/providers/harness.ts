/**
 * Shared pieces of the provider integration tests: the real emulator on free ports, profiles
 * pointing at it, step narrowing, and tiny misbehaving servers for the error tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import type { FlowStep } from '../../../src/providers/flow';
import { readLatestCode } from '../../../src/providers/mailbox';
import type {
  CloudbaseProfile,
  IdaasProfile,
  KoodriveProfile,
  SlaunchxProfile,
} from '../../../src/providers/profile';

export type Emulator = RunningEmulator;

export async function startTestEmulator(options: { koodriveNumericCode?: boolean } = {}) {
  return startEmulator({ port: 0, mailboxPort: 0, ...options });
}

/** providers.md §6: seed data back, sessions, windows, counters and mailbox cleared. */
export async function resetEmulator(emu: Emulator): Promise<void> {
  const res = await fetch(`${emu.url}/__emulator/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(res.status).toBe(200);
}

/** A fresh X-Client-Hash per test keeps rate-limit windows (per hash) apart. */
export const clientHash = (label: string): string =>
  `it-${label}-${Math.random().toString(36).slice(2, 10)}`;

export const slaunchxProfile = (
  emu: Emulator,
  portal: 'system' | 'consumer' = 'system',
  label = 'sx',
): SlaunchxProfile => ({
  family: 'slaunchx',
  baseUrl: emu.url,
  environment: 'test',
  clientHash: clientHash(label),
  portal,
  accessCode: portal === 'system' ? 'demo-system-portal' : 'demo-consumer-portal',
});

export const idaasProfile = (emu: Emulator): IdaasProfile => ({
  family: 'idaas',
  baseUrl: emu.url,
  environment: 'test',
  clientHash: clientHash('idaas'),
  clientId: 'nTo1eRIub60vPb54WeE6aojPwYwImtl4',
  osVersion: 'linux-6.1',
  agent: 'Authdeck integration test',
});

export const koodriveProfile = (baseUrl: string): KoodriveProfile => ({
  family: 'koodrive',
  baseUrl,
  environment: 'test',
  clientHash: clientHash('kd'),
  agentName: 'authdeck-it',
});

export const cloudbaseProfile = (baseUrl: string): CloudbaseProfile => ({
  family: 'cloudbase',
  baseUrl,
  environment: 'test',
  clientHash: clientHash('cb'),
});

/** Asserts the step kind and narrows to it. */
export function as<K extends FlowStep['step']>(
  step: FlowStep,
  kind: K,
): Extract<FlowStep, { step: K }> {
  if (step.step !== kind) {
    expect.fail(`expected step ${kind}, got ${JSON.stringify(step, null, 1)}`);
  }
  return step as Extract<FlowStep, { step: K }>;
}

/** The newest code the emulator "sent" to `to` since `since` (providers.md §5). */
export async function mailedCode(emu: Emulator, to: string, since: number): Promise<string> {
  const code = await readLatestCode(emu.mailboxUrl, { to, since, fetch });
  if (code === null) return expect.fail(`no code in the mailbox for ${to}`);
  return code;
}

export interface TinyServer {
  url: string;
  close(): Promise<void>;
}

/** A loopback server with one handler for every request; closing drops open connections. */
export async function tinyServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<TinyServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
