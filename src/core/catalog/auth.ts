import type { Fix, FixContext } from '../types.js';
import {
  addIpFix,
  API_MANAGEMENT,
  checkKeyStatusFix,
  disableIpWhitelistForTestFix,
  envCredentialsFix,
  inspectFix,
  recreateKeyFix,
  renewKeyFix,
  snippetFixes,
  stillFailingFix,
} from './fixes.js';
import { SOURCES } from './sources.js';
import type { CatalogGroup, Facts } from './types.js';

/** The key, its signature, its IP whitelist and its permissions (docs/mexc-api.md §3, §5, §7). */

const isFutures = (f: Facts) => f.api === 'futures';

/** Futures signs differently (docs/mexc-api.md §6); a spot snippet would not help there. */
const FUTURES_SIGNING_FIX: Fix = {
  title: 'Sign futures requests the futures way',
  lang: 'js',
  text: [
    "// Futures (contract) API: sign accessKey + timestamp + paramString, send ApiKey / Request-Time / Signature headers.",
    "import { createHmac } from 'node:crypto';",
    'const apiKey = process.env.MEXC_API_KEY;',
    'const secret = process.env.MEXC_SECRET_KEY;',
    'const timestamp = String(Date.now());',
    '// GET/DELETE: params sorted by name, k=v joined with &; POST: the exact JSON body string; no params: empty string',
    'const params = { symbol: "BTC_USDT" };',
    "const paramString = Object.keys(params).sort().map((k) => `${k}=${encodeURIComponent(params[k])}`).join('&');",
    "const signature = createHmac('sha256', secret).update(apiKey + timestamp + paramString).digest('hex');",
    "const headers = { ApiKey: apiKey, 'Request-Time': timestamp, Signature: signature, 'Content-Type': 'application/json' };",
  ].join('\n'),
};

/** Which web-UI permission an endpoint needs (docs/mexc-api.md §5). */
function permissionFor(endpoint: string | undefined): string | undefined {
  const path = endpoint?.split(' ').pop();
  if (path === '/api/v3/account' || path === '/api/v3/selfSymbols' || path === '/api/v3/kyc/status') return 'Account: View Account Details';
  if (path === '/api/v3/openOrders' || path === '/api/v3/allOrders' || path === '/api/v3/order') {
    return endpoint?.startsWith('GET') ? 'Trade: View Order Details' : 'Trade: Trade';
  }
  if (path === '/api/v3/order/test' || path === '/api/v3/batchOrders') return 'Trade: Trade';
  if (path?.startsWith('/api/v3/capital/')) return 'Wallet (deposit/withdraw) read';
  return undefined;
}
/** Futures permission codes and the permission MEXC asks for (docs/mexc-api.md §6). */
const FUTURES_PERMISSION_CODES: ReadonlyArray<readonly [number, string]> = [
  [701, 'Account read permission is required'],
  [702, 'Account modify permission is required'],
  [703, 'Trade information read permission is required'],
  [704, 'Transaction information modify permission is required'],
];

/** `IP [168.181.160.97] not in the ip white list` → that IP (docs/mexc-api.md §3, 700006). */
export function parseWhitelistIp(msg: string): string | undefined {
  const match = /IP\s*\[([^\]]{1,64})\]/i.exec(msg.slice(0, 2000));
  return match?.[1]?.trim() || undefined;
}

const ipFacts = (msg: string): Facts => {
  const ip = parseWhitelistIp(msg);
  return ip ? { ip } : {};
};

const isTool = (ctx: FixContext) => ctx.requestSource === 'tool';

const RECHECK_SECRET_FIX: Fix = {
  title: 'Re-check the secret',
  lang: 'text',
  text: 'Use the Secret Key of this same Access Key, with nothing around it (no quotes, spaces or line breaks). MEXC shows a secret only once; if in doubt, create a new key.',
};

/** A 700004 names the missing parameter: `Mandatory parameter 'signature' was not sent…`. */
export const namedParameter = (msg: string): string | undefined => /param(?:eter)?\s+'([^']{1,64})'/i.exec(msg)?.[1];
const namesSignature = (lower: string) => {
  const param = namedParameter(lower);
  return param === 'signature' || (!param && lower.includes('signature'));
};

