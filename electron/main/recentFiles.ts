// The recent documents list: kept in settings, mirrored to the OS (jump list, Dock, "Recent"),
// and shown to the page only as names and opaque ids.
import { createHmac, randomBytes } from 'node:crypto';
import type { RecentDocument } from '../ipc/contract';
import { documentKindOf, documentName } from './documents';
import { MAX_RECENT_FILES, type Settings } from './settings';

export interface OsRecentDocuments {
  addRecentDocument(path: string): void;
  clearRecentDocuments(): void;
}

const RECENT_ID = /^[0-9a-f]{32}$/;

export function isRecentId(value: unknown): value is string {
  return typeof value === 'string' && RECENT_ID.test(value);
}

/** Windows and macOS file systems are case-insensitive by default. */
function samePath(a: string, b: string, platform: NodeJS.Platform): boolean {
  return platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase();
}

/** The list with filePath first, without duplicates, at most `max` long. */
export function pushRecent(list: readonly string[], filePath: string, platform: NodeJS.Platform = process.platform, max = MAX_RECENT_FILES): string[] {
  return [filePath, ...list.filter((p) => !samePath(p, filePath, platform))].slice(0, max);
}

export class RecentFiles {
  /** Per-run secret: ids do not reveal paths and do not survive a restart. */
  private readonly key = randomBytes(32);

  constructor(
    private readonly settings: Settings,
    private readonly os: OsRecentDocuments,
    private readonly onChange: () => void = () => undefined,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  paths(): string[] {
    return this.settings.get('recentFiles').filter((p) => documentKindOf(p) !== null);
  }

  add(filePath: string): void {
    this.settings.set('recentFiles', pushRecent(this.paths(), filePath, this.platform));
    this.os.addRecentDocument(filePath);
    this.onChange();
  }

  remove(filePath: string): void {
    this.settings.set('recentFiles', this.paths().filter((p) => !samePath(p, filePath, this.platform)));
    this.onChange();
  }

  clear(): void {
    this.settings.set('recentFiles', []);
    this.os.clearRecentDocuments();
    this.onChange();
  }

  idOf(filePath: string): string {
    return createHmac('sha256', this.key).update(filePath).digest('hex').slice(0, 32);
  }

  list(): RecentDocument[] {
    return this.paths().map((p) => ({ id: this.idOf(p), name: documentName(p), kind: documentKindOf(p)! }));
  }

  /** The path of a listed document, or undefined for ids not on the list. */
  resolve(id: string): string | undefined {
    return this.paths().find((p) => this.idOf(p) === id);
  }
}
