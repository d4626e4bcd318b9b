import { curlSnippet, nodeSnippet, pythonSnippet, snippetRequestFor } from '../snippets.js';
import { MAX_SAFE_RECV_WINDOW_MS } from '../defaults.js';
import type { Fix, FixContext } from '../types.js';
import type { Facts } from './types.js';

/**
 * Fix builders shared by several catalog entries: the guide's Fix 1–4 made concrete, plus code.
 * Fix text is plain and copyable: no boxes, no colour, nothing a mouse would select by mistake.
 */

const steps = (title: string, lines: string[]): Fix => ({
  title,
  lang: 'steps',
  text: lines.map((line, i) => `${i + 1}. ${line}`).join('\n'),
});

export const API_MANAGEMENT = 'Log in at https://www.mexc.com and open Profile (top right) → API Management.';

/**
 * MEXC's pages a report points to: API Management, where keys, permissions and IP whitelists
 * are set (the spot v3 docs link it as "create an APIKey": https://mexcdevelop.github.io/apidocs/spot_v3_cn/),
 * and MEXC's docs site (docs/mexc-api.md, sources).
 */
export const MEXC_LINKS = {
  apiManagement: 'https://www.mexc.com/user/openapi',
  spotDocs: 'https://www.mexc.com/api-docs/spot-v3/introduction',
  futuresDocs: 'https://www.mexc.com/api-docs/futures/update-log',
} as const;

/** Guide Fix 1. Permission labels from the web UI (docs/mexc-api.md §5); futures ones are separate (§6). */
export function recreateKeyFix(futures = false): Fix {
  return steps('Create a new API key with the right permissions', [
    API_MANAGEMENT,
    'Create a new key (delete the failing one if you no longer need it).',
    futures
      ? 'Tick the Futures permissions your bot needs (account details, order and position details; Order Placing only to trade), and the spot ones if it trades spot too.'
      : 'Tick the permissions your bot needs: Account: View Account Details; Trade: View Order Details and Trade.',
    "Bind your server's public IP address if it is fixed: a key without a bound IP expires after 90 days.",
    'Copy the Access Key and the Secret Key right away: MEXC shows the secret only once.',
    'Store both without quotes, spaces or line breaks (environment variables MEXC_API_KEY and MEXC_SECRET_KEY), then run: npx mexc-wizard check',
  ]);
}

export function checkKeyStatusFix(): Fix {
  return steps("Check the key's status in API Management", [
    API_MANAGEMENT,
    'Find your key under My API Key (compare its first and last characters with the masked key shown here).',
    'Check that it still exists, is not expired, and has the permissions and IP addresses you expect.',
  ]);
}

/** Renewal window and 90-day rule: docs/mexc-api.md §5 (NEWDOC intro, FAQ Q1). */
export function renewKeyFix(): Fix {
  return steps('Renew the key before it expires (or replace it)', [
    API_MANAGEMENT,
    'Under My API Key, open Action → Renew on your key. Renew is offered from 5 days before expiry and extends the key by 90 days.',
    'If the key has already expired, Renew is gone: create a new key (see the next fix) and update your bot.',
    'To stop the 90-day expiry, bind your server IP addresses to the key (up to 10): only keys without a bound IP expire.',
  ]);
}

export function envCredentialsFix(): Fix {
  return {
    title: 'Put the key and secret in the environment (no quotes inside, no spaces, no line breaks)',
    lang: 'sh',
    text: [
      "export MEXC_API_KEY='mx0yourAccessKey'",
      "export MEXC_SECRET_KEY='your-secret-key'",
      '# Windows PowerShell: $env:MEXC_API_KEY = "mx0yourAccessKey"; $env:MEXC_SECRET_KEY = "your-secret-key"',
      '# or a .env file in this folder with the lines MEXC_API_KEY=... and MEXC_SECRET_KEY=..., then: npx mexc-wizard check',
    ].join('\n'),
  };
}