export const authEntries = {
  'key-invalid': {
    title: 'MEXC does not accept this API key',
    explanation:
      'MEXC does not recognise the key (700001 "API-key format invalid" or 10072 "Api key info invalid"). Likely causes: the key has expired (a key without a bound IP expires after 90 days), it was deleted, it was copied wrong (a missing character, a space or line break), or it is a futures-only key used on a spot endpoint.',
    evidence: ['maskedKey'],
    fixes: (_ctx, f) => [checkKeyStatusFix(), renewKeyFix(), recreateKeyFix(), envCredentialsFix(), ...(isFutures(f) ? [FUTURES_SIGNING_FIX] : []), stillFailingFix()],
    reads: {
      codes: [
        { code: 700001, family: 'spot', text: 'API-key format invalid', source: SOURCES.spotErrors },
        { code: 10072, family: 'spot', text: 'Api key info invalid', source: SOURCES.spotObserved },
        { code: 10001, family: 'spot', text: 'user does not exist', source: `${SOURCES.spotErrors}; ccxt maps it to AuthenticationError (docs/mexc-api.md §8)` },
        { code: 401, family: 'futures', text: 'Unauthorized', source: SOURCES.futuresErrors },
        { code: -2014, family: 'binance', text: 'API-key format invalid.', source: SOURCES.binance },
        { code: -2015, family: 'binance', text: 'Invalid API-key, IP, or permissions for action.', source: SOURCES.binance },
        { code: -2008, family: 'binance', text: 'Invalid Api-Key ID.', source: SOURCES.binance },
      ],
      messages: [
        { fragment: 'api-key format invalid', source: SOURCES.spotErrors },
        { fragment: 'api key info invalid', source: SOURCES.spotObserved },
        { fragment: 'invalid access key', source: SOURCES.spotErrors },
        { fragment: 'user does not exist', source: SOURCES.spotErrors },
        { pattern: /\binvalid api[-_ ]?key\b|\bapi[-_ ]?key (?:is )?invalid\b|\binvalid api-key id\b/, example: 'Invalid API-key, IP, or permissions for action.', source: SOURCES.guide },
      ],
    },
    refusal: 'every-request',
    helpers: ['expiry'],
  },
  'key-expired': {
    title: 'The API key has expired',
    explanation:
      'MEXC says the key expired. A key without a bound IP address is valid for 90 days. From 5 days before expiry it can be renewed; after that a new key is needed.',
    evidence: ['maskedKey'],
    fixes: () => [renewKeyFix(), recreateKeyFix(), stillFailingFix()],
    reads: {
      codes: [{ code: 402, family: 'futures', text: 'Api_key expired', source: SOURCES.futuresErrors }],
      // MEXC documents no spot text for an expired key (docs/mexc-api.md §3): any answer that says
      // so in words wins over its code ("API key expired!", "apikey has expired").
      messages: [
        {
          pattern: /\bapi[\s_-]?key\b.{0,40}\bexpired?\b|\bexpired\b.{0,40}\bapi[\s_-]?key\b/,
          example: 'API key expired!',
          source: SOURCES.futuresErrors,
          beatsCode: true,
        },
      ],
    },
    refusal: 'every-request',
    helpers: ['expiry'],
  },
  'key-header-missing': {
    title: 'MEXC did not receive your API key',
    explanation:
      'MEXC answered "api key required": the request had no X-MEXC-APIKEY header, or it was empty or misnamed. Code ported from Binance often sends X-MBX-APIKEY, which MEXC ignores.',
    evidence: [],
    fixes: (ctx, f) => [
      {
        title: 'Send the key in the X-MEXC-APIKEY header',
        lang: 'text',
        text: "JavaScript: headers: { 'X-MEXC-APIKEY': apiKey }\nPython: headers={'X-MEXC-APIKEY': api_key}\ncurl: -H \"X-MEXC-APIKEY: $MEXC_API_KEY\"\n(not X-MBX-APIKEY; check that the variable holding the key is not empty)",
      },
      ...snippetFixes(ctx, f),
      stillFailingFix(),
    ],
    reads: {
      // Code 400 is documented only as "api key required"; with another text it is something else.
      codes: [{ code: 400, family: 'spot', text: 'api key required', source: SOURCES.spotErrors, when: (m) => m === '' || /api[\s_-]?key/.test(m) }],
      messages: [
        { fragment: 'api key required', source: SOURCES.spotErrors },
        { pattern: /\bapi[\s_-]?key is required\b|\bapi[\s_-]?key required\b|\bmissing api[\s_-]?key\b/, example: 'parameter api key is required', source: SOURCES.guide },
      ],
    },
    refusal: 'every-request',
    helpers: [],
  },
  'signature-invalid': {
    title: 'MEXC rejected the signature',
    explanation: (f, ctx) =>
      isFutures(f)
        ? 'The futures API could not verify the signature. Futures signs accessKey + timestamp + parameter string (GET params sorted by name, POST the raw JSON body) and expects the headers ApiKey, Request-Time and Signature. Spot-style signing, unsorted GET params or a wrong secret all give this error.'
        : isTool(ctx)
          ? "MEXC computed a different HMAC-SHA256 than mexc-wizard sent (700002). mexc-wizard signs exactly as MEXC documents (the string it signed is shown), so the secret is the cause: the secret of another key, a secret with a space or line break copied with it, or a key that was recreated since. If this setup worked before, the key may have expired."
          : "MEXC computed a different HMAC-SHA256 than you sent (700002). Either the secret is wrong (another key's secret, or a space or line break copied with it), or the signed text differs from what was sent: values encoded differently (+ instead of %20, lowercase %2c, unencoded brackets), query and body joined with &, the signature signing itself, or an uppercase hex digest. If this setup worked before, the key may have expired.",
    evidence: ['maskedKey'],
    fixes: (ctx, f) => {
      if (isFutures(f)) return [FUTURES_SIGNING_FIX, recreateKeyFix(), stillFailingFix()];
      // The tool's own correctly signed request was refused: the secret leads. The lab is for a
      // request the user's code sent (the case where the tool passes and their code fails).
      if (isTool(ctx)) return [RECHECK_SECRET_FIX, checkKeyStatusFix(), recreateKeyFix(), inspectFix(), stillFailingFix()];
      return [inspectFix(), ...snippetFixes(ctx, f), RECHECK_SECRET_FIX, checkKeyStatusFix(), stillFailingFix()];
    },
    reads: {
      codes: [
        { code: 700002, family: 'spot', text: 'Signature for this request is not valid.', source: SOURCES.spotObserved },
        { code: 602, family: 'futures', text: 'Signature verification failed!', source: SOURCES.futuresErrors },
        { code: -1022, family: 'binance', text: 'Signature for this request is not valid.', source: SOURCES.binance },
      ],
      messages: [
        { fragment: 'signature for this request is not valid', source: SOURCES.spotErrors },
        { fragment: 'signature verification failed', source: SOURCES.futuresErrors },
        // Not "certificate verify failed": that is TLS.
        { pattern: /(?<!certificate )verify failed/, example: 'Verify failed', source: SOURCES.futuresErrors },
        { fragment: 'invalid signature', source: SOURCES.guide },
        { fragment: 'signature mismatch', source: SOURCES.guide },
        { fragment: 'signature is invalid', source: SOURCES.guide },
      ],
    },
    refusal: 'every-request',
    helpers: ['lab', 'expiry'],
  },
  'signature-missing': {
    title: 'No signature reached MEXC',
    explanation:
      'MEXC answered "Mandatory parameter \'signature\' was not sent, was empty/null, or malformed" (700004). Typical causes: the client skips signing when a request has no other parameters (GET /api/v3/account), the signature went into a header or the body of a GET, or it was cut off.',
    evidence: [],
    fixes: (ctx, f) => [
      {
        title: 'Always sign, even without parameters',
        lang: 'text',
        text: 'Every SIGNED endpoint needs timestamp (and optionally recvWindow) in the query string, then &signature=<64 lowercase hex> appended last, also when there are no other parameters: recvWindow=5000&timestamp=1700000000000&signature=...',
      },
      ...snippetFixes(ctx, f),
      inspectFix(),
      stillFailingFix(),
    ],
    reads: {
      codes: [
        { code: 700004, family: 'spot', text: "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.", source: SOURCES.spotObserved, when: namesSignature },
        { code: -1102, family: 'binance', text: "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.", source: SOURCES.binance, when: namesSignature },
      ],
      messages: [{ fragment: "mandatory parameter 'signature'", source: SOURCES.spotObserved }],
    },
    refusal: 'every-request',
    helpers: ['lab'],
  },
  'ip-not-whitelisted': {
    title: (f) => (f.ip ? `Your IP ${f.ip} is not on the key's whitelist` : "Your IP is not on the key's whitelist"),
    explanation: (f) =>
      `The key only works from the IP addresses bound to it, and this request came from ${f.ip ? `${f.ip}, which is not one of them` : "an address that is not one of them (MEXC's older message does not say which)"}. Cloud hosts and home connections change their outgoing IP, so a whitelist that worked yesterday can fail today.`,
    evidence: ['ip'],
    fixes: (_ctx, f) => [addIpFix(typeof f.ip === 'string' ? f.ip : undefined), disableIpWhitelistForTestFix(), stillFailingFix()],
    reads: {
      codes: [
        { code: 700006, family: 'spot', text: 'IP [168.181.160.97] not in the ip white list', source: SOURCES.spotObserved, facts: ipFacts },
        { code: 406, family: 'futures', text: 'Accessed IP is not in the whitelist', source: SOURCES.futuresErrors, facts: ipFacts },
      ],
      messages: [
        { fragment: 'not in the ip white list', source: SOURCES.spotObserved, facts: ipFacts },
        { fragment: 'ip non white list', source: SOURCES.spotErrors },
        { fragment: 'accessed ip is not in the whitelist', source: SOURCES.futuresErrors },
        { pattern: /\bip (?:is )?not in (?:the )?(?:ip )?white ?list|not in the ip whitelist/, example: 'IP not in whitelist', source: SOURCES.guide },
      ],
    },
    refusal: 'every-request',
    helpers: [],
  },
  'permission-denied': {
    title: 'The key lacks permission for this request',
    explanation: (f) => {
      const needed = typeof f.permission === 'string' && f.permission ? f.permission : permissionFor(typeof f.endpoint === 'string' ? f.endpoint : undefined);
      const code = String(f.mexcCode ?? '');
      const base =
        code === '30020'
          ? 'MEXC says the key has no permission for this symbol (30020).'
          : code === '401'
            ? 'MEXC answered "No authority" (401): the key or secret is wrong, the key is inactive, or it lacks the permission.'
            : 'MEXC says the key may not call this endpoint (700007 "No permission to access the endpoint").';
      return `${base}${needed ? ` This request needs the permission "${needed}".` : ''} Reading the account needs Account: View Account Details; open orders need Trade: View Order Details; placing orders needs Trade: Trade. ccxt's loadMarkets also reads wallet data (GET /api/v3/capital/config/getall).`;
    },
    evidence: ['permission'],
    fixes: (_ctx, f) => [
      {
        title: 'Give the key the permission it needs',
        lang: 'steps',
        text: [
          `1. ${API_MANAGEMENT}`,
          '2. Under My API Key, edit the key (or create a new one) and tick: Account: View Account Details; Trade: View Order Details and Trade.',
          ...(isFutures(f) ? ['3. For the futures API, also tick the futures (contract) permissions.'] : []),
          `${isFutures(f) ? 4 : 3}. Save, then run: npx mexc-wizard check`,
        ].join('\n'),
      },
      ...(String(f.mexcCode ?? '') === '30020'
        ? [
            {
              title: "Check the key's trading pairs",
              lang: 'steps' as const,
              text: `1. ${API_MANAGEMENT}\n2. Under My API Key → Trading Pairs → Set, add the symbol your bot trades.`,
            },
          ]
        : []),
      recreateKeyFix(),
      stillFailingFix(),
    ],
    reads: {
      codes: [
        { code: 700007, family: 'spot', text: 'No permission to access the endpoint.', source: SOURCES.spotObserved },
        { code: 30020, family: 'spot', text: 'no permission for the symbol', source: SOURCES.spotErrors },
        { code: 401, family: 'spot', text: 'No authority', source: SOURCES.spotErrors },
        ...FUTURES_PERMISSION_CODES.map(([code, text]) => ({
          code,
          family: 'futures' as const,
          text,
          source: SOURCES.futuresErrors,
          facts: () => ({ permission: `${text.replace(/ permission is required$/i, '')} (futures)` }),
        })),
        { code: -1002, family: 'binance', text: 'You are not authorized to execute this request.', source: SOURCES.binance },
      ],
      messages: [
        { fragment: 'no permission to access the endpoint', source: SOURCES.spotObserved },
        { fragment: 'no permission for the symbol', source: SOURCES.spotErrors },
        { fragment: 'no authority', source: SOURCES.spotErrors },
        { pattern: /(?:account|trade information|transaction information) (?:read|modify) permission is required/, example: 'Account read permission is required', source: SOURCES.futuresErrors },
        { fragment: 'not authorized to execute this request', source: SOURCES.binance },
        { fragment: 'permission denied', source: SOURCES.guide },
      ],
    },
    refusal: 'this-endpoint',
    helpers: [],
  },
} as const satisfies CatalogGroup;
