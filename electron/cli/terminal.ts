/**
 * What the CLI lets reach a terminal: names come from untrusted spreadsheets, and an escape
 * sequence in a cell must never recolour, retitle or rewrite the user's terminal.
 */

/**
 * C0 controls except our own layout's tab and newline, DEL, C1 controls (U+0080–U+009F; U+009B is
 * a one-character CSI for some terminals), the line separators a terminal may honour, and the bidi
 * embeddings, overrides and isolates that can make text read in another order than it is.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal: unsafe characters dropped (tab and newline kept: they are our layout). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, '');
}

/**
 * JSON for a terminal: JSON.stringify already escapes C0 controls, but not DEL, C1, the line
 * separators or bidi controls. Writing those as \u escapes keeps the JSON valid and its values
 * unchanged when parsed, so no data is lost.
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line whatever a sheet or file is named: line breaks become spaces, then unsafe characters go. */
export function oneLine(message: string): string {
  return terminalSafe(message.replace(/\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/g, ' '));
}

type Write = typeof process.stdout.write;

/**
 * Routes every write to `stream` through `filter`: the one place text reaches stdout or stderr, so
 * no command's formatter can forget it.
 */
export function guardStream(stream: NodeJS.WriteStream, filter: (text: string) => string): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : String(chunk);
    return write(filter(text), ...rest);
  }) as Write;
}
