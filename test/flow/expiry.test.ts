import { describe, expect, it } from 'vitest';
import { addDays, checkCreatedOn, computeKeyExpiry, daysBetween, parseIsoDate } from '../../src/flow/expiry.js';

describe('key expiry arithmetic', () => {
  it('a key without a bound IP expires 90 days after creation', () => {
    const r = computeKeyExpiry({ ipBound: false, createdOn: '2026-01-01', today: '2026-01-15' });
    expect(r).toMatchObject({ state: 'valid', expiresOn: '2026-04-01', renewFrom: '2026-03-27', daysLeft: 76 });
  });

  it('renewal opens 5 days before expiry', () => {
    expect(computeKeyExpiry({ ipBound: false, createdOn: '2026-01-01', today: '2026-03-26' }).state).toBe('valid');
    expect(computeKeyExpiry({ ipBound: false, createdOn: '2026-01-01', today: '2026-03-27' })).toMatchObject({ state: 'renewal-open', daysLeft: 5 });
  });

  it('warns two weeks ahead, before renewal opens', () => {
    const r = computeKeyExpiry({ ipBound: false, createdOn: '2026-01-01', today: '2026-03-20' });
    expect(r.state).toBe('valid');
    expect(r.lines.join(' ')).toMatch(/soon: put 2026-03-27 in your calendar/);
  });

  it('is expired on the expiry date and after', () => {
    expect(computeKeyExpiry({ ipBound: false, createdOn: '2026-01-01', today: '2026-04-01' })).toMatchObject({ state: 'expired', daysLeft: 0 });
    const later = computeKeyExpiry({ ipBound: false, createdOn: '2026-01-01', today: '2026-04-11' });
    expect(later.lines[0]).toContain('unless it was renewed it expired on 2026-04-01 (10 days ago)');
  });

  it('accounts for renewals (each adds 90 days, offered from 5 days before expiry): no fixed date once one was possible', () => {
    // Too young to have been renewed: the date is certain.
    const young = computeKeyExpiry({ ipBound: false, createdOn: '2026-01-01', today: '2026-01-15' });
    expect(young.lines[0]).toBe('Expires on 2026-04-01 (76 days left); Renew opens on 2026-03-27 and then adds 90 days.');
    expect(young.lines.join(' ')).not.toMatch(/unless/);
    // In the renewal window: the date holds unless it was renewed already, and a renewal's date is given.
    const open = computeKeyExpiry({ ipBound: false, createdOn: '2026-01-01', today: '2026-03-29' });
    expect(open.lines[0]).toMatch(/^Unless you renewed it already, it expires on 2026-04-01 \(3 days left\)\. Renew is open now/);
    expect(open.lines.join(' ')).toContain('once renewed, it runs to 2026-06-30');
    // Past the date: expired only if never renewed; renewed, it runs on.
    const past = computeKeyExpiry({ ipBound: false, createdOn: '2026-01-01', today: '2026-05-01' });
    expect(past.state).toBe('expired');
    expect(past.lines.join(' ')).toContain('once renewed, it runs to 2026-06-30');
    expect(past.lines.join(' ')).toMatch(/Never renewed: it has expired\./);
    expect(past.lines.join(' ')).not.toMatch(/cannot be renewed/);
  });

  it('crosses leap days and year ends by calendar days', () => {
    expect(addDays('2027-12-15', 90)).toBe('2028-03-14');
    expect(addDays('2028-01-01', 90)).toBe('2028-03-31');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('a key bound to an IP does not expire', () => {
    expect(computeKeyExpiry({ ipBound: true, today: '2026-01-01' })).toMatchObject({ expires: false, state: 'no-expiry' });
  });

  it('reads dates as people type them, and rejects impossible ones', () => {
    expect(parseIsoDate('2026/3/1')).toBe('2026-03-01');
    expect(parseIsoDate(' 2026.03.01 ')).toBe('2026-03-01');
    expect(parseIsoDate('2026-02-30')).toBeUndefined();
    expect(parseIsoDate('01/03/2026')).toBeUndefined();
  });

  it('refuses a creation date in the future', () => {
    expect(checkCreatedOn('2026-05-01', '2026-03-01')).toEqual({ ok: false, error: expect.stringContaining('after today') });
    expect(checkCreatedOn('2026-02-01', '2026-03-01')).toEqual({ ok: true, createdOn: '2026-02-01' });
  });
});
