import type { FixContext } from '../types.js';
import { stillFailingFix } from './fixes.js';
import type { CatalogGroup } from './types.js';

/** Problems before MEXC's API logic answers: network, TLS, WAF, rate limits, outages. */

function hostOf(ctx: FixContext): string {
  try {
    return new URL(ctx.baseUrl).host || 'api.mexc.com';
  } catch {
    return 'api.mexc.com';
  }
}

function pingCommand(ctx: FixContext): string {
  return `curl -sS -i ${ctx.baseUrl.replace(/\/+$/, '')}/api/v3/ping   # a healthy answer is HTTP 200 with {}`;
}

export const connectivityEntries: CatalogGroup = {
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
      {
        title: 'In Docker, check the container DNS',
        lang: 'sh',
        text: 'cat /etc/resolv.conf\n# or run the container with: docker run --dns 1.1.1.1 ...',
      },
      stillFailingFix(),
    ],
  },
  'connection-failed': {
    title: 'The connection to MEXC failed',
    explanation:
      'The host name resolved, but the connection was refused or cut off. A firewall, a VPN, a proxy that is required but not set (or set but down), or a network that blocks the exchange is the usual cause.',
    evidence: ['errorCode', 'baseUrl', 'proxy'],
    fixes: (ctx) => [
      { title: 'Test the connection by hand', lang: 'sh', text: pingCommand(ctx) },
      {
        title: 'Behind a company proxy? Tell mexc-wizard about it',
        lang: 'sh',
        text: "export HTTPS_PROXY='http://proxy.example.com:3128'\nnpx mexc-wizard check",
      },
      {
        title: 'Check firewall and VPN',
        lang: 'text',
        text: 'Allow outgoing HTTPS (port 443) to the API host, or try once without the VPN or from another network to see whether the network is the cause.',
      },
      stillFailingFix(),
    ],
  },
  timeout: {
    title: 'MEXC did not answer in time',
    explanation:
      'The request got no answer within the timeout. The network path is slow or silently dropping traffic (a firewall that drops instead of refusing does this), or MEXC is overloaded.',
    evidence: ['errorCode', 'baseUrl'],
    fixes: (ctx) => [
      { title: 'Time the request by hand', lang: 'sh', text: `curl -sS -o /dev/null -w 'dns %{time_namelookup}s connect %{time_connect}s tls %{time_appconnect}s total %{time_total}s\\n' ${ctx.baseUrl.replace(/\/+$/, '')}/api/v3/ping` },
      { title: 'Allow more time for a slow link', lang: 'sh', text: 'npx mexc-wizard check --timeout 20000' },
      {
        title: 'Run the bot closer to MEXC',
        lang: 'text',
        text: "MEXC's API FAQ recommends servers in the AWS Tokyo (Japan) or Singapore regions for stable access.",
      },
      stillFailingFix(),
    ],
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
  },
  blocked: {
    title: 'Blocked before reaching the API (HTTP 403 page)',
    explanation:
      "MEXC's web application firewall (Akamai) turned the request away before the API saw it: an HTML \"Access Denied\" page instead of JSON. MEXC's docs say HTTP 403 means a WAF limit was violated; too many requests, a flagged IP range (some VPNs and data centres), or the region you connect from can trigger it.",
    evidence: ['pageTitle', 'reference', 'cdn', 'server'],
    fixes: (ctx) => [
      {
        title: 'Slow down and wait',
        lang: 'text',
        text: "Stop the bot for 10 minutes (MEXC's FAQ: access resumes after about 10 minutes), then send fewer requests.",
      },
      { title: 'Test from this machine without the bot', lang: 'sh', text: pingCommand(ctx) },
      {
        title: 'Try another network or region',
        lang: 'text',
        text: 'If a plain ping is blocked here but works from another network (no VPN, a phone hotspot, a server in AWS Tokyo or Singapore), this IP or region is blocked. Contact MEXC support with the block page reference number.',
      },
      stillFailingFix(),
    ],
  },
  'rate-limited': {
    title: 'Too many requests (rate limited)',
    explanation:
      'MEXC limits request weight per IP and per account (500 per 10 seconds; GET /api/v3/account weighs 10 and allows 2 calls per second). HTTP 429 is a warning; repeating it gets the IP banned automatically, from 2 minutes up to 3 days (HTTP 418).',
    evidence: ['retryAfterSec', 'ipBanned'],
    fixes: (_ctx, facts) => [
      {
        title: facts.retryAfterSec !== undefined ? `Wait ${facts.retryAfterSec} s before the next request` : 'Pause the bot, then resume slowly',
        lang: 'text',
        text: 'Stop all requests from this IP and account for a while (MEXC FAQ: about 10 minutes), then resume below the limit. Hammering on while limited extends the ban.',
      },
      {
        title: 'Throttle requests in ccxt',
        lang: 'js',
        text: 'const exchange = new ccxt.mexc({ apiKey, secret, enableRateLimit: true, rateLimit: 100 }); // ms between calls',
      },
      {
        title: 'Poll less',
        lang: 'text',
        text: 'Cache account and symbol data, and use the WebSocket streams for prices and order updates instead of polling REST endpoints in a loop.',
      },
      stillFailingFix(),
    ],
  },
  'server-error': {
    title: 'MEXC server error or maintenance',
    explanation:
      "MEXC answered with a server-side failure (HTTP 5xx, code 11444 \"temporarily unavailable\", or a maintenance notice). Nothing is wrong with your key or code.",
    evidence: ['maintenance'],
    fixes: (ctx) => [
      {
        title: 'Wait and retry later',
        lang: 'text',
        text: 'Retry read-only requests with a growing pause (5 s, 15 s, 60 s). Do not blindly resend orders: one may have gone through.',
      },
      { title: 'Check whether the API is back', lang: 'sh', text: pingCommand(ctx) },
      stillFailingFix(),
    ],
  },
  'unexpected-response': {
    title: "The answer did not come from MEXC's API",
    explanation:
      "The answer was not MEXC JSON: a Wi-Fi login page (hotel, airport, café), a proxy's error page, a redirect, or a base URL that points at the website instead of the API (https://api.mexc.com).",
    evidence: ['contentType', 'location', 'bodySnippet', 'baseUrl'],
    fixes: (ctx) => [
      {
        title: 'Check the base URL',
        lang: 'text',
        text: `Base URL in use: ${ctx.baseUrl}\nSpot v3 lives at https://api.mexc.com with paths /api/v3/... (not www.mexc.com and not the old /open/api/v2).`,
      },
      {
        title: 'On public Wi-Fi, log in first',
        lang: 'text',
        text: 'Open http://neverssl.com in a browser: a Wi-Fi login page appears if the network needs one. Accept it, then run the check again.',
      },
      { title: 'See the raw answer', lang: 'sh', text: pingCommand(ctx) },
      stillFailingFix(),
    ],
  },
};
