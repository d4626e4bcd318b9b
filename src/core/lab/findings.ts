import type { LabFinding, LabFindingId } from './types.js';

/**
 * The lab's catalog as data: one entry per finding id. A finding's detail is the
 * observation (filled in by the lab) followed by `fix` — what to change in code.
 * Sections cited are in docs/mexc-api.md.
 */
interface CatalogEntry {
  title: string;
  severity: LabFinding['severity'];
  fix: string;
}

const ENCODE_HINT =
  "JS: encodeURIComponent(v).replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase()); " +
  "Python: urllib.parse.quote(str(v), safe='').";

export const LAB_CATALOG: Record<LabFindingId, CatalogEntry> = {
  'signature-valid': {
    title: 'Signature valid',
    severity: 'info',
    fix: 'Nothing to change in the signing code.',
  },
  'signature-missing': {
    title: 'No signature parameter',
    severity: 'problem',
    fix:
      'MEXC answers 700004 "Mandatory parameter \'signature\' was not sent, was empty/null, or malformed." ' +
      'Sign every SIGNED request, also one without other parameters (sign "timestamp=…"), and append "&signature=<hex>" last (the empty-params bug of https://github.com/mexcdevelop/mexc-api-demo/issues/42).',
  },
  'secret-mismatch': {
    title: 'Wrong secret — or a signed string the lab could not guess',
    severity: 'problem',
    fix:
      'Check that the secret belongs to this API key (a secret of another key gives exactly this), has no spaces or newline ' +
      '(read it with .strip() / .trim()), and that your code signs exactly query + body as sent, without the signature parameter, ' +
      'with no value (such as timestamp) regenerated between signing and sending. ' +
      'Log the string your code signs and compare it byte for byte with the string above. If nothing differs, recreate the key.',
  },
  'space-as-plus': {
    title: 'Space encoded as "+" instead of "%20"',
    severity: 'problem',
    fix:
      `Encode each value with %20 for a space, never "+": do not build the query with URLSearchParams or urllib.parse.urlencode (both write "+"). ${ENCODE_HINT} ` +
      'MEXC\'s own demos sign %20 (https://github.com/mexcdevelop/mexc-api-demo); MEXC does not document whether its server rebuilds the signed string with %20, so a "+" may be refused even when you signed it as sent (not documented either way): %20 is the safe choice.',
  },
  'lowercase-percent-escapes': {
    title: 'Lowercase percent-escapes (e.g. %2c) — MEXC accepts uppercase only',
    severity: 'problem',
    fix:
      'The docs say values "need to be URL encoded when signing, and encode only support uppercase" (https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed). ' +
      "Uppercase every escape before you sign and send: JS s.replace(/%[0-9a-f]{2}/gi, m => m.toUpperCase()); Python's quote() already writes uppercase.",
  },
  'signed-unencoded-values': {
    title: 'Special characters not percent-encoded in what was signed or sent',
    severity: 'problem',
    fix:
      'Build the query string once, every value percent-encoded (uppercase hex, %20 for a space, also ( ) , : [ ] { } \' !), ' +
      `sign that exact string and send that exact string. ${ENCODE_HINT} ` +
      'Known failures: network=BEP20(BSC), Toncoin(TON) (https://github.com/mexcdevelop/mexc-api-sdk/issues/22).',
  },
  'signature-signed-itself': {
    title: 'The signature parameter was part of the string that was signed',
    severity: 'problem',
    fix:
      'Remove "signature" (also an empty one or one left from an earlier request) from the parameters before signing, ' +
      'then append "&signature=<hex>" last. Python: params.pop("signature", None); JS: delete params.signature.',
  },
  'param-order-differs': {
    title: 'Parameters signed in a different order than sent',
    severity: 'problem',
    fix:
      'Spot v3 does not sort parameters ("may be sent in any order"; sorting is a futures rule; https://mexcdevelop.github.io/apidocs/spot_v3_en/#general-information-on-endpoints). ' +
      'Sign the parameters in exactly the order you send them: build the query string once and use it for both. ' +
      'Python: drop sorted(); JS: drop .sort().',
  },
  'query-body-joined-with-ampersand': {
    title: 'Query and body joined with "&" in the signed string',
    severity: 'problem',
    fix:
      'totalParams is the query string immediately followed by the body, nothing between them (Example 3 of https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed-endpoint-examples-for-post-api-v3-order): ' +
      'sign query + body, not query + "&" + body.',
  },
  'stray-ampersand': {
    title: 'Stray "&" at the start or end of the signed string',
    severity: 'problem',
    fix:
      'Join the pairs with "&" between them only — JS: pairs.join("&"); Python: "&".join(pairs) — instead of adding "&" before or after each pair ' +
      '(the Go demo bug https://github.com/mexcdevelop/mexc-api-demo/issues/42).',
  },
  'signed-params-differ': {
    title: 'Signed a different set of parameters than was sent',
    severity: 'problem',
    fix:
      'Add every parameter (timestamp, recvWindow, the body fields) before you sign, and send exactly the parameters you signed: ' +
      'totalParams is the whole query string plus the whole body (https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed).',
  },
  'signature-uppercase': {
    title: 'Signature in uppercase hex',
    severity: 'problem',
    fix:
      'The docs: "The signature is support lowercase only" (https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed). ' +
      "JS: createHmac('sha256', secret).update(s).digest('hex') is already lowercase — drop .toUpperCase(); Python: hexdigest() — drop .upper().",
  },
  'timestamp-missing': {
    title: 'No timestamp parameter',
    severity: 'problem',
    fix: 'Every SIGNED request needs timestamp=<milliseconds> before signing (https://mexcdevelop.github.io/apidocs/spot_v3_en/#timing-security). JS: Date.now(); Python: int(time.time() * 1000).',
  },
  'timestamp-in-seconds': {
    title: 'Timestamp in seconds, not milliseconds',
    severity: 'problem',
    fix:
      'MEXC reads timestamp as milliseconds, so a seconds value looks decades old and is refused with 700003 ' +
      '"Timestamp for this request is outside of the recvWindow." (https://mexcdevelop.github.io/apidocs/spot_v3_en/#timing-security). JS: Date.now(); Python: int(time.time() * 1000).',
  },
  'recv-window-too-large': {
    title: 'recvWindow larger than 60000',
    severity: 'problem',
    fix:
      'MEXC refuses it with 700005 "recvWindow must less than 60000" (https://mexcdevelop.github.io/apidocs/spot_v3_en/#timing-security). Use the default 5000; ' +
      'if you still get 700003, sync the clock — a bigger window cannot fix a clock that runs ahead.',
  },
  'legacy-endpoint': {
    title: 'Old or wrong API endpoint for spot v3 signing',
    severity: 'problem',
    fix:
      'Use https://api.mexc.com/api/v3/… with X-MEXC-APIKEY, timestamp and signature (v2 was retired: https://www.mexc.com/support/articles/17827791522215).',
  },
  'binance-header': {
    title: 'Binance header X-MBX-APIKEY',
    severity: 'problem',
    fix:
      'MEXC reads the key from "X-MEXC-APIKEY"; X-MBX-APIKEY is ignored and MEXC answers 400 "api key required" ' +
      '(the observation behind that is weak). Rename the header.',
  },
  'key-header-missing': {
    title: 'No X-MEXC-APIKEY header',
    severity: 'problem',
    fix:
      'MEXC answers 400 "api key required" (https://mexcdevelop.github.io/apidocs/spot_v3_en/#error-code). Send the header on every signed request. ' +
      "Python: headers={'X-MEXC-APIKEY': api_key}; JS: headers: { 'X-MEXC-APIKEY': apiKey }; curl: -H 'X-MEXC-APIKEY: <key>'.",
  },
  'content-type-missing': {
    title: 'POST/PUT/DELETE without "Content-Type: application/json"',
    severity: 'problem',
    fix:
      'Since 2024-02-22 MEXC answers 700013 "Invalid content Type." (https://www.mexc.com/support/articles/17827791513387). Send "Content-Type: application/json" ' +
      'on POST, PUT and DELETE, even when the body is k=v text. curl: -H \'Content-Type: application/json\'.',
  },
  'secret-exposed': {
    title: 'This text contains your secret',
    severity: 'problem',
    fix:
      'mexc-wizard masks it in everything it prints, but if this text came from a log, a chat, a ticket or a shared file, ' +
      'anyone who read it can sign requests as you: delete the key in MEXC\'s API management page and create a new one. ' +
      'Then stop the leak at its source: log the string your code signs, never the secret it signs with.',
  },
};

/** A finding from its id, what the lab saw, and — where the catalog's fix is not enough — extra advice. */
export function labFinding(id: LabFindingId, seen: string): LabFinding {
  const entry = LAB_CATALOG[id];
  return { id, title: entry.title, severity: entry.severity, detail: `${seen} ${entry.fix}`.trim() };
}