/** Guide Fix 2, made precise: add the exact IP MEXC saw (700006 puts it in brackets). */
export function addIpFix(ip: string | undefined): Fix {
  const address = ip ?? 'your public IP (run: curl -s https://checkip.amazonaws.com)';
  return steps(ip ? `Add ${ip} to the key's IP whitelist` : "Add your public IP to the key's IP whitelist", [
    API_MANAGEMENT,
    'Under My API Key, edit the key and find the IP address binding.',
    `Add ${address}. A key allows at most 10 IP addresses.`,
    'Save, wait a minute or two, and run: npx mexc-wizard check',
    'On cloud hosts (Railway, Heroku, AWS without an Elastic IP or NAT gateway) the outgoing IP changes: give the bot a static egress IP first.',
  ]);
}

export function disableIpWhitelistForTestFix(): Fix {
  return steps('Only to test: remove the IP restriction, then put it back', [
    API_MANAGEMENT,
    'Edit the key and remove all bound IP addresses, then save.',
    'Run: npx mexc-wizard check. If it passes now, the IP whitelist was the cause.',
    'Bind the correct IP again right after the test: without a bound IP anyone holding key and secret can use the key, and the key expires after 90 days.',
  ]);
}

// ---------------------------------------------------------------------------------------------
// Guide Fix 3: sync the system clock, per OS.

const LINUX_SYSTEMD: Fix = {
  title: 'Sync the clock on Linux with systemd (Ubuntu, Debian, Fedora…)',
  lang: 'sh',
  text: ['sudo timedatectl set-ntp true', 'sudo systemctl restart systemd-timesyncd', 'timedatectl status   # expect: System clock synchronized: yes'].join('\n'),
};
const LINUX_CHRONY: Fix = {
  title: 'Sync the clock on Linux with chrony',
  lang: 'sh',
  text: ['sudo chronyc makestep', 'chronyc tracking   # "System time" should be close to 0 seconds'].join('\n'),
};
const LINUX_NTPDATE: Fix = {
  title: 'Sync the clock once on Linux with ntpdate (when neither is installed)',
  lang: 'sh',
  text: 'sudo ntpdate -u pool.ntp.org',
};
const MACOS: Fix = {
  title: 'Sync the clock on macOS',
  lang: 'sh',
  text: ['sudo sntp -sS time.apple.com', '# keep it synced: System Settings → General → Date & Time → Set time and date automatically'].join('\n'),
};
const WINDOWS: Fix = {
  title: 'Sync the clock on Windows (PowerShell opened with "Run as administrator")',
  lang: 'powershell',
  text: [
    'Set-Service w32time -StartupType Automatic',
    'Start-Service w32time',
    'w32tm /resync /force',
    'w32tm /query /status',
    '# if resync says no time data was available:',
    'w32tm /config /manualpeerlist:"time.windows.com" /syncfromflags:manual /update',
    'w32tm /resync /force',
  ].join('\n'),
};
const CONTAINERS_WSL: Fix = {
  title: 'In Docker or WSL2: fix the host clock',
  lang: 'sh',
  text: [
    '# A container uses the host kernel clock: sync the host (commands above), not the container.',
    '# WSL2 drifts after the PC sleeps. In Windows PowerShell run:',
    'wsl --shutdown',
    '# or inside WSL:',
    'sudo hwclock -s',
  ].join('\n'),
};

export function clockSyncFixes(platform: FixContext['platform']): Fix[] {
  switch (platform) {
    case 'linux':
      return [LINUX_SYSTEMD, LINUX_CHRONY, LINUX_NTPDATE, CONTAINERS_WSL];
    case 'darwin':
      return [MACOS, CONTAINERS_WSL];
    case 'win32':
      return [WINDOWS, CONTAINERS_WSL];
    default:
      return [LINUX_SYSTEMD, LINUX_CHRONY, LINUX_NTPDATE, MACOS, WINDOWS, CONTAINERS_WSL];
  }
}

