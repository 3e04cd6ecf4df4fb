/**
 * Google Authenticator's "Transfer accounts" format, for moving accounts into Google
 * Authenticator (or any app that scans its QR codes): otpauth-migration://offline?data=…
 * holding a protobuf MigrationPayload (schema in ../import/parse-google-migration.ts).
 *
 * The schema has no period and only 6 or 8 digits, and Google Authenticator has no Steam
 * Guard, so such accounts are returned in `skipped` rather than silently changed. HOTP
 * accounts carry no period either; they come back with 30 s, which HOTP does not use.
 * Google Authenticator shows at most 10 accounts per QR code, hence the default batch size.
 */
import { decodeSecret } from '../normalize-secret';
import type { OtpAccount, OtpAlgorithm } from '../types';
import { validateAccount } from '../validate-account';
import { defaultRandomBytes, encodeBase64, takeRandom, type RandomBytes } from '../import/bytes';
import { createProtoWriter } from './protobuf-writer';

export type GoogleMigrationSkipReason = 'steam-unsupported' | 'period-not-30' | 'digits-not-6-or-8';

export interface GoogleMigrationExport {
  uris: string[];
  skipped: { account: OtpAccount; reason: GoogleMigrationSkipReason }[];
}

export interface GoogleMigrationOptions {
  /** Ties the batches of one export together; random (31 bits) by default. */
  batchId?: number;
  randomBytes?: RandomBytes;
}

const ALGORITHM: Record<OtpAlgorithm, number> = { SHA1: 1, SHA256: 2, SHA512: 3 };
const PAYLOAD_VERSION = 1;

/** Throws OtpUriError for an invalid account and RangeError for a batch size below 1. */
export function exportGoogleMigration(
  accounts: readonly OtpAccount[],
  batchSize = 10,
  opts: GoogleMigrationOptions = {},
): GoogleMigrationExport {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer; got ${batchSize}.`);
  }
  const exported: OtpAccount[] = [];
  const skipped: GoogleMigrationExport['skipped'] = [];
  for (const account of accounts) {
    validateAccount(account);
    const reason = skipReason(account);
    if (reason === null) exported.push(account);
    else skipped.push({ account, reason });
  }
  const batchId = opts.batchId ?? randomBatchId(opts.randomBytes ?? defaultRandomBytes);
  const batches: OtpAccount[][] = [];
  for (let i = 0; i < exported.length; i += batchSize)
    batches.push(exported.slice(i, i + batchSize));
  const uris = batches.map((batch, index) => {
    const writer = createProtoWriter();
    for (const account of batch) writer.bytes(1, otpParameters(account));
    writer.varint(2, PAYLOAD_VERSION).varint(3, batches.length).varint(4, index).varint(5, batchId);
    return `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(writer.finish()))}`;
  });
  return { uris, skipped };
}

function skipReason(account: OtpAccount): GoogleMigrationSkipReason | null {
  if (account.type === 'steam') return 'steam-unsupported';
  if (account.digits !== 6 && account.digits !== 8) return 'digits-not-6-or-8';
  if (account.type === 'totp' && account.period !== 30) return 'period-not-30';
  return null;
}

function otpParameters(account: OtpAccount): Uint8Array {
  const writer = createProtoWriter()
    .bytes(1, decodeSecret(account.secret).bytes)
    .string(2, migrationName(account))
    .string(3, account.issuer)
    .varint(4, ALGORITHM[account.algorithm])
    .varint(5, account.digits === 8 ? 2 : 1)
    .varint(6, account.type === 'hotp' ? 1 : 2);
  if (account.type === 'hotp') writer.varint(7, account.counter);
  return writer.finish();
}

/**
 * "Issuer:account" as Google Authenticator writes it; without an issuer, a name containing ':'
 * gets an empty prefix so that the importer does not take its first part for an issuer.
 */
function migrationName({ issuer, label }: OtpAccount): string {
  if (issuer !== '') return `${issuer}:${label}`;
  return label.includes(':') ? `:${label}` : label;
}

function randomBatchId(randomBytes: RandomBytes): number {
  const bytes = takeRandom(randomBytes, 4);
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) >>> 1;
}
