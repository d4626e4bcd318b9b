import { futuresCurlSnippet, futuresNodeSnippet, futuresPythonSnippet, futuresSnippetRequestFor } from '../futures-snippets.js';
import type { Fix, FixContext } from '../types.js';
import { API_MANAGEMENT } from './fixes.js';
import { SOURCES } from './sources.js';
import type { CatalogGroup, Facts } from './types.js';

/**
 * The futures (contract) API's own diagnosis, and the fix builders the other entries use for a
 * futures answer: futures sign, send and time requests differently from spot in every part
 * that breaks (docs/mexc-api.md §6).
 */

export const FUTURES_DOCS = 'https://www.mexc.com/api-docs/futures/integration-guide';
export const FUTURES_UPDATE_LOG = 'https://www.mexc.com/api-docs/futures/update-log';

/** A futures case: a futures answer (the classifier's `api` fact) or a futures run (`check --futures`). */
export const isFuturesCase = (f: Facts, ctx?: FixContext): boolean => f.api === 'futures' || ctx?.api === 'futures';

/**
 * Order placement and the other writes (cancel, plan and stop orders, leverage, margin): the part
 * of the futures API that MEXC closed to API users from 2022-07-25 to 2026-03-31 (docs/mexc-api.md §6).
 */
export function isFuturesOrderEndpoint(endpoint: unknown): boolean {
  if (typeof endpoint !== 'string') return false;
  return /\/api\/v1\/private\/(?:order\/(?:submit|create|cancel|chase|change)|planorder\/|stoporder\/|position\/change_)/.test(endpoint) || /^(?:POST|DELETE) \/api\/v1\/private\//.test(endpoint);
}

/** Known-good futures reads in Node, Python and curl, for the endpoint that failed. */
export function futuresSnippetFixes(ctx: FixContext, facts: Facts): Fix[] {
  const request = futuresSnippetRequestFor(typeof facts.endpoint === 'string' ? facts.endpoint : undefined);
  const what = `GET ${request.path}`;
  return [
    { title: `Known-good futures request in Node.js 18+ (no packages): ${what}`, lang: 'js', text: futuresNodeSnippet(ctx, request) },
    { title: `Known-good futures request in Python (standard library only): ${what}`, lang: 'python', text: futuresPythonSnippet(ctx, request) },
    { title: `Known-good futures request with curl and openssl: ${what}`, lang: 'sh', text: futuresCurlSnippet(ctx, request) },
  ];
}

/** The rules in one place, for a 602 from the user's own code. */
export const FUTURES_SIGNING_RULES_FIX: Fix = {
  title: 'Sign futures requests the futures way',
  lang: 'text',
  text: [
    'String to sign: accessKey + Request-Time + parameter string, nothing between them.',
    'GET and DELETE: the parameters sorted by name, k=v joined with &, and sent in that same order (unsorted gives 602).',
    'POST: the JSON body exactly as sent: serialise it once, sign those bytes and send them (not a re-serialised copy, not sorted).',
    'No parameters: the empty string.',
    'Signature: HMAC-SHA256 keyed by the secret, lowercase hex (not base64, not uppercase).',
    'Headers: ApiKey, Request-Time (milliseconds, within 10 s of MEXC’s clock; a Recv-Window header in seconds, at most 60, widens that) and Signature, plus Content-Type: application/json.',
    'Spot v3 style (signature= and timestamp= in the query, X-MEXC-APIKEY) is not read by the futures API.',
    `Docs: ${FUTURES_DOCS}`,
  ].join('\n'),
};

export function futuresInspectFix(): Fix {
  return {
    title: 'Let mexc-wizard find the mistake in the futures request your code sent',
    lang: 'sh',
    text: [
      "npx mexc-wizard inspect \"curl -H 'ApiKey: mx0…' -H 'Request-Time: 1700000000000' -H 'Signature: …' 'https://api.mexc.com/api/v1/private/position/open_positions?symbol=BTC_USDT'\"",
      '# paste the exact curl command (or method, URL and headers) your code sent; the secret is read from MEXC_SECRET_KEY',
    ].join('\n'),
  };
}

/**
 * Is the futures private API open to this account, key and endpoint? The first question for a
 * futures 602. When this tool's own reads were refused, running them again tells nothing new.
 */
