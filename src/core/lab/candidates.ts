import { createHmac } from 'node:crypto';
import { encodeMexcValue } from '../encoding.js';
import { isJsonBody, percentDecode } from './params.js';
import type { LabFindingId, ParsedRequest } from './types.js';

/**
 * The strings common bugs make a client sign, derived from the request that was actually
 * sent. Each candidate applies a few "mistakes" (dimensions) to the sent request; the lab
 * HMACs each one and the first that reproduces the user's signature names the bug.
 */

/** The request as raw `k=v` segments, so every byte the client sent is kept. */
interface Parts {
  query: string[];
  /** Form body segments; null when the body is JSON or empty (then `rawBody` is used as is). */
  body: string[] | null;
  rawBody: string;
}

/** One mistake in a candidate: which finding it proves and what the lab saw. */
export interface Mistake {
  id: LabFindingId;
  seen: string;
}

export interface Candidate {
  text: string;
  mistakes: Mistake[];
}

export interface SignatureMatch {
  /** The string the user's code signed. */
  signedString: string;
  /** Empty when the user's code signed exactly what MEXC expects. */
  mistakes: Mistake[];
}

const SIGNATURE = 'signature';
/** Four mistakes at once is no longer a diagnosis, just a coincidence search. */
const MAX_MISTAKES = 3;

const nameOf = (segment: string): string => segment.split('=', 1)[0] ?? '';
const isSignature = (segment: string): boolean => nameOf(segment) === SIGNATURE;

function splitSegments(text: string): string[] {
  return text === '' ? [] : text.split('&');
}

export function requestParts(req: ParsedRequest): Parts {
  const formBody = req.body !== '' && !isJsonBody(req.body);
  return { query: splitSegments(req.rawQuery), body: formBody ? splitSegments(req.body) : null, rawBody: formBody ? '' : req.body };
}

/** Non-empty signature values, query first (the query-string value wins, docs/mexc-api.md §1.1). */
export function sentSignatures(req: ParsedRequest): string[] {
  const { query, body } = requestParts(req);
  return [...query, ...(body ?? [])]
    .filter(isSignature)
    .map((s) => s.slice(SIGNATURE.length + 1))
    .filter((v) => v !== '');
}

function bodyText(p: Parts): string {
  return p.body ? p.body.join('&') : p.rawBody;
}

/** totalParams: query immediately followed by body (Example 3 of https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed-endpoint-examples-for-post-api-v3-order). */
function totalParams(p: Parts, separator = ''): string {
  const q = p.query.join('&');
  const b = bodyText(p);
  return q && b ? q + separator + b : q + b;
}

function withoutSignature(p: Parts): Parts {
  return { ...p, query: p.query.filter((s) => !isSignature(s)), body: p.body?.filter((s) => !isSignature(s)) ?? null };
}

/** What MEXC signs for this request: raw query without `signature`, then the raw body. */
export function expectedStringToSign(req: ParsedRequest): string {
  return totalParams(withoutSignature(requestParts(req)));
}

// ---- value transforms: the encoding mistakes of docs/mexc-api.md §1.3 / §7 ----

type ValueTransform = (value: string) => string;

function mapValues(p: Parts, f: ValueTransform): { parts: Parts; example?: string } {
  let example: string | undefined;
  const mapSegment = (segment: string): string => {
    const eq = segment.indexOf('=');
    if (eq < 0) return segment;
    const value = segment.slice(eq + 1);
    const next = f(value);
    if (next !== value && example === undefined) example = `"${segment.slice(0, eq)}=${value}" was sent, your code signed "${segment.slice(0, eq)}=${next}"`;
    return segment.slice(0, eq + 1) + next;
  };
  return { parts: { ...p, query: p.query.map(mapSegment), body: p.body?.map(mapSegment) ?? null }, example };
}

/** Characters a MEXC-style encoder escapes; `%` and `+` are left to their own transforms. */
const encodeSpecials: ValueTransform = (v) => v.replace(/[^A-Za-z0-9\-_.~%+]/gu, (ch) => encodeMexcValue(ch));

type Step = (p: Parts) => { parts: Parts; mistake: Mistake } | undefined;

function valueStep(id: LabFindingId, f: ValueTransform, explain: string): Step {
  return (p) => {
    const { parts, example } = mapValues(p, f);
    return example ? { parts, mistake: { id, seen: `${example}: ${explain}` } } : undefined;
  };
}

