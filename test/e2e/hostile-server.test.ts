/**
 * Text from the network is data (issue #11). A hostile MEXC stand-in on 127.0.0.1 answers with
 * escape sequences in `msg` (window title, OSC 52 clipboard, concealed text, a C1 CSI), an HTML
 * page whose title carries them as character references, the API key echoed back, a header
 * with a C1 control, and redirects. Through check (text, --verbose, --json), explain, the Ink
 * wizard and --plain in a terminal, the saved report and the clipboard copy: no raw escape
 * byte of the server's reaches the terminal or a file, the key shows masked, no redirect is
 * followed, and the hostile text stays visible as text.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../support/cli.js';
import { hasTmux, Terminal } from '../support/terminal.js';

const KEY = 'mx0vglHostileKey99';
const SECRET = '0123456789abcdef0123456789abcdef';
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** What the server slips into its answers; each marker names one attack. */
const TITLE = '\u001b]0;PWNED-TITLE\u0007';
const CLIP = `\u001b]52;c;${b64('PWNED-CLIP')}\u0007`;
const HIDDEN = '\u001b[8mPWNED-HIDDEN\u001b[0m';
const C1 = '\u009b2J';
const BIDI = '\u202eexe.txt';

/** Raw bytes of a terminal attack from the server, as they would sit in a byte stream (UTF-8 read as latin1). */
const ATTACKS: Array<[string, string]> = [
  ['OSC 0 window title', '\u001b]0;PWNED'],
  ['OSC 52 clipboard write', `\u001b]52;c;${b64('PWNED-CLIP')}`],
  ['concealed text (SGR 8)', '\u001b[8m'],
  ['C1 CSI', '\u00c2\u009b'],
  ['bidi override', '\u00e2\u0080\u00ae'],
];

let server: net.Server;
let base = '';
const hits: string[] = [];

function respond(head: string): string {
  const [requestLine = ''] = head.split('\r\n');
  const target = requestLine.split(' ')[1] ?? '/';
  const pathOnly = target.split('?')[0]!;
  hits.push(pathOnly);
  const key = /\r\nx-mexc-apikey: *([^\r\n]*)/i.exec(head)?.[1] ?? '';
  const json = (status: string, body: unknown, extra: string[] = []) => raw(status, ['content-type: application/json', ...extra], JSON.stringify(body));
  switch (pathOnly) {
    case '/api/v3/ping':
      // Node's parser refuses C0 controls in headers but passes bytes >= 0x80: a C1 CSI here.
      return json('200 OK', {}, [`server: nginx${C1}`]);
    case '/api/v3/time':
      return json('200 OK', { serverTime: Date.now() });
    case '/api/v3/account':
      return json('400 Bad Request', { code: 700002, msg: `Signature for this request is not valid.${TITLE}${CLIP}${HIDDEN}${C1} key=${key} ${BIDI}` });
    case '/api/v3/openOrders':
      return raw('403 Forbidden', ['content-type: text/html'], `<html><head><title>Blocked &#27;]0;PWNED-ENTITY&#7; ${TITLE}</title></head><body>${CLIP}</body></html>`);
    default:
      // Everything else is sent elsewhere: a client that follows would ask for /stolen.
      return raw('302 Found', [`location: ${base}/stolen?key=${encodeURIComponent(key)}&x=${encodeURIComponent(BIDI)}`], `{"msg":"moved${TITLE}"}`);
  }
}

function raw(status: string, headers: string[], body: string): string {
  return [`HTTP/1.1 ${status}`, ...headers, `content-length: ${Buffer.byteLength(body)}`, 'connection: close', '', body].join('\r\n');
}