export function futuresOpenCheckFix(facts: Facts, ctx?: FixContext): Fix {
  if (ctx?.requestSource === 'tool') {
    return {
      title: 'Find out whether the futures API is open to your account',
      lang: 'steps',
      text: [
        `1. Read MEXC's futures update log (${FUTURES_UPDATE_LOG}) and announcements (https://www.mexc.com/support) for closed endpoints or maintenance.`,
        `2. ${API_MANAGEMENT} Look at the key's Futures permissions; one shown as "Not Supported" is not open to this account.`,
        `3. Ask MEXC support whether the futures API is open to your account, with the code MEXC answered${facts.mexcCode !== undefined ? ` (${String(facts.mexcCode)})` : ''} and the report: npx mexc-wizard check --futures --json > mexc-report.json`,
      ].join('\n'),
    };
  }
  const order = isFuturesOrderEndpoint(facts.endpoint);
  return {
    title: order ? 'First: is futures order placement open to your account?' : 'First: is the futures API open to your account and this endpoint?',
    lang: 'steps',
    text: [
      '1. Run: npx mexc-wizard check --futures. It signs futures reads with your key; if they pass, your key, secret and signing work.',
      `2. If the reads pass and only ${order ? 'order calls' : 'this call'} fail${order ? '' : 's'}, the endpoint is closed to you, not your signature: read MEXC's futures update log (${FUTURES_UPDATE_LOG}) and announcements (https://www.mexc.com/support).`,
      `3. ${API_MANAGEMENT} Look at the key's Futures permissions: "Order Placing" shown as "Not Supported" means MEXC does not take futures orders through the API from this account.`,
    ].join('\n'),
  };
}

/** Futures permissions in the web UI (docs/mexc-api.md §5, §6). */
export function futuresPermissionFix(): Fix {
  return {
    title: 'Give the key its futures permissions',
    lang: 'steps',
    text: [
      `1. ${API_MANAGEMENT}`,
      '2. Under My API Key, edit the key (or create a new one). Futures permissions are separate from the spot ones: under Futures, tick the read permissions your bot needs (account details, order and position details), and Order Placing only if your bot trades futures.',
      '3. Save, then run: npx mexc-wizard check --futures',
    ].join('\n'),
  };
}

/**
 * The futures time window can be widened, both ways, by a header in seconds (docs/mexc-api.md §6):
 * enough to cover `offByMs` with 5 s to spare, in steps of 5, at least 20, at most 60.
 */
export function futuresRecvWindowFix(offByMs?: number): Fix | undefined {
  const need = offByMs === undefined ? 20 : Math.ceil((Math.abs(offByMs) / 1000 + 5) / 5) * 5;
  if (need > 60) return undefined;
  const sec = Math.max(20, need);
  return {
    title: `Meanwhile, widen the futures time window: Recv-Window: ${sec} (seconds, at most 60; default 10)`,
    lang: 'text',
    text: `Send the header "Recv-Window: ${sec}" with each private futures request. It widens the window on both sides of MEXC's clock, but MEXC discourages 30 s or more: sync the clock anyway.`,
  };
}

export const FUTURES_SECONDS_FIX: Fix = {
  title: 'Send Request-Time in milliseconds',
  lang: 'text',
  text: 'JavaScript: String(Date.now())   (not Math.floor(Date.now() / 1000))\nPython: str(int(time.time() * 1000))   (not int(time.time()))\nSend the same value in the Request-Time header that you signed.',
};

export function futuresStillFailingFix(): Fix {
  return {
    title: 'Still failing?',
    lang: 'steps',
    text: [
      `1. Check MEXC's futures API update log for closed or moved endpoints: ${FUTURES_UPDATE_LOG}`,
      '2. Check MEXC announcements for maintenance: https://www.mexc.com/support (Announcements) and https://x.com/MEXC_Official',
      `3. Read the futures API docs and error codes: ${FUTURES_DOCS}`,
      '4. Contact MEXC support (chat at https://www.mexc.com/support) with a redacted report: npx mexc-wizard check --futures --json > mexc-report.json (the secret is never in it; the key is masked).',
    ].join('\n'),
  };
}

const OPEN_FUTURES_ACCOUNT_FIX: Fix = {
  title: 'Open the futures account once, on the website',
  lang: 'steps',
  text: [
    '1. Log in at https://www.mexc.com and open Futures (https://www.mexc.com/futures).',
    '2. Open (activate) the futures account: accept the futures agreement and answer the questions MEXC asks.',
    '3. Transfer the margin your bot needs from Spot to Futures.',
    '4. Run: npx mexc-wizard check --futures',
  ].join('\n'),
};

