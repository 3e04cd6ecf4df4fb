/**
 * Pasted or saved text with one URI per line: otpauth:// Key URIs (Google Authenticator's "Key
 * Uri Format" wiki page, read by parseOtpauthUri) and otpauth-migration:// exports, mixed
 * freely. Blank lines are skipped; any other line that does not parse becomes a warning with
 * its line number. A truncated last line is just such a line: text has no framing that would
 * tell truncation apart from a bad line. A migration URI that cannot be decoded fails the whole
 * import, because its accounts cannot even be counted.
 */
import { parseOtpauthUri } from '../parse-otpauth-uri';
import { createCollector, EntryProblem, type Collector } from './entries';
import {
  decodeMigrationUri,
  MIGRATION_SCHEME,
  migrationAccount,
  migrationLabel,
} from './parse-google-migration';
import type { ImportResult } from './types';

const URI_LINE = /^\s*otpauth(-migration)?:\/\//i;

/** True when at least one line is an otpauth:// or otpauth-migration:// URI. */
export function looksLikeOtpauthText(text: string): boolean {
  return splitLines(text).some((line) => URI_LINE.test(line));
}

export function parseOtpauthText(text: string): ImportResult {
  const collector = createCollector();
  let migrationEntries = 0;
  splitLines(text).forEach((line, index) => {
    const lineNumber = index + 1;
    const trimmed = line.trim();
    if (trimmed === '') return;
    if (trimmed.slice(0, MIGRATION_SCHEME.length).toLowerCase() === MIGRATION_SCHEME) {
      migrationEntries = addMigration(collector, trimmed, migrationEntries);
    } else {
      collector.add(lineNumber, labelOfLine(trimmed), () => parseLine(trimmed));
    }
  });
  return collector.finish(migrationEntries > 0 ? 'google-migration' : 'otpauth');
}

/** Accounts inside migration payloads are numbered across all of them, as Google lists them. */
function addMigration(collector: Collector, uri: string, countBefore: number): number {
  let count = countBefore;
  for (const otp of decodeMigrationUri(uri)) {
    count++;
    collector.add(count, migrationLabel(otp), () => migrationAccount(otp));
  }
  return count;
}

function parseLine(line: string): ReturnType<typeof parseOtpauthUri> {
  if (!URI_LINE.test(line)) {
    throw new EntryProblem('IMPORT_LINE_UNRECOGNISED', 'This line is not an otpauth:// URI.');
  }
  return parseOtpauthUri(line);
}

/** The label part of a URI for the warning, best effort; '' when it cannot be decoded. */
function labelOfLine(line: string): string {
  const match = /^otpauth:\/\/[^/?#]*\/([^?#]*)/i.exec(line);
  if (match?.[1] === undefined) return '';
  try {
    return decodeURIComponent(match[1]).trim();
  } catch (error) {
    if (error instanceof URIError) return '';
    throw error;
  }
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
