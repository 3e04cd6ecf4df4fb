import type { FastifyInstance } from 'fastify';

/**
 * What every provider plugin of the emulator receives. The service clock (providers.md §6,
 * secure-channel-v2.md "Clocks") drives session, token, code and rate-limit expiry; envelope
 * freshness uses the real clock.
 */
export type ProviderName = 'slaunchx' | 'idaas' | 'koodrive' | 'cloudbase';

export interface ServiceClock {
  /** Service time in ms since epoch: real time plus the offset moved by the controls. */
  now(): number;
  advance(ms: number): number;
  reset(): void;
}

export interface MailInput {
  /** E-mail address, phone number or account the code was sent to. */
  to: string;
  /** e.g. "SlaunchX verification code" (providers.md §5). */
  subject: string;
  /** Plain text holding the code as its own run of digits. */
  text: string;
}

export interface Mailbox {
  deliver(mail: MailInput): void;
  clear(): void;
}

export interface EmulatorOptions {
  /** `--production`: no controls, no Cloudflare-header requirement, no captcha answers. */
  production: boolean;
  /** `--koodrive-numeric-code`: every Koodrive `code` is a JSON number. */
  koodriveNumericCode: boolean;
}

export interface EmulatorContext {
  options: EmulatorOptions;
  clock: ServiceClock;
  mailbox: Mailbox;
  /** Takes one injected fault for the provider, if any is pending (providers.md §6). */
  takeFault(provider: ProviderName): string | null;
}

/** One API family. The server registers its routes and asks it to reset, seed and report. */
export interface ProviderPlugin {
  name: ProviderName;
  register(app: FastifyInstance, ctx: EmulatorContext): void;
  /** Restores the §7 seed data and forgets every session, token, window and counter. */
  reset(): void;
  /** POST /__emulator/accounts: body without `provider`; returns the created account's id. */
  createAccount(body: Record<string, unknown>): { account: string };
  /** GET /__emulator/accounts/{provider}/{account}/totp. */
  totpSecret(account: string): string | null;
  /** GET /__emulator/sessions. */
  sessions(): { secureChannel: unknown[]; login: unknown[] };
}