const SPACE_STEPS: Step[] = [
  valueStep('space-as-plus', (v) => v.replace(/%20/g, '+'), 'your code signed "+" for a space but sent "%20" (URLSearchParams / urllib.parse.urlencode for signing).'),
  valueStep('space-as-plus', (v) => v.replace(/\+/g, '%20'), 'your code signed "%20" but the request sent "+" for the space (form encoding in the HTTP library).'),
];
const ESCAPE_CASE_STEPS: Step[] = [
  valueStep('lowercase-percent-escapes', (v) => v.replace(/%[0-9A-Fa-f]{2}/g, (m) => m.toLowerCase()), 'your code signed lowercase escapes, the request sent uppercase.'),
  valueStep('lowercase-percent-escapes', (v) => v.replace(/%[0-9A-Fa-f]{2}/g, (m) => m.toUpperCase()), 'the request sent lowercase escapes, your code signed uppercase.'),
];
const ENCODING_STEPS: Step[] = [
  valueStep(
    'signed-unencoded-values',
    encodeSpecials,
    'your code signed percent-encoded values but sent them raw. MEXC\'s own demo does this for bodies, and it may pass if the server re-encodes what it receives (inferred, not documented), but signing and sending different strings is fragile.',
  ),
  valueStep('signed-unencoded-values', percentDecode, 'your code signed the raw (unencoded) values but sent them percent-encoded.'),
];

function dropParam(name: string): Step {
  return (p) => {
    const keep = (s: string): boolean => nameOf(s) !== name;
    if (p.query.every(keep) && (p.body ?? []).every(keep)) return undefined;
    return {
      parts: { ...p, query: p.query.filter(keep), body: p.body?.filter(keep) ?? null },
      mistake: { id: 'signed-params-differ', seen: `Your code signed the parameters without ${name}, which the request sends (added after signing).` },
    };
  };
}

const PARAM_SET_STEPS: Step[] = [
  dropParam('recvWindow'),
  dropParam('timestamp'),
  (p) =>
    p.query.length > 0 && bodyText(p) !== ''
      ? { parts: { ...p, body: p.body ? [] : null, rawBody: '' }, mistake: { id: 'signed-params-differ', seen: 'Your code signed only the query string and left the body out.' } }
      : undefined,
  (p) =>
    p.query.length > 0 && bodyText(p) !== ''
      ? { parts: { ...p, query: [] }, mistake: { id: 'signed-params-differ', seen: 'Your code signed only the body and left the query string out.' } }
      : undefined,
];

const byName = (a: string, b: string): number => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0);
const ORDER_STEPS: Step[] = [
  (p) => {
    const sorted: Parts = { ...p, query: [...p.query].sort(byName), body: p.body ? [...p.body].sort(byName) : null };
    if (totalParams(sorted) === totalParams(p)) return undefined;
    return {
      parts: sorted,
      mistake: { id: 'param-order-differs', seen: `Your code signed the parameters sorted by name (${[...sorted.query, ...(sorted.body ?? [])].map(nameOf).join(', ')}); the request sends them in another order.` },
    };
  },
];

/** How the signature parameter itself ended up in the signed string (one mistake each). */
function signatureMistakes(all: Parts): Array<{ parts: Parts; mistakes: Mistake[] }> {
  const count = [...all.query, ...(all.body ?? [])].filter(isSignature).length;
  const blank = (s: string): string => (isSignature(s) ? 'signature=' : s);
  const out = [
    {
      parts: { ...all, query: all.query.map(blank), body: all.body?.map(blank) ?? null },
      mistakes: [{ id: 'signature-signed-itself' as const, seen: 'Your code signed the string with an empty "signature=" in it (a placeholder added before signing).' }],
    },
  ];
  if (count < 2) return out;
  // Several signature parameters: an earlier one was still in the params when the code signed.
  const flat = [...all.query.map((s) => ['q', s] as const), ...(all.body ?? []).map((s) => ['b', s] as const)];
  const sigAt = flat.map(([, s], i) => (isSignature(s) ? i : -1)).filter((i) => i >= 0);
  for (const drop of [sigAt[sigAt.length - 1], sigAt[0]]) {
    const kept = flat.filter((_, i) => i !== drop);
    out.push({
      parts: { ...all, query: kept.filter(([w]) => w === 'q').map(([, s]) => s), body: all.body ? kept.filter(([w]) => w === 'b').map(([, s]) => s) : null },
      mistakes: [{ id: 'signature-signed-itself', seen: `The request carries ${count} signature parameters; your code signed the string including another "signature=…" (left over from an earlier signing).` }],
    });
  }
  return out;
}

/** Each dimension is a list of alternative mistakes; "no mistake" is always implied. */
const DIMENSIONS: Step[][] = [PARAM_SET_STEPS, SPACE_STEPS, ESCAPE_CASE_STEPS, ENCODING_STEPS, ORDER_STEPS];

/**
 * Every candidate string, fewest mistakes first, duplicates removed (a string is credited to
 * the simplest explanation). The first candidate is the expected string itself.
 */
