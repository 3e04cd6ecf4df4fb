/**
 * Accounts, live codes and backup codes on top of the vault. Secrets never leave this module
 * except as the codes themselves; the UI gets `AccountView`s.
 */
import {
  codeWindow,
  formatOtpauthUri,
  generateCode,
  normalizeSecret,
  parseOtpauthUri,
  validateAccount,
} from '../otp';
import {
  addBackupCodes,
  isBackupCodeSetLow,
  markBackupCodeUsed,
  parseBackupCodePaste,
  remainingBackupCodes,
  takeNextBackupCode,
} from '../otp/backup-codes';
import type { OtpAccount } from '../otp/types';
import type {
  AccountView,
  BackupAddResult,
  CodeView,
  ManualAccountInput,
} from '../messaging/protocol';
import { ActionError } from '../messaging/router';
import type { StoredAccount, VaultContents } from './vault-contents';
import type { VaultService } from './vault-service';

export interface AccountsDeps {
  vault: VaultService;
  now: () => number;
  newId: () => string;
}

export function toAccountView(a: StoredAccount): AccountView {
  return {
    id: a.id,
    type: a.type,
    issuer: a.issuer,
    label: a.label,
    algorithm: a.algorithm,
    digits: a.digits,
    period: a.period,
    backup: {
      total: a.backupCodes.length,
      remaining: remainingBackupCodes(a.backupCodes),
      low: isBackupCodeSetLow(a.backupCodes),
    },
    createdAt: a.createdAt,
  };
}

function findAccount(contents: VaultContents, id: string): StoredAccount {
  const account = contents.accounts.find((a) => a.id === id);
  if (!account) throw new ActionError('ACCOUNT_NOT_FOUND', 'That account no longer exists.');
  return account;
}

function replaceAccount(contents: VaultContents, next: StoredAccount): VaultContents {
  return { ...contents, accounts: contents.accounts.map((a) => (a.id === next.id ? next : a)) };
}

const sameGenerator = (a: OtpAccount, b: OtpAccount) =>
  a.secret === b.secret && a.issuer === b.issuer && a.label === b.label && a.type === b.type;

export function createAccountsService({ vault, now, newId }: AccountsDeps) {
  function add(account: OtpAccount): Promise<AccountView> {
    return vault.update((contents) => {
      if (contents.accounts.some((a) => sameGenerator(a, account))) {
        throw new ActionError('ACCOUNT_DUPLICATE', 'This account is already in the vault.');
      }
      const stored: StoredAccount = { ...account, id: newId(), createdAt: now(), backupCodes: [] };
      return {
        contents: { ...contents, accounts: [...contents.accounts, stored] },
        result: toAccountView(stored),
      };
    });
  }

  function codeFor(a: StoredAccount, at: number): CodeView {
    if (a.type === 'hotp') return { id: a.id, code: null, validFrom: null, validUntil: null };
    const window = codeWindow(a, at);
    return {
      id: a.id,
      code: generateCode(a, at),
      validFrom: window?.validFrom ?? null,
      validUntil: window?.validUntil ?? null,
    };
  }

  return {
    list: async () => (await vault.read()).accounts.map(toAccountView),

    codes: async () => {
      const at = now();
      return (await vault.read()).accounts.map((a) => codeFor(a, at));
    },

    add,

    addUri: (uri: string) => add(parseOtpauthUri(uri.trim())),

    addManual: (input: ManualAccountInput) => {
      const account: OtpAccount = {
        ...input,
        issuer: input.issuer.trim(),
        label: input.label.trim(),
        secret: normalizeSecret(input.secret),
        counter: input.type === 'hotp' ? input.counter : 0,
      };
      validateAccount(account);
      return add(account);
    },

    /** Persists the incremented counter before the code is returned (issue 2 §5). */
    hotpNext: (id: string) =>
      vault.update((contents) => {
        const account = findAccount(contents, id);
        if (account.type !== 'hotp') {
          throw new ActionError(
            'ACCOUNT_NOT_HOTP',
            'Only counter-based accounts have a next code.',
          );
        }
        const code = generateCode(account, now());
        const next = { ...account, counter: account.counter + 1 };
        const view: CodeView = { id, code, validFrom: null, validUntil: null };
        return { contents: replaceAccount(contents, next), result: view };
      }),

    update: (id: string, issuer: string, label: string) =>
      vault.update((contents) => {
        const next = { ...findAccount(contents, id), issuer: issuer.trim(), label: label.trim() };
        return { contents: replaceAccount(contents, next), result: toAccountView(next) };
      }),

    remove: (id: string) =>
      vault.update((contents) => {
        findAccount(contents, id);
        const accounts = contents.accounts.filter((a) => a.id !== id);
        return { contents: { ...contents, accounts }, result: null };
      }),

    exportUri: async (id: string) => formatOtpauthUri(findAccount(await vault.read(), id)),

    backupList: async (id: string) =>
      findAccount(await vault.read(), id).backupCodes.map((b) => ({ ...b })),

    backupAdd: (id: string, text: string) =>
      vault.update((contents) => {
        const account = findAccount(contents, id);
        const { codes, rejected } = parseBackupCodePaste(text);
        if (codes.length === 0) {
          throw new ActionError('BACKUP_PASTE_EMPTY', 'No backup codes were found in the text.');
        }
        const { set, added, duplicates } = addBackupCodes(account.backupCodes, codes);
        const result: BackupAddResult = {
          added,
          duplicates,
          rejected,
          remaining: remainingBackupCodes(set),
        };
        return { contents: replaceAccount(contents, { ...account, backupCodes: set }), result };
      }),

    /** Marks the code used in the same write that hands it out: never given twice. */
    backupTakeNext: (id: string) =>
      vault.update((contents) => {
        const account = findAccount(contents, id);
        const taken = takeNextBackupCode(account.backupCodes, now());
        if (!taken)
          throw new ActionError('BACKUP_CODES_EXHAUSTED', 'No unused backup code is left.');
        const next = { ...account, backupCodes: taken.set };
        const result = { code: taken.code, remaining: remainingBackupCodes(taken.set) };
        return { contents: replaceAccount(contents, next), result };
      }),

    backupMarkUsed: (id: string, code: string) =>
      vault.update((contents) => {
        const account = findAccount(contents, id);
        const set = markBackupCodeUsed(account.backupCodes, code, now());
        const next = { ...account, backupCodes: set };
        return {
          contents: replaceAccount(contents, next),
          result: { remaining: remainingBackupCodes(set) },
        };
      }),
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
