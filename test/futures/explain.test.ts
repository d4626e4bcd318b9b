/**
 * `explain` on futures answers: the JSON MEXC sends (`{success:false, code, message}`), and the
 * lines ccxt and pymexc print around it. Every futures code the catalog reads is covered by
 * test/diagnosis/catalog-reads.test.ts; this table adds what users paste and what each
 * explanation must say.
 */
import { describe, expect, it } from 'vitest';
import { runExplain } from '../../src/commands/explain.js';
import { futuresRecvWindowFix } from '../../src/core/catalog/futures.js';
import { catalogEntry } from '../../src/core/catalog/index.js';
import { diagnosePaste } from '../../src/core/read-paste.js';
import { DIAGNOSIS_IDS, type DiagnosisId } from '../../src/core/types.js';
import { FIX_CONTEXT } from '../diagnosis/fixtures.js';
import { fakeIO } from '../support/fake-io.js';

const explain = (text: string) => diagnosePaste(text, FIX_CONTEXT).diagnoses;
const allText = (text: string) =>
  explain(text)
    .map((d) => [d.title, d.explanation, ...d.evidence, ...d.fixes.map((f) => `${f.title}\n${f.text}`)].join('\n'))
    .join('\n');

const PASTES: Array<[paste: string, id: DiagnosisId]> = [
  ['{"success":false,"code":602,"message":"Signature verification failed!"}', 'signature-invalid'],
  ['ccxt.base.errors.AuthenticationError: mexc {"success":false,"code":602,"message":"Signature verification failed!"}', 'signature-invalid'],
  ['pymexc.base.MexcAPIError: (code=602): Signature verification failed!', 'signature-invalid'],
  ['{"success":false,"code":602,"message":"签名验证失败!"}', 'signature-invalid'],
  ['{"success":false,"code":401,"message":"Unauthorized"}', 'key-invalid'],
  ['pymexc.base.MexcAPIError: (code=401): Unauthorized', 'key-invalid'],
  ['{"success":false,"code":402,"message":"API key expired!"}', 'key-expired'],
  ['{"success":false,"code":406,"message":"Accessed IP is not in the whitelist"}', 'ip-not-whitelisted'],
  ['{"success":false,"code":513,"message":"Invalid request(for open api serves time more or less than 10s)"}', 'timestamp-outside-recv-window'],
  ['MexcAPIError: (code=513): Invalid request(for open api serves time more or less than 10s)', 'timestamp-outside-recv-window'],
  ['{"success":false,"code":701,"message":"Account read permission is required"}', 'permission-denied'],
  ['{"success":false,"code":703,"message":"Require trade read permission!"}', 'permission-denied'],
  ['{"success":false,"code":704,"message":"没有权限!"}', 'permission-denied'],
  ['{"success":false,"code":510,"message":"Excessive frequency of requests"}', 'rate-limited'],
  ['{"success":false,"code":510,"message":"请求频率过快!"}', 'rate-limited'],
  ['{"success":false,"code":511,"message":"Endpoint inaccessible"}', 'futures-api-unavailable'],
  ['ccxt.base.errors.AccountNotEnabled: mexc {"success":false,"code":1000,"message":"Please open contract account first!"}', 'futures-api-unavailable'],
  ['{"success":false,"code":1002,"message":"Contract not allow place order!"}', 'futures-api-unavailable'],
  ['{"success":false,"code":604,"message":"This feature is under maintenance"}', 'futures-api-unavailable'],
  ['{"success":false,"code":501,"message":"System busy"}', 'server-error'],
  // The same words outside a futures answer are the exchange's maintenance.
  ['{"code":500,"message":"Under maintenance, please try again later"}', 'server-error'],
  // A spot answer with the spot code 401 stays spot.
  ['{"code":401,"msg":"No authority"}', 'permission-denied'],
];