export function candidateStrings(req: ParsedRequest): Candidate[] {
  const all = requestParts(req);
  const starts = [{ parts: withoutSignature(all), mistakes: [] as Mistake[] }, ...signatureMistakes(all)];

  const out: Candidate[] = [];
  const expand = (parts: Parts, mistakes: Mistake[], dims: Step[][]): void => {
    const [dim, ...rest] = dims;
    if (!dim) {
      emitJoins(parts, mistakes, out);
      return;
    }
    expand(parts, mistakes, rest);
    if (mistakes.length >= MAX_MISTAKES) return;
    for (const step of dim) {
      const r = step(parts);
      if (r) expand(r.parts, [...mistakes, r.mistake], rest);
    }
  };
  for (const s of starts) expand(s.parts, s.mistakes, DIMENSIONS);

  const seen = new Set<string>();
  return out
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.mistakes.length - b.c.mistakes.length || a.i - b.i)
    .map(({ c }) => c)
    .filter((c) => (seen.has(c.text) ? false : (seen.add(c.text), true)));
}

/** Query/body separator and stray `&` — the last mistakes, applied to the finished string. */
function emitJoins(parts: Parts, mistakes: Mistake[], out: Candidate[]): void {
  const plain = totalParams(parts);
  const variants: Candidate[] = [{ text: plain, mistakes }];
  const joined = totalParams(parts, '&');
  if (joined !== plain && mistakes.length < MAX_MISTAKES) {
    variants.push({ text: joined, mistakes: [...mistakes, { id: 'query-body-joined-with-ampersand', seen: 'Your code signed query + "&" + body.' }] });
  }
  for (const v of [...variants]) {
    if (v.mistakes.length >= MAX_MISTAKES) continue;
    variants.push(
      { text: '&' + v.text, mistakes: [...v.mistakes, { id: 'stray-ampersand', seen: 'Your code signed the string with a leading "&".' }] },
      { text: v.text + '&', mistakes: [...v.mistakes, { id: 'stray-ampersand', seen: 'Your code signed the string with a trailing "&".' }] },
    );
  }
  out.push(...variants);
}

/** Secrets a client might really be using instead of the one MEXC holds. */
export function secretVariants(secret: string, givenSecret: string, apiKey: string | undefined): Array<{ key: Buffer; seen: string }> {
  const text = (s: string, seen: string) => ({ key: Buffer.from(s, 'utf8'), seen });
  const out = [
    text(secret + '\n', 'Your code signs with the secret followed by a newline (read from a file or .env without trimming).'),
    text(secret + '\r\n', 'Your code signs with the secret followed by a Windows line break (\\r\\n).'),
    text(secret + ' ', 'Your code signs with the secret followed by a space.'),
    text(' ' + secret, 'Your code signs with the secret preceded by a space.'),
    text(secret.toUpperCase(), 'Your code signs with the secret in upper case.'),
    text(secret.toLowerCase(), 'Your code signs with the secret in lower case.'),
  ];
  if (givenSecret !== secret) out.push(text(givenSecret, 'Your code signs with the secret including the whitespace around it.'));
  if (/^(?:[0-9a-fA-F]{2})+$/.test(secret)) {
    out.push({ key: Buffer.from(secret, 'hex'), seen: 'Your code hex-decodes the secret into bytes; MEXC uses the secret text itself as the HMAC key (UTF-8; https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed).' });
  }
  if (apiKey) out.push(text(apiKey, 'Your code signs with the API key instead of the secret (key and secret swapped).'));
  return out.filter((v, i, all) => !v.key.equals(Buffer.from(secret, 'utf8')) && all.findIndex((w) => w.key.equals(v.key)) === i);
}

const hmacHex = (key: Buffer | string, message: string): string => createHmac('sha256', key).update(message, 'utf8').digest('hex');

/**
 * The string the user's code signed, found by HMAC-ing the candidates with the secret (and,
 * for the simplest candidates, with near-miss secrets). Undefined when nothing matches.
 */
export function findSignedString(
  req: ParsedRequest,
  secret: string,
  givenSecret: string,
  apiKey: string | undefined,
): SignatureMatch | undefined {
  const wanted = new Set(sentSignatures(req).map((s) => s.toLowerCase()));
  if (wanted.size === 0) return undefined;
  const candidates = candidateStrings(req);
  for (const c of candidates) {
    if (wanted.has(hmacHex(secret, c.text))) return { signedString: c.text, mistakes: c.mistakes };
  }
  const simple = candidates.filter((c) => c.mistakes.length <= 1);
  for (const variant of secretVariants(secret, givenSecret, apiKey)) {
    for (const c of simple) {
      if (wanted.has(hmacHex(variant.key, c.text))) {
        return { signedString: c.text, mistakes: [{ id: 'secret-mismatch', seen: variant.seen }, ...c.mistakes] };
      }
    }
  }
  return undefined;
}
