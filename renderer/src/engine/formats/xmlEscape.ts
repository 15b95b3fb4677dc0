/** The one escape for text from the user's data put into XML or HTML: the report, its charts and the workbook's native chart. */

// Characters XML 1.0 forbids (C0 controls but tab and newlines, U+FFFE/FFFF, lone surrogates): a name
// holding one would make the whole document unreadable, so they are dropped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text from the data made safe in XML and HTML text and in double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return String(text)
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
