// A text file with no line breaks (a one-line HTML dump, a mangled CSV) is sniffed for its delimiter
// from its first 64 KB: copying a 20 MB line character by character took 7 s and 400 MB.
import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../renderer/src/engine/formats/textDecode';

describe('delimiter sniffing is bounded', () => {
  it('a 20 MB line is sniffed in well under a second', () => {
    const text = 'a;b,c;'.repeat(3_500_000);
    const started = performance.now();
    expect(sniffDelimiter(text, 'one-line.csv')).toBe(';');
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('only the start decides: a delimiter that first appears after 64 KB is not seen', () => {
    const text = `${'x'.repeat(70_000)}\n${'a;b;c\n'.repeat(10)}`;
    expect(sniffDelimiter(text, 'f.csv')).toBe(',');
    expect(sniffDelimiter(`Name;Task;Hours\n${'Ana;Filing;10\n'.repeat(10_000)}`, 'f.csv')).toBe(';');
  });
});
