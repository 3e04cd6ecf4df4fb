/**
 * What every parser shares: turning one entry's fields into a checked OtpAccount, and
 * collecting accounts and per-entry warnings so that a bad entry skips only itself.
 */
import { normalizeSecret } from '../normalize-secret';
import { OtpUriError } from '../otp-uri-error';
import type { OtpAccount, OtpAlgorithm, OtpType } from '../types';
import {
  DEFAULT_PERIOD_SECONDS,
  STEAM_DIGITS,
  STEAM_PERIOD_SECONDS,
  validateAccount,
} from '../validate-account';
import { ImportError } from './import-error';
import { FieldTypeError } from './json-fields';
import type {
  ImportedAccount,
  ImportFormat,
  ImportResult,
  ImportWarning,
  ImportWarningCode,
} from './types';

type EntryProblemCode = Exclude<ImportWarningCode, OtpUriError['code']>;

/** One entry cannot be imported; the rest of the file can. */
export class EntryProblem extends Error {
  override readonly name = 'EntryProblem';
  readonly code: EntryProblemCode;

  constructor(code: EntryProblemCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface AccountFields {
  type: OtpType;
  issuer: string;
  label: string;
  /** Base32 as the file spells it; normalised here. */
  secret: string;
  /** The file's algorithm name; undefined means SHA1 (the Key Uri Format default). */
  algorithm?: string | undefined;
  digits?: number | undefined;
  period?: number | undefined;
  /** HOTP only; a file that omits it starts at 0, as the apps that write it do. */
  counter?: number | undefined;
}

const UNSUPPORTED_ALGORITHM = /^(MD5|GOST.*)$/;

/** Throws OtpUriError (invalid field) or EntryProblem (an algorithm Authdeck cannot run). */
export function buildAccount(fields: AccountFields): OtpAccount {
  const { type, issuer, label } = fields;
  if (fields.secret.replace(/[\s-]+/g, '') === '') {
    throw new OtpUriError('OTP_SECRET_MISSING', 'The entry has no secret.');
  }
  const secret = normalizeSecret(fields.secret);
  const algorithm = parseAlgorithm(fields.algorithm);
  const account: OtpAccount =
    type === 'steam'
      ? // Steam Guard fixes everything but the secret, whatever the file says around it.
        {
          type,
          issuer,
          label,
          secret,
          algorithm: 'SHA1',
          digits: STEAM_DIGITS,
          period: STEAM_PERIOD_SECONDS,
          counter: 0,
        }
      : {
          type,
          issuer,
          label,
          secret,
          algorithm,
          digits: fields.digits ?? 6,
          period: fields.period ?? DEFAULT_PERIOD_SECONDS,
          counter: type === 'hotp' ? (fields.counter ?? 0) : 0,
        };
  validateAccount(account);
  return account;
}

function parseAlgorithm(value: string | undefined): OtpAlgorithm {
  if (value === undefined || value.trim() === '') return 'SHA1';
  const name = value
    .trim()
    .toUpperCase()
    .replace(/^HMAC-?/, '')
    .replace('-', '');
  if (name === 'SHA1' || name === 'SHA256' || name === 'SHA512') return name;
  if (UNSUPPORTED_ALGORITHM.test(name)) {
    throw new EntryProblem('IMPORT_ENTRY_UNSUPPORTED', `The ${value} algorithm is not supported.`);
  }
  throw new OtpUriError('OTP_ALGORITHM', `Unknown algorithm "${value}".`);
}

/** "Issuer: account" from whatever the file holds; non-strings are left out. */
export function labelOf(issuer: unknown, account: unknown): string {
  const parts = [issuer, account].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  return parts.map((part) => part.trim()).join(': ');
}

export interface Collector {
  /** Runs `build`; an entry-level failure becomes a warning. `null` skips the entry silently. */
  add(entry: number | null, label: string, build: () => ImportedAccount | null): void;
  warn(warning: ImportWarning): void;
  /** Throws IMPORT_EMPTY when the file held nothing at all. */
  finish(format: ImportFormat): ImportResult;
}

export function createCollector(): Collector {
  const accounts: ImportedAccount[] = [];
  const warnings: ImportWarning[] = [];
  return {
    add(entry, label, build) {
      try {
        const account = build();
        if (account !== null) accounts.push(account);
      } catch (error) {
        warnings.push({ entry, label, ...entryFailure(error) });
      }
    },
    warn(warning) {
      warnings.push(warning);
    },
    finish(format) {
      if (accounts.length === 0 && warnings.length === 0) {
        throw new ImportError('IMPORT_EMPTY', 'The file holds no accounts.');
      }
      return { accounts, warnings, format };
    },
  };
}

function entryFailure(error: unknown): { code: ImportWarningCode; message: string } {
  if (error instanceof OtpUriError || error instanceof EntryProblem) {
    return { code: error.code, message: error.message };
  }
  if (error instanceof FieldTypeError) {
    return { code: 'IMPORT_ENTRY_MALFORMED', message: error.message };
  }
  throw error;
}
