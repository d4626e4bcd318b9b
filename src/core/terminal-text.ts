/**
 * Text from outside (a server's `msg`, an HTML title, headers, a pasted log) is data: printed
 * raw, an escape sequence in it could set the clipboard (OSC 52), retitle the window, clear the
 * screen or hide text. Everything here makes such characters visible instead, in the `\x1b`
 * notation people can read and search for, and leaves ordinary text (any script, emoji) alone.
 */

/**
 * C0 controls, DEL and C1 controls (0x9b is a one-byte CSI to some terminals); TAB and LF are
 * handled by the caller's mode.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/**
 * Invisible characters that change what a line appears to say: bidirectional overrides and
 * isolates (the "Trojan Source" trick), zero-width characters, line and paragraph separators.
 */
const INVISIBLE = /[\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const hex2 = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
const hex4 = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export interface TerminalSafeOptions {
  /** Keep line breaks and tabs (evidence blocks, fix text); otherwise they are made visible too. */
  multiline?: boolean;
}

/** The text with every control character, escape sequence and invisible format character made visible. */
export function terminalSafe(text: string, opts: TerminalSafeOptions = {}): string {
  const lines = opts.multiline ? text.replace(/\r\n/g, '\n') : text.replace(/\t/g, '\\t').replace(/\n/g, '\\n');
  return lines.replace(CONTROL, hex2).replace(INVISIBLE, hex4);
}

/** True when the text holds anything terminalSafe would change (multi-line rules). */
export function hasTerminalControls(text: string): boolean {
  CONTROL.lastIndex = 0;
  INVISIBLE.lastIndex = 0;
  const found = CONTROL.test(text) || INVISIBLE.test(text);
  CONTROL.lastIndex = 0;
  INVISIBLE.lastIndex = 0;
  return found;
}

/** Every string inside a JSON-like value made terminal-safe (multi-line), the shape unchanged. */
export function terminalSafeDeep<T>(value: T): T {
  return mapStrings(value, (s) => terminalSafe(s, { multiline: true }));
}

/** Applies `fn` to every string in a plain value (objects, arrays); other values pass unchanged. */
export function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, fn);
    return out as T;
  }
  return value;
}

/**
 * JSON for a terminal or a pipe: JSON.stringify escapes C0 controls itself, but not DEL, C1
 * controls or the invisible format characters; written as `\u009b` they are the same JSON.
 */
export function terminalSafeJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f]/g, hex4).replace(INVISIBLE, hex4);
}
