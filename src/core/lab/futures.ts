/**
 * The signature lab for futures (contract) requests: the string MEXC signs is accessKey +
 * Request-Time + parameters (GET/DELETE sorted by name, POST the raw JSON body), and key, time
 * and signature arrive as headers (https://www.mexc.com/api-docs/futures/integration-guide).
 * Judged with the lab's ids, never with a spot-only one.
 */
import { createHmac } from 'node:crypto';
import { FUTURES_MAX_RECV_WINDOW_SEC, futuresStringToSign, looksLikeSeconds, sortQuerySegments } from '../futures-signing.js';
import { shortenHex } from '../redact.js';
import { secretVariants } from './candidates.js';
import { futuresFinding, type FuturesFindingId } from './futures-findings.js';
import { findHeader, percentDecode } from './params.js';
import { clip, redactResult } from './result-text.js';
import type { LabFinding, LabResult, ParsedRequest } from './types.js';

const FUTURES_HEADERS = ['apikey', 'request-time', 'signature'];

/**
 * A futures request: a path under /api/v1/private or /api/v1/contract, or — on a path that is
 * neither futures nor spot — any of the ApiKey, Request-Time, Signature headers.
 */
export function isFuturesRequest(req: ParsedRequest): boolean {
  if (/^\/api\/v1\/(?:private|contract)(?:\/|$)/i.test(req.path)) return true;
  if (/^\/api\/v3(?:\/|$)|^\/open\/api\/v2(?:\/|$)/i.test(req.path)) return false;
  return FUTURES_HEADERS.some((name) => findHeader(req.headers, name));
}

const isPublicPath = (req: ParsedRequest): boolean => /^\/api\/v1\/contract(?:\/|$)/i.test(req.path);

/**
 * Why this input cannot be judged, when it cannot: a private futures request whose headers the
 * input does not show (a bare URL) carries none of what the lab needs.
 */
export function futuresInputProblem(req: ParsedRequest): string | undefined {
  if (req.headers !== undefined || isPublicPath(req)) return undefined;
  const spotStyle = req.query.some((p) => p.name === 'signature' || p.name === 'timestamp')
    ? ' This URL carries spot-style timestamp/signature parameters; the futures API does not read them.'
    : '';
  return (
    'A futures request carries its key, time and signature in the ApiKey, Request-Time and Signature headers, which a URL does not show, so there is nothing to check.' +
    spotStyle
  );
}

interface Candidate {
  text: string;
  mistakes: Array<{ id: FuturesFindingId; seen: string }>;
}

const hmacHex = (key: Buffer | string, message: string): string => createHmac('sha256', key).update(message, 'utf8').digest('hex');

function isBodyMethod(req: ParsedRequest): boolean {
  return req.method === 'POST' || req.method === 'PUT' || (req.method === undefined && req.body !== '');
}

/** The parameter part MEXC signs for this request as sent. */
function paramText(req: ParsedRequest): string {
  return isBodyMethod(req) ? req.body : sortQuerySegments(req.rawQuery);
}

/** Other serialisations of the same JSON body that a client may sign while sending these bytes. */
function jsonVariants(body: string): Array<{ text: string; how: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v;
  const python = (v: unknown): string => JSON.stringify(v, null, 1).replace(/\n\s*/g, ' ').replace(/([[{]) /g, '$1').replace(/ ([\]}])/g, '$1');
  return [
    { text: JSON.stringify(parsed), how: 'the body re-serialised compactly' },
    { text: python(parsed), how: 'the body as Python\'s json.dumps() writes it (", " and ": ")' },
    { text: JSON.stringify(sortKeys(parsed)), how: 'the body with its keys sorted (POST bodies are signed as sent, not sorted)' },
    { text: python(sortKeys(parsed)), how: 'the body with sorted keys and Python\'s default separators' },
  ];
}

/** The strings common bugs make a client sign for this futures request, expected one first. */
function candidateStrings(req: ParsedRequest, apiKey: string, requestTime: string): Candidate[] {
  const params = paramText(req);
  const expected = futuresStringToSign(apiKey, requestTime, params);
  const out: Candidate[] = [{ text: expected, mistakes: [] }];
  const push = (text: string, id: FuturesFindingId, seen: string): void => void out.push({ text, mistakes: [{ id, seen }] });

  if (!isBodyMethod(req)) {
    const asSent = req.rawQuery.split('&').filter((s) => s !== '').join('&');
    if (asSent !== params) {
      push(futuresStringToSign(apiKey, requestTime, asSent), 'param-order-differs', `Your code signed the parameters in the order sent ("${asSent}"); MEXC sorts them by name ("${params}").`);
    }
    const decoded = percentDecode(params);
    if (decoded !== params) push(futuresStringToSign(apiKey, requestTime, decoded), 'signed-unencoded-values', 'Your code signed the values decoded but sent them percent-encoded.');
  } else {
    for (const v of jsonVariants(req.body)) {
      if (v.text !== req.body) push(futuresStringToSign(apiKey, requestTime, v.text), 'signed-params-differ', `Your code signed ${v.how}, not the bytes it sent.`);
    }
  }
  if (params !== '') push(futuresStringToSign(apiKey, requestTime, ''), 'signed-params-differ', 'Your code signed accessKey + Request-Time without the parameters.');
  push(`${requestTime}${apiKey}${params}`, 'signed-params-differ', 'Your code signed Request-Time before the key; MEXC signs the key first.');
  push(`${apiKey}${params}`, 'signed-params-differ', 'Your code left Request-Time out of the signed string.');
  if (params !== '') push(params, 'signed-params-differ', 'Your code signed only the parameters, the spot way; futures signs accessKey + Request-Time + parameters.');
  const seen = new Set<string>();
  return out.filter((c) => (seen.has(c.text) ? false : (seen.add(c.text), true)));
}

