import { describe, expect, it } from 'vitest';
import { CATALOG, renderDiagnosis } from '../../src/core/catalog/index.js';
import { suggestedRecvWindowMs } from '../../src/core/catalog/fixes.js';
import { classifyClock } from '../../src/core/classify.js';
import { DIAGNOSIS_IDS, type Diagnosis, type Cause, type FixContext } from '../../src/core/types.js';
import { FIX_CONTEXT } from './fixtures.js';

const render = (finding: Cause, ctx: Partial<FixContext> = {}): Diagnosis => renderDiagnosis(finding, { ...FIX_CONTEXT, ...ctx });
const allText = (d: Diagnosis) => d.fixes.map((f) => `${f.title}\n${f.text}`).join('\n');
const BOX_DRAWING = /[\u2500-\u257F]/;

describe('the catalog', () => {
  it('has exactly one entry per diagnosis id', () => {
    expect(Object.keys(CATALOG).sort()).toEqual([...DIAGNOSIS_IDS].sort());
  });

  for (const id of DIAGNOSIS_IDS) {
    it(`renders ${id} with a title, an explanation and at least one copyable fix`, () => {
      const d = render({ id, facts: {} });
      expect(d.id).toBe(id);
      expect(d.title.length).toBeGreaterThan(5);
      expect(d.explanation.length).toBeGreaterThan(40);
      expect(d.fixes.length).toBeGreaterThan(0);
      for (const fix of d.fixes) {
        expect(fix.title.trim()).not.toBe('');
        expect(fix.text.trim()).not.toBe('');
        expect(fix.text).not.toMatch(BOX_DRAWING);
        // eslint-disable-next-line no-control-regex
        expect(fix.text).not.toMatch(/\u001b\[/);
      }
    });
  }

  it('shows the evidence facts in words', () => {
    const d = render({ id: 'ip-not-whitelisted', facts: { ip: '198.51.100.23', mexcCode: 700006, mexcMsg: 'IP [198.51.100.23] not in the ip white list', httpStatus: 400 } });
    expect(d.evidence).toContain('MEXC saw your IP as 198.51.100.23');
    expect(d.evidence).toContain('MEXC answered code 700006: "IP [198.51.100.23] not in the ip white list"');
    expect(d.evidence).toContain('HTTP status: 400');
  });

  it('shows the key masked, never in full, as evidence', () => {
    const d = render({ id: 'key-invalid', facts: {} });
    expect(d.evidence).toContain('Key: mx0a…WC5');
    expect(d.evidence.join('\n')).not.toContain('mx0aBYs33eIilxBWC5');
  });

  it('still shows facts it has no wording for', () => {
    expect(render({ id: 'unknown-error', facts: { newFact: 'value' } }).evidence).toContain('newFact: value');
  });
});

describe('fixes: IP whitelist (guide Fix 2)', () => {
  it('tells the user to add the exact IP MEXC saw', () => {
    const d = render({ id: 'ip-not-whitelisted', facts: { ip: '198.51.100.23' } });
    expect(d.title).toContain('198.51.100.23');
    expect(d.fixes[0]?.text).toContain('Add 198.51.100.23');
  });

  it('offers removing the whitelist only as a test, with the 90-day expiry warning', () => {
    const text = allText(render({ id: 'ip-not-whitelisted', facts: {} }));
    expect(text).toMatch(/Only to test/);
    expect(text).toMatch(/expires after 90 days/);
  });
});

describe('fixes: clock (guide Fix 3 and 4)', () => {
  const ahead = classifyClock(4200, 80, 5000)[0]!;
  const behind = classifyClock(-9000, 80, 5000)[0]!;

  it('never suggests a bigger recvWindow for a clock that runs ahead', () => {
    const d = render(ahead);
    expect(d.explanation).toMatch(/bigger recvWindow cannot help/);
    expect(d.fixes.some((f) => /recvWindow: \d+|recvWindow=\d+/.test(f.text) && !/Do not/.test(f.title))).toBe(false);
    expect(d.fixes.map((f) => f.title)).toContain('Do not raise recvWindow for this');
  });

  it('suggests a bigger recvWindow that covers the lag for a clock that runs behind, and sync first', () => {
    const d = render(behind);
    expect(d.fixes[0]?.text).toContain('timedatectl set-ntp true');
    expect(allText(d)).toContain('recvWindow: 12000');
  });

  it('proposes no recvWindow when even the maximum cannot cover the lag', () => {
    expect(suggestedRecvWindowMs(5000, 70_000)).toBeUndefined();
    expect(allText(render(classifyClock(-70_000, 80, 5000)[0]!))).not.toMatch(/options: \{ recvWindow/);
  });

  it('gives Linux commands for systemd, chrony and ntpdate, plus containers and WSL', () => {
    const text = allText(render(ahead, { platform: 'linux' }));
    for (const command of ['sudo timedatectl set-ntp true', 'sudo systemctl restart systemd-timesyncd', 'sudo chronyc makestep', 'sudo ntpdate -u pool.ntp.org', 'wsl --shutdown', 'sudo hwclock -s']) {
      expect(text).toContain(command);
    }
  });

  it('gives the macOS command on macOS', () => {
    expect(allText(render(ahead, { platform: 'darwin' }))).toContain('sudo sntp -sS time.apple.com');
  });

  it('gives w32tm in an administrator PowerShell on Windows, starting the service', () => {
    const d = render(ahead, { platform: 'win32' });
    const windows = d.fixes.find((f) => f.lang === 'powershell');
    expect(windows?.title).toMatch(/Run as administrator/);
    expect(windows?.text).toContain('Start-Service w32time');
    expect(windows?.text).toContain('w32tm /resync');
    expect(allText(d)).not.toContain('timedatectl');
  });

  it('explains a 700003 by the clock verdict: ahead → sync, no recvWindow', () => {
    const d = render({ id: 'timestamp-outside-recv-window', facts: { clockVerdict: 'ahead', localAheadMs: 4200, rttMs: 80 } });
    expect(d.explanation).toMatch(/ahead/);
    expect(d.fixes.map((f) => f.title)).toContain('Do not raise recvWindow for this');
  });

  it('explains a 700003 by a measured offset a step attached, without a verdict', () => {
    const d = render({ id: 'timestamp-outside-recv-window', facts: { localAheadMs: -9000, recvWindowMs: 5000 } });
    expect(d.explanation).toMatch(/behind/);
    expect(allText(d)).toMatch(/recvWindow: \d+/);
  });

  it('explains a 700003 with a timestamp in seconds', () => {
    const d = render({ id: 'timestamp-outside-recv-window', facts: { timestampInSeconds: true } });
    expect(d.fixes[0]?.text).toContain('Date.now()');
  });

  it('without a clock measurement, sends the user to measure it and limits recvWindow advice to a slow clock', () => {
    const d = render({ id: 'timestamp-outside-recv-window', facts: {} });
    expect(d.fixes[0]?.text).toContain('npx mexc-wizard check');
    expect(allText(d)).toMatch(/only if the check says your clock is behind/);
  });
});

describe('fixes: the key (guide Fix 1, expiry)', () => {
  it('recreating the key names the API Management page and the permissions', () => {
    const text = allText(render({ id: 'permission-denied', facts: {} }));
    expect(text).toContain('API Management');
    expect(text).toContain('Account: View Account Details');
    expect(text).toContain('Trade: View Order Details and Trade');
  });

  it('names the permission the failing endpoint needs', () => {
    expect(render({ id: 'permission-denied', facts: { endpoint: 'GET /api/v3/openOrders' } }).explanation).toContain('Trade: View Order Details');
  });

  it('says expiry is a likely cause of an invalid key, with the 90-day rule and Renew', () => {
    const d = render({ id: 'key-invalid', facts: { mexcCode: 10072 } });
    expect(d.explanation).toMatch(/expired/);
    expect(d.explanation).toMatch(/90 days/);
    expect(allText(d)).toContain('Action → Renew');
    expect(allText(d)).toContain('5 days before');
  });
});

describe('fixes: code', () => {
  it('includes curl, Python and Node snippets for the failing request, secret from the environment', () => {
    const d = render({ id: 'signature-invalid', facts: { endpoint: 'GET /api/v3/openOrders' } });
    const langs = d.fixes.map((f) => f.lang);
    expect(langs).toEqual(expect.arrayContaining(['sh', 'python', 'js']));
    const code = allText(d);
    expect(code).toContain('symbol');
    expect(code).toContain('$MEXC_SECRET_KEY');
    expect(code).toContain('os.environ["MEXC_SECRET_KEY"]');
    expect(code).toContain('process.env.MEXC_SECRET_KEY');
  });

  it('explains the futures signing scheme for a futures 602, after asking whether the API is open', () => {
    const d = render({ id: 'signature-invalid', facts: { api: 'futures', mexcCode: 602 } });
    expect(d.explanation).toMatch(/accessKey \+ Request-Time \+ parameter string/);
    expect(d.explanation.indexOf('open to this account')).toBeLessThan(d.explanation.indexOf('Then the signature'));
    expect(allText(d)).toContain("'Request-Time'");
    expect(d.evidence.join('\n')).toMatch(/futures/);
  });

  it('ends with where to go when still failing: support, status, docs', () => {
    const last = render({ id: 'signature-invalid', facts: {} }).fixes.at(-1)!;
    expect(last.title).toBe('Still failing?');
    expect(last.text).toMatch(/support/);
    expect(last.text).toMatch(/api-docs/);
    expect(last.text).toMatch(/maintenance/);
  });
});

describe('fixes: connectivity', () => {
  it('mentions corporate TLS inspection and NODE_EXTRA_CA_CERTS for a TLS error', () => {
    const d = render({ id: 'tls-error', facts: { errorCode: 'SELF_SIGNED_CERT_IN_CHAIN' } });
    expect(d.explanation).toMatch(/TLS-inspecting proxy/);
    expect(allText(d)).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('uses Retry-After in the rate-limit fix, and its title and text name the same waits', () => {
    const fix = render({ id: 'rate-limited', facts: { retryAfterSec: 30 } }).fixes[0]!;
    expect(fix.title).toBe("Stop for at least 30 s (MEXC's Retry-After), up to 10 minutes");
    // Issue #13: a title of "wait 30 s" over a text of "about 10 minutes" told two stories.
    expect(fix.text).toMatch(/MEXC asked for 30 s without requests \(Retry-After\)/);
    expect(fix.text).toMatch(/after 10 minutes, so if requests still fail after 30 s, stop for 10 minutes/);
  });

  it('a 418 ban: Retry-After is when the ban ends', () => {
    const fix = render({ id: 'rate-limited', facts: { retryAfterSec: 120, ipBanned: true } }).fixes[0]!;
    expect(fix.title).toBe('Send nothing from this IP for 120 s (2 min): the ban ends then');
    expect(fix.text).toMatch(/the ban ends: in 120 s \(2 min\) \(Retry-After\)/);
    expect(fix.text).not.toMatch(/10 minutes/);
  });

  it('no Retry-After: MEXC FAQ\'s 10 minutes, in the title and the text', () => {
    const fix = render({ id: 'rate-limited', facts: {} }).fixes[0]!;
    expect(fix.title).toBe('Stop for 10 minutes, then resume slowly');
    expect(fix.text).toMatch(/^MEXC sent no Retry-After; its FAQ says access over the limit resumes to normal after 10 minutes\./);
  });
});
