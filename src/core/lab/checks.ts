import { MAX_RECV_WINDOW_MS } from '../signing.js';
import { labFinding } from './findings.js';
import { bodyParams, findHeader, isJsonBody, percentDecode, splitParams } from './params.js';
import type { LabFinding, ParsedRequest, RawParam } from './types.js';

/**
 * Checks of the request that do not depend on the signature: parameters, endpoint, headers.
 * Each returns findings plus notes for what the input cannot show.
 */

/** Query first: "if a name appears in both, the query-string value wins" (docs/mexc-api.md §1.1). */
function findParam(req: ParsedRequest, name: string): RawParam | undefined {
  return [...req.query, ...bodyParams(req.body)].find((p) => p.name === name);
}

export function checkParams(req: ParsedRequest): LabFinding[] {
  const out: LabFinding[] = [];
  const timestamp = findParam(req, 'timestamp');
  if (!timestamp || timestamp.rawValue === '') {
    out.push(labFinding('timestamp-missing', 'The request has no timestamp parameter; MEXC rejects a SIGNED request without it.'));
  } else {
    const value = percentDecode(timestamp.rawValue);
    // Seconds since 1970 have 10 digits until 2286; Python's time.time() adds a fraction.
    if (/^\d{9,10}(?:\.\d+)?$/.test(value)) {
      out.push(labFinding('timestamp-in-seconds', `timestamp=${value} has ${value.split('.')[0]!.length} digits: that is seconds; milliseconds have 13 (e.g. 1644489390087).`));
    }
  }
  const recvWindow = findParam(req, 'recvWindow');
  if (recvWindow && Number(percentDecode(recvWindow.rawValue)) > MAX_RECV_WINDOW_MS) {
    out.push(labFinding('recv-window-too-large', `recvWindow=${percentDecode(recvWindow.rawValue)} is above ${MAX_RECV_WINDOW_MS}.`));
  }
  return out;
}

const V2_PARAMS = ['api_key', 'req_time', 'sign'];

export function checkEndpoint(req: ParsedRequest): LabFinding[] {
  const reasons: string[] = [];
  const hostname = req.host.replace(/:\d+$/, '');
  if (/^\/open\/api\/v2(?:\/|$)/i.test(req.path)) {
    reasons.push(`The path ${req.path} is the old v2 API, which MEXC has deprecated.`);
  }
  const v2 = V2_PARAMS.filter((name) => findParam(req, name));
  if (v2.length > 0) {
    reasons.push(`The parameters ${v2.join(', ')} are v2-style signing; spot v3 uses the X-MEXC-APIKEY header plus timestamp and signature parameters.`);
  }
  // Futures paths (/api/v1/private, /api/v1/contract) are judged by futures rules (futures.ts).
  if (/^(?:contract|futures)\.mexc\.com$/.test(hostname)) {
    reasons.push(`${req.host} is the futures (contract) host; spot v3 is served at api.mexc.com (https://mexcdevelop.github.io/apidocs/spot_v3_en/#base-endpoint).`);
  }
  if (hostname === 'www.mexc.com' || hostname === 'mexc.com') {
    reasons.push(`${req.host} is MEXC's website, not the API host.`);
  }
  if (/(?:^|\.)mxc\.com$|(?:^|\.)mxctest\.com$/.test(hostname)) {
    reasons.push(`${req.host} is the old MXC domain.`);
  }
  return reasons.length > 0 ? [labFinding('legacy-endpoint', reasons.join(' '))] : [];
}

const BODY_METHODS = new Set(['POST', 'PUT', 'DELETE']);

