/** Shared steps of the SlaunchX contract tests: the emulator, seed data (§7), codes, sign-in. */
import { TOTP } from 'otpauth';
import { createSlaunchxPlugin } from '../../../emulator/providers/slaunchx/plugin';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { scCall, stringField, type Answer, type Portal, type ScHandle } from './sc-helper';

export const SEED = {
  admin: 'admin@slaunchx.test',
  pending: 'pending@slaunchx.test',
  user: 'user@slaunchx.test',
  nomfa: 'nomfa@slaunchx.test',
  password: 'Correct-Horse-42',
  totpSecret: 'JBSWY3DPEHPK3PXP',
} as const;

export const MFA = { EMAIL: 10011001, OTP: 10011002, BACKUP_CODE: 10011005 } as const;

export const p = (portal: Portal, rest: string) => `/web/v1/${portal}${rest}`;

export function startSlaunchx(opts: { production?: boolean } = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, mailboxPort: 0, plugins: [createSlaunchxPlugin()], ...opts });
}

export async function control(emu: RunningEmulator, path: string, body: unknown = {}) {
  const response = await fetch(`${emu.url}/__emulator${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const reset = (emu: RunningEmulator) => control(emu, '/reset');

/** The TOTP the emulator expects now (its service clock), `steps` periods away. */
export function totpAt(emu: RunningEmulator, secret: string = SEED.totpSecret, steps = 0): string {
  const totp = new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: emu.ctx.clock.now() + steps * 30_000 });
}

interface MailSummary {
  ID: string;
  To: { Address: string }[];
  Subject: string;
}

/** The code of the newest mail to `to`, read through the Mailpit-style API (§5). */
export async function latestCode(emu: RunningEmulator, to: string): Promise<string> {
  const list = (await (await fetch(`${emu.mailboxUrl}/api/v1/messages`)).json()) as {
    messages: MailSummary[];
  };
  const mail = list.messages.find((m) => m.To.some((r) => r.Address === to));
  if (mail === undefined) throw new Error(`no mail to ${to}`);
  const detail = (await (await fetch(`${emu.mailboxUrl}/api/v1/message/${mail.ID}`)).json()) as {
    Text: string;
  };
  const code = /\b(\d{6})\b/.exec(detail.Text)?.[1];
  if (code === undefined) throw new Error('no code in the mail');
  return code;
}

export function initiate(
  sc: ScHandle,
  portal: Portal,
  email: string,
  password: string = SEED.password,
) {
  return scCall(sc, p(portal, '/auth/login/initiate'), { email, password });
}

export function complete(
  sc: ScHandle,
  portal: Portal,
  sessionId: string,
  method: number,
  code: string,
) {
  return scCall(sc, p(portal, '/auth/login/complete'), { sessionId, method, code });
}

/** Initiates and returns the login session id (the account must need MFA). */
export async function loginSession(sc: ScHandle, portal: Portal, email: string): Promise<string> {
  return stringField(await initiate(sc, portal, email), 'sessionId');
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export function tokensOf(answer: Answer): Tokens {
  return {
    accessToken: stringField(answer, 'accessToken'),
    refreshToken: stringField(answer, 'refreshToken'),
  };
}

/** Signs the seed admin in on the system portal with a backup code (no clock coupling). */
export async function signInAdmin(sc: ScHandle, backupCode = 'BKUP-00010'): Promise<Tokens> {
  const sessionId = await loginSession(sc, 'system', SEED.admin);
  return tokensOf(await complete(sc, 'system', sessionId, MFA.BACKUP_CODE, backupCode));
}

/** Signs the no-MFA consumer in: initiate alone returns tokens. */
export async function signInNomfa(sc: ScHandle): Promise<Tokens> {
  return tokensOf(await initiate(sc, 'consumer', SEED.nomfa));
}
