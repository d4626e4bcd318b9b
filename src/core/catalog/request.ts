import type { Fix, FixContext } from '../types.js';
import { namedParameter } from './auth.js';
import { API_MANAGEMENT, inspectFix, snippetFixes, stillFailingFix } from './fixes.js';
import { SOURCES } from './sources.js';
import type { CatalogGroup, Facts } from './types.js';

/** Request-shape, symbol and account problems, and the catch-all (docs/mexc-api.md §3, §7). */

const base = (ctx: FixContext) => ctx.baseUrl.replace(/\/+$/, '');

/** 700004 about another parameter than the signature: name it, the fix is "send it". */
const missingParameterFacts = (msg: string): Facts => {
  const param = namedParameter(msg);
  return { hint: 'missing-parameter', ...(param ? { missingParam: param } : {}) };
};

const HINT_FIXES: Record<string, (facts: Facts) => Fix> = {
  'missing-parameter': (f) => ({
    title: f.missingParam ? `Send the parameter '${f.missingParam}'` : 'Send the mandatory parameter MEXC names',
    lang: 'text',
    text: "Add the parameter MEXC names to the query string (not empty, not null) and sign it with the rest. For order queries and cancels MEXC needs either orderId or origClientOrderId.",
  }),
  'listen-key': () => ({
    title: 'Create a fresh listen key and keep it alive',
    lang: 'text',
    text: 'POST /api/v3/userDataStream returns a new listenKey. Extend it with PUT /api/v3/userDataStream?listenKey=... every 30 minutes; it dies after 60 minutes without that.',
  }),
};

