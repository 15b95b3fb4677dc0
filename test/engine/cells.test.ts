/** Unit tests for reading cells as people type them (import/cells.ts). Expected values are from DESIGN.md §3–4. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnIndex, columnLetter, isNonFiniteText, parseNumber } from '../../renderer/src/engine/import/cells';

describe('parseNumber', () => {
  it('reads a decimal comma "12,5" as 12.5 with or without decimalComma', () => {
    expect(parseNumber('12,5', false)).toEqual({ value: 12.5, percent: false });
    expect(parseNumber('12,5', true)).toEqual({ value: 12.5, percent: false });
  });

  it('reads thousands separators in both conventions', () => {
    expect(parseNumber('1,234.5', false)).toEqual({ value: 1234.5, percent: false });
    expect(parseNumber('1,234.5', true)).toEqual({ value: 1234.5, percent: false });
    expect(parseNumber('1.234,5', false)).toEqual({ value: 1234.5, percent: false });
    expect(parseNumber('1.234,5', true)).toEqual({ value: 1234.5, percent: false });
  });

  it('reads a lone comma before three digits by the decimalComma flag', () => {
    expect(parseNumber('1,234', false)?.value).toBe(1234);
    expect(parseNumber('1,234', true)?.value).toBeCloseTo(1.234, 12);
  });

  it('reads percentages as fractions and marks them', () => {
    expect(parseNumber('25%', false)).toEqual({ value: 0.25, percent: true });
    expect(parseNumber('12,5 %', true)).toEqual({ value: 0.125, percent: true });
    expect(parseNumber('12,5 %', false)).toEqual({ value: 0.125, percent: true });
    expect(parseNumber('100%', false)).toEqual({ value: 1, percent: true });
  });

  it('strips currency and reads accounting negatives', () => {
    expect(parseNumber('$52,000', false)).toEqual({ value: 52000, percent: false });
    expect(parseNumber('(3)', false)).toEqual({ value: -3, percent: false });
    expect(parseNumber('-3', false)).toEqual({ value: -3, percent: false });
  });

  it('strips hour units people write beside numbers', () => {
    expect(parseNumber('12 h', false)?.value).toBe(12);
    expect(parseNumber('7.5 hrs', false)?.value).toBe(7.5);
  });

  it('returns null for text and empty cells', () => {
    expect(parseNumber('abc', false)).toBeNull();
    expect(parseNumber('', false)).toBeNull();
    expect(parseNumber('   ', true)).toBeNull();
    expect(parseNumber(null, false)).toBeNull();
    expect(parseNumber(undefined, false)).toBeNull();
    expect(parseNumber('12 apples', false)).toBeNull();
    expect(parseNumber('1.2.3,4,5', false)).toBeNull();
  });

  it('passes numeric cells through', () => {
    expect(parseNumber(7.25, false)).toEqual({ value: 7.25, percent: false });
    expect(parseNumber(Number.NaN, false)).toBeNull();
    expect(parseNumber(Number.POSITIVE_INFINITY, false)).toBeNull();
  });

  it('property: a number written with "." (comma file) or "," (semicolon file) reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 1, max: 9 }), (whole, tenth) => {
        const expected = whole + tenth / 10;
        expect(parseNumber(`${whole}.${tenth}`, false)?.value).toBeCloseTo(expected, 9);
        expect(parseNumber(`${whole},${tenth}`, true)?.value).toBeCloseTo(expected, 9);
        expect(parseNumber(`${whole},${tenth} %`, true)?.value).toBeCloseTo(expected / 100, 12);
      }),
      { numRuns: 100 },
    );
  });
});

describe('exponent form and numbers no sheet can use', () => {
  it('reads the exponent form spreadsheets write into CSV, so absurd values are refused by size', () => {
    expect(parseNumber('1E+11', false)).toEqual({ value: 1e11, percent: false });
    expect(parseNumber('1e308', false)).toEqual({ value: 1e308, percent: false });
    expect(parseNumber('2.5e-1', false)).toEqual({ value: 0.25, percent: false });
    expect(parseNumber('-1e3', false)).toEqual({ value: -1000, percent: false });
    expect(parseNumber('1e2%', false)).toEqual({ value: 1, percent: true });
    for (const text of ['e5', '1e', '1e+', '1.2.3e4', '1,5e3']) expect(parseNumber(text, false), text).toBeNull();
  });

  it('non-finite values parse as nothing and are recognized as such for the message', () => {
    for (const text of ['Infinity', '-inf', 'NaN', '∞', '#NUM!', '1e400', '−Infinity']) {
      expect(parseNumber(text, false), text).toBeNull();
      expect(isNonFiniteText(text), text).toBe(true);
    }
    expect(isNonFiniteText(Infinity)).toBe(true);
    for (const cell of ['n/a', 'infinite loop', '1e300', 12, null]) expect(isNonFiniteText(cell), String(cell)).toBe(false);
  });
});

describe('columnLetter / columnIndex', () => {
  it('maps known columns', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(27)).toBe('AB');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
    expect(columnLetter(16383)).toBe('XFD'); // Excel's last column
    expect(columnIndex('A')).toBe(0);
    expect(columnIndex('z')).toBe(25);
    expect(columnIndex('AA')).toBe(26);
    expect(columnIndex('XFD')).toBe(16383);
  });

  it('rejects things that are not column letters', () => {
    expect(columnIndex('')).toBe(-1);
    expect(columnIndex('A1')).toBe(-1);
    expect(columnIndex('ABCD')).toBe(-1);
    expect(columnIndex('$A')).toBe(-1);
  });

  it('round-trips every index of a 3-letter column (0 … ZZZ)', () => {
    for (let i = 0; i <= 18277; i++) {
      const letter = columnLetter(i);
      expect(letter).toMatch(/^[A-Z]{1,3}$/);
      if (columnIndex(letter) !== i) expect.fail(`columnIndex(columnLetter(${i})) = ${columnIndex(letter)}`);
    }
    expect(columnLetter(18277)).toBe('ZZZ');
  });

  it('property: letters round-trip through indexes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,3}$/), (letter) => {
        expect(columnLetter(columnIndex(letter))).toBe(letter);
      }),
      { numRuns: 200 },
    );
  });
});
