/**
 * An in-memory Authdeck worker for UI tests: implements `SendToWorker` with the real request
 * schemas (so a malformed payload from the UI fails as BAD_REQUEST, like the real router), a
 * tiny vault, accounts, backup codes and settings. Codes are a deterministic stand-in, not
 * RFC 6238 — the UI only displays them — and `fakeCode` lets tests predict them.
 */
import * as v from 'valibot';
import { WorkerError } from '../../../src/messaging/client';
import {
  uiToWorkerSchemas,
  type AccountView,
  type BackupCodeView,
  type CodeView,
  type ManualAccountInput,
  type SendToWorker,
  type Settings,
  type UiToWorker,
  type UiToWorkerType,
  type VaultState,
} from '../../../src/messaging/protocol';
import {
  createFakeSignin,
  type FakeSignin,
  type ProfileSeed,
  type SessionSeed,
} from './fake-signin';
import type { HeaderRuleView } from '../../../src/messaging/inspector-protocol';
import { createFakeInspector, type FakeInspector } from './fake-inspector';
import { createFakeTransfer, type FakeTransfer } from './fake-transfer';

export interface FakeAccountSeed extends Partial<ManualAccountInput> {
  issuer: string;
  label: string;
  backupCodes?: string[];
}

interface StoredAccount {
  view: Omit<AccountView, 'backup'>;
  secret: string;
  counter: number;
  backup: BackupCodeView[];
}

export interface FakeWorkerOptions {
  now: () => number;
  /** Set to start with an existing (locked) vault. */
  passphrase?: string;
  /** With `passphrase`: the vault starts unlocked, as when the popup reopens within the timeout. */
  unlocked?: boolean;
  accounts?: FakeAccountSeed[];
  profiles?: ProfileSeed[];
  sessions?: SessionSeed[];
  /** Header rules of test profiles (fake-inspector.ts). */
  headerRules?: HeaderRuleView[];
}

export interface FakeWorker {
  send: SendToWorker;
  calls: { type: UiToWorkerType; payload: unknown }[];
  state: () => VaultState;
  accounts: () => AccountView[];
  backupCodes: (id: string) => BackupCodeView[];
  settings: Settings;
  /** Holds the next request of this type until the returned function is called. */
  hold: (type: UiToWorkerType) => () => void;
  /** Makes the next request of this type fail with this code (and message, and wait). */
  failNext: (type: UiToWorkerType, code: string, message?: string, retryAfterMs?: number) => void;
  /** What `accounts/scan-qr` finds on the tab: null for no QR code at all. */
  qr: { text: string | null; scannedTabs: number[] };
  /** Locks the vault behind the UI's back, as the idle timer would. */
  autoLock: () => void;
  /** Profiles, the running flow and its script, sessions (fake-signin.ts). */
  signin: FakeSignin;
  /** Import previews and exports (fake-transfer.ts); scans read `qr` too. */
  transfer: FakeTransfer;
  /** The request log, session exports and header rules (fake-inspector.ts). */
  inspector: FakeInspector;
}