type SignatureStatus = 'valid' | 'missing' | 'mismatch';
const MISSING_HEADER_IDS: ReadonlyArray<string> = ['key-header-missing', 'timestamp-missing', 'signature-missing'];

export function inspectFuturesRequest(req: ParsedRequest, secret: string): LabResult {
  const mexcSecret = secret.trim();
  const notes: string[] = [...req.notes];
  if (mexcSecret !== secret) notes.push('The secret given to the lab has spaces or a line break around it; the lab used it trimmed, as MEXC holds it.');
  const value = (name: string): string => findHeader(req.headers, name)?.value.trim() ?? '';
  const apiKey = value('apikey');
  const requestTime = value('request-time');
  const sentSignature = value('signature');

  if (isPublicPath(req) && !apiKey && !requestTime && !sentSignature) {
    return { valid: true, verdict: 'Public futures endpoint: MEXC needs no key or signature here', findings: [], notes };
  }

  const unusable = futuresInputProblem(req);
  if (unusable) return { valid: false, verdict: `Cannot check this futures request: ${unusable}`, findings: [], notes };

  const findings: LabFinding[] = [];
  const spotParams = req.query.filter((p) => ['signature', 'timestamp', 'recvWindow'].includes(p.name)).map((p) => p.name);
  const spotNote = spotParams.length ? ` The query carries ${spotParams.join(', ')}: spot-style signing, which the futures API does not read.` : '';
  if (!apiKey) {
    const spotKey = findHeader(req.headers, 'x-mexc-apikey') ? ' It sends X-MEXC-APIKEY, the spot header, which the futures API does not read.' : '';
    findings.push(futuresFinding('key-header-missing', `The request has no ApiKey header.${spotKey}`));
  }
  if (!requestTime) findings.push(futuresFinding('timestamp-missing', `The request has no Request-Time header.${spotNote}`));
  else if (looksLikeSeconds(requestTime)) findings.push(futuresFinding('timestamp-in-seconds', `Request-Time: ${requestTime} has ${requestTime.split('.')[0]!.length} digits: that is seconds; milliseconds have 13 (e.g. 1644489390087).`));
  if (!sentSignature) findings.push(futuresFinding('signature-missing', `The request has no Signature header.${spotNote}`));

  let status: SignatureStatus = 'missing';
  let signature: LabResult['signature'];
  if (apiKey && requestTime && sentSignature) {
    const checked = checkFuturesSignature(req, apiKey, requestTime, sentSignature, mexcSecret, secret);
    status = checked.status;
    signature = checked.signature;
    findings.unshift(...checked.findings);
  }
  notes.push(...requestNotes(req));
  if (status === 'valid') {
    notes.push('Request-Time freshness is not checked here: MEXC refuses a Request-Time more than 10 s (or Recv-Window seconds) away from its clock with 513.');
  }

  const problems = findings.filter((f) => f.severity === 'problem');
  const result: LabResult = {
    valid: status === 'valid' && problems.length === 0,
    verdict: verdict(status, findings, problems),
    findings,
    notes,
    ...(signature ? { signature } : {}),
    ...(apiKey ? { apiKey } : {}),
  };
  return redactResult(result, [secret, mexcSecret]);
}

