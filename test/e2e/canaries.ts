/**
 * The ten canary secrets of issue #11 and an independent leak detector (it shares no code with
 * src/core/secret-redactor.ts, so a bug there cannot hide itself here).
 *
 * A leak is any 8-character run of the canary, in any letter case, in any of the forms it takes
 * once printed: as is, trimmed, cleaned (quotes and zero-width characters gone), percent-encoded
 * (%20 or +), percent-decoded, JSON-escaped (also \u escapes), or with control characters shown
 * as \x1b. Text written to a terminal is also searched with line breaks removed (wrapping), and
 * OSC 52 clipboard payloads are decoded first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

function tenKilobytes(): string {
  let seed = 11;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  while (out.length < 10_240) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[(seed >>> 8) % alphabet.length];
  }
  return out;
}

export const CANARIES: Record<string, string> = {
  plain: 'c0ffee1234567890deadbeefabad1dea',
  'surrounding spaces': '  5pac3dC4nary0a1b2c3d4e5f6a7b8c9  ',
  'inner space': 'Inner5pace Canary 7Qx9Wm2Lp4Zt',
  'non-ASCII and zero-width': 'Ключ\u200bСекрет\u200dÄöüß✓密钥ZwJ9Qx7',
  '10 KB': tenKilobytes(),
  'quotes, backslashes and ESC': `Qu0te"s'n\\Back\\\\sl\u001b[31mRq9\u001b[0mEsc7Kp`,
  newline: 'NewL1ne0Canary9Vx\nSecondL1ne7Qz',
  tab: 'T4bCanary9Sep\tAfterT4b0rQ8w',
  'JSON-breaking': 'J5on"},{"x":"Br34k9Zp2Wm',
  'percent signs': '50%off%2F%41%zzPerc3nt7Qw',
};

/** The shapes a terminal prompt can carry (Enter, Tab and Esc are keys there, not characters). */
export const TYPEABLE = Object.keys(CANARIES).filter((name) => !/[\n\t\u001b]/.test(CANARIES[name]!));

export const KEY = 'mx0vglLeakKey12345';

/** What the credentials step signs with: trimmed, zero-width characters removed. */
export const cleaned = (canary: string) => canary.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();

/** A `MEXC_SECRET_KEY=…` line that Node's .env parser reads back as exactly the canary. */
export function dotenvLine(canary: string, name = 'MEXC_SECRET_KEY'): string {
  const candidates = [`'${canary}'`, `"${canary.replace(/\n/g, '\\n')}"`, `\`${canary}\``];
  for (const quoted of candidates) {
    const line = `${name}=${quoted}`;
    if (parseEnv(`${line}\n`)[name] === canary) return line;
  }
  throw new Error(`no .env quoting round-trips the canary ${JSON.stringify(canary.slice(0, 20))}`);
}

const visible = (s: string) =>
  s.replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

function forms(canary: string): string[] {
  const bases = new Set([canary, canary.trim(), cleaned(canary), cleaned(canary).replace(/^(["'`])(.*)\1$/s, '$2')]);
  const out = new Set<string>();
  for (const b of bases) {
    const enc = encodeURIComponent(b);
    const json = JSON.stringify(b).slice(1, -1);
    for (const f of [
      b,
      enc,
      enc.replace(/%20/g, '+'),
      b.replace(/(?:%[0-9a-fA-F]{2})+/g, (m) => {
        try {
          return decodeURIComponent(m);
        } catch {
          return m;
        }
      }),
      json,
      json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      visible(b),
    ]) {
      out.add(f);
    }
  }
  return [...out];
}

/** Every 8-character window of every form, lower-cased. */
function windows(canary: string): Set<string> {
  const set = new Set<string>();
  for (const f of forms(canary)) {
    const lower = f.toLowerCase();
    for (let i = 0; i + 8 <= lower.length; i++) set.add(lower.slice(i, i + 8));
  }
  return set;
}

const windowCache = new Map<string, Set<string>>();

/** Text as written, plus what any OSC 52 clipboard sequence in it carries, decoded. */
function withDecodedClipboard(text: string): string {
  const decoded = [...text.matchAll(/\x1b\]52;[^;]*;([A-Za-z0-9+/=]+)(?:\x07|\x1b\\)/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));
  return [text, ...decoded].join('\n');
}

/** Names the places where a piece of the canary shows, with the piece escaped; [] when clean. */
export function leaks(canary: string, places: Record<string, string>): string[] {
  let needles = windowCache.get(canary);
  if (!needles) windowCache.set(canary, (needles = windows(canary)));
  const found: string[] = [];
  for (const [where, text] of Object.entries(places)) {
    const hay = withDecodedClipboard(text);
    // A terminal wraps long lines: also look with line breaks and the padding after them removed.
    for (const variant of [hay, hay.replace(/\r?\n\s*/g, '')]) {
      const lower = variant.toLowerCase();
      for (let i = 0; i + 8 <= lower.length; i++) {
        const piece = lower.slice(i, i + 8);
        if (needles.has(piece)) {
          found.push(`${where}: ${JSON.stringify(variant.slice(Math.max(0, i - 20), i + 28))}`);
          break;
        }
      }
      if (found.length && found[found.length - 1]!.startsWith(`${where}:`)) break;
    }
  }
  return found;
}

/** Every file under dir, recursively. */
export function filesIn(dir: string): Set<string> {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.add(full);
    }
  };
  walk(dir);
  return out;
}

/** Every file under dir that was not there before, with its content (as UTF-8). */
export function newFiles(dir: string, before: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of filesIn(dir)) if (!before.has(file)) out[`file ${path.relative(dir, file)}`] = readFileSync(file, 'utf8');
  return out;
}
