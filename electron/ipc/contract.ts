// The one typed contract between the renderer and the privileged main process.
// Kept free of electron imports and domain types so the renderer, the preload and
// main can all import it without pulling privileged code into the page.

/** What a document is to the app; decides which calls accept its handle. */
export type DocumentKind = 'project' | 'spreadsheet';

/**
 * A document main issued a handle for: from its own dialogs, the recent list, the command
 * line, the OS, or a file the user dropped on the window. The handle is opaque; the page
 * never sees or names a path.
 */
export interface PickedDocument {
  handle: string;
  /** File name for display, e.g. "roster.xlsx". */
  name: string;
  kind: DocumentKind;
}

export interface SaveProjectRequest {
  /** The project's current handle, or null for a project never saved. */
  handle: string | null;
  /** Project JSON from the engine's serializeProject. */
  text: string;
  /** Show the Save As dialog even when a handle is given. */
  saveAs: boolean;
  /** File name proposed by the Save As dialog, e.g. the project name. */
  suggestedName: string;
}

export type ExportFormat = 'xlsx' | 'csv' | 'json' | 'pdf' | 'png' | 'svg' | 'zip';

export interface ExportRequest {
  format: ExportFormat;
  /** File name proposed by the save dialog, e.g. "Tenants union – summary.xlsx". */
  suggestedName: string;
  bytes: Uint8Array;
}

/** Paper sizes the report is laid out for (its CSS @page size). */
export type ReportPageSize = 'A4' | 'Letter';

/** Longest report HTML main renders to PDF, in characters (a 2,000-person report is a few MB). */
export const MAX_REPORT_HTML_CHARS = 64 * 1024 * 1024;

export interface ReportPdfRequest {
  /** The report as one self-contained HTML document (inline CSS and SVG, no scripts). */
  html: string;
  /** File name proposed by the save dialog, e.g. "Riverside report". */
  suggestedName: string;
  pageSize: ReportPageSize;
}

export interface RecentDocument {
  /** Opaque id for openRecent; valid for this run of the app. */
  id: string;
  name: string;
  kind: DocumentKind;
}

/** A blank import template in resources/templates, offered on the start screen to save a copy of and fill in. */
export type TemplateName = 'long-template' | 'matrix-template';

/** A workbook bundled with the app: a sample organization or a blank template. */
export type SampleName = 'organization' | 'partner' | TemplateName;

/** The sample organizations' own names (resources/README.md): a project made from one is named after it, not after its file. */
export const SAMPLE_TITLES: Readonly<Record<'organization' | 'partner', string>> = {
  organization: 'Riverside Tenants & Workers Alliance',
  partner: 'Eastside Housing Co-op',
};

/** One sheet of a saved column mapping (see the engine's SheetMapping). */
export interface SavedSheetMapping {
  role?: string;
  headerRow?: number;
  /** Column letter → field. */
  columns?: Record<string, string>;
  /**
   * Column letter → the header text that column had when the mapping was saved, so the mapping
   * can follow a column that moved. A separate record (rather than objects in `columns`) keeps
   * mappings saved before headers were kept valid, and lets an older app read newer ones.
   */
  headers?: Record<string, string>;
  unit?: 'hours' | 'percent';
}

/** A reusable column mapping: sheet name → overrides. */
export interface SavedColumnMapping {
  sheets: Record<string, SavedSheetMapping>;
  /** For time-tracking exports: time off counted as work, and how slashed dates are read. */
  timesheet?: { includeNonWork?: boolean; dateOrder?: 'mdy' | 'dmy' };
}

export type Theme = 'system' | 'light' | 'dark';

/** The settings the page may read and change (recent paths and window bounds stay in main). */
export interface UserSettings {
  /** Rating scale for new projects, in points. */
  defaultScale: { min: number; max: number };
  /** Balance tolerance in points; null means 5% of the scale's range. */
  defaultTolerance: number | null;
  hoursPerFte: number;
  /** Saved column mappings by the name the user gave them. */
  columnMappings: Record<string, SavedColumnMapping>;
  theme: Theme;
}

export interface RecoveryInfo {
  /** ISO time the autosave was written. */
  savedAt: string;
  /** The autosaved project JSON. */
  text: string;
  /** The project file it belongs to, with a fresh handle, when it still exists. */
  document: PickedDocument | null;
}

export interface DocumentState {
  /** Whether the page holds changes not yet saved; main asks before closing when true. */
  dirty: boolean;
  /** Project name for the window title, or null for none. */
  title: string | null;
}

export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  platform: string;
  /** Licence texts of the third-party packages the app ships. */
  licenses: string;
}

/**
 * What the native menu (or the OS) asks the page to do; sent on one event channel.
 * The page runs dialogs through the API methods itself, so it can first deal with
 * unsaved changes.
 */
export type MenuCommand =
  | { type: 'new-from-sample' }
  | { type: 'open-project' }
  | { type: 'open-recent'; id: string }
  /** Import a spreadsheet as a new project (the open one is closed, never changed). */
  | { type: 'import-spreadsheet' }
  /** Re-import an updated spreadsheet into the open project (a plain import when none is open). */
  | { type: 'reimport-spreadsheet' }
  /**
   * closeAfter: the user chose "Save" in the close or quit prompt; the page answers with
   * saveBeforeCloseDone, and main then closes the window or quits (or keeps it if not saved).
   */
  | { type: 'save'; closeAfter: boolean }
  | { type: 'save-as' }
  | { type: 'export-summary' }
  /** File → Export PDF report…: the page opens its Report view and exports it. */
  | { type: 'export-report' }
  | { type: 'undo' }
  | { type: 'redo' }
  /** A file main already issued a handle for (command line, second instance, OS "open with"). */
  | { type: 'open-document'; document: PickedDocument };

