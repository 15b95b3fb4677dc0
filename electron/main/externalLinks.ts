// Opens links in the user's browser, but only well-formed https:// URLs.
import { shell } from 'electron';

// Long URLs are never legitimate links from our UI and are a common smuggling vector.
const MAX_URL_LENGTH = 2048;

/** Returns the parsed URL if it is safe to hand to the OS, otherwise null. */
export function parseExternalUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  // https only: file:, javascript:, custom schemes and plain http could launch local
  // programs or leak data. Credentials in a link are a phishing trick.
  if (url.protocol !== 'https:' || url.hostname === '' || url.username || url.password) return null;
  return url;
}

/** Opens the link if it passes parseExternalUrl; returns whether it was opened. */
export async function openExternalLink(raw: unknown): Promise<boolean> {
  const url = parseExternalUrl(raw);
  if (!url) return false;
  // Only URLs that passed parseExternalUrl get here. The comment marks the call as reviewed
  // for Electronegativity; @preserve keeps it, on this line, in the bundle the scan reads.
  /* eng-disable OPEN_EXTERNAL_JS_CHECK: https only, checked above (@preserve) */ await shell.openExternal(url.href);
  return true;
}
