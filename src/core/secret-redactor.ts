import { cleanValue } from './credentials.js';
import { terminalSafe } from './terminal-text.js';

/**
 * Finds the secret in text, whole or in pieces, in the forms it takes once printed, quoted or
 * encoded, and masks it. A piece is a leak: 27 of 32 hex characters leave a brute force of
 * seconds given one signed request from a log (issue #11). So every run of FRAGMENT_CHARS or
 * more characters of the secret, in any of its forms, is masked, upper or lower case.
 *
 * Fast for long secrets and long texts: the secret's FRAGMENT_CHARS-grams go into one set and
 * the text is scanned once, one lookup per position (no regex per fragment).
 */

export const REDACTED = '[REDACTED]';
/** Any run of this many characters of the secret is masked. */
export const FRAGMENT_CHARS = 8;
/** Shorter values are not secrets anyone uses; masking them would shred ordinary words. */
const MIN_SECRET_CHARS = 4;

export interface Exposure {
  /** The whole secret is there (in one of its forms). */
  whole: boolean;
  /** The longest run found, in characters of the text. */
  longestRun: number;
  /** How many separate places. */
  places: number;
}

export class SecretRedactor {
  private readonly grams = new Set<string>();
  /** Full forms, folded: what "the whole secret" looks like. */
  private readonly wholes = new Set<string>();
  /** Forms shorter than a fragment: matched whole. */
  private readonly shortForms = new Set<string>();
  /**
   * A bitmap of the grams' rolling hashes: the scan hashes each position in O(1) and looks a
   * gram up (a string slice) only where the bitmap says it may be one.
   */
  private readonly gramBits = new Uint8Array(HASH_SLOTS);
  private readonly known = new Set<string>();

  constructor(secrets: ReadonlyArray<string | undefined> = []) {
    this.add(...secrets);
  }

  /** Registers secrets (values shorter than 4 characters after trimming are ignored). */
  add(...secrets: ReadonlyArray<string | undefined>): this {
    for (const secret of secrets) {
      if (!secret || this.known.has(secret) || secret.trim().length < MIN_SECRET_CHARS) continue;
      this.known.add(secret);
      for (const form of secretForms(secret)) {
        const folded = foldCase(form);
        if (folded.length < MIN_SECRET_CHARS) continue;
        this.wholes.add(folded);
        if (folded.length < FRAGMENT_CHARS) {
          this.shortForms.add(folded);
          continue;
        }
        for (let i = 0; i + FRAGMENT_CHARS <= folded.length; i++) {
          const gram = folded.slice(i, i + FRAGMENT_CHARS);
          // A run of blanks says nothing about the secret, and masking it would eat indentation.
          if (gram.trim() === '') continue;
          this.grams.add(gram);
          this.gramBits[slot(gramHash(gram))] = 1;
        }
      }
    }
    return this;
  }

  /** Registers a secret typed at a prompt and hands it back. */
  remember(typed: string): string {
    this.add(typed);
    return typed;
  }

  /** The secrets registered, as given (to build a redactor that knows one more). */
  values(): string[] {
    return [...this.known];
  }

  /** Whether any secret is registered. */
  get active(): boolean {
    return this.known.size > 0;
  }

  /** The text with every piece of every secret replaced by [REDACTED]. */
  redact(text: string): string {
    if (!this.active || text.length < MIN_SECRET_CHARS) return text;
    const ranges = this.ranges(foldCase(text));
    if (ranges.length === 0) return text;
    let out = '';
    let at = 0;
    for (const [start, end] of ranges) {
      out += text.slice(at, start) + REDACTED;
      at = end;
    }
    return out + text.slice(at);
  }

