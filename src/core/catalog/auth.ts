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
import {
  FUTURES_SIGNING_RULES_FIX,
  futuresInspectFix,
  futuresOpenCheckFix,
  futuresPermissionFix,
  futuresSnippetFixes,
  futuresStillFailingFix,
  isFuturesCase,
  isFuturesOrderEndpoint,
} from './futures.js';
import { SOURCES } from './sources.js';
import type { CatalogGroup, Facts } from './types.js';

/** The key, its signature, its IP whitelist and its permissions (docs/mexc-api.md §3, §5, §6, §7). */

const isFutures = (f: Facts, ctx?: FixContext) => isFuturesCase(f, ctx);

/** Which web-UI permission an endpoint needs (docs/mexc-api.md §5). */
function permissionFor(endpoint: string | undefined): string | undefined {
  const [method, path] = endpoint?.includes(' ') ? endpoint.split(' ') : [undefined, endpoint];
  if (path === '/api/v3/account' || path === '/api/v3/selfSymbols' || path === '/api/v3/kyc/status') return 'Account: View Account Details';
  if (path === '/api/v3/allOrders') return 'Trade: View Order Details';
  if (path === '/api/v3/openOrders' || path === '/api/v3/order') {
    // Reading and placing/cancelling need different permissions: without the method, name neither.
    if (method === undefined) return undefined;
    return method === 'GET' ? 'Trade: View Order Details' : 'Trade: Trade';
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

/**
 * A futures 602. The first question is whether the futures private API is open to this account
 * and endpoint at all: while order placement was closed to API users, MEXC answered correctly
 * signed order calls with 602 (https://github.com/makarworld/pymexc/issues/6,
 * https://github.com/makarworld/pymexc/issues/14). Then the signing rules (docs/mexc-api.md §6).
 */
function futuresSignatureExplanation(f: Facts, ctx: FixContext): string {
  if (isTool(ctx)) {
    return "MEXC's futures API could not verify mexc-wizard's signature (602). mexc-wizard signs exactly as MEXC documents (the string it signed is shown, with the key as [ApiKey]), so the secret is the likely cause: the secret of another key, a space or line break copied with it, or a key that was recreated since.";
  }
  const order = isFuturesOrderEndpoint(f.endpoint)
    ? ` Your request went to an order endpoint (${String(f.endpoint)}): if npx mexc-wizard check --futures passes with the same key, your signing works and the order endpoint is what is closed.`
    : ' If npx mexc-wizard check --futures passes with the same key while your call fails, compare your signing with the rules below.';
  return (
    'The futures API answered 602 "Signature verification failed!". First ask whether the futures private API is open to this account and this endpoint: from 2022-07-25 to 2026-03-31 MEXC closed futures order placement to API users and answered correctly signed order and cancel calls with 602 (or "under maintenance") while reads kept working, and some accounts and contracts may still be closed.' +
    order +
    ' Then the signature: MEXC signs accessKey + Request-Time + parameter string (GET and DELETE: the parameters sorted by name; POST: the JSON body exactly as sent), HMAC-SHA256 with the secret in lowercase hex, and reads it from the headers ApiKey, Request-Time (milliseconds) and Signature. Spot-style signing, unsorted GET parameters, a body re-serialised after signing, or another key\'s secret all give 602.'
  );
}

/** 701–704 (docs/mexc-api.md §6): the futures permission named; a spot-only key said so. */
function futuresPermissionExplanation(f: Facts): string {
  const permission = typeof f.permission === 'string' && f.permission ? ` ("${f.permission}")` : '';
  const code = f.mexcCode !== undefined ? ` (${String(f.mexcCode)})` : '';
  const spot = f.spotOnlyKey
    ? ' This key is one: the spot API accepts the same key and secret, the futures API does not.'
    : '';
  return `MEXC's futures API says the key lacks a futures permission${permission}${code}. Futures permissions are separate from spot ones: a key created for spot has none of them.${spot} Reading futures assets needs the futures account-read permission; open orders and positions need futures trade-read; placing orders needs futures Order Placing, which MEXC may not offer to your account.`;
}

export const authEntries = {
  'key-invalid': {
    title: (f) => (f.spotOnlyKey ? "MEXC's futures API does not accept this key (the spot API does)" : 'MEXC does not accept this API key'),
    explanation: (f, ctx) =>
      f.spotOnlyKey
        ? 'MEXC\'s futures API answered 401 "Unauthorized", yet the spot API accepts the same key and secret: both are right, and the key most likely has no futures access (a key created with spot permissions only). Give it the futures permissions, or create a key that has them.'
        : isFutures(f, ctx)
        ? 'MEXC\'s futures API answered 401 "Unauthorized": it did not accept the key in the ApiKey header. Likely causes: no ApiKey header, or the key in another header (X-MEXC-APIKEY is the spot header); a key that has expired (a key without a bound IP expires after 90 days), was deleted or was copied wrong; or a key without futures access.'
        : 'MEXC does not recognise the key (700001 "API-key format invalid" or 10072 "Api key info invalid"). Likely causes: the key has expired (a key without a bound IP expires after 90 days), it was deleted, it was copied wrong (a missing character, a space or line break), or it is a futures-only key used on a spot endpoint.',
    evidence: ['maskedKey', 'spotOnlyKey'],
    fixes: (ctx, f) =>
      f.spotOnlyKey
        ? [futuresPermissionFix(), checkKeyStatusFix(), recreateKeyFix(true), futuresStillFailingFix()]
        : isFutures(f, ctx)
        ? [checkKeyStatusFix(), renewKeyFix(), recreateKeyFix(true), envCredentialsFix(), FUTURES_SIGNING_RULES_FIX, futuresStillFailingFix()]
        : [checkKeyStatusFix(), renewKeyFix(), recreateKeyFix(), envCredentialsFix(), stillFailingFix()],
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
      isFutures(f, ctx)
        ? futuresSignatureExplanation(f, ctx)
        : isTool(ctx)
          ? "MEXC computed a different HMAC-SHA256 than mexc-wizard sent (700002). mexc-wizard signs exactly as MEXC documents (the string it signed is shown), so the secret is the cause: the secret of another key, a secret with a space or line break copied with it, or a key that was recreated since. If this setup worked before, the key may have expired."
          : "MEXC computed a different HMAC-SHA256 than you sent (700002). Either the secret is wrong (another key's secret, or a space or line break copied with it), or the signed text differs from what was sent: values encoded differently (+ instead of %20, lowercase %2c, unencoded brackets), query and body joined with &, the signature signing itself, or an uppercase hex digest. If this setup worked before, the key may have expired.",
    evidence: ['maskedKey'],
    fixes: (ctx, f) => {
      if (isFutures(f, ctx) && isTool(ctx)) return [RECHECK_SECRET_FIX, checkKeyStatusFix(), recreateKeyFix(true), futuresStillFailingFix()];
      // The futures API may be closed to this account or endpoint: that question comes before the signature.
      if (isFutures(f, ctx)) return [futuresOpenCheckFix(f), FUTURES_SIGNING_RULES_FIX, ...futuresSnippetFixes(ctx, f).slice(0, 2), futuresInspectFix(), RECHECK_SECRET_FIX, futuresStillFailingFix()];
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
    title: (f) => (f.spotOnlyKey ? 'This is a spot key without futures permissions' : 'The key lacks permission for this request'),
    explanation: (f, ctx) => {
      if (isFutures(f, ctx)) return futuresPermissionExplanation(f);
      const named = typeof f.permission === 'string' && f.permission ? f.permission : undefined;
      const inferred = typeof f.inferredPermission === 'string' && f.inferredPermission ? f.inferredPermission : permissionFor(typeof f.endpoint === 'string' ? f.endpoint : undefined);
      const code = String(f.mexcCode ?? '');
      const base =
        code === '30020'
          ? 'MEXC says the key has no permission for this symbol (30020).'
          : code === '401'
            ? 'MEXC answered "No authority" (401): the key or secret is wrong, the key is inactive, or it lacks the permission.'
            : !code && f.httpStatus === 401
              ? 'MEXC answered HTTP 401 without an error code; its docs call that an authentication or permission error: the key or secret is wrong, the key is inactive, or it lacks the permission.'
            : 'MEXC says the key may not call this endpoint (700007 "No permission to access the endpoint").';
      const needs = named
        ? ` MEXC asks for the permission "${named}".`
        : inferred
          ? ` This endpoint needs the permission "${inferred}" (inferred from the endpoint: MEXC's answer does not name one).`
          : '';
      return `${base}${needs} Reading the account needs Account: View Account Details; open orders need Trade: View Order Details; placing orders needs Trade: Trade. ccxt's loadMarkets also reads wallet data (GET /api/v3/capital/config/getall).`;
    },
    evidence: ['permission', 'inferredPermission', 'spotOnlyKey'],
    fixes: (ctx, f) => {
      if (isFutures(f, ctx)) return [futuresPermissionFix(), recreateKeyFix(true), futuresStillFailingFix()];
      return [
        {
          title: 'Give the key the permission it needs',
          lang: 'steps',
          text: [
            `1. ${API_MANAGEMENT}`,
            '2. Under My API Key, edit the key (or create a new one) and tick: Account: View Account Details; Trade: View Order Details and Trade.',
            '3. Save, then run: npx mexc-wizard check',
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
      ];
    },
    reads: {
      codes: [
        { code: 700007, family: 'spot', text: 'No permission to access the endpoint.', source: SOURCES.spotObserved },
        { code: 30020, family: 'spot', text: 'no permission for the symbol', source: SOURCES.spotErrors },
        // With "Unauthorized" a 401 is the futures API's (key-invalid), whatever else the paste shows.
        { code: 401, family: 'spot', text: 'No authority', source: SOURCES.spotErrors, when: (m) => m !== 'unauthorized' },
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
      // MEXC's Chinese docs: HTTP 401 is an authentication or permission error (docs/mexc-api.md §2.3).
      httpStatuses: { statuses: [401], source: `${SOURCES.httpCodes}, Chinese edition: 401 = authentication or permission error` },
    },
    refusal: 'this-endpoint',
    helpers: [],
  },
} as const satisfies CatalogGroup;
