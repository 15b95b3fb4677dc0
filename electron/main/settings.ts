// Typed, schema-checked settings over any key-value store (electron-store in the app, a Map in tests).
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { DEFAULT_USER_SETTINGS, type SavedColumnMapping, type Theme, type UserSettings } from '../ipc/contract';

/** The few methods of electron-store that Settings needs. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface StoredSettings extends UserSettings {
  /** Absolute paths, most recent first. */
  recentFiles: string[];
  windowBounds: WindowBounds | null;
}

export const MAX_RECENT_FILES = 10;
const MAX_MAPPINGS = 200;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const safeKey = (max: number) => z.string().min(1).max(max).refine((k) => k !== '__proto__', 'is a reserved name');

const columnLetter = z.string().regex(/^[A-Z]{1,3}$/, 'must be a column letter');

/** A saved mapping's name, as the page gives it (also the argument of deleteColumnMapping). */
export const MAPPING_NAME = safeKey(200);

// `headers` is optional: mappings saved before header texts were kept (letters only) stay valid.
const mappingSchema: z.ZodType<SavedColumnMapping> = z.object({
  sheets: z.record(
    safeKey(300),
    z.object({
      role: z.string().max(40).optional(),
      headerRow: z.number().int().min(1).max(1_000_000).optional(),
      columns: z.record(columnLetter, z.string().max(40)).optional(),
      headers: z.record(columnLetter, z.string().max(500)).optional(),
      unit: z.enum(['hours', 'percent']).optional(),
    }),
  ),
  timesheet: z.object({ includeNonWork: z.boolean().optional(), dateOrder: z.enum(['mdy', 'dmy']).optional() }).optional(),
});

export const SETTINGS_SCHEMA = {
  defaultScale: z
    .object({ min: finite, max: finite })
    .refine((s) => s.min < s.max, 'min must be below max')
    .refine((s) => s.max - s.min <= 1000, 'range is too large'),
  defaultTolerance: finite.refine((n) => n >= 0, 'must not be negative').nullable(),
  hoursPerFte: finite.refine((n) => n > 0 && n <= 168, 'must be between 0 and 168 hours'),
  columnMappings: z
    .record(MAPPING_NAME, mappingSchema)
    .refine((m) => Object.keys(m).length <= MAX_MAPPINGS, `at most ${MAX_MAPPINGS} saved mappings`),
  theme: z.enum(['system', 'light', 'dark'] satisfies Theme[]),
  recentFiles: z.array(z.string().min(1).max(4096)).max(MAX_RECENT_FILES),
  windowBounds: z
    .object({
      x: z.number().int(),
      y: z.number().int(),
      width: z.number().int().min(200).max(100_000),
      height: z.number().int().min(200).max(100_000),
      maximized: z.boolean(),
    })
    .nullable(),
} satisfies { [K in keyof StoredSettings]: z.ZodType<StoredSettings[K]> };

export const DEFAULT_SETTINGS: StoredSettings = {
  ...DEFAULT_USER_SETTINGS,
  recentFiles: [],
  windowBounds: null,
};

export type SettingKey = keyof StoredSettings;
export const USER_SETTING_KEYS = ['defaultScale', 'defaultTolerance', 'hoursPerFte', 'columnMappings', 'theme'] as const satisfies readonly (keyof UserSettings)[];

export class SettingsError extends Error {
  override name = 'SettingsError';
}

function isSettingKey(key: unknown): key is SettingKey {
  return typeof key === 'string' && Object.hasOwn(SETTINGS_SCHEMA, key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The stored mappings split into those this version reads and the rest (hand-edited, or saved by a
 * newer version): one unreadable entry must not hide the others, nor be lost when they change.
 */
function splitMappings(stored: unknown): { readable: Record<string, SavedColumnMapping>; unreadable: Record<string, unknown> } {
  const readable: Record<string, SavedColumnMapping> = {};
  const unreadable: Record<string, unknown> = {};
  if (!isRecord(stored)) return { readable, unreadable };
  let count = 0;
  for (const [name, value] of Object.entries(stored)) {
    if (name === '__proto__') continue;
    const parsed = MAPPING_NAME.safeParse(name).success ? mappingSchema.safeParse(value) : null;
    if (parsed?.success && count < MAX_MAPPINGS) {
      readable[name] = parsed.data;
      count++;
    } else unreadable[name] = value;
  }
  return { readable, unreadable };
}


export class Settings {
  constructor(private readonly store: KeyValueStore) {}

  /** The stored value, or the default when it is missing or no longer valid (hand-edited, older app). */
  get<K extends SettingKey>(key: K): StoredSettings[K] {
    if (key === 'columnMappings') return splitMappings(this.store.get(key)).readable as StoredSettings[K];
    const parsed = SETTINGS_SCHEMA[key].safeParse(this.store.get(key));
    return parsed.success ? (parsed.data as StoredSettings[K]) : structuredClone(DEFAULT_SETTINGS[key]);
  }

  /** Validates and stores; throws a SettingsError naming the key and what is wrong. */
  set<K extends SettingKey>(key: K, value: unknown): StoredSettings[K] {
    if (!isSettingKey(key)) throw new SettingsError('Unknown setting');
    const parsed = SETTINGS_SCHEMA[key].safeParse(value);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .slice(0, 3)
        .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
        .join('; ');
      throw new SettingsError(`Invalid value for setting "${key}": ${detail}`);
    }
    if (key === 'columnMappings') {
      // The page sees and sends only the readable mappings, as this version reads them; the others
      // stay as they were, and so does one sent back unchanged (it may hold fields of a newer version).
      const stored = this.store.get(key);
      const { readable, unreadable } = splitMappings(stored);
      const given = parsed.data as Record<string, SavedColumnMapping>;
      const next: Record<string, unknown> = {};
      for (const [name, mapping] of Object.entries(given)) {
        const unchanged = Object.hasOwn(readable, name) && isDeepStrictEqual(readable[name], mapping);
        next[name] = unchanged && isRecord(stored) ? stored[name] : mapping;
      }
      for (const [name, value] of Object.entries(unreadable)) if (!Object.hasOwn(next, name)) next[name] = value;
      this.store.set(key, next);
      return parsed.data as StoredSettings[K];
    }
    this.store.set(key, parsed.data);
    return parsed.data as StoredSettings[K];
  }

  /** The settings the page may see. */
  userSettings(): UserSettings {
    return {
      defaultScale: this.get('defaultScale'),
      defaultTolerance: this.get('defaultTolerance'),
      hoursPerFte: this.get('hoursPerFte'),
      columnMappings: this.get('columnMappings'),
      theme: this.get('theme'),
    };
  }

  /** Sets one setting the page may change; refuses main-only keys. */
  setUserSetting(key: unknown, value: unknown): UserSettings {
    if (typeof key !== 'string' || !(USER_SETTING_KEYS as readonly string[]).includes(key)) {
      throw new SettingsError('Unknown setting');
    }
    this.set(key as keyof UserSettings, value);
    return this.userSettings();
  }

  /** Removes one saved column mapping, readable or not; a name that is not there changes nothing. */
  deleteColumnMapping(name: string): UserSettings {
    const stored = this.store.get('columnMappings');
    if (isRecord(stored) && Object.hasOwn(stored, name)) {
      const { [name]: _deleted, ...rest } = stored;
      this.store.set('columnMappings', rest);
    }
    return this.userSettings();
  }
}

/** An in-memory store, for tests and as a fallback when the settings file cannot be opened. */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  get(key: string): unknown {
    return structuredClone(this.data.get(key));
  }
  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value));
  }
  delete(key: string): void {
    this.data.delete(key);
  }
}