  /** Every string inside a JSON-like value redacted, the shape unchanged. */
  redactDeep<T>(value: T): T {
    if (!this.active) return value;
    if (typeof value === 'string') return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.redactDeep(v)) as T;
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.redactDeep(v);
      return out as T;
    }
    return value;
  }

  /** Where the text holds a secret or a piece of one; undefined when it holds none. */
  exposure(text: string): Exposure | undefined {
    if (!this.active) return undefined;
    const folded = foldCase(text);
    const ranges = this.ranges(folded);
    if (ranges.length === 0) return undefined;
    let whole = false;
    for (const form of this.wholes) {
      if (folded.includes(form)) {
        whole = true;
        break;
      }
    }
    return { whole, longestRun: Math.max(...ranges.map(([s, e]) => e - s)), places: ranges.length };
  }

  /** Sorted, merged [start, end) ranges of secret pieces in already folded text. */
  private ranges(folded: string): Array<[number, number]> {
    const found: Array<[number, number]> = [];
    let start = -1;
    let end = -1;
    const last = folded.length - FRAGMENT_CHARS;
    if (this.grams.size > 0 && last >= 0) {
      let hash = gramHash(folded.slice(0, FRAGMENT_CHARS));
      for (let i = 0; i <= last; i++) {
        if (i > 0) hash = (Math.imul(hash - Math.imul(folded.charCodeAt(i - 1), TOP_POWER), BASE) + folded.charCodeAt(i + FRAGMENT_CHARS - 1)) | 0;
        if (this.gramBits[slot(hash)] === 0 || !this.grams.has(folded.slice(i, i + FRAGMENT_CHARS))) continue;
        if (start >= 0 && i <= end) end = i + FRAGMENT_CHARS;
        else {
          if (start >= 0) found.push([start, end]);
          start = i;
          end = i + FRAGMENT_CHARS;
        }
      }
      if (start >= 0) found.push([start, end]);
    }
    if (this.shortForms.size === 0) return found;
    for (const form of this.shortForms) {
      for (let at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1)) found.push([at, at + form.length]);
    }
    found.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const r of found) {
      const prev = merged[merged.length - 1];
      if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    return merged;
  }
}

/**
 * The forms a secret takes on its way out: as typed, trimmed and cleaned (quotes, zero-width
 * characters gone, as the credentials step signs with it), percent-encoded (%20 and +),
 * percent-decoded, JSON-escaped (also with \u escapes, as Python's json.dumps writes), and
 * with control characters made visible (terminal-text.ts).
 */
export function secretForms(secret: string): string[] {
  const bases = new Set([secret, secret.trim(), cleanValue(secret)]);
  const forms = new Set<string>();
  for (const base of bases) {
    if (!base) continue;
    const encoded = tryOr(() => encodeURIComponent(base));
    for (const form of [
      base,
      encoded,
      encoded?.replace(/%20/g, '+'),
      lenientDecode(base),
      JSON.stringify(base).slice(1, -1),
      asciiJson(base),
      terminalSafe(base),
      terminalSafe(base, { multiline: true }),
    ]) {
      if (form) forms.add(form);
    }
  }
  return [...forms];
}

const BASE = 0x01000193;
/** BASE to the power FRAGMENT_CHARS - 1, modulo 2^32: the weight of the character leaving the window. */
const TOP_POWER = Array.from({ length: FRAGMENT_CHARS - 1 }).reduce<number>((p) => Math.imul(p, BASE), 1);

const HASH_SLOTS = 1 << 20;
const slot = (hash: number) => (hash ^ (hash >>> 20)) & (HASH_SLOTS - 1);

/** Polynomial hash of one gram, 32-bit, matching the rolling update in `ranges`. */
function gramHash(gram: string): number {
  let h = 0;
  for (let i = 0; i < gram.length; i++) h = (Math.imul(h, BASE) + gram.charCodeAt(i)) | 0;
  return h;
}

/**
 * Lower case with every position kept, so a range found in the folded text is the same range in
 * the original: toLowerCase keeps the length of everything but U+0130 (İ → i̇), folded here to i.
 */
function foldCase(text: string): string {
  return (text.includes('\u0130') ? text.replace(/\u0130/g, 'i') : text).toLowerCase();
}

function tryOr(fn: () => string): string | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Valid %XX escapes decoded, anything else kept (a secret may hold a bare "%"). */
function lenientDecode(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => tryOr(() => decodeURIComponent(run)) ?? run);
}

function asciiJson(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Callers with a list of secrets at hand: the last few redactors are kept, as building one for a 10 KB secret costs a few ms. */
const cache = new Map<string, SecretRedactor>();

export function redactorFor(secrets: ReadonlyArray<string | undefined>): SecretRedactor {
  const key = secrets.filter(Boolean).join('\u0000');
  let redactor = cache.get(key);
  if (!redactor) {
    redactor = new SecretRedactor(secrets);
    if (cache.size >= 4) cache.delete(cache.keys().next().value as string);
    cache.set(key, redactor);
  }
  return redactor;
}
