/**
 * A recorded HAR file (HAR 1.2, http://www.softwareishard.com/blog/har-12-spec/ — as Chrome's or
 * Firefox's Network panel exports it, or Playwright's `recordHar`) as the panel's page traffic.
 * Headless Chromium cannot open DevTools, and a tester may only have a recording: the file's
 * entries go through the same pipeline as `devtools.network` (usePageCapture), so flows, JWT
 * decoding, lint and envelope metadata all apply, masked until revealed.
 *
 * Reading is bounded: a file over `maxBytes` is refused before it is read (JSON cannot be parsed
 * in part), and only the first `maxEntries` entries are kept, the rest counted as cut.
 */
import type { NetworkSource } from './network-source';

export interface HarFileLimits {
  /** Larger files are refused unread. */
  maxBytes: number;
  /** Entries beyond these are cut (and counted). */
  maxEntries: number;
}

/** 50 MiB: a long session with embedded bodies; JSON.parse of that still answers in a second. */
export const HAR_FILE_LIMITS: HarFileLimits = { maxBytes: 50 * 1024 * 1024, maxEntries: 5000 };

export type HarFileErrorCode =
  'HAR_FILE_TOO_LARGE' | 'HAR_FILE_UNREADABLE' | 'HAR_FILE_NOT_JSON' | 'HAR_FILE_NOT_HAR';

export class HarFileError extends Error {
  override readonly name = 'HarFileError';
  /** What the reader or parser said; '' when the code says it all. */
  readonly detail: string;
  /** The file's size in bytes. */
  readonly bytes: number;
  constructor(
    readonly code: HarFileErrorCode,
    readonly fileName: string,
    { detail = '', bytes = 0 }: { detail?: string; bytes?: number } = {},
  ) {
    super(`${fileName}: ${code}${detail === '' ? '' : ` (${detail})`}`);
    this.detail = detail;
    this.bytes = bytes;
  }
}

export interface HarFile {
  name: string;
  /** The file's size in bytes. */
  bytes: number;
  /** The entries kept, in file order (values of any shape: the pipeline reads them totally). */
  entries: unknown[];
  /** Entries the file holds. */
  total: number;
  /** Entries beyond `maxEntries`, not read. */
  cut: number;
}

/** The slice of a DOM `File` read here. */
export type FileLike = Pick<File, 'name' | 'size' | 'text'>;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `log.entries` of a HAR file; also the bare `log` object, which is what getHAR answers. */
function entriesOf(value: unknown): unknown[] | null {
  if (!isRecord(value)) return null;
  const log = value.log === undefined ? value : value.log;
  if (!isRecord(log) || !Array.isArray(log.entries)) return null;
  return log.entries as unknown[];
}

/** Parses a HAR file's text; throws HarFileError (never anything else). */
export function parseHarText(
  text: string,
  name: string,
  bytes: number,
  limits: HarFileLimits = HAR_FILE_LIMITS,
): HarFile {
  let value: unknown;
  try {
    // Some Windows tools write a byte order mark, which JSON.parse refuses (RFC 8259 §8.1).
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw new HarFileError('HAR_FILE_NOT_JSON', name, { detail: message(error), bytes });
  }
  const all = entriesOf(value);
  if (all === null) throw new HarFileError('HAR_FILE_NOT_HAR', name, { bytes });
  const entries = all.slice(0, limits.maxEntries);
  return { name, bytes, entries, total: all.length, cut: all.length - entries.length };
}

/** Reads and parses a chosen or dropped file; throws HarFileError (never anything else). */
export async function readHarFile(
  file: FileLike,
  limits: HarFileLimits = HAR_FILE_LIMITS,
): Promise<HarFile> {
  if (file.size > limits.maxBytes) {
    throw new HarFileError('HAR_FILE_TOO_LARGE', file.name, { bytes: file.size });
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    throw new HarFileError('HAR_FILE_UNREADABLE', file.name, {
      detail: message(error),
      bytes: file.size,
    });
  }
  return parseHarText(text, file.name, file.size, limits);
}

/** A file's entries as a NetworkSource: all of them at once, nothing after. */
export function harFileSource(file: HarFile): NetworkSource {
  return {
    initial: () => Promise.resolve(file.entries),
    subscribe: () => () => undefined,
  };
}
