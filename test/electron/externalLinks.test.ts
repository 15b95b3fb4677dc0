// External links: only well-formed https:// URLs ever reach shell.openExternal.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  shell: { openExternal: vi.fn(async () => undefined) },
}));
vi.mock('electron', () => electron);

import { openExternalLink, parseExternalUrl } from '../../electron/main/externalLinks';

beforeEach(() => electron.shell.openExternal.mockClear());

describe('parseExternalUrl', () => {
  it('accepts https URLs and normalizes them', () => {
    expect(parseExternalUrl('https://example.org/docs?q=1#a')?.href).toBe('https://example.org/docs?q=1#a');
    expect(parseExternalUrl('HTTPS://Example.ORG')?.href).toBe('https://example.org/');
  });

  it('refuses every non-https scheme', () => {
    for (const raw of [
      'http://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://host/share',
      'ms-msdt:/id PCWDiagnostic',
      'app://fairshare/index.html',
      'mailto:someone@example.org',
      'vbscript:msgbox(1)',
    ]) {
      expect(parseExternalUrl(raw), raw).toBeNull();
    }
  });

  it('refuses malformed, empty, oversized and non-string input', () => {
    for (const raw of ['', 'not a url', 'https://', 'https://[::1', 'https://exa%mple.org', '//example.org', 'example.org', 'https://exa mple.org']) {
      expect(parseExternalUrl(raw), raw).toBeNull();
    }
    expect(parseExternalUrl(`https://example.org/${'a'.repeat(3000)}`)).toBeNull();
    expect(parseExternalUrl(undefined)).toBeNull();
    expect(parseExternalUrl(42)).toBeNull();
    expect(parseExternalUrl({ href: 'https://example.org' })).toBeNull();
  });

  it('refuses URLs carrying credentials', () => {
    expect(parseExternalUrl('https://user:pass@example.org/')).toBeNull();
    expect(parseExternalUrl('https://bank.example@evil.example/')).toBeNull();
  });
});

describe('openExternalLink', () => {
  it('opens https links through the shell', async () => {
    await expect(openExternalLink('https://example.org/a b')).resolves.toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.org/a%20b');
  });

  it('never calls the shell for refused links', async () => {
    for (const raw of ['http://example.org', 'file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', '%%%']) {
      await expect(openExternalLink(raw)).resolves.toBe(false);
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});
