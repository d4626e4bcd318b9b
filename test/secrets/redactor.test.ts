import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/core/redact.js';
import { REDACTED, SecretRedactor, secretForms } from '../../src/core/secret-redactor.js';

const HEX = '0123456789abcdef0123456789abcdef';

describe('SecretRedactor', () => {
  it('masks the whole secret and leaves the rest of the line', () => {
    expect(new SecretRedactor([HEX]).redact(`secret=${HEX}&x=1`)).toBe(`secret=${REDACTED}&x=1`);
  });

  it('masks a 27-character prefix of the secret (a piece is a leak)', () => {
    const text = `exchange = ccxt.mexc({'secret': '${HEX.slice(0, 27)}'})`;
    expect(new SecretRedactor([HEX]).redact(text)).toBe(`exchange = ccxt.mexc({'secret': '${REDACTED}'})`);
  });

  it('masks any run of 8 characters of the secret, anywhere in it', () => {
    const secret = 'Kx7+Leak/Canary=Secret~42qZ';
    const r = new SecretRedactor([secret]);
    for (let i = 0; i + 8 <= secret.length; i++) {
      expect(r.redact(`<${secret.slice(i, i + 8)}>`), `piece at ${i}`).toBe(`<${REDACTED}>`);
    }
  });

  it('leaves a run of 7 characters alone (shorter pieces shred ordinary text)', () => {
    expect(new SecretRedactor([HEX]).redact(`id ${HEX.slice(3, 10)} end`)).toBe(`id ${HEX.slice(3, 10)} end`);
  });

  it('masks the secret in upper case', () => {
    expect(new SecretRedactor([HEX]).redact(HEX.toUpperCase())).toBe(REDACTED);
  });

  it('masks the URL-encoded, form-encoded, JSON-escaped and \\u-escaped forms', () => {
    const secret = 'ab "c\\d é+f/g h=i';
    const r = new SecretRedactor([secret]);
    for (const form of [
      encodeURIComponent(secret),
      encodeURIComponent(secret).replace(/%20/g, '+'),
      JSON.stringify(secret).slice(1, -1),
      JSON.stringify(secret).slice(1, -1).replace('é', '\\u00e9'),
      encodeURIComponent(secret).toLowerCase(),
    ]) {
      expect(r.redact(`[${form}]`), form).toBe(`[${REDACTED}]`);
    }
  });

  it('masks the secret after JSON.stringify put it in quotes with escapes', () => {
    const secret = 'q"u\'o\\te\u001b[31mRED\ttab\nline';
    const json = JSON.stringify({ stringToSign: `a=${secret}` });
    expect(new SecretRedactor([secret]).redact(json)).toBe(`{"stringToSign":"a=${REDACTED}"}`);
  });

  it('masks the form with control characters made visible (\\x1b)', () => {
    const secret = 'abc\u001b[2Jdefghijk';
    expect(new SecretRedactor([secret]).redact('x abc\\x1b[2Jdefghijk y')).toBe(`x ${REDACTED} y`);
  });

  it('masks the trimmed and cleaned values of a secret copied with spaces, quotes or a zero-width character', () => {
    const r = new SecretRedactor([`  "${HEX.slice(0, 10)}\u200b${HEX.slice(10)}"  `]);
    expect(r.redact(`signed with ${HEX}`)).toBe(`signed with ${REDACTED}`);
  });

  it('masks a percent-decoded secret', () => {
    expect(new SecretRedactor(['50%off%2Fabc%41xyz']).redact('value 50%off/abcAxyz')).toBe(`value ${REDACTED}`);
  });

  it('merges overlapping and adjacent pieces into one mask', () => {
    const r = new SecretRedactor([HEX]);
    expect(r.redact(`${HEX}${HEX}`)).toBe(REDACTED);
    expect(r.redact(`${HEX.slice(0, 12)} and ${HEX.slice(20)}`)).toBe(`${REDACTED} and ${REDACTED}`);
  });

  it('masks short secrets (4 to 7 characters) only whole, and ignores shorter ones', () => {
    expect(new SecretRedactor(['pa55w']).redact('my pa55w here')).toBe(`my ${REDACTED} here`);
    expect(new SecretRedactor(['abc']).redact('abc abc')).toBe('abc abc');
  });

  it('never masks indentation, even for a secret with a run of blanks', () => {
    expect(new SecretRedactor(['abcd        efgh']).redact('x\n            y')).toBe('x\n            y');
  });

  it('knows secrets added later (typed at a prompt)', () => {
    const r = new SecretRedactor();
    expect(r.active).toBe(false);
    expect(r.redact(HEX)).toBe(HEX);
    r.add(HEX);
    expect(r.redact(HEX)).toBe(REDACTED);
    expect(r.values()).toEqual([HEX]);
  });

  it('keeps positions right around characters whose lower case is longer (İ)', () => {
    expect(new SecretRedactor([HEX]).redact(`İ${HEX}İ`)).toBe(`İ${REDACTED}İ`);
  });

  it('redacts every string inside a JSON-like value', () => {
    const r = new SecretRedactor([HEX]);
    expect(r.redactDeep({ a: [HEX, 1, { b: `x${HEX}` }], n: null })).toEqual({ a: [REDACTED, 1, { b: `x${REDACTED}` }], n: null });
  });

  it('finds a 10 KB secret and its pieces in a 256 KB text', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed >>> 8);
    const make = (n: number, alphabet: string) => Array.from({ length: n }, () => alphabet[rnd() % alphabet.length]).join('');
    // Disjoint alphabets (also once lower-cased): the filler cannot hold a piece by chance.
    const secret = make(10_240, 'ABCDEFabcdef0123456789+/=_-!');
    const filler = make(256 * 1024, 'ghijklmnopqrstuvwxyz .,');
    const text = `${filler.slice(0, 1000)}${secret.slice(5000, 5040)}${filler.slice(1000)}${secret}`;
    const out = new SecretRedactor([secret]).redact(text);
    expect(out).toBe(`${filler.slice(0, 1000)}${REDACTED}${filler.slice(1000)}${REDACTED}`);
  });

  it('reports how much of the secret a text holds', () => {
    const r = new SecretRedactor([HEX]);
    expect(r.exposure('nothing here')).toBeUndefined();
    expect(r.exposure(`a ${HEX} b`)).toEqual({ whole: true, longestRun: 32, places: 1 });
    expect(r.exposure(`a ${HEX.slice(0, 20)} b ${HEX.slice(0, 9)}`)).toEqual({ whole: false, longestRun: 20, places: 2 });
  });
});

describe('redactSecrets', () => {
  it('masks fragments for every caller (the client, the report, the lab)', () => {
    expect(redactSecrets(`x ${HEX.slice(2, 30)} y`, [undefined, HEX])).toBe(`x ${REDACTED} y`);
    expect(redactSecrets('plain', [])).toBe('plain');
  });
});

describe('secretForms', () => {
  it('lists the raw, trimmed, cleaned and encoded forms', () => {
    const forms = secretForms(' a b\tc ');
    expect(forms).toEqual(expect.arrayContaining([' a b\tc ', 'a b\tc', 'a%20b%09c', 'a+b%09c', 'a b\\tc']));
  });
});
