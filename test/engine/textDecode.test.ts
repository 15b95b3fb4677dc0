/** Unit tests for text decoding and delimiter sniffing (formats/textDecode.ts): DESIGN.md §3 "Formats". */
import { describe, expect, it } from 'vitest';
import { decodeText, sniffDelimiter } from '../../renderer/src/engine/formats/textDecode';

describe('decodeText', () => {
  it('UTF-8 with BOM: BOM removed, text intact', () => {
    const body = new TextEncoder().encode('Name,Task\nMüller,Filing\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    const d = decodeText(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe('Name,Task\nMüller,Filing\n');
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('UTF-8 without BOM', () => {
    const d = decodeText(new TextEncoder().encode('Müller; Straße; €'));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe('Müller; Straße; €');
  });

  it('invalid UTF-8 falls back to Windows-1252: "Müller" (0xFC is ü)', () => {
    const bytes = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]);
    const d = decodeText(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe('Müller');
  });

  it('Windows-1252 bytes 0x80–0x9F decode to their Windows-1252 characters (€, curly quotes, dash), not C1 controls', () => {
    // What Excel on Windows writes for "€5", "O’Brien", "“Outreach”" and "9–5".
    // WHATWG windows-1252: 0x80 → U+20AC, 0x92 → U+2019, 0x93 → U+201C, 0x94 → U+201D, 0x96 → U+2013.
    const bytes = new Uint8Array([0xfc, 0x3b, 0x80, 0x35, 0x3b, 0x4f, 0x92, 0x42, 0x3b, 0x93, 0x4f, 0x94, 0x3b, 0x39, 0x96, 0x35]);
    const d = decodeText(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe('ü;€5;O\u2019B;\u201cO\u201d;9\u20135');
  });
});

describe('sniffDelimiter', () => {
  it('comma', () => {
    expect(sniffDelimiter('Name,Task,Hours\nAna,Filing,12.5\nBo,Cleaning,7\n', 'a.csv')).toBe(',');
  });

  it('semicolon, even with decimal commas in the data', () => {
    const text = 'Name;Task;Hours;E\nAna;Filing;12,5;3,5\nBo;Cleaning;7,5;2\nCy;Outreach;10;4,5\n';
    expect(sniffDelimiter(text, 'a.csv')).toBe(';');
  });

  it('tab, even with decimal commas and a .csv name', () => {
    const text = 'Name\tTask\tHours\nAna\tFiling\t12,5\nBo\tCleaning\t7,5\n';
    expect(sniffDelimiter(text, 'a.csv')).toBe('\t');
  });

  it('semicolon, below two title rows that each hold a comma, with a decimal comma on every data row', () => {
    // Title rows are allowed above the header (DESIGN.md §3); the header and every data row have
    // two semicolons, so ';' is the delimiter even though 5 of 6 lines hold exactly one comma.
    const text = 'Acme Co-op, staff time survey\nSpring quarter, 2024\nName;Task;Hours\nAna;Canvassing;12,5\nBo;Filing;7,5\nCy;Phones;20,5\n';
    expect(sniffDelimiter(text, 'a.csv')).toBe(';');
  });

  it('commas inside quotes do not count', () => {
    const text = 'Name;Task;Hours\n"Lima, Ana";"Filing, misc";10\n"Ng, Bo";Cleaning;7\n';
    expect(sniffDelimiter(text, 'a.csv')).toBe(';');
  });

  it('a leading sep= line wins', () => {
    expect(sniffDelimiter('sep=;\nName,Task;Hours\n', 'a.csv')).toBe(';');
  });
});