/** FNV-1a over secret and step, cut to `digits` decimal digits. */
export function fakeCode(secret: string, step: number, digits: number): string {
  let hash = 0x811c9dc5;
  for (const ch of `${secret}:${step}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return String(hash % 10 ** Math.min(digits, 9)).padStart(digits, '0');
}

const fail = (code: string, message = code, retryAfterMs?: number): never => {
  throw new WorkerError(code, message, retryAfterMs);
};

function parseUri(uri: string): ManualAccountInput {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return fail('OTP_URI_MALFORMED');
  }
  if (url.protocol !== 'otpauth:') fail('OTP_URI_MALFORMED');
  const type = url.hostname;
  if (type !== 'totp' && type !== 'hotp') return fail('OTP_URI_TYPE');
  const secret = url.searchParams.get('secret') ?? fail('OTP_SECRET_MISSING');
  const path = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const [prefix, name] = path.includes(':') ? path.split(':', 2) : ['', path];
  return {
    type,
    issuer: url.searchParams.get('issuer') ?? prefix ?? '',
    label: (name ?? '').trim(),
    secret,
    algorithm: 'SHA1',
    digits: Number(url.searchParams.get('digits') ?? 6),
    period: Number(url.searchParams.get('period') ?? 30),
    counter: Number(url.searchParams.get('counter') ?? 0),
  };
}

export function createFakeWorker(options: FakeWorkerOptions): FakeWorker {
  const { now } = options;
  let passphrase = options.passphrase ?? null;
  let state: VaultState =
    passphrase === null ? 'absent' : options.unlocked === true ? 'unlocked' : 'locked';
  const accounts: StoredAccount[] = [];
  const settings: Settings = { autoLockMinutes: 15, clipboardClearSeconds: 30 };
  const calls: FakeWorker['calls'] = [];
  const holds = new Map<UiToWorkerType, Promise<void>>();
  const failures = new Map<UiToWorkerType, [string, string, number | undefined]>();
  const qr: FakeWorker['qr'] = { text: null, scannedTabs: [] };
  let nextId = 1;

  const view = (a: StoredAccount): AccountView => {
    const remaining = a.backup.filter((b) => b.usedAt === null).length;
    return { ...a.view, backup: { total: a.backup.length, remaining, low: remaining <= 2 } };
  };
  const find = (id: string) => accounts.find((a) => a.view.id === id) ?? fail('BAD_REQUEST');
  const unlocked = () => {
    if (state !== 'unlocked') fail('VAULT_LOCKED');
  };

  const add = (input: ManualAccountInput, backupCodes: string[] = []): AccountView => {
    if (!/^[A-Z2-7]+=*$/i.test(input.secret.replace(/\s/g, ''))) fail('OTP_SECRET_INVALID');
    if (input.digits < 6 || input.digits > 10) fail('OTP_DIGITS');
    if (accounts.some((a) => a.secret === input.secret && a.view.label === input.label)) {
      fail('ACCOUNT_DUPLICATE');
    }
    const stored: StoredAccount = {
      view: {
        id: `acc-${nextId++}`,
        type: input.type,
        issuer: input.issuer,
        label: input.label,
        algorithm: input.algorithm,
        digits: input.digits,
        period: input.period,
        createdAt: now(),
      },
      secret: input.secret,
      counter: input.counter,
      backup: backupCodes.map((code) => ({ code, usedAt: null })),
    };
    accounts.push(stored);
    return view(stored);
  };

  const codeOf = (a: StoredAccount): CodeView => {
    if (a.view.type === 'hotp')
      return { id: a.view.id, code: null, validFrom: null, validUntil: null };
    const periodMs = a.view.period * 1000;
    const step = Math.floor(now() / periodMs);
    return {
      id: a.view.id,
      code: fakeCode(a.secret, step, a.view.digits),
      validFrom: step * periodMs,
      validUntil: (step + 1) * periodMs,
    };
  };

  const addBackup = (a: StoredAccount, text: string) => {
    const result = {
      added: 0,
      duplicates: 0,
      rejected: [] as { line: number; text: string; reason: string }[],
    };
    text.split('\n').forEach((raw, index) => {
      const code = raw.trim();
      if (code === '') return;
      if (!/^[A-Za-z0-9-]{4,32}$/.test(code)) {
        result.rejected.push({ line: index + 1, text: code, reason: 'not a backup code' });
      } else if (a.backup.some((b) => b.code === code)) {
        result.duplicates++;
      } else {
        a.backup.push({ code, usedAt: null });
        result.added++;
      }
    });
    return { ...result, remaining: view(a).backup.remaining };
  };

  const signin = createFakeSignin({
    now,
    unlocked,
    fail,
    profiles: options.profiles,
    sessions: options.sessions,
  });

  const transfer = createFakeTransfer({
    unlocked,
    fail,
    parseUri,
    qr,
    vault: () =>
      accounts.map((a) => ({
        type: a.view.type,
        issuer: a.view.issuer,
        label: a.view.label,
        algorithm: a.view.algorithm,
        digits: a.view.digits,
        period: a.view.period,
        secret: a.secret,
        counter: a.counter,
        backupCodes: a.backup.length,
      })),
    add: (input) => add(input),
  });

  const inspector = createFakeInspector({ unlocked, fail, signin, rules: options.headerRules });

  // Optional per message: parts of the protocol other features add answer NOT_IMPLEMENTED here
  // until their own tests give the fake a handler.
  const handlers: {
    [K in UiToWorkerType]?: (p: UiToWorker[K]['request']) => UiToWorker[K]['reply'];
  } = {
    ...signin.handlers,
    ...transfer.handlers,
    ...inspector.handlers,
    'vault/status': () => ({ state, autoLockMinutes: settings.autoLockMinutes }),
    'vault/create': (p) => {
      if (state !== 'absent') fail('INTERNAL');
      passphrase = p.passphrase;
      state = 'unlocked';
      return { state, autoLockMinutes: settings.autoLockMinutes };
    },
    'vault/unlock': (p) => {
      if (p.passphrase !== passphrase) fail('VAULT_WRONG_PASSPHRASE', 'Wrong passphrase.');
      state = 'unlocked';
      return { state, autoLockMinutes: settings.autoLockMinutes };
    },
    'vault/lock': () => {
      state = passphrase === null ? 'absent' : 'locked';
      return { state, autoLockMinutes: settings.autoLockMinutes };
    },
    'vault/change-passphrase': (p) => {
      unlocked();
      if (p.current !== passphrase) fail('VAULT_WRONG_PASSPHRASE');
      passphrase = p.next;
      return null;
    },
    'accounts/list': () => (unlocked(), accounts.map(view)),
    'accounts/codes': () => (unlocked(), accounts.map(codeOf)),
    'accounts/hotp-next': (p) => {
      unlocked();
      const a = find(p.id);
      a.counter++;
      return {
        id: a.view.id,
        code: fakeCode(a.secret, a.counter, a.view.digits),
        validFrom: null,
        validUntil: null,
      };
    },
    'accounts/add-uri': (p) => (unlocked(), add(parseUri(p.uri))),
    'accounts/add-manual': (p) => (unlocked(), add(p)),
    'accounts/scan-qr': (p) => {
      unlocked();
      qr.scannedTabs.push(p.tabId);
      if (qr.text === null) return fail('QR_NOT_FOUND');
      if (!qr.text.startsWith('otpauth://')) fail('QR_NOT_OTPAUTH');
      return add(parseUri(qr.text));
    },
    'accounts/update': (p) => {
      unlocked();
      const a = find(p.id);
      a.view = { ...a.view, issuer: p.issuer, label: p.label };
      return view(a);
    },
    'accounts/delete': (p) => {
      unlocked();
      accounts.splice(accounts.indexOf(find(p.id)), 1);
      return null;
    },
    'backup/list': (p) => (unlocked(), find(p.id).backup.map((b) => ({ ...b }))),
    'backup/add': (p) => (unlocked(), addBackup(find(p.id), p.text)),
    'backup/take-next': (p) => {
      unlocked();
      const a = find(p.id);
      const next = a.backup.find((b) => b.usedAt === null) ?? fail('BACKUP_CODE_UNKNOWN');
      next.usedAt = now();
      return { code: next.code, remaining: view(a).backup.remaining };
    },
    'backup/mark-used': (p) => {
      unlocked();
      const a = find(p.id);
      const code = a.backup.find((b) => b.code === p.code) ?? fail('BACKUP_CODE_UNKNOWN');
      if (code.usedAt !== null) fail('BACKUP_CODE_ALREADY_USED');
      code.usedAt = now();
      return { remaining: view(a).backup.remaining };
    },
    'settings/get': () => (unlocked(), { ...settings }),
    'settings/set': (p) => (unlocked(), Object.assign(settings, p), { ...settings }),
    'clipboard/copied': () => null,
  };

  for (const seed of options.accounts ?? []) {
    add(
      {
        type: 'totp',
        secret: 'JBSWY3DPEHPK3PXP',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
        ...seed,
      },
      seed.backupCodes,
    );
  }

  const send: SendToWorker = async (type, payload) => {
    calls.push({ type, payload });
    const checked = v.safeParse(uiToWorkerSchemas[type], payload);
    if (!checked.success) fail('BAD_REQUEST', v.summarize(checked.issues));
    await holds.get(type);
    holds.delete(type);
    const failure = failures.get(type);
    failures.delete(type);
    if (failure !== undefined) fail(...failure);
    const handler = handlers[type] ?? fail('NOT_IMPLEMENTED', `the fake worker has no ${type}`);
    // Replies cross a structured-clone boundary in the browser; copy so the UI can't alias.
    return structuredClone(handler(payload));
  };

  return {
    send,
    calls,
    state: () => state,
    accounts: () => accounts.map(view),
    backupCodes: (id) => find(id).backup.map((b) => ({ ...b })),
    settings,
    hold: (type) => {
      let release = () => {};
      holds.set(type, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        release();
      };
    },
    failNext: (type, code, message = code, retryAfterMs) =>
      failures.set(type, [code, message, retryAfterMs]),
    qr,
    autoLock: () => {
      state = 'locked';
    },
    signin,
    transfer,
    inspector,
  };
}
