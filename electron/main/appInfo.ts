// The app's version and licences, for the page's getAppInfo and the native About box.
import type { MessageBoxOptions } from 'electron';
import type { AppInfo } from '../ipc/contract';

export function buildAppInfo(
  name: string,
  version: string,
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>,
  platform: string,
  licenses: string,
): AppInfo {
  return {
    name,
    version,
    electron: versions.electron ?? 'unknown',
    chrome: versions.chrome ?? 'unknown',
    node: versions.node ?? 'unknown',
    platform,
    licenses,
  };
}

/** The About box: version and runtime up front, the licence texts behind a button. */
export function aboutBoxOptions(info: AppInfo): MessageBoxOptions {
  return {
    type: 'info',
    title: `About ${info.name}`,
    message: `${info.name} ${info.version}`,
    detail: [
      'Audits how an organization divides its work. Everything stays on this computer.',
      '',
      `Electron ${info.electron} · Chromium ${info.chrome} · Node.js ${info.node} · ${info.platform}`,
    ].join('\n'),
    buttons: ['OK', 'Licences…'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** The licences box shows the beginning of the text; the full text is in getAppInfo().licenses. */
export function licencesBoxOptions(info: AppInfo, maxChars = 6000): MessageBoxOptions {
  const text = info.licenses.length > maxChars ? `${info.licenses.slice(0, maxChars)}\n…` : info.licenses;
  return {
    type: 'none',
    title: 'Licences',
    message: `${info.name} uses these open-source packages`,
    detail: text,
    buttons: ['OK'],
    noLink: true,
  };
}
