import type { ExpiryResult } from './types.js';

/**
 * Key expiry arithmetic (docs/mexc-api.md §5): a key without a bound IP is valid for 90 days;
 * "Renew" is offered from 5 days before it expires and adds another 90 days. Keys bound to an
 * IP do not expire. Dates are calendar days (YYYY-MM-DD), computed in UTC so no DST shifts a day.
 */
export const KEY_LIFETIME_DAYS = 90;
export const RENEWAL_OPENS_DAYS_BEFORE = 5;
/** From this many days before expiry the helper warns, even before renewal opens. */
export const WARN_DAYS_BEFORE = 14;

const DAY_MS = 86_400_000;

/** Parses `2026-03-01`, `2026/3/1` or `2026.03.01` into a canonical `YYYY-MM-DD`; undefined if not a real date. */
export function parseIsoDate(text: string): string | undefined {
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return back.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(toUtcMs(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((toUtcMs(toIso) - toUtcMs(fromIso)) / DAY_MS);
}

/** The local calendar date of a wall-clock time, as `YYYY-MM-DD`. */
export function localIsoDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function toUtcMs(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export type CreatedCheck = { ok: true; createdOn: string } | { ok: false; error: string };

/** Validates the creation date a user typed: a real date, not in the future. */
export function checkCreatedOn(text: string, today: string): CreatedCheck {
  const createdOn = parseIsoDate(text);
  if (!createdOn) return { ok: false, error: 'Type the date as YYYY-MM-DD, for example 2026-03-01.' };
  if (daysBetween(today, createdOn) > 0) return { ok: false, error: `${createdOn} is after today (${today}): check the year.` };
  return { ok: true, createdOn };
}

export function computeKeyExpiry(input: { ipBound: boolean; createdOn?: string; today: string }): ExpiryResult {
  if (input.ipBound) {
    return {
      expires: false,
      state: 'no-expiry',
      lines: [
        'Keys bound to an IP address do not expire, so expiry is not the cause.',
        'If MEXC still answers "Api key info invalid" (10072), the key was deleted, mistyped, or belongs to another account: compare it in API Management.',
      ],
    };
  }
  const createdOn = input.createdOn ?? input.today;
  const expiresOn = addDays(createdOn, KEY_LIFETIME_DAYS);
  const renewFrom = addDays(expiresOn, -RENEWAL_OPENS_DAYS_BEFORE);
  const daysLeft = daysBetween(input.today, expiresOn);
  const base = { expires: true, expiresOn, renewFrom, daysLeft };
  // Renew is offered from 5 days before the expiry date and adds 90 days (docs/mexc-api.md §5):
  // before that window the date is certain; from it on, only if the key was never renewed.
  const renewed = `Renewed it already? Each Renew adds ${KEY_LIFETIME_DAYS} days: once renewed, it runs to ${addDays(expiresOn, KEY_LIFETIME_DAYS)}.`;
  if (daysLeft <= 0) {
    const ago = -daysLeft;
    return {
      ...base,
      state: 'expired',
      lines: [
        `Created ${createdOn} without a bound IP, so unless it was renewed it expired on ${expiresOn}${ago === 0 ? ' (today)' : ` (${ago} day${ago === 1 ? '' : 's'} ago)`}.`,
        `${renewed} Renewed again since: ${KEY_LIFETIME_DAYS} days more each time.`,
        `Never renewed: it has expired. MEXC offers Renew in the ${RENEWAL_OPENS_DAYS_BEFORE} days before expiry, so create a new key, and bind your server IP so it does not expire again.`,
      ],
    };
  }
  const left = `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`;
  if (daysLeft <= RENEWAL_OPENS_DAYS_BEFORE) {
    return {
      ...base,
      state: 'renewal-open',
      lines: [
        `Unless you renewed it already, it expires on ${expiresOn} (${left}). Renew is open now: API Management → My API Key → Action → Renew (adds ${KEY_LIFETIME_DAYS} days).`,
        renewed,
        'Or bind your server IP to the key: keys with a bound IP do not expire.',
      ],
    };
  }
  // Renew opens 5 days before expiry, so a key this young cannot have been renewed: the date holds.
  return {
    ...base,
    state: 'valid',
    lines: [
      `Expires on ${expiresOn} (${left}); Renew opens on ${renewFrom} and then adds ${KEY_LIFETIME_DAYS} days.`,
      daysLeft <= WARN_DAYS_BEFORE
        ? `That is soon: put ${renewFrom} in your calendar, or bind your server IP so the key does not expire.`
        : 'Expiry is not the cause today. Bind your server IP to stop the 90-day expiry altogether.',
    ],
  };
}