const WAIT_FIX: Fix = {
  title: 'Wait, and do not resend orders blindly',
  lang: 'text',
  text: 'Retry reads with a growing pause (15 s, 60 s, 5 min). Do not resend an order in a loop: check open orders and positions first, one may have gone through.',
};

type Reason = 'inaccessible' | 'no-futures-account' | 'orders-closed' | 'maintenance';
const reasonOf = (f: Facts): Reason => (['no-futures-account', 'orders-closed', 'maintenance'].includes(String(f.reason)) ? (f.reason as Reason) : 'inaccessible');

const TITLES: Record<Reason, string> = {
  inaccessible: 'This futures endpoint is closed to your API key',
  'no-futures-account': 'This MEXC account has no futures account yet',
  'orders-closed': 'Futures orders through the API are closed for this contract',
  maintenance: 'This part of the futures API is under maintenance',
};

const HISTORY =
  'MEXC closed futures order placement to API users from 2022-07-25 until 2026-03-31 ("trading access reopened"); reads stayed open, and some accounts, contracts or endpoints may still be closed.';

function explanation(f: Facts): string {
  const order = isFuturesOrderEndpoint(f.endpoint)
    ? ` This request went to an order endpoint (${String(f.endpoint)}): order placement (POST /api/v1/private/order/create since 2026-04-25, order/submit before) is the part MEXC has closed most often.`
    : '';
  switch (reasonOf(f)) {
    case 'no-futures-account':
      return 'MEXC says there is no futures account behind this key (1000: "Account does not exist", also sent as "Please open contract account first!"). The key may be fine: the futures account has to be opened once on the website before the futures API can use it.';
    case 'orders-closed':
      return `MEXC refuses futures orders sent through the API on this contract (1002 "Contract not allow place order!"). Nothing in your signature is the cause. ${HISTORY}`;
    case 'maintenance':
      return `MEXC says this futures feature is under maintenance. Nothing in your request is the cause: a correctly signed request gets the same answer. ${HISTORY}${order}`;
    case 'inaccessible':
      return `MEXC's futures API answered 511 "Endpoint inaccessible": this endpoint is closed to API users, or to this account or key, right now. Nothing in your signature is the cause: a correctly signed request gets the same answer. ${HISTORY}${order}`;
  }
}

export const futuresEntries = {
  'futures-api-unavailable': {
    title: (f) => TITLES[reasonOf(f)],
    explanation: (f) => explanation(f),
    evidence: ['maskedKey'],
    fixes: (ctx, f) =>
      reasonOf(f) === 'no-futures-account'
        ? [OPEN_FUTURES_ACCOUNT_FIX, futuresStillFailingFix()]
        : [futuresOpenCheckFix(f, ctx), WAIT_FIX, futuresStillFailingFix()],
    reads: {
      codes: [
        { code: 511, family: 'futures', text: 'Endpoint inaccessible', source: SOURCES.futuresErrors, facts: () => ({ reason: 'inaccessible' }) },
        { code: 1000, family: 'futures', text: 'Account does not exist', source: `${SOURCES.futuresErrors}; observed as "Please open contract account first!" (${SOURCES.ccxtMexcExceptions})`, facts: () => ({ reason: 'no-futures-account' }) },
        { code: 1002, family: 'futures', text: 'Contract not allow place order!', source: `observed (${SOURCES.ccxtMexcExceptions}; https://github.com/ccxt/ccxt/issues/14474)`, facts: () => ({ reason: 'orders-closed' }) },
        { code: 604, family: 'futures', text: 'This feature is under maintenance', source: SOURCES.futuresUnconfirmed, facts: () => ({ reason: 'maintenance' }) },
        { code: 801, family: 'futures', text: 'System under maintenance', source: SOURCES.futuresUnconfirmed, facts: () => ({ reason: 'maintenance' }) },
      ],
      messages: [
        { fragment: 'endpoint inaccessible', source: SOURCES.futuresErrors, facts: { reason: 'inaccessible' } },
        { fragment: 'please open contract account first', source: SOURCES.ccxtMexcExceptions, facts: { reason: 'no-futures-account' } },
        { fragment: 'contract not allow place order', source: SOURCES.ccxtMexcExceptions, facts: { reason: 'orders-closed' } },
        // In a futures answer ({success:false,…}) maintenance is the futures API's, not the exchange's.
        { pattern: /maintenance/, example: 'This feature is under maintenance', family: 'futures', source: SOURCES.futuresErrors, facts: { reason: 'maintenance' }, beatsCode: true },
      ],
    },
    refusal: 'this-endpoint',
    helpers: [],
  },
} as const satisfies CatalogGroup;
