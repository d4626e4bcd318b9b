/**
 * explain, inspect and sign know the secret wherever it is kept (the environment and its
 * aliases, ./.env, --dotenv, the masked prompt), flag a paste that holds it, and never print it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runExplain } from '../../src/commands/explain.js';
import { runInspect } from '../../src/commands/inspect.js';
import { envFileArgument, guardWrites, knownSecrets, readEnvText } from '../../src/shell/secrets.js';
import { runSign } from '../../src/commands/sign.js';
import { describeInput } from '../../src/core/describe-input.js';
import { SecretRedactor } from '../../src/core/secret-redactor.js';
import { fakeIO } from '../support/fake-io.js';
import { DOC_SECRET, hmac } from '../lab/fixtures.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'mexc-sources-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(root, 'cwd-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const CANARY = 'c4n4ry5ecret0123456789abcdefc4n4';
const QUERY = 'recvWindow=5000&timestamp=1644489390087';

describe('the secret kept only in ./.env or --dotenv', () => {
  it('sign signs with the secret from ./.env and masks it in the text it signs', async () => {
    const io = fakeIO({ cwd: folder({ '.env': `MEXC_SECRET_KEY=${DOC_SECRET}\n` }) });
    await runSign({ query: `note=${DOC_SECRET.slice(0, 27)}&timestamp=1644489390087`, json: true }, io);
    const out = JSON.parse(io.out());
    expect(out.stringToSign).toBe('note=[REDACTED]&timestamp=1644489390087');
    expect(out.signature).toBe(hmac(`note=${DOC_SECRET.slice(0, 27)}&timestamp=1644489390087`, DOC_SECRET));
  });

  it('sign reads --dotenv before the environment, and refuses a path that is not a file', async () => {
    const cwd = folder({ 'bot.env': `export MEXC_API_SECRET="${DOC_SECRET}"\n` });
    const io = fakeIO({ cwd, env: { MEXC_SECRET_KEY: 'another-secret-entirely' } });
    await runSign({ query: 'timestamp=1644489390087', envFile: 'bot.env' }, io);
    expect(io.out()).toContain('09b4b5a40aeec864d2caa60f2e6a740b61dc423d76c5615c00fd72681f52a094');
    await expect(runSign({ query: 'timestamp=1', envFile: '/dev/zero' }, fakeIO({ cwd }))).rejects.toThrow(/not a regular file/);
    await expect(runSign({ query: 'timestamp=1', envFile: 'missing.env' }, fakeIO({ cwd }))).rejects.toThrow(/no such file/);
  });

  it('inspect recomputes the signature with the secret from ./.env', async () => {
    const io = fakeIO({ cwd: folder({ '.env': `MEXC_SECRET_KEY='${CANARY}'\n` }) });
    const code = await runInspect({ input: `https://api.mexc.com/api/v3/account?${QUERY}&signature=${hmac(QUERY, CANARY)}`, json: true }, io);
    expect(code).toBe(0);
    expect(JSON.parse(io.out()).findings[0].id).toBe('signature-valid');
  });

  it('explain masks a secret that lives only in ./.env', async () => {
    const cwd = folder({ '.env': `MEXC_API_KEY=mx0x\nMEXC_SECRET_KEY=${CANARY}\n` });
    const io = fakeIO({ cwd });
    await runExplain({ text: `secret=${CANARY.slice(2, 30)} {"code":999999,"msg":"odd ${CANARY}"}`, json: true }, io);
    expect(io.out()).not.toContain(CANARY.slice(2, 10));
    expect(JSON.parse(io.out()).warnings[0].id).toBe('secret-exposed');
  });
});

describe('secret-exposed', () => {
  it('inspect puts it first, says the whole secret is there, and exits 1 although the signature is valid', async () => {
    const query = `${QUERY}&note=${CANARY}`;
    const io = fakeIO({ env: { MEXC_SECRET_KEY: CANARY } });
    const code = await runInspect({ input: `https://api.mexc.com/api/v3/account?${query}&signature=${hmac(query, CANARY)}`, json: true }, io);
    const json = JSON.parse(io.out());
    expect(code).toBe(1);
    expect(json.valid).toBe(true);
    expect(json.findings[0]).toMatchObject({ id: 'secret-exposed', title: 'This text contains your secret', detail: expect.stringMatching(/whole secret key.*replace|create a new one/s) });
    expect(io.out()).not.toContain(CANARY.slice(0, 8));
  });

  it('inspect describes, never quotes, an unparseable paste, and still says it holds a piece of the secret (issue #11)', async () => {
    const io = fakeIO({ env: { MEXC_SECRET_KEY: CANARY } });
    const code = await runInspect({ input: `exchange = ccxt.mexc({'secret': '${CANARY.slice(0, 27)}'})`, json: false }, io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/This text contains your secret.*27 characters in a row/s);
    expect(io.err()).toContain('The input (a 63-character text that starts like Python code) is not a URL');
    expect(io.err()).not.toContain('ccxt.mexc');
    expect(io.err()).not.toContain(CANARY.slice(0, 8));
  });

  it('explain shows it before the diagnosis and exits 1', async () => {
    const io = fakeIO({ env: { MEXC_API_SECRET: CANARY } });
    const code = await runExplain({ text: `MEXC_API_SECRET=${CANARY}\n{"code":700002,"msg":"Signature for this request is not valid."}`, json: false }, io);
    expect(code).toBe(1);
    expect(io.out().indexOf('This text contains your secret')).toBeLessThan(io.out().indexOf('signature'));
    expect(io.out()).not.toContain(CANARY.slice(5, 13));
  });

  it('is not raised for a paste without the secret', async () => {
    const io = fakeIO({ env: { MEXC_SECRET_KEY: CANARY } });
    await runExplain({ text: '{"code":700002,"msg":"Signature for this request is not valid."}', json: true }, io);
    expect(JSON.parse(io.out()).warnings).toBeUndefined();
  });
});

describe('describeInput', () => {
  it.each([
    [`exchange = ccxt.mexc({'secret': 'x'})`, 'a 37-character text that starts like Python code'],
    ['const ex = new ccxt.mexc({ secret })', 'a 36-character text that starts like JavaScript code'],
    ['{"apiKey": "x"}', 'a 15-character text that starts like JSON'],
    ['2024-05-01 12:00:01 DEBUG hello', 'a 31-character text that starts like a log line'],
    ['hello\nworld', 'a 2-line, 11-character text'],
  ])('%s', (text, expected) => {
    expect(describeInput(text)).toBe(expected);
  });
});

describe('where the run finds secrets, and the output guard', () => {
  it('knows every alias in the environment, every *SECRET* value in ./.env and --dotenv, and proxy passwords', () => {
    const cwd = folder({ '.env': 'MEXC_SECRET=dotenvsecret1\nOTHER_SECRET_TOKEN=othersecret2\nPLAIN=notasecret\n', 'x.env': 'MEXC_SECRET_KEY=filesecret33\n' });
    const r = knownSecrets({ MEXC_API_SECRET: 'envsecret444', HTTPS_PROXY: 'http://u:proxypass55@h:1' }, cwd, 'x.env');
    expect(r.values().sort()).toEqual(['dotenvsecret1', 'envsecret444', 'filesecret33', 'othersecret2', 'proxypass55']);
  });

  it('finds the env file on the command line in every spelling', () => {
    expect(envFileArgument(['check', '--dotenv', 'a.env'])).toBe('a.env');
    expect(envFileArgument(['--env-file=b.env', 'check'])).toBe('b.env');
    expect(envFileArgument(['check'])).toBeUndefined();
  });

  it('reads a .env file but never blocks on a device, a FIFO or a folder', () => {
    const cwd = folder({ '.env': 'A=1\n' });
    expect(readEnvText('.env', cwd)).toMatchObject({ text: 'A=1\n' });
    expect(readEnvText('/dev/zero', cwd)).toEqual({ problem: 'not a regular file' });
    expect(readEnvText('.', cwd)).toEqual({ problem: 'not a regular file' });
    expect(readEnvText('nope', cwd)).toEqual({ problem: 'no such file' });
  });

  it('masks every chunk written to a guarded stream, strings and buffers, and learns typed secrets', () => {
    const stream = new PassThrough();
    let out = '';
    stream.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const redactor = new SecretRedactor([CANARY]);
    guardWrites(stream, redactor);
    stream.write(`frame ${CANARY}\n`);
    stream.write(Buffer.from(`buffer ${CANARY.toUpperCase()}\n`));
    redactor.add('typed-later-secret');
    stream.write('typed-later-secret\n');
    guardWrites(stream, new SecretRedactor(['swapped-redactor']));
    stream.write('swapped-redactor\n');
    expect(out).toBe('frame [REDACTED]\nbuffer [REDACTED]\n[REDACTED]\n[REDACTED]\n');
  });
});