export function checkHeaders(req: ParsedRequest): { findings: LabFinding[]; notes: string[] } {
  const findings: LabFinding[] = [];
  const notes: string[] = [];
  if (!req.headers) {
    const needsType = req.method === undefined || BODY_METHODS.has(req.method);
    notes.push(
      `This input shows no headers, so the lab cannot check them: your code must send "X-MEXC-APIKEY: <your key>" on every signed request` +
        (needsType ? ' and "Content-Type: application/json" on POST/PUT/DELETE.' : '.'),
    );
    return { findings, notes };
  }
  const mexcKey = findHeader(req.headers, 'x-mexc-apikey');
  const binanceKey = findHeader(req.headers, 'x-mbx-apikey');
  if (binanceKey && !mexcKey?.value) {
    findings.push(labFinding('binance-header', 'The request sends the key as "X-MBX-APIKEY" (Binance\'s header) and no X-MEXC-APIKEY.'));
  } else if (!mexcKey?.value) {
    const how = req.source === 'curl' ? 'This curl sends' : 'The headers shown contain';
    findings.push(labFinding('key-header-missing', `${how} no X-MEXC-APIKEY header${mexcKey ? ' (it is there but empty)' : ''}.`));
  } else if (binanceKey) {
    notes.push('The request also sends X-MBX-APIKEY, which MEXC ignores; you can remove it.');
  }

  if (req.method && BODY_METHODS.has(req.method)) {
    const contentType = findHeader(req.headers, 'content-type');
    if (!contentType || !/application\/json/i.test(contentType.value)) {
      const seen = contentType
        ? `The ${req.method} request sends "Content-Type: ${contentType.value}"${contentType.addedBy === 'curl' ? ', which curl adds by itself to a -d request' : ''}.`
        : `The ${req.method} request sends no Content-Type header.`;
      findings.push(labFinding('content-type-missing', seen));
    }
  }
  return { findings, notes };
}

/**
 * Encodings that can fail even when the signature covers exactly what was sent: MEXC appears
 * to rebuild the signed string from the parsed values ([INFERENCE], docs/mexc-api.md §1.3).
 */
export function checkEncoding(req: ParsedRequest): { findings: LabFinding[]; notes: string[] } {
  const params = [...req.query, ...(isJsonBody(req.body) ? [] : splitParams(req.body))].filter((p) => p.name !== 'signature');
  const first = (test: (v: string) => boolean): string | undefined => {
    const p = params.find((q) => test(q.rawValue));
    return p && `${p.name}=${p.rawValue}`;
  };
  const findings: LabFinding[] = [];
  const plus = first((v) => v.includes('+'));
  if (plus) {
    findings.push(
      labFinding(
        'space-as-plus',
        `The request sends "${plus}". If MEXC rebuilds the signed string from the decoded values, as the evidence suggests (inferred, not documented), a "+" comes back as "%20" and the signature fails even when you signed exactly this.`,
      ),
    );
  }
  const lower = first((v) => /%(?:[0-9a-f][a-f]|[a-f][0-9a-f])/.test(v));
  if (lower) findings.push(labFinding('lowercase-percent-escapes', `The request sends "${lower}" with lowercase escapes.`));
  const raw = first((v) => /[^A-Za-z0-9\-_.~*%+]|%(?![0-9A-Fa-f]{2})/u.test(v));
  if (raw) {
    findings.push(
      labFinding(
        'signed-unencoded-values',
        `The request sends "${raw}" with special characters unencoded. A signature over raw characters such as ( ) can still be refused with 700002 — MEXC's JS SDK failed exactly this way with BEP20(BSC) (https://github.com/mexcdevelop/mexc-api-sdk/issues/22) — so encode them before signing and sending.`,
      ),
    );
  }
  const notes: string[] = [];
  if (params.some((p) => /[*~]|%2A|%7E/i.test(p.rawValue))) {
    notes.push(
      'A value contains * or ~ (raw or encoded). Java-style encoders (MEXC\'s demo) leave * raw and write ~ as %7E; RFC 3986 encoders do the opposite. Which one MEXC rebuilds is unconfirmed: if you get 700002, try the other form.',
    );
  }
  return { findings, notes };
}

export function checkBodyShape(req: ParsedRequest): string[] {
  const notes: string[] = [];
  if (isJsonBody(req.body)) {
    notes.push(
      'The body is a JSON object. MEXC\'s demos send k=v text (with a JSON Content-Type); whether a real JSON body is accepted on spot v3 is unconfirmed, so keep the signature in the query string.',
    );
  }
  if (req.method === 'GET' && req.body !== '') {
    notes.push('This GET request has a body; MEXC reads GET parameters from the query string only (https://mexcdevelop.github.io/apidocs/spot_v3_en/#general-information-on-endpoints): move them into the query.');
  }
  return notes;
}