let root = '';
beforeAll(async () => {
  await ensureBuilt();
  root = mkdtempSync(path.join(os.tmpdir(), 'mexc-hostile-'));
  server = net.createServer((socket) => {
    let head = '';
    socket.on('data', (d: Buffer) => {
      head += d.toString('latin1');
      if (head.includes('\r\n\r\n')) socket.end(Buffer.from(respond(head), 'utf8'));
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  if (root) rmSync(root, { recursive: true, force: true });
});

const env = { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET };

/** Raw control characters in output meant for a terminal with colour off: none at all, but line breaks. */
function controlBytes(text: string): string[] {
  return [...text.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g)].map((m) => JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + 20)));
}

describe.concurrent('a hostile server, without a terminal', () => {
  for (const mode of [[], ['--verbose']]) {
    it(`check ${mode.join(' ') || '(text)'}: the server's escape sequences are shown as text, the echoed key masked`, { timeout: 60_000 }, async () => {
      const cwd = mkdtempSync(path.join(root, 'cwd-'));
      const r = await runCli(['check', ...mode, '--base-url', base], { env, cwd, timeoutMs: 45_000 });
      expect(r.code).toBe(1);
      expect(controlBytes(r.stdout + r.stderr)).toEqual([]);
      // The echoed key is masked (fix snippets carry the user's own key on purpose: not an echo).
      expect(r.stdout).toContain('key=mx0v…y99');
      expect(r.stdout).not.toContain(`key=${KEY}`);
      // The text is still there for the user to see, made harmless.
      expect(r.stdout).toContain('\\x1b]0;PWNED-TITLE\\x07');
    });
  }

  it('check --json --verbose: valid JSON whose bytes hold no raw control character; the echoed key masked', { timeout: 60_000 }, async () => {
    const cwd = mkdtempSync(path.join(root, 'cwd-'));
    const r = await runCli(['check', '--json', '--verbose', '--base-url', base], { env, cwd, timeoutMs: 45_000 });
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.stdout);
    expect(parsed.ok).toBe(false);
    expect(controlBytes(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('key=mx0v…y99');
    expect(r.stdout).not.toContain(`key=${KEY}`);
    expect(r.stdout).toContain('PWNED-TITLE');
  });

  it('explain of a pasted log with escape sequences (from cat bot.log) prints none of them', async () => {
    const r = await runCli(['explain', '-'], { input: `\u001b[31mERROR\u001b[0m {"code":700002,"msg":"Signature for this request is not valid.${TITLE}"}`, cwd: root });
    expect(r.code).toBe(1);
    expect(controlBytes(r.stdout + r.stderr)).toEqual([]);
  });

  it('no redirect was followed', () => {
    expect(hits).not.toContain('/stolen');
  });
});

describe.skipIf(!hasTmux).concurrent('a hostile server, in a terminal (tmux)', () => {
  function start(onTestFinished: (fn: () => void) => void, args: string[]) {
    const cwd = mkdtempSync(path.join(root, 'cwd-'));
    const t = new Terminal({ args, cwd, recordIn: mkdtempSync(path.join(root, 'tty-')), env });
    onTestFinished(() => t.kill());
    return { t, cwd };
  }

  /** Every byte written to the terminal, with our own OSC 52 copies (tmux-wrapped or not) decoded and checked apart. */
  function expectNoAttack(rawBytes: string, files: string[]) {
    const copies = [...rawBytes.matchAll(/\x1b(?:\x1b)?\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));
    const stream = rawBytes.replace(/\x1bPtmux;\x1b\x1b\]52;c;[A-Za-z0-9+/=]*\x07\x1b\\|\x1b\]52;c;[A-Za-z0-9+/=]*\x07/g, '<our copy>');
    for (const [name, bytes] of ATTACKS) expect(stream.includes(bytes), `${name} reached the terminal`).toBe(false);
    expect(stream.includes('\u0007'), 'a raw BEL other than the end of our own clipboard copy').toBe(false);
    for (const text of [...copies, ...files]) expect(controlBytes(text), 'clipboard text or saved file').toEqual([]);
  }

  const reports = (cwd: string) => readdirSync(cwd).filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join(cwd, f), 'utf8'));

  it('the wizard: every step, the fix screens, the report saved, copied and shown', { timeout: 120_000 }, async ({ onTestFinished }) => {
    const { t, cwd } = start(onTestFinished, ['--base-url', base]);
    await t.waitFor('What do you want to do?', { timeoutMs: 45_000, in: 'history' });
    for (let i = 0; i < 5 && !/Use these credentials/.test(t.screen()); i++) {
      t.type('1\r');
      await t.waitFor('Use these credentials', { timeoutMs: 8_000, in: 'screen' }).catch(() => undefined);
    }
    // Enter on the credentials review, the symbol question and every fix screen; the next one only once the screen
    // changed (two Enters arriving together are one paste to Ink).
    for (let i = 0; i < 20; i++) {
      const screen = await t.waitFor(/s\ssave\sit|Enter\s(?:continue|summary|run\sthe\schecks)/, { timeoutMs: 45_000, in: 'screen' });
      if (/s\ssave\sit/.test(screen)) break;
      t.press('Enter');
      const started = Date.now();
      while (t.screen() === screen && Date.now() - started < 45_000) await new Promise((r) => setTimeout(r, 60));
    }
    t.press('s');
    await t.waitFor(/Saved the redacted report/, { timeoutMs: 45_000, in: 'history' });
    t.press('c');
    await t.waitFor(/clipboard|paste buffer/i, { timeoutMs: 45_000, in: 'history' });
    t.press('v');
    await t.waitFor('── end ──', { timeoutMs: 45_000, in: 'history' });
    expect(t.history()).toContain('\\x1b]0;PWNED-TITLE\\x07');
    for (const key of ['q', 'q', 'q', 'C-c']) {
      t.press(key);
      if (await t.exitCode(3_000).then(() => true, () => false)) break;
    }
    await t.exitCode(45_000);
    const files = reports(cwd);
    expect(files).toHaveLength(1);
    expect(files[0]).not.toContain(`key=${KEY}`);
    expectNoAttack(t.raw(), files);
    expect(t.raw()).toMatch(/\x1b\]52;/);
  });

  it('--plain: every step and its fixes, then the report saved', { timeout: 120_000 }, async ({ onTestFinished }) => {
    const { t, cwd } = start(onTestFinished, ['--plain', '--verbose', '--base-url', base]);
    await t.waitFor('What do you want to do?', { timeoutMs: 45_000, in: 'history' });
    t.press('Enter');
    await t.waitFor('Use these credentials', { timeoutMs: 45_000, in: 'history' });
    t.press('Enter');
    await t.waitFor(/Symbol \(Enter keeps BTCUSDT\)/, { timeoutMs: 45_000, in: 'history' });
    t.press('Enter');
    for (let i = 0; i < 12; i++) {
      const screen = await t.waitFor(/What next\?.*\n(?:.*\n)*.*Quit/, { timeoutMs: 45_000, in: 'screen' });
      const save = /(\d+)\. Save it in this folder/.exec(screen);
      if (save) {
        t.type(save[1]!);
        t.press('Enter');
        break;
      }
      t.type(/(\d+)\. Continue with the next check/.exec(screen)?.[1] ?? '1');
      t.press('Enter');
      const started = Date.now();
      while (t.screen() === screen && Date.now() - started < 45_000) await new Promise((r) => setTimeout(r, 60));
    }
    await t.waitFor(/Saved the redacted report/, { timeoutMs: 45_000, in: 'history' });
    expect(t.history()).toContain('PWNED-TITLE');
    t.press('C-c');
    await t.exitCode(45_000);
    expectNoAttack(t.raw(), reports(cwd));
  });
});
