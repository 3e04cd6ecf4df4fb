import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBackupCodes,
  isBackupCodeSetLow,
  markBackupCodeUsed,
  parseBackupCodePaste,
  remainingBackupCodes,
  takeNextBackupCode,
  type BackupCode,
} from '../../../src/otp/backup-codes';

const unused = (...codes: string[]): BackupCode[] => codes.map((code) => ({ code, usedAt: null }));

describe('parseBackupCodePaste', () => {
  it('takes one code per line, trims and removes inner whitespace', () => {
    const paste = '  BKUP-00001  \r\n1234 5678\n\t abcd \t efgh\r\nx';
    expect(parseBackupCodePaste(paste)).toEqual({
      codes: ['BKUP-00001', '12345678', 'abcdefgh', 'x'],
      rejected: [],
    });
  });

  it('ignores empty and blank lines', () => {
    expect(parseBackupCodePaste('\n\n  \nA1\n\t\n').codes).toEqual(['A1']);
    expect(parseBackupCodePaste('')).toEqual({ codes: [], rejected: [] });
  });

  it('drops repeats, including ones that differ only in spacing, keeping the first', () => {
    expect(parseBackupCodePaste('1234 5678\nB\n12345678\n B \nb').codes).toEqual([
      '12345678',
      'B',
      'b',
    ]);
  });

  it('rejects lines over 64 characters with their 1-based line number', () => {
    const long = 'x'.repeat(65);
    const result = parseBackupCodePaste(`ok\n${long}\n${'y'.repeat(64)}`);
    expect(result.codes).toEqual(['ok', 'y'.repeat(64)]);
    expect(result.rejected).toEqual([{ line: 2, text: long, reason: 'too-long' }]);
  });

  it('measures length after whitespace removal', () => {
    const spaced = 'ab '.repeat(30); // 90 characters, 60 without spaces
    expect(parseBackupCodePaste(spaced).codes).toEqual(['ab'.repeat(30)]);
  });

  it.each(['ab\u0000cd', 'ab\u001bcd', 'ab\u007fcd', 'ab\u0085cd', 'ab\u200bcd', 'ab\u202ecd'])(
    'rejects control or invisible characters in %j',
    (line) => {
      expect(parseBackupCodePaste(`good\n${line}`)).toEqual({
        codes: ['good'],
        rejected: [{ line: 2, text: line, reason: 'control-character' }],
      });
    },
  );
});

describe('addBackupCodes', () => {
  it('adds new codes and counts those already present, used or not', () => {
    const set: BackupCode[] = [
      { code: 'A', usedAt: null },
      { code: 'B', usedAt: 5 },
    ];
    const result = addBackupCodes(set, ['B', 'C', 'A', 'C', 'D']);
    expect(result.added).toBe(2);
    expect(result.duplicates).toBe(3);
    expect(result.set).toEqual([...set, { code: 'C', usedAt: null }, { code: 'D', usedAt: null }]);
  });

  it('leaves the input set untouched', () => {
    const set = unused('A');
    addBackupCodes(set, ['B']);
    expect(set).toEqual(unused('A'));
  });

  it('normalises codes like a paste', () => {
    expect(addBackupCodes(unused('12345678'), [' 1234 5678 ']).duplicates).toBe(1);
  });

  it.each(['', '   ', 'a\u0007', 'z'.repeat(65)])('throws BACKUP_CODE_INVALID for %j', (code) => {
    expect(() => addBackupCodes([], [code])).toThrow(
      expect.objectContaining({ code: 'BACKUP_CODE_INVALID' }),
    );
  });
});

describe('takeNextBackupCode', () => {
  it('marks the first unused code with the time and returns a new array', () => {
    const set: BackupCode[] = [{ code: 'A', usedAt: 1 }, ...unused('B', 'C')];
    const taken = takeNextBackupCode(set, 1_700_000_000_000);
    expect(taken?.code).toBe('B');
    expect(taken?.set).toEqual([
      { code: 'A', usedAt: 1 },
      { code: 'B', usedAt: 1_700_000_000_000 },
      { code: 'C', usedAt: null },
    ]);
    expect(set[1]).toEqual({ code: 'B', usedAt: null });
  });

  it('returns null when every code is used or the set is empty', () => {
    expect(takeNextBackupCode([{ code: 'A', usedAt: 3 }], 4)).toBeNull();
    expect(takeNextBackupCode([], 4)).toBeNull();
  });

  it('never returns the same code twice', () => {
    const codes = fc.uniqueArray(fc.stringMatching(/^[A-Z0-9-]{1,12}$/), { maxLength: 20 });
    fc.assert(
      fc.property(codes, fc.nat(5), (list, extraTakes) => {
        let set: BackupCode[] = addBackupCodes([], list).set;
        const taken: string[] = [];
        for (let i = 0; i < list.length + extraTakes; i++) {
          const next = takeNextBackupCode(set, i);
          if (next === null) break;
          taken.push(next.code);
          set = next.set;
        }
        expect(new Set(taken).size).toBe(taken.length);
        expect(taken.sort()).toEqual([...list].sort());
        expect(remainingBackupCodes(set)).toBe(0);
      }),
    );
  });
});

describe('markBackupCodeUsed', () => {
  it('marks the given code used at the time', () => {
    expect(markBackupCodeUsed(unused('A', 'B'), ' B ', 9)).toEqual([
      { code: 'A', usedAt: null },
      { code: 'B', usedAt: 9 },
    ]);
  });

  it('throws BACKUP_CODE_UNKNOWN for a code not in the set', () => {
    expect(() => markBackupCodeUsed(unused('A'), 'a', 9)).toThrow(
      expect.objectContaining({ code: 'BACKUP_CODE_UNKNOWN', name: 'BackupCodeError' }),
    );
  });

  it('throws BACKUP_CODE_ALREADY_USED for a used code', () => {
    expect(() => markBackupCodeUsed([{ code: 'A', usedAt: 1 }], 'A', 9)).toThrow(
      expect.objectContaining({ code: 'BACKUP_CODE_ALREADY_USED' }),
    );
  });
});

describe('remaining and low warning', () => {
  const withUsed = (total: number, used: number): BackupCode[] =>
    Array.from({ length: total }, (_, i) => ({ code: `C${i}`, usedAt: i < used ? i : null }));

  it('counts unused codes', () => {
    expect(remainingBackupCodes(withUsed(10, 4))).toBe(6);
    expect(remainingBackupCodes([])).toBe(0);
  });

  it.each([
    [10, 7, false],
    [10, 8, true],
    [10, 9, true],
    [10, 10, true],
    [2, 0, true],
    [3, 0, false],
  ])('with %d codes and %d used, low is %s', (total, used, low) => {
    expect(isBackupCodeSetLow(withUsed(total, used))).toBe(low);
  });

  it('does not warn for an empty set', () => {
    expect(isBackupCodeSetLow([])).toBe(false);
  });
});
