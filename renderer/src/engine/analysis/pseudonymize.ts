/**
 * Stable pseudonyms for people (P-014): the same name gets the same code whatever the row order,
 * and codes do not follow alphabetical order, so a shared report does not leak who is who.
 */

/** 32-bit FNV-1a hash of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function key(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

export interface Pseudonymizer {
  /** The code for a known name; unknown names are returned unchanged. */
  name(name: string): string;
  /** Replaces every quoted known name ("Ana Diaz") in a message with its code. */
  text(message: string): string;
}

/**
 * Codes for the organization's people (P-001…, in hash order) and then for `others` — people named
 * only in issues, such as a misspelt name that is not in the roster — numbered after them.
 */
export function pseudonymizer(names: string[], others: string[] = []): Pseudonymizer {
  const byHash = (list: string[]) => [...new Set(list.map(key))].sort((a, b) => fnv1a(a) - fnv1a(b) || (a < b ? -1 : 1));
  const primary = byHash(names);
  const known = new Set(primary);
  const unique = [...primary, ...byHash(others).filter((k) => !known.has(k))];
  const width = Math.max(3, String(unique.length).length);
  const codes = new Map(unique.map((k, i) => [k, `P-${String(i + 1).padStart(width, '0')}`]));
  return {
    name: (n) => codes.get(key(n)) ?? n,
    text: (message) => message.replace(/"([^"]+)"/g, (whole, inner: string) => {
      const code = codes.get(key(inner));
      return code ? `"${code}"` : whole;
    }),
  };
}
