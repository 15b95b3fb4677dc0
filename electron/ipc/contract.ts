// The one typed contract between the renderer and the privileged main process.
// Kept free of electron imports and domain types so the renderer, the preload and
// main can all import it without pulling privileged code into the page.

/** A document the user picked in a dialog owned by main; the handle is opaque. */
export interface PickedDocument {
  handle: string;
  name: string;
}

export interface DesktopApi {
  getVersion(): Promise<string>;
  /** Shows main's open dialog; null when the user cancels. */
  openSpreadsheet(): Promise<PickedDocument | null>;
  /** Reads a document previously issued by openSpreadsheet; the page never names paths. */
  readDocument(handle: string): Promise<Uint8Array>;
}

/**
 * One channel per method. `satisfies` makes a method without a channel (or a channel
 * without a method) a compile error.
 */
export const CHANNELS = {
  getVersion: 'fairshare:get-version',
  openSpreadsheet: 'fairshare:open-spreadsheet',
  readDocument: 'fairshare:read-document',
} as const satisfies Record<keyof DesktopApi, string>;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
