import type { Fix, FixContext } from '../types.js';
import { stillFailingFix } from './fixes.js';
import { isFuturesCase } from './futures.js';
import { SOURCES } from './sources.js';
import type { CatalogGroup, Facts } from './types.js';

/** Problems before MEXC's API logic answers: network, TLS, proxy, WAF, rate limits, outages, wrong URL. */

export const MEXC_API_BASE_URL = 'https://api.mexc.com';

function hostOf(ctx: FixContext): string {
  try {
    return new URL(ctx.baseUrl).host || 'api.mexc.com';
  } catch {
    return 'api.mexc.com';
  }
}

/** The ping of the API the run diagnoses (`check --futures`: the futures one, docs/mexc-api.md §6). */
function pingCommand(ctx: FixContext, base = ctx.baseUrl): string {
  return ctx.api === 'futures'
    ? `curl -sS -i ${base.replace(/\/+$/, '')}/api/v1/contract/ping   # a healthy answer is {"success":true,"data":<server time in ms>}`
    : `curl -sS -i ${base.replace(/\/+$/, '')}/api/v3/ping   # a healthy answer is HTTP 200 with {}`;
}

const str = (f: Facts, key: string): string | undefined => (typeof f[key] === 'string' && f[key] !== '' ? (f[key] as string) : undefined);

/** Why an answer was not MEXC's, in words, from the facts the classifier found. */
function unexpectedCause(f: Facts): string {
  switch (f.answerKind) {
    case 'captive-portal':
      return 'An HTML page with status 200 is what a Wi-Fi login page (hotel, airport, café) returns for every address until you log in.';
    case 'cut-off':
      return 'The answer stopped in the middle: a proxy, an antivirus or an unstable connection cut it off.';
    case 'gateway':
      return "JSON that MEXC never sends came back: a proxy, gateway or mock server answered in MEXC's place, or the base URL points at another service.";
    case 'redirect':
      return 'The request was redirected: a Wi-Fi login page, a proxy, or a base URL that points at a website.';
    case 'empty':
      return 'The answer was empty: a proxy or gateway that swallowed it, or a server that is not MEXC.';
    default:
      return 'Usually a Wi-Fi login page, a proxy or gateway answering in MEXC\'s place, or a base URL that does not point at MEXC\'s API (https://api.mexc.com).';
  }
}

/** A futures path that the host answered the spot way, or with 404: no futures API there. */
const isNotFutures = (f: Facts) => f.reason === 'spot-host' || f.reason === 'no-futures-api';

function notFuturesExplanation(f: Facts): string {
  const used = str(f, 'baseUrl') ?? 'The base URL';
  const how = f.reason === 'spot-host' ? 'the way the spot API answers ({"code":…,"msg":…}, no "success")' : 'that the path does not exist (HTTP 404)';
  return `${used} answered the futures request${str(f, 'endpoint') ? ` ${str(f, 'endpoint')}` : ''} ${how}: it does not serve MEXC's futures API. MEXC serves futures at https://api.mexc.com since 2026-01-19 (public paths /api/v1/contract/…, private /api/v1/private/…); contract.mexc.com is the older futures host. A proxy or gateway that only forwards spot paths answers like this too.`;
}

function futuresBaseUrlFixes(ctx: FixContext, corrected: string): Fix[] {
  const base = corrected.replace(/\/+$/, '');
  return [
    {
      title: `Send futures requests to ${base}`,
      lang: 'text',
      text: `Base URL: ${base}\nFutures paths start with /api/v1/contract/ (public) and /api/v1/private/ (signed), e.g. ${base}/api/v1/private/account/assets.\nccxt: use a swap market (e.g. BTC/USDT:USDT); it calls the futures API itself.\nmexc-wizard: npx mexc-wizard check --futures --base-url ${base}`,
    },
    { title: 'See what the futures API answers there', lang: 'sh', text: pingCommand({ ...ctx, api: 'futures' }, base) },
    stillFailingFix(),
  ];
}

/**
 * How long to stop after a rate limit, from what MEXC sent: Retry-After on a 429 is the wait that
 * avoids a ban, on a 418 the time until the ban ends; MEXC's FAQ says access over the limit
 * resumes after 10 minutes (docs/mexc-api.md §2.3). Title and text say the same.
 */
