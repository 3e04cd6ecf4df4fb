import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { ImportError, type ImportErrorCode } from '../../../src/otp/import/index';

const FIXTURES = new URL('../../fixtures/import/', import.meta.url);

/** A fixture as the file picker hands it over: bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** Awaits `promise` and checks it rejected with an ImportError carrying `code`. */
export async function expectImportError(
  promise: Promise<unknown>,
  code: ImportErrorCode,
): Promise<ImportError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).code).toBe(code);
  return error as ImportError;
}

/** RFC 4648 §6 decoding written out for tests, independent of the code under test. */
export function base32ToBytes(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    buffer = ((buffer << 5) | alphabet.indexOf(char)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}