export const requestEntries = {
  'illegal-characters': {
    title: 'Illegal characters in a parameter',
    explanation:
      'MEXC found characters it does not accept in a parameter value (700008 "Illegal characters found in parameter"): often an unencoded space or symbol, a quote or line break read from a config file, or non-ASCII text in newClientOrderId.',
    evidence: [],
    fixes: (ctx, f) => [
      {
        title: 'Encode every value and keep ids simple',
        lang: 'text',
        text: 'Percent-encode each value with uppercase hex and space as %20 before signing, and send exactly what you signed. Use only letters, digits, - and _ in newClientOrderId. Trim values read from files.',
      },
      ...snippetFixes(ctx, f),
      inspectFix(),
      stillFailingFix(),
    ],
    reads: {
      codes: [
        { code: 700008, family: 'spot', text: 'Illegal characters found in parameter', source: SOURCES.spotErrors },
        { code: -1100, family: 'binance', text: "Illegal characters found in parameter '%s'; legal range is '%s'.", source: SOURCES.binance },
      ],
      messages: [{ fragment: 'illegal characters found in parameter', source: SOURCES.spotErrors }],
    },
    refusal: 'this-endpoint',
    helpers: ['lab'],
  },
  'content-type-invalid': {
    title: 'Content-Type must be application/json',
    explanation:
      'Since 22 February 2024 MEXC rejects POST, PUT and DELETE requests without "Content-Type: application/json" (700013 "Invalid content Type."), even when all parameters are in the query string. Older ccxt versions and older MEXC demo code sent other content types.',
    evidence: [],
    fixes: (ctx, f) => {
      const endpoint = typeof f.endpoint === 'string' && !f.endpoint.startsWith('GET') ? f.endpoint : 'POST /api/v3/order/test';
      return [
        {
          title: 'Add the header to every POST, PUT and DELETE',
          lang: 'text',
          text: "JavaScript: headers: { 'X-MEXC-APIKEY': apiKey, 'Content-Type': 'application/json' }\nPython: headers={'X-MEXC-APIKEY': api_key, 'Content-Type': 'application/json'}\ncurl: -H \"Content-Type: application/json\"",
        },
        { title: 'Using ccxt? Upgrade it', lang: 'sh', text: 'npm install ccxt@latest\n# Python: pip install --upgrade ccxt' },
        ...snippetFixes(ctx, { ...f, endpoint }),
        stillFailingFix(),
      ];
    },
    reads: {
      codes: [{ code: 700013, family: 'spot', text: 'Invalid content Type.', source: SOURCES.spotSigning }],
      messages: [{ fragment: 'invalid content type', source: SOURCES.spotSigning }],
    },
    refusal: 'this-endpoint',
    helpers: [],
  },
  'symbol-not-api-enabled': {
    title: (f) => (f.hint === 'market-order' ? 'Market orders through the API are disabled for this symbol' : 'This symbol cannot be traded through the API'),
    explanation: (f) =>
      f.hint === 'market-order'
        ? 'MEXC refuses market orders sent through the API on this pair (30019 "api market order is disabled"). Limit orders may still be allowed.'
        : 'MEXC refuses API trading on this pair (10007 "symbol not support api" or 70011 "Pair user ban trade apikey"): either the pair is not open for API trading at all, or it is not in the trading-pair list of this key.',
    evidence: [],
    fixes: (ctx, f) => [
      ...(f.hint === 'market-order'
        ? [{ title: 'Send a LIMIT order instead of MARKET', lang: 'text' as const, text: 'type=LIMIT with price and quantity (and timeInForce where your client needs it), or pick a symbol that allows API market orders.' }]
        : []),
      {
        title: 'Is the symbol open for API trading?',
        lang: 'sh',
        text: `curl -s ${base(ctx)}/api/v3/defaultSymbols | grep -o '"${ctx.symbol}"' || echo "${ctx.symbol} is not API-tradable"`,
      },
      {
        title: "Add the symbol to the key's trading pairs",
        lang: 'steps',
        text: `1. ${API_MANAGEMENT}\n2. Under My API Key → Trading Pairs → Set, add ${ctx.symbol}.\n3. Check the key's list with the signed GET /api/v3/selfSymbols.`,
      },
      ...snippetFixes(ctx, { endpoint: 'GET /api/v3/selfSymbols' }).slice(0, 1),
      stillFailingFix(),
    ],
    reads: {
      codes: [
        { code: 10007, family: 'spot', text: 'symbol not support api', source: SOURCES.spotObserved },
        { code: 70011, family: 'spot', text: 'Pair user ban trade apikey.', source: SOURCES.spotErrors },
        { code: 30019, family: 'spot', text: 'api market order is disabled', source: SOURCES.orderCodes, facts: () => ({ hint: 'market-order' }) },
      ],
      messages: [
        { fragment: 'symbol not support api', source: SOURCES.spotObserved },
        // 10007's text in MEXC's error-code table (the observed answer says "symbol not support api").
        { fragment: 'bad symbol', source: SOURCES.spotErrors },
        { fragment: 'pair user ban trade apikey', source: SOURCES.spotErrors },
        { fragment: 'api market order is disabled', source: SOURCES.orderCodes, facts: { hint: 'market-order' } },
      ],
    },
    refusal: 'this-endpoint',
    helpers: [],
  },
  'account-abnormal': {
    title: 'Your MEXC account is restricted',
    explanation:
      'MEXC reports the account as abnormal (60005 "your account is abnormal" or 730100 "Unusual user status"): an account-level block, for example risk control or pending verification. No change to the key or the code will help; only MEXC can lift it.',
    evidence: [],
    fixes: () => [
      {
        title: 'Find out why',
        lang: 'steps',
        text: '1. Log in at https://www.mexc.com and read any notice in the account, messages and e-mail.\n2. Finish any pending identity verification.\n3. Contact MEXC support (https://www.mexc.com/support) and mention the error code.',
      },
      stillFailingFix(),
    ],
    reads: {
      codes: [
        { code: 60005, family: 'spot', text: 'your account is abnormal', source: SOURCES.spotErrors },
        { code: 730100, family: 'spot', text: 'Unusual user status', source: SOURCES.spotErrors },
      ],
      messages: [
        { fragment: 'your account is abnormal', source: SOURCES.spotErrors },
        { fragment: 'unusual user status', source: SOURCES.spotErrors },
      ],
    },
    refusal: 'every-request',
    helpers: [],
  },
  'unknown-error': {
    title: (f) => (f.mexcCode !== undefined ? `MEXC error ${f.mexcCode}` : f.errorCode !== undefined ? `Request failed: ${f.errorCode}` : 'Unrecognised error'),
    explanation: (f) =>
      f.mexcCode !== undefined || f.mexcMsg !== undefined
        ? `MEXC answered with an error this tool has no specific diagnosis for. The code and message are shown below exactly as MEXC sent them; look the code up in MEXC's error code list.`
        : 'This is not an error this tool recognises. MEXC errors are JSON like {"code":700002,"msg":"..."}; the full response body gives the best diagnosis.',
    evidence: ['hint', 'missingParam', 'errorCode', 'bodySnippet', 'rawText'],
    fixes: (ctx, f) => [
      ...(typeof f.hint === 'string' && HINT_FIXES[f.hint] ? [HINT_FIXES[f.hint]!(f)] : []),
      {
        title: 'Paste the full response body',
        lang: 'sh',
        text: "npx mexc-wizard explain '{\"code\":...,\"msg\":\"...\"}'\n# or pipe a log file: npx mexc-wizard explain - < bot.log",
      },
      { title: 'Run every check against your key', lang: 'sh', text: `npx mexc-wizard check --symbol ${ctx.symbol}` },
      stillFailingFix(),
    ],
    // Codes this tool knows but that have no diagnosis of their own: shown raw, with a hint.
    reads: {
      codes: [
        {
          code: 700004,
          family: 'spot',
          text: "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null",
          source: SOURCES.spotErrors,
          facts: missingParameterFacts,
        },
        {
          code: -1102,
          family: 'binance',
          text: "Mandatory parameter '%s' was not sent, was empty/null, or malformed.",
          source: SOURCES.binance,
          facts: missingParameterFacts,
        },
        { code: 730708, family: 'spot', text: 'listen key information error', source: 'https://github.com/mexcdevelop/mexc-api-demo/issues/35', facts: () => ({ hint: 'listen-key' }) },
      ],
      messages: [{ fragment: 'listen key information error', source: 'https://github.com/mexcdevelop/mexc-api-demo/issues/35', facts: { hint: 'listen-key' } }],
    },
    refusal: false,
    helpers: [],
  },
} as const satisfies CatalogGroup;