function waitFix(facts: Facts): Fix {
  const given = facts.retryAfterSec === undefined ? NaN : Number(facts.retryAfterSec);
  const sec = Number.isFinite(given) && given >= 0 ? Math.round(given) : undefined;
  const span = (n: number) => (n >= 120 ? `${n} s (${Math.round(n / 60)} min)` : `${n} s`);
  const resume = 'Then resume below the limit: requests sent while limited get the IP banned (HTTP 418), from 2 minutes up to 3 days for repeat offenders.';
  if (facts.ipBanned) {
    return {
      title: sec !== undefined ? `Send nothing from this IP for ${span(sec)}: the ban ends then` : 'Send nothing from this IP until the ban ends',
      lang: 'text',
      text: `${sec !== undefined ? `MEXC banned this IP and said when the ban ends: in ${span(sec)} (Retry-After).` : 'MEXC banned this IP without saying for how long (no Retry-After); bans last from 2 minutes up to 3 days.'} Stop every request from it until then. Then resume below the limit: a repeat offender is banned for longer.`,
    };
  }
  if (sec !== undefined) {
    return {
      title: `Stop for at least ${span(sec)} (MEXC's Retry-After), up to 10 minutes`,
      lang: 'text',
      text: `MEXC asked for ${span(sec)} without requests (Retry-After). Its FAQ says access over the limit resumes to normal after 10 minutes, so if requests still fail after ${span(sec)}, stop for 10 minutes. ${resume}`,
    };
  }
  return {
    title: 'Stop for 10 minutes, then resume slowly',
    lang: 'text',
    text: `MEXC sent no Retry-After; its FAQ says access over the limit resumes to normal after 10 minutes. Stop all requests from this IP and account until then. ${resume}`,
  };
}

