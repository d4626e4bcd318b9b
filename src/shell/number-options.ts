import { MAX_SAFE_RECV_WINDOW_MS } from '../core/defaults.js';
import { UsageError } from './io.js';

/**
 * The options that take a number, their range and an example: one wording for every mistake
 * (a negative, a fraction, junk, out of range), whether cli.ts meets it before parsing or a
 * command while reading its flags. Loads nothing else, so `--help` stays fast.
 */
export const NUMBER_OPTIONS = {
  'recv-window': { min: 1, max: MAX_SAFE_RECV_WINDOW_MS, unit: 'milliseconds', example: '--recv-window 5000 (the default)' },
  timeout: { min: 100, max: 120_000, unit: 'milliseconds', example: '--timeout 10000 (the default)' },
  port: { min: 0, max: 65535, unit: '', example: '--port 8799 (the default), or --port 0 for a free port' },
  latency: { min: 0, max: 60_000, unit: 'milliseconds', example: '--latency 100' },
  // sign --futures reads it (a fraction or a 10-digit value is signed, with a note).
  'request-time': { min: 0, max: 9_999_999_999_999, unit: 'milliseconds since 1970', example: '--request-time 1644489390087' },
} as const;
export type NumberOption = keyof typeof NUMBER_OPTIONS;

/** "--timeout must be a whole number of milliseconds from 100 to 120000, not "-5"." */
export function numberOptionError(name: NumberOption, raw: string): UsageError {
  const { min, max, unit, example } = NUMBER_OPTIONS[name];
  if (name === 'request-time') return new UsageError(`--request-time must be ${unit} (e.g. 1644489390087), not "${raw}".`, `Example: ${example}`);
  return new UsageError(`--${name} must be a whole number${unit ? ` of ${unit}` : ''} from ${min} to ${max}, not "${raw}".`, `Example: ${example}`);
}

/** A whole number in the option's range (digits only: no sign, fraction, exponent or hex), else a usage error. */
export function parseNumberOption(name: NumberOption, raw: string): number {
  const n = Number(raw);
  const { min, max } = NUMBER_OPTIONS[name];
  if (!/^\d{1,16}$/.test(raw.trim()) || n < min || n > max) throw numberOptionError(name, raw);
  return n;
}

