import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { harEntries } from '../../../src/inspector/har';
import { groupFlows, type Flow } from '../../../src/inspector/group-flows';

const FIXTURES = new URL('../../fixtures/har/', import.meta.url);

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** The `log.entries` of a fixture, as the panel receives them: untyped. */
export function loadEntries(name: string): unknown[] {
  return harEntries(JSON.parse(fixtureText(name)));
}

/** Entry `i` of a fixture, read as the HAR shape the fixtures write. */
export function entryAt(entries: readonly unknown[], i: number): HarLike {
  const entry = entries[i];
  expect(entry).toBeTypeOf('object');
  return entry as HarLike;
}

export interface HarLike {
  startedDateTime: string;
  request: {
    url: string;
    headers: { name: string; value: string }[];
    postData?: { mimeType: string; text: string; encoding?: string };
  };
  response: {
    status: number;
    content: { mimeType: string; size: number; text?: string; encoding?: string };
  };
  _scPlaintext?: { request?: string; response?: string };
}

/** The only flow a fixture groups into. */
export function onlyFlow(name: string): Flow {
  const flows = groupFlows(loadEntries(name));
  expect(flows).toHaveLength(1);
  const [flow] = flows;
  if (flow === undefined) throw new Error(`${name}: no flow`);
  return flow;
}

export const steps = (flow: Flow) => flow.steps.map((s) => [s.entryIndex, s.kind] as const);
