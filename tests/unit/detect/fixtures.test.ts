import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  analyzePage,
  toDetectReport,
  type FieldDecision,
  type PageAnalysis,
} from '../../../src/detect/index';
import { EXPECTATIONS } from '../../fixtures/detect/expectations';
import { FIXTURES, closeWindows, identity, loadFixture, resolveSelector } from './dom';

afterEach(closeWindows);

const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .sort();

function allDecisions(a: PageAnalysis): FieldDecision[] {
  return [
    ...(a.otp?.fields ?? []),
    ...a.otpAlternatives.flatMap((t) => t.fields),
    ...a.backup,
    ...(a.username === null ? [] : [a.username]),
    ...(a.password === null ? [] : [a.password]),
    ...a.rejected,
  ];
}

describe('detection fixtures', () => {
  it('has at least 40 fixtures, each with an expectation and no expectation without a file', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(EXPECTATIONS).sort()).toEqual(files);
  });

  it.each(Object.entries(EXPECTATIONS))('%s: kind and fields are as expected', (file, expected) => {
    const doc = loadFixture(file);
    const analysis = analyzePage(doc);
    const el = (selector: string) => resolveSelector(doc, selector);
    const ids = identity();
    expect(analysis.kind).toBe(expected.kind);
    expect(ids(analysis.otp?.fields.map((f) => f.element) ?? [])).toEqual(
      ids(expected.otp.map(el)),
    );
    expect(ids(analysis.backup.map((f) => f.element))).toEqual(ids(expected.backup.map(el)));
    expect(analysis.username?.element ?? null).toBe(
      expected.username === null ? null : el(expected.username),
    );
    expect(analysis.password?.element ?? null).toBe(
      expected.password === null ? null : el(expected.password),
    );
    expect([...(analysis.otp?.flags ?? [])].sort()).toEqual([...(expected.flags ?? [])].sort());
    const rejected = analysis.rejected.map((r) => r.element);
    for (const selector of expected.rejected ?? []) expect(rejected).toContain(el(selector));
    if (expected.frames !== undefined) {
      expect(ids(analysis.frames.map((f) => f.element))).toEqual(
        ids(expected.frames.map((f) => el(f.selector))),
      );
      expect(analysis.frames.map((f) => f.searched)).toEqual(
        expected.frames.map((f) => f.searched),
      );
    }
    expect(analysis.layout).toBe('not evaluated');
  });

  it.each(files)('%s: every decision carries a finite score and at least one reason', (file) => {
    const analysis = analyzePage(loadFixture(file));
    expect(Number.isFinite(analysis.score)).toBe(true);
    expect(analysis.reasons.length).toBeGreaterThan(0);
    for (const target of [analysis.otp, ...analysis.otpAlternatives]) {
      if (target === null) continue;
      expect(Number.isFinite(target.score)).toBe(true);
      expect(target.reasons.length).toBeGreaterThan(0);
    }
    for (const decision of allDecisions(analysis)) {
      expect(Number.isFinite(decision.score)).toBe(true);
      expect(decision.reasons.length).toBeGreaterThan(0);
      for (const reason of decision.reasons) expect(reason.trim()).not.toBe('');
    }
  });

  it.each(files)('%s: every reported selector names exactly its element', (file) => {
    const doc = loadFixture(file);
    const analysis = analyzePage(doc);
    const report = toDetectReport(analysis);
    const reported = [...report.otp, ...report.backup, report.username, report.password].filter(
      (f) => f !== null,
    );
    const decided = [
      ...(analysis.otp?.fields ?? []),
      ...analysis.backup,
      analysis.username,
      analysis.password,
    ].filter((d) => d !== null);
    const ids = identity();
    expect(ids(reported.map((f) => resolveSelector(doc, f.selector)))).toEqual(
      ids(decided.map((d) => d.element)),
    );
    for (const [i, frame] of report.frames.entries()) {
      expect(resolveSelector(doc, frame.selector)).toBe(analysis.frames[i]?.element);
    }
  });
});
