/**
 * Where each code and message the classifier reads comes from. Sections of docs/mexc-api.md
 * (the repository's sourced facts) or public URLs; docs/diagnoses.md lists them per diagnosis.
 */
export const SOURCES = {
  spotErrors: 'docs/mexc-api.md §3 (MEXC spot v3 error codes, https://mexcdevelop.github.io/apidocs/spot_v3_en/)',
  spotObserved: 'docs/mexc-api.md §3 (observed MEXC answer)',
  spotSigning: 'docs/mexc-api.md §1.1 (https://mexcdevelop.github.io/apidocs/spot_v3_en/)',
  limits: 'docs/mexc-api.md §2.3 (https://mexcdevelop.github.io/apidocs/spot_v3_en/, "LIMITS")',
  httpCodes: 'docs/mexc-api.md §2.3 (MEXC "HTTP Return Codes")',
  orderCodes: 'docs/mexc-api.md §3 (order-validation codes, https://mexcdevelop.github.io/apidocs/spot_v3_en/)',
  futuresErrors: 'docs/mexc-api.md §6 (MEXC futures error codes, https://mexcdevelop.github.io/apidocs/contract_v1_en/)',
  ccxtMexcExceptions: "docs/mexc-api.md §6 (observed futures answers quoted in ccxt's mexc exception table, https://github.com/ccxt/ccxt/blob/master/ts/src/mexc.ts)",
  futuresUnconfirmed: 'docs/mexc-api.md §6 (third-party reports, [UNCONFIRMED] by MEXC)',
  maintenance: 'docs/mexc-api.md §2.1 (ccxt maps "maintenance" and 11444 to OnMaintenance, https://github.com/ccxt/ccxt/blob/master/ts/src/mexc.ts)',
  binance: 'Binance spot error codes, which ported bots print (https://developers.binance.com/docs/binance-spot-api-docs/errors)',
  ccxtCredentials: 'ccxt checkRequiredCredentials (https://github.com/ccxt/ccxt/blob/master/ts/src/base/Exchange.ts)',
  guide: "the troubleshooting guide's wording, which users paste from posts and logs",
  node: 'Node.js system and TLS error codes (https://nodejs.org/api/errors.html, https://nodejs.org/api/tls.html)',
  otherStacks: 'error texts of Python requests/urllib3, curl, Go net/http, Java and .NET (as they print them)',
  http: 'RFC 9110 HTTP status codes (https://www.rfc-editor.org/rfc/rfc9110#name-status-codes)',
  hpagent: 'hpagent, the proxy agent this tool uses: "Bad response: <status>" when the proxy refuses CONNECT (https://github.com/delvedor/hpagent)',
} as const;