/** The request/response half of the API: one IPC channel per method. */
export interface DesktopInvokeApi {
  getVersion(): Promise<string>;
  getAppInfo(): Promise<AppInfo>;
  /** Open dialog for .fairshare projects; null when cancelled. */
  openProject(): Promise<PickedDocument | null>;
  /** Open dialog for spreadsheets (.xlsx .xlsm .xls .xlsb .ods .csv .tsv); null when cancelled. */
  importSpreadsheet(): Promise<PickedDocument | null>;
  /** A bundled workbook (a sample organization or a blank template), read-only. */
  openSample(sample: SampleName): Promise<PickedDocument>;
  /** A file the user dropped on the window; null when it is not a file Fairshare opens. */
  openDroppedFile(file: File): Promise<PickedDocument | null>;
  /** The bytes of a document main issued a handle for. */
  readDocument(handle: string): Promise<Uint8Array>;
  /** Writes the project atomically to its file, or to one chosen in Save As; null when cancelled. */
  saveProject(request: SaveProjectRequest): Promise<PickedDocument | null>;
  /** Save dialog, then an atomic write; the written file's display name, or null when cancelled. */
  exportFile(request: ExportRequest): Promise<string | null>;
  /**
   * The report printed to PDF (desktop: a hidden window with no scripts or network, then the save
   * dialog and an atomic write; web: the browser's print dialog); the written file's display name,
   * or null when cancelled or when the browser's dialog takes over.
   */
  exportReportPdf(request: ReportPdfRequest): Promise<string | null>;
  listRecent(): Promise<RecentDocument[]>;
  /** Null when the file has gone (it is then dropped from the list). */
  openRecent(id: string): Promise<PickedDocument | null>;
  getSettings(): Promise<UserSettings>;
  /** Validates and stores one setting; returns all settings after the change. */
  setSetting<K extends keyof UserSettings>(key: K, value: UserSettings[K]): Promise<UserSettings>;
  /** Removes the saved column mapping of that name (nothing when there is none); returns all settings after. */
  deleteColumnMapping(name: string): Promise<UserSettings>;
  /** Autosave: replaces the recovery copy of the open project. */
  writeRecovery(text: string, handle: string | null): Promise<void>;
  /** At startup: the autosave a crash left behind, or null. */
  checkRecovery(): Promise<RecoveryInfo | null>;
  discardRecovery(): Promise<void>;
  /** Tells main whether there are unsaved changes (for the close prompt) and the title. */
  setDocumentState(state: DocumentState): Promise<void>;
  /** Answers { type: 'save', closeAfter: true }: whether the project was saved (false: Save As cancelled or failed). */
  saveBeforeCloseDone(saved: boolean): Promise<void>;
}

export interface DesktopApi extends DesktopInvokeApi {
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
}

/**
 * One channel per method. `satisfies` makes a method without a channel (or a channel
 * without a method) a compile error.
 */
export const CHANNELS = {
  getVersion: 'fairshare:get-version',
  getAppInfo: 'fairshare:get-app-info',
  openProject: 'fairshare:open-project',
  importSpreadsheet: 'fairshare:import-spreadsheet',
  openSample: 'fairshare:open-sample',
  openDroppedFile: 'fairshare:open-dropped-file',
  readDocument: 'fairshare:read-document',
  saveProject: 'fairshare:save-project',
  exportFile: 'fairshare:export-file',
  exportReportPdf: 'fairshare:export-report-pdf',
  listRecent: 'fairshare:list-recent',
  openRecent: 'fairshare:open-recent',
  getSettings: 'fairshare:get-settings',
  setSetting: 'fairshare:set-setting',
  deleteColumnMapping: 'fairshare:delete-column-mapping',
  writeRecovery: 'fairshare:write-recovery',
  checkRecovery: 'fairshare:check-recovery',
  discardRecovery: 'fairshare:discard-recovery',
  setDocumentState: 'fairshare:set-document-state',
  saveBeforeCloseDone: 'fairshare:save-before-close-done',
} as const satisfies Record<keyof DesktopInvokeApi, string>;

/** Main → page events; the preload turns each into one subscribe function. */
export const EVENTS = {
  menuCommand: 'fairshare:menu-command',
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

/**
 * The arguments as they cross the wire: the page-facing parameters, except that the preload
 * turns a dropped File into its path (see electron/preload/index.ts), never the page.
 */
export type WireArgs = {
  [K in keyof DesktopInvokeApi]: K extends 'openDroppedFile' ? [path: string] : Parameters<DesktopInvokeApi[K]>;
};

export const SPREADSHEET_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'xlsb', 'ods', 'csv', 'tsv'] as const;
export const PROJECT_FILE_EXTENSION = 'fairshare';

/** Settings before the user changes anything (main's store and the web fallback share them). */
export const DEFAULT_USER_SETTINGS: UserSettings = {
  defaultScale: { min: 1, max: 20 },
  defaultTolerance: null,
  hoursPerFte: 40,
  columnMappings: {},
  theme: 'system',
};