/** Signing with MEXC's time instead of the local clock fixes both directions. */
export function serverTimeOffsetFixes(): Fix[] {
  return [
    {
      title: 'Or let ccxt correct the offset (JavaScript)',
      lang: 'js',
      text: "const exchange = new ccxt.mexc({ apiKey, secret, options: { adjustForTimeDifference: true } });\nawait exchange.loadMarkets(); // measures the offset with GET /api/v3/time",
    },
    {
      title: 'Or let ccxt correct the offset (Python)',
      lang: 'python',
      text: "exchange = ccxt.mexc({'apiKey': api_key, 'secret': secret, 'options': {'adjustForTimeDifference': True}})\nexchange.load_markets()  # measures the offset with GET /api/v3/time",
    },
  ];
}


/** A recvWindow that covers `lagMs` with room to spare, or undefined when none can. */
export function suggestedRecvWindowMs(currentMs: number, lagMs: number | undefined): number | undefined {
  const need = lagMs === undefined ? currentMs * 2 : Math.ceil((lagMs + 2000) / 1000) * 1000;
  const want = Math.max(10000, need);
  return lagMs !== undefined && lagMs + 1000 > MAX_SAFE_RECV_WINDOW_MS ? undefined : Math.min(want, MAX_SAFE_RECV_WINDOW_MS);
}

/** Guide Fix 4 — only ever offered when the clock is behind: it cannot help a clock that is ahead. */
export function recvWindowFixes(recvWindowMs: number): Fix[] {
  return [
    {
      title: `Meanwhile, allow older timestamps: recvWindow=${recvWindowMs} (at most ${MAX_SAFE_RECV_WINDOW_MS}; default 5000)`,
      lang: 'text',
      text: `Send recvWindow=${recvWindowMs} with every signed request, before timestamp, and sign it with the rest of the query string.\nThis only helps a clock that is behind. Sync the clock anyway: the lag grows.`,
    },
    {
      title: 'recvWindow in ccxt (JavaScript)',
      lang: 'js',
      text: `const exchange = new ccxt.mexc({ apiKey, secret, options: { recvWindow: ${recvWindowMs} } });`,
    },
    {
      title: 'recvWindow in ccxt (Python)',
      lang: 'python',
      text: `exchange = ccxt.mexc({'apiKey': api_key, 'secret': secret, 'options': {'recvWindow': ${recvWindowMs}}})`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Code: a known-good version of the failing request.

export function snippetFixes(ctx: FixContext, facts: Facts): Fix[] {
  const request = snippetRequestFor(typeof facts.endpoint === 'string' ? facts.endpoint : undefined, ctx.symbol);
  const what = `${request.method} ${request.path}`;
  return [
    { title: `Known-good request with curl and openssl: ${what}`, lang: 'sh', text: curlSnippet(ctx, request) },
    { title: `Known-good request in Python (standard library only): ${what}`, lang: 'python', text: pythonSnippet(ctx, request) },
    { title: `Known-good request in Node.js 18+ (no packages): ${what}`, lang: 'js', text: nodeSnippet(ctx, request) },
  ];
}

export function inspectFix(): Fix {
  return {
    title: 'Let mexc-wizard find the mistake in the request your code sent',
    lang: 'sh',
    text: "npx mexc-wizard inspect 'https://api.mexc.com/api/v3/account?recvWindow=5000&timestamp=...&signature=...'\n# paste the exact URL (or curl command) your code sent; the secret is read from MEXC_SECRET_KEY",
  };
}

/** The guide's "Still not working" section. */
export function stillFailingFix(): Fix {
  return steps('Still failing?', [
    'Check MEXC announcements for maintenance: https://www.mexc.com/support (Announcements) and https://x.com/MEXC_Official',
    'Read the API docs and error codes: https://www.mexc.com/api-docs/spot-v3/introduction and https://www.mexc.com/api-docs/spot-v3/error-code',
    'Contact MEXC support (chat at https://www.mexc.com/support) with a redacted report: npx mexc-wizard check --json > mexc-report.json (the secret is never in it; the key is masked).',
  ]);
}