describe('explain reads futures answers', () => {
  it.each(PASTES)('%s → %s', (paste, id) => {
    expect(explain(paste)[0]?.id).toBe(id);
  });

  it('a futures 602 asks first whether the futures API is open to the account and endpoint, then turns to signing', () => {
    const d = explain('{"success":false,"code":602,"message":"Signature verification failed!"}')[0]!;
    const open = d.explanation.indexOf('open to this account and this endpoint');
    const signing = d.explanation.indexOf('Then the signature');
    expect(open).toBeGreaterThan(-1);
    expect(signing).toBeGreaterThan(open);
    expect(d.explanation).toMatch(/sorted by name/);
    expect(d.explanation).toMatch(/JSON body exactly as sent/);
    expect(d.explanation).toMatch(/ApiKey, Request-Time \(milliseconds\) and Signature/);
    expect(d.fixes[0]?.title).toBe('First: is the futures API open to your account and this endpoint?');
    expect(d.fixes[1]?.title).toBe('Sign futures requests the futures way');
    expect(d.fixes[1]?.text).toMatch(/Recv-Window header in seconds, at most 60/);
  });

  it('on an order endpoint, the 602 names it and asks about order placement first', () => {
    const paste = 'mexc POST https://api.mexc.com/api/v1/private/order/create {"success":false,"code":602,"message":"Signature verification failed!"}';
    const d = explain(paste)[0]!;
    expect(d.explanation).toMatch(/Your request went to an order endpoint \(POST \/api\/v1\/private\/order\/create\)/);
    expect(d.fixes[0]?.title).toBe('First: is futures order placement open to your account?');
    expect(d.fixes[0]?.text).toMatch(/Order Placing" shown as "Not Supported"/);
  });

  it('a futures 513 speaks of Request-Time and the 10 s window, not recvWindow', () => {
    const d = explain('{"success":false,"code":513,"message":"Invalid request(for open api serves time more or less than 10s)"}')[0]!;
    expect(d.title).toBe('Request-Time outside the futures time window (10 s)');
    expect(d.explanation).toMatch(/within 10 s of MEXC's clock, either way/);
    expect(d.fixes.map((f) => f.text).join('\n')).not.toMatch(/recvWindow=/);
    expect(d.fixes.map((f) => f.title)).toContain('Send Request-Time in milliseconds');
  });

  it('a futures permission code names the permission and says futures permissions are separate', () => {
    const d = explain('{"success":false,"code":703,"message":"Require trade read permission!"}')[0]!;
    expect(d.evidence).toContain('Permission MEXC asks for: Trade information read (futures)');
    expect(d.explanation).toMatch(/Futures permissions are separate from spot ones/);
    expect(d.fixes[0]?.title).toBe('Give the key its futures permissions');
  });

  it('1000 says to open the futures account; 511 says nothing in the signature is the cause', () => {
    expect(explain('{"success":false,"code":1000,"message":"Account does not exist"}')[0]?.fixes[0]?.title).toBe('Open the futures account once, on the website');
    expect(explain('{"success":false,"code":511,"message":"Endpoint inaccessible"}')[0]?.explanation).toMatch(/Nothing in your signature is the cause/);
  });

  it('futures fixes point at check --futures', () => {
    expect(allText('{"success":false,"code":406,"message":"Accessed IP is not in the whitelist"}')).toMatch(/npx mexc-wizard check --futures/);
    expect(allText('{"success":false,"code":406,"message":"Accessed IP is not in the whitelist"}')).not.toMatch(/npx mexc-wizard check(?! --futures)/);
  });

  it('explain --json gives the futures diagnosis and exits 1', async () => {
    const io = fakeIO();
    expect(await runExplain({ text: '{"success":false,"code":511,"message":"Endpoint inaccessible"}', json: true }, io)).toBe(1);
    const out = JSON.parse(io.out()) as { diagnoses: Array<{ id: string; title: string; fixes: unknown[] }> };
    expect(out.diagnoses.map((d) => d.id)).toEqual(['futures-api-unavailable']);
    expect(out.diagnoses[0]?.fixes.length).toBeGreaterThan(0);
  });

  it('every catalog entry that reads a futures code has a futures paste above', () => {
    const futuresIds = DIAGNOSIS_IDS.filter((id) => (catalogEntry(id).reads.codes ?? []).some((c) => c.family === 'futures'));
    for (const id of futuresIds) expect(PASTES.some(([paste, pid]) => pid === id && /"success":false|\(code=\d+\)/.test(paste)), id).toBe(true);
  });
});

describe('the futures Recv-Window fix', () => {
  it('covers the offset with 5 s to spare, in steps of 5, from 20 to 60, and none beyond', () => {
    expect(futuresRecvWindowFix()?.title).toMatch(/Recv-Window: 20 /);
    expect(futuresRecvWindowFix(-15_000)?.title).toMatch(/Recv-Window: 20 /);
    expect(futuresRecvWindowFix(15_030)?.title).toMatch(/Recv-Window: 25 /);
    expect(futuresRecvWindowFix(-54_000)?.title).toMatch(/Recv-Window: 60 /);
    expect(futuresRecvWindowFix(56_000)).toBeUndefined();
  });
});