export const connectivityEntries = {
  'dns-failure': {
    title: 'Cannot resolve the MEXC host name (DNS)',
    explanation:
      'Your machine could not turn the API host name into an address, so no request left it. Usually a typo in the base URL, no internet connection, or a DNS server that fails or filters the name.',
    evidence: ['errorCode', 'baseUrl'],
    fixes: (ctx) => [
      {
        title: 'Check the base URL: it should be https://api.mexc.com',
        lang: 'text',
        text: `Base URL in use: ${ctx.baseUrl}\nSet it with --base-url or MEXC_BASE_URL; remove it to use the default https://api.mexc.com.`,
      },
      {
        title: 'Test name resolution',
        lang: 'sh',
        text: [`nslookup ${hostOf(ctx)}`, `nslookup ${hostOf(ctx)} 1.1.1.1   # works here but not above? your DNS server is the problem`].join('\n'),
      },
      { title: 'In Docker, check the container DNS', lang: 'sh', text: 'cat /etc/resolv.conf\n# or run the container with: docker run --dns 1.1.1.1 ...' },
      stillFailingFix(),
    ],
    reads: {
      network: {
        codes: ['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA'],
        texts: [
          { pattern: /NameResolutionError|Temporary failure in name resolution|Name or service not known|getaddrinfo failed|nodename nor servname/i, example: 'Failed to resolve api.mexc.com (Temporary failure in name resolution)', source: SOURCES.otherStacks },
          { pattern: /Could not resolve host|no such host|UnknownHostException/i, example: 'curl: (6) Could not resolve host: api.mexc.com', source: SOURCES.otherStacks },
        ],
      },
    },
    refusal: 'every-request',
    helpers: [],
  },
  'connection-failed': {
    title: 'The connection to MEXC failed',
    explanation:
      'The host name resolved, but the connection was refused or cut off. A firewall, a VPN, a proxy that is required but not set (or set but down), or a network that blocks the exchange is the usual cause.',
    evidence: ['errorCode', 'baseUrl', 'proxy'],
    fixes: (ctx) => [
      { title: 'Test the connection by hand', lang: 'sh', text: pingCommand(ctx) },
      { title: 'Behind a company proxy? Tell mexc-wizard about it', lang: 'sh', text: "export HTTPS_PROXY='http://proxy.example.com:3128'\nnpx mexc-wizard check" },
      {
        title: 'Check firewall and VPN',
        lang: 'text',
        text: 'Allow outgoing HTTPS (port 443) to the API host, or try once without the VPN or from another network to see whether the network is the cause.',
      },
      stillFailingFix(),
    ],
    reads: {
      network: {
        codes: ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'ERR_SOCKET_CLOSED', 'UND_ERR_SOCKET'],
        texts: [
          { pattern: /ConnectionRefusedError|Connection refused|Failed to connect to/i, example: 'ConnectionRefusedError: [Errno 111] Connection refused', source: SOURCES.otherStacks },
          { pattern: /ConnectionResetError|Connection reset by peer|socket hang up|RemoteDisconnected/i, example: 'ConnectionResetError: [Errno 104] Connection reset by peer', source: SOURCES.otherStacks },
        ],
      },
    },
    refusal: 'every-request',
    helpers: [],
  },
  timeout: {
    title: 'MEXC did not answer in time',
    explanation:
      'The request got no answer within the timeout. The network path is slow or silently dropping traffic (a firewall that drops instead of refusing does this), or MEXC is overloaded.',
    evidence: ['errorCode', 'baseUrl'],
    fixes: (ctx) => [
      {
        title: 'Time the request by hand',
        lang: 'sh',
        text: `curl -sS -o /dev/null -w 'dns %{time_namelookup}s connect %{time_connect}s tls %{time_appconnect}s total %{time_total}s\\n' ${ctx.baseUrl.replace(/\/+$/, '')}${ctx.api === 'futures' ? '/api/v1/contract/ping' : '/api/v3/ping'}`,
      },
      { title: 'Allow more time for a slow link', lang: 'sh', text: 'npx mexc-wizard check --timeout 20000' },
      { title: 'Run the bot closer to MEXC', lang: 'text', text: "MEXC's API FAQ recommends servers in the AWS Tokyo (Japan) or Singapore regions for stable access." },
      stillFailingFix(),
    ],
    reads: {
      network: {
        codes: ['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ETIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT'],
        texts: [
          { pattern: /ConnectTimeout|ReadTimeout|TimeoutError|timed out|context deadline exceeded/i, example: "ReadTimeout: HTTPSConnectionPool(host='api.mexc.com', port=443): Read timed out.", source: SOURCES.otherStacks },
          { pattern: /\btimeout\b/i, example: "Timeout awaiting 'request' for 10000ms", source: SOURCES.node },
        ],
      },
    },
    refusal: 'every-request',
    helpers: [],
  },
  'tls-error': {
    title: 'The HTTPS certificate check failed (TLS)',
    explanation:
      "The certificate presented for the API host was not trusted. On company networks a TLS-inspecting proxy or antivirus (Zscaler, Netskope, Fortinet, HTTPS scanning) replaces MEXC's certificate with its own. A system clock that is far off also makes valid certificates look expired or not yet valid.",
    evidence: ['errorCode', 'baseUrl', 'proxy'],
    fixes: (ctx) => [
      {
        title: 'See who issued the certificate you receive',
        lang: 'sh',
        text: `openssl s_client -connect ${hostOf(ctx)}:443 -servername ${hostOf(ctx).replace(/:\d+$/, '')} </dev/null 2>/dev/null | openssl x509 -noout -issuer -dates`,
      },
      {
        title: "Company TLS inspection: trust your company's root certificate (ask IT for the .pem file)",
        lang: 'sh',
        text: [
          'export NODE_EXTRA_CA_CERTS=/path/to/company-root-ca.pem   # Node.js, including mexc-wizard',
          'export REQUESTS_CA_BUNDLE=/path/to/company-root-ca.pem    # Python requests',
          'export SSL_CERT_FILE=/path/to/company-root-ca.pem         # Python ssl, httpx',
          'npx mexc-wizard check',
        ].join('\n'),
      },
      {
        title: 'Do not switch certificate checks off',
        lang: 'text',
        text: 'Never set NODE_TLS_REJECT_UNAUTHORIZED=0 (or verify=False) with a real API key: anyone on the path could read and reuse your signed requests.',
      },
      stillFailingFix(),
    ],
    reads: {
      network: {
        codes: ['EPROTO', 'HOSTNAME_MISMATCH', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'],
        codePattern: /^(?:CERT_|ERR_TLS_|ERR_SSL_|ERR_CERT|UNABLE_TO_(?:VERIFY|GET)_)/,
        texts: [
          {
            pattern: /CERTIFICATE_VERIFY_FAILED|SSLCertVerificationError|SSLError|SSL: |certificate verify failed|SSL certificate problem/i,
            example: "SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain'))",
            source: SOURCES.otherStacks,
          },
          {
            pattern: /self[- ]signed certificate|unable to (?:verify the first|get local issuer) certificate|certificate has expired|certificate is not yet valid|does not match certificate's altnames/i,
            example: 'Error: unable to verify the first certificate',
            source: SOURCES.node,
          },
          {
            pattern: /x509: certificate|PKIX path building failed|SSLHandshakeException|wrong version number|tlsv1 alert|handshake failure|SSL_ERROR_[A-Z_]{3,30}|SSL_connect|ERR_CERT_[A-Z_]{3,40}|SSL connection could not be established|remote certificate is invalid/i,
            example: 'x509: certificate signed by unknown authority',
            source: SOURCES.otherStacks,
          },
        ],
      },
    },
    refusal: 'every-request',
    helpers: [],
  },
  'proxy-auth-required': {
    title: (f) => `Your proxy${str(f, 'proxy') ? ` ${str(f, 'proxy')}` : ''} wants a user name and password (HTTP 407)`,
    explanation: (f) =>
      `The request never reached MEXC: the proxy${str(f, 'proxy') ? ` at ${str(f, 'proxy')}` : ''} answered 407 "Proxy Authentication Required". Company proxies want your network login; put it in the proxy URL (HTTPS_PROXY / HTTP_PROXY), with characters such as @ : / # in the password percent-encoded.`,
    evidence: ['proxy', 'proxyAuthenticate', 'errorCode'],
    fixes: (_ctx, f) => {
      const host = str(f, 'proxy') ?? 'proxy.example.com:3128';
      return [
        {
          title: 'Put your proxy login in HTTPS_PROXY',
          lang: 'sh',
          text: [
            `export HTTPS_PROXY='http://USER:PASSWORD@${host}'`,
            `export HTTP_PROXY="$HTTPS_PROXY"`,
            '# a password with @ : / # or % must be percent-encoded: p@ss:word -> p%40ss%3Aword',
            'npx mexc-wizard check',
          ].join('\n'),
        },
        {
          title: 'Windows PowerShell',
          lang: 'powershell',
          text: `$env:HTTPS_PROXY = "http://USER:PASSWORD@${host}"\nnpx mexc-wizard check`,
        },
        {
          title: 'Or bypass the proxy for MEXC, if your network allows it',
          lang: 'sh',
          text: "export NO_PROXY='api.mexc.com'\n# ask IT whether direct HTTPS to api.mexc.com is allowed; many company networks only allow the proxy",
        },
        stillFailingFix(),
      ];
    },
    reads: {
      httpStatuses: { statuses: [407], source: SOURCES.http },
      messages: [{ pattern: /\b407\b[^\n]{0,40}proxy authentication required|proxy authentication required/, example: "Tunnel connection failed: 407 Proxy Authentication Required", source: SOURCES.http }],
      network: { texts: [{ pattern: /Bad response: 407|\b407 Proxy Authentication Required/i, example: 'Bad response: 407', source: SOURCES.hpagent }] },
    },
    refusal: 'every-request',
    helpers: [],
  },
  blocked: {
    title: 'Blocked before reaching the API (HTTP 403 page)',
    explanation:
      "MEXC's web application firewall (Akamai) turned the request away before the API saw it: an HTML \"Access Denied\" page instead of JSON. MEXC's docs say HTTP 403 means a WAF limit was violated; too many requests, a flagged IP range (some VPNs and data centres), or the region you connect from can trigger it.",
    evidence: ['pageTitle', 'reference', 'cdn', 'server'],
    fixes: (ctx) => [
      { title: 'Slow down and wait', lang: 'text', text: "Stop the bot for 10 minutes (MEXC's FAQ: access resumes after about 10 minutes), then send fewer requests." },
      { title: 'Test from this machine without the bot', lang: 'sh', text: pingCommand(ctx) },
      {
        title: 'Try another network or region',
        lang: 'text',
        text: 'If a plain ping is blocked here but works from another network (no VPN, a phone hotspot, a server in AWS Tokyo or Singapore), this IP or region is blocked. Contact MEXC support with the block page reference number.',
      },
      stillFailingFix(),
    ],
    reads: {
      codes: [{ code: 403, family: 'spot', text: 'Access Denied', source: SOURCES.spotErrors }],
      // MEXC's text for 403, pasted alone or in a log line without the status.
      messages: [{ fragment: 'access denied', source: SOURCES.spotErrors }],
      httpStatuses: { statuses: [403, 451], source: `${SOURCES.httpCodes}; Akamai's page: docs/mexc-api.md §7.14 (https://github.com/ccxt/ccxt/issues/15873)` },
    },
    refusal: 'every-request',
    helpers: [],
  },
  'rate-limited': {
    title: (f) => (f.ipBanned ? 'This IP is banned for too many requests (HTTP 418)' : 'Too many requests (rate limited)'),
    explanation: (f, ctx) =>
      isFuturesCase(f, ctx) && String(f.mexcCode ?? '') === '510'
        ? 'MEXC\'s futures API answered 510 "Excessive frequency of requests": this key or IP sent more requests than the endpoint allows. Each futures endpoint has its own limit; keep going at that pace and the spot-side bans (HTTP 429, then 418) can follow.'
        : 'MEXC limits request weight per IP and per account (500 per 10 seconds; GET /api/v3/account weighs 10 and allows 2 calls per second). HTTP 429 is a warning; repeating it gets the IP banned automatically, from 2 minutes up to 3 days (HTTP 418). Both come with Retry-After: the seconds to wait.',
    evidence: ['retryAfterSec', 'ipBanned'],
    fixes: (_ctx, facts) => [
      waitFix(facts),
      { title: 'Throttle requests in ccxt', lang: 'js', text: 'const exchange = new ccxt.mexc({ apiKey, secret, enableRateLimit: true, rateLimit: 100 }); // ms between calls' },
      {
        title: 'Poll less',
        lang: 'text',
        text: 'Cache account and symbol data, and use the WebSocket streams for prices and order updates instead of polling REST endpoints in a loop.',
      },
      stillFailingFix(),
    ],
    reads: {
      codes: [
        { code: 429, family: 'spot', text: 'Too Many Requests', source: SOURCES.spotErrors },
        { code: 510, family: 'futures', text: 'Excessive frequency of requests', source: SOURCES.futuresErrors },
        { code: -1003, family: 'binance', text: 'Too many requests; current limit is %s requests per minute.', source: SOURCES.binance },
      ],
      httpStatuses: { statuses: [418, 429], source: SOURCES.limits },
      messages: [
        { fragment: 'too many requests', source: SOURCES.limits },
        { fragment: 'excessive frequency of requests', source: SOURCES.futuresErrors },
        { pattern: /way too many requests|ip banned until|request weight used/, example: 'Way too many requests; IP banned until 1700000000000.', source: SOURCES.binance },
      ],
    },
    refusal: 'every-request',
    helpers: [],
  },
  'server-error': {
    title: (f) => (f.maintenance ? 'MEXC is under maintenance' : 'MEXC server error or maintenance'),
    explanation:
      'MEXC answered with a server-side failure (HTTP 5xx, code 11444 "temporarily unavailable", or a maintenance notice). Nothing is wrong with your key or code.',
    evidence: ['announcement', 'maintenance'],
    fixes: (ctx, f) => [
      ...(str(f, 'announcement')
        ? [{ title: "Read MEXC's announcement: when the API is back", lang: 'text' as const, text: str(f, 'announcement')! }]
        : []),
      {
        title: 'Wait and retry later',
        lang: 'text',
        text: 'Retry read-only requests with a growing pause (5 s, 15 s, 60 s). Do not blindly resend orders: one may have gone through.',
      },
      { title: 'Check whether the API is back', lang: 'sh', text: pingCommand(ctx) },
      stillFailingFix(),
    ],
    reads: {
      codes: [
        { code: 11444, family: 'spot', text: 'This feature is temporarily unavailable', source: SOURCES.maintenance },
        { code: 503, family: 'spot', text: 'service not available, please try again', source: SOURCES.spotErrors },
        { code: 504, family: 'spot', text: 'Gateway Time-out', source: SOURCES.spotErrors },
        { code: 500, family: 'spot', text: 'Under maintenance, please try again later', source: SOURCES.maintenance },
        { code: 500, family: 'futures', text: 'Internal error', source: SOURCES.futuresErrors },
        { code: 501, family: 'futures', text: 'System busy', source: SOURCES.futuresErrors },
        { code: 9999, family: 'futures', text: 'Public abnormal', source: SOURCES.futuresErrors },
      ],
      httpStatuses: { statuses: { from: 500, to: 599 }, source: SOURCES.http },
      messages: [
        { pattern: /maintenance/, example: 'Under maintenance, please try again later', source: SOURCES.maintenance, facts: { maintenance: true }, beatsCode: true },
        { fragment: 'temporarily unavailable', source: SOURCES.maintenance },
        { fragment: 'service not available', source: SOURCES.spotErrors },
        { pattern: /gateway time-?out/, example: 'Gateway Time-out', source: SOURCES.spotErrors },
        { fragment: 'system busy', source: SOURCES.futuresErrors },
      ],
    },
    refusal: 'every-request',
    helpers: [],
  },
  'base-url-wrong': {
    title: (f) =>
      isNotFutures(f)
        ? `This host does not serve MEXC's futures API${str(f, 'correctedBaseUrl') && str(f, 'correctedBaseUrl') !== str(f, 'baseUrl') ? `: use ${str(f, 'correctedBaseUrl')}` : ''}`
        : str(f, 'baseUrl') && str(f, 'correctedBaseUrl')
          ? `Wrong base URL: use ${str(f, 'correctedBaseUrl')}`
          : 'The address does not exist at MEXC (wrong base URL or path)',
    explanation: (f) => {
      if (isNotFutures(f)) return notFuturesExplanation(f);
      const used = str(f, 'baseUrl');
      if (!used) {
        return 'The address your code called does not exist there (HTTP 404): usually a base URL that repeats /api/v3, points at www.mexc.com or the retired /open/api/v2, or a misspelt path. Spot v3 lives at https://api.mexc.com, with paths /api/v3/… added once by your client.';
      }
      const why =
        f.reason === 'path-in-base'
          ? `It ends in a path (${str(f, 'basePath') ?? '/api/v3'}), and every request adds /api/v3/… again, so it asks for addresses that do not exist.`
          : f.reason === 'website-host'
            ? "That host is MEXC's website (or its old or futures API), not the spot API host."
            : f.reason === 'plain-http'
              ? 'MEXC serves its API over https only.'
              : 'Something answered there, but not with the API this tool calls (no /api/v3/ping).';
      return `The base URL ${used} answered, but it is not MEXC's spot API. ${why} Spot v3 lives at https://api.mexc.com, with paths /api/v3/… added by your client.`;
    },
    evidence: ['baseUrl', 'correctedBaseUrl', 'whatAnswered', 'contentType', 'pageTitle', 'location'],
    fixes: (ctx, f) => {
      const corrected = str(f, 'correctedBaseUrl') ?? MEXC_API_BASE_URL;
      if (f.futuresRequest === true || isFuturesCase(f)) return futuresBaseUrlFixes(ctx, corrected);
      const fixes: Fix[] = [
        {
          title: `Use ${corrected} as the base URL`,
          lang: 'text',
          text: `Base URL: ${corrected}\nccxt sets it for you; in your own code the full URL is ${corrected}/api/v3/account (the /api/v3 part belongs to the path, once).\nmexc-wizard: npx mexc-wizard check --base-url ${corrected}   (or unset MEXC_BASE_URL)`,
        },
        { title: 'See what MEXC answers there', lang: 'sh', text: pingCommand(ctx, corrected) },
        stillFailingFix(),
      ];
      return fixes;
    },
    reads: {
      codes: [{ code: 404, family: 'spot', text: 'Not Found', source: SOURCES.http, when: (m) => m === '' || m.includes('not found') }],
      httpStatuses: { statuses: [404, 405], source: SOURCES.http },
    },
    refusal: 'every-request',
    helpers: [],
  },
  'unexpected-response': {
    title: "The answer did not come from MEXC's API",
    explanation: (f) => `The answer was not what MEXC sends${str(f, 'expected') ? ` (${str(f, 'expected')})` : ''}, so nothing was proven. ${unexpectedCause(f)}`,
    evidence: ['got', 'expected', 'contentType', 'pageTitle', 'firstLine', 'cutOffAtBytes', 'location', 'bodySnippet', 'baseUrl'],
    fixes: (ctx, f) => {
      const wifi: Fix = {
        title: 'On public Wi-Fi, log in first',
        lang: 'text',
        text: 'Open http://neverssl.com in a browser: a Wi-Fi login page appears if the network needs one. Accept it, then run the check again.',
      };
      const baseAndProxy: Fix = {
        title: 'Check the base URL and any proxy',
        lang: 'text',
        text: `Base URL in use: ${ctx.baseUrl}\nSpot v3 lives at https://api.mexc.com with paths /api/v3/... (not www.mexc.com and not the old /open/api/v2).\nBehind a company proxy, gateway or VPN, try once without it, or from another network.`,
      };
      const raw: Fix = { title: 'See the raw answer', lang: 'sh', text: pingCommand(ctx) };
      const captive = f.answerKind === 'captive-portal' || f.answerKind === 'redirect' || f.answerKind === undefined;
      return captive ? [wifi, baseAndProxy, raw, stillFailingFix()] : [baseAndProxy, raw, wifi, stillFailingFix()];
    },
    reads: { network: { codes: ['ERR_BODY_TOO_LARGE'] } },
    refusal: 'every-request',
    helpers: [],
  },
} as const satisfies CatalogGroup;
