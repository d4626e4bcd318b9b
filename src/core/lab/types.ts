/** What the signature lab reads and what it reports. Ids are a public contract (README.md, docs/diagnoses.md). */

/** One `name=value` pair exactly as it appeared on the wire (nothing decoded). */
export interface RawParam {
  name: string;
  /** The value as sent, still percent-encoded when it was. */
  rawValue: string;
}

export interface RequestHeader {
  name: string;
  value: string;
  /** Set when the input did not write the header but the tool sends it anyway (curl's -d default). */
  addedBy?: 'curl';
}

/** A request the user's code sent, reconstructed from a URL, a curl command or a log dump. */
export interface ParsedRequest {
  source: 'url' | 'curl' | 'log';
  /** Uppercase method; undefined when the input did not say (a bare URL). */
  method: string | undefined;
  /** Lowercase host with port, '' when the input had a path only. */
  host: string;
  path: string;
  /** Everything between `?` and `#`, byte for byte as sent. */
  rawQuery: string;
  /** Query parameters in received order. */
  query: RawParam[];
  /** Body byte for byte as sent ('' when none). */
  body: string;
  /**
   * Headers when the input can show them (curl, or a log with header lines); undefined when it
   * cannot (a bare URL, a log without header lines), so absence is not evidence.
   */
  headers: RequestHeader[] | undefined;
  /** Things the parser had to assume or could not reproduce (e.g. `--data-urlencode` was applied). */
  notes: string[];
}

export const LAB_FINDING_IDS = [
  'signature-valid',
  'signature-missing',
  'secret-mismatch',
  'space-as-plus',
  'lowercase-percent-escapes',
  'signed-unencoded-values',
  'signature-signed-itself',
  'param-order-differs',
  'query-body-joined-with-ampersand',
  'stray-ampersand',
  'signed-params-differ',
  'signature-uppercase',
  'timestamp-missing',
  'timestamp-in-seconds',
  'recv-window-too-large',
  'legacy-endpoint',
  'binance-header',
  'key-header-missing',
  'content-type-missing',
  'secret-exposed',
] as const;
export type LabFindingId = (typeof LAB_FINDING_IDS)[number];

export interface LabFinding {
  id: LabFindingId;
  title: string;
  /** What was seen, then what to change in code. */
  detail: string;
  /** `info` findings (e.g. `signature-valid`) do not make the request invalid. */
  severity: 'info' | 'problem';
}

export interface LabResult {
  /** True only when MEXC would accept the request as sent (timestamp freshness aside). */
  valid: boolean;
  /** One line: "Signature valid — MEXC would accept this request" or "Signature does not match: …". */
  verdict: string;
  findings: LabFinding[];
  /** Caveats that are not findings (e.g. a bare URL shows no headers). */
  notes: string[];
  /**
   * The signature as sent (first non-empty one), the string MEXC signs and its HMAC, and the
   * string the user's code signed when a candidate reproduced it. Undefined when none was sent.
   */
  signature?: { sent: string; expected: string; stringToSign: string; signedString?: string };
  /** The API key from the request headers, when present (callers mask it before display). */
  apiKey?: string;
}