function checkFuturesSignature(
  req: ParsedRequest,
  apiKey: string,
  requestTime: string,
  sent: string,
  mexcSecret: string,
  givenSecret: string,
): { status: SignatureStatus; findings: LabFinding[]; signature: NonNullable<LabResult['signature']> } {
  const candidates = candidateStrings(req, apiKey, requestTime);
  const stringToSign = candidates[0]!.text;
  const expected = hmacHex(mexcSecret, stringToSign);
  const signature = { sent, expected, stringToSign };
  const wanted = sent.toLowerCase();
  const uppercase = /[A-F]/.test(sent) && /^[0-9a-fA-F]{64}$/.test(sent);
  // In the text a user reads, the key that starts every futures string stands as [ApiKey].
  const keyless = (t: string): string => t.split(apiKey).join('[ApiKey]');

  let match: Candidate | undefined = candidates.find((c) => hmacHex(mexcSecret, c.text) === wanted);
  let secretSeen: string | undefined;
  if (!match) {
    for (const variant of secretVariants(mexcSecret, givenSecret, apiKey)) {
      match = candidates.slice(0, 2).find((c) => hmacHex(variant.key, c.text) === wanted);
      if (match) {
        secretSeen = variant.seen;
        break;
      }
    }
  }
  if (match && match.mistakes.length === 0 && !secretSeen) {
    if (uppercase) {
      return { status: 'mismatch', signature, findings: [futuresFinding('signature-uppercase', `Lowercased, the signature sent (${shortenHex(sent)}) equals the expected one: only the letter case is wrong.`)] };
    }
    const how = isBodyMethod(req) ? 'the raw JSON body' : 'the parameters sorted by name';
    return {
      status: 'valid',
      signature,
      findings: [futuresFinding('signature-valid', `HMAC-SHA256 of accessKey + Request-Time + ${how}, keyed by your secret, equals the Signature header (${shortenHex(sent)}).`)],
    };
  }
  const findings: LabFinding[] = [];
  if (match) {
    const comparison = ` Signed: "${clip(keyless(match.text))}"; MEXC expects: "${clip(keyless(stringToSign))}".`;
    if (secretSeen) findings.push(futuresFinding('secret-mismatch', secretSeen + (match.mistakes.length === 0 ? comparison : '')));
    match.mistakes.forEach((m, i) => findings.push(futuresFinding(m.id, m.seen + (i === 0 ? comparison : ''))));
  } else {
    const format = /^[0-9a-fA-F]{64}$/.test(sent) ? '' : ` The signature sent is ${sent.length} characters long and not 64 hex digits: MEXC expects lowercase hex, not base64.`;
    findings.push(
      futuresFinding(
        'secret-mismatch',
        `The Signature header (${shortenHex(sent)}) is not the HMAC of the string MEXC expects, "${clip(keyless(stringToSign))}" (that gives ${shortenHex(expected)}), ` +
          'nor of the strings common bugs produce (unsorted parameters, another JSON serialisation, the key or the time left out or swapped), ' +
          `nor of your secret with whitespace or case changes.${format}`,
      ),
    );
  }
  if (uppercase) findings.push(futuresFinding('signature-uppercase', `The signature sent (${shortenHex(sent)}) has uppercase hex letters.`));
  return { status: 'mismatch', signature: { ...signature, ...(match ? { signedString: match.text } : {}) }, findings };
}

function requestNotes(req: ParsedRequest): string[] {
  const notes: string[] = [];
  const recvWindow = findHeader(req.headers, 'recv-window')?.value.trim();
  if (recvWindow !== undefined && !(/^\d+$/.test(recvWindow) && Number(recvWindow) >= 1 && Number(recvWindow) <= FUTURES_MAX_RECV_WINDOW_SEC)) {
    notes.push(`Recv-Window: ${recvWindow} — the futures window is in seconds, at most ${FUTURES_MAX_RECV_WINDOW_SEC} (default 10); how MEXC treats a larger value is [UNCONFIRMED].`);
  }
  if (isBodyMethod(req)) {
    const contentType = findHeader(req.headers, 'content-type');
    if (!contentType || !/application\/json/i.test(contentType.value)) {
      notes.push(
        `The ${req.method ?? 'POST'} request sends ${contentType ? `"Content-Type: ${contentType.value}"${contentType.addedBy === 'curl' ? ' (curl adds it to a -d request)' : ''}` : 'no Content-Type'}; the futures docs require application/json.`,
      );
    }
  } else if (req.body !== '') {
    notes.push(`This ${req.method} request has a body; for GET and DELETE the futures API signs and reads the query string only.`);
  }
  if (/^contract\.mexc\.com(?::\d+)?$/.test(req.host)) notes.push('contract.mexc.com is the older futures host; MEXC moved the futures API to https://api.mexc.com (update log 2026-01-19).');
  return notes;
}

function verdict(status: SignatureStatus, findings: LabFinding[], problems: LabFinding[]): string {
  if (status === 'missing') {
    const missing = findings.filter((f) => MISSING_HEADER_IDS.includes(f.id)).map((f) => f.title.replace(/^No /, 'no '));
    return `Cannot check the signature: ${missing.join(', ')}`;
  }
  if (status === 'mismatch') return `Signature does not match: ${findings[0]?.title ?? 'wrong secret or signed string'}`;
  if (problems.length === 0) return 'Signature valid — MEXC would accept this futures request';
  return `Signature valid, but the request has a problem: ${problems[0]!.title}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`;
}
