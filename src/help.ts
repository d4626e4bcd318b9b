import { VERSION } from './version.js';

export const HELP = `mexc-wizard ${VERSION}: find out why your MEXC API key fails, and fix it

Usage
  mexc-wizard                      interactive wizard, spot or futures (no terminal: check)
  mexc-wizard --demo [--scenario S]  the wizard against a built-in simulator: no key, no network
  mexc-wizard check                run every step without prompts; report; exit code
  mexc-wizard check --futures      the futures (contract) API's steps; never sends an order
  mexc-wizard explain [TEXT|-]     cause + fix for a MEXC error body, message or code
                                   (spot or futures)
  mexc-wizard sign QUERY [--body B]  string-to-sign, signature and signed query
  mexc-wizard sign --futures [PARAMS] [--body JSON] [--request-time MS]
                                   futures string-to-sign, signature and headers
  mexc-wizard inspect [URL|CURL|-]   signature lab: what is wrong with a request your code sent
  mexc-wizard sim [--port N] [--scenario S] [--latency MS] [--log FILE]
                                   local MEXC simulator (spot v3 and futures) for offline
                                   bot tests: a line per request naming the mistake;
                                   --log appends JSON lines

Options
  --base-url URL       API base (default https://api.mexc.com, env MEXC_BASE_URL)
  --recv-window MS     recvWindow for signed requests (default 5000, max 60000;
                       with check --futures: the Recv-Window header, whole seconds)
  --timeout MS         per-request timeout (default 10000)
  --symbol SYMBOL      symbol for the trade checks (default: a liquid API-enabled one)
  --dotenv PATH        read MEXC_API_KEY / MEXC_SECRET_KEY from this file (alias --env-file,
                       which Node 20-24 may read itself first: prefer --dotenv)
  --allow-insecure-http  allow signed requests over plain http:// to a non-local host
  --json               machine-readable output (check, explain, sign, inspect)
  --futures            the futures (contract) API: check's futures steps, sign's headers
  --request-time MS    Request-Time to sign with sign --futures (default: now)
  --verbose            more evidence, e.g. balances (secrets are always redacted)
  --plain              plain prompts and lines instead of the full-screen wizard
  --screen-reader      linear output for screen readers (also INK_SCREEN_READER=true, ACCESSIBLE=1)
  --interactive        run the wizard even when CI is set
  --no-color           no colours (also NO_COLOR)
  --version, --help

Credentials
  MEXC_API_KEY and MEXC_SECRET_KEY (aliases MEXC_API_SECRET, MEXC_SECRET), a .env file in
  this folder, --dotenv, or a masked prompt. The secret is never accepted as a flag and
  never printed, logged or written.

Exit codes
  0 all good · 1 a problem was diagnosed · 2 usage error · 130 interrupted

Scenarios for --demo and sim: run "mexc-wizard sim --scenario list".
`;
