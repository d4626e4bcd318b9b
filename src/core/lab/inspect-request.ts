import { shortenHex } from '../redact.js';
import { hmacSha256Hex } from '../signing.js';
import { expectedStringToSign, findSignedString, sentSignatures, type SignatureMatch } from './candidates.js';
import { checkBodyShape, checkEncoding, checkEndpoint, checkHeaders, checkParams } from './checks.js';
import { labFinding, LAB_CATALOG } from './findings.js';
import { futuresInputProblem, inspectFuturesRequest, isFuturesRequest } from './futures.js';
import { findHeader } from './params.js';
import { clip, redactResult } from './result-text.js';
import type { LabFinding, LabFindingId, LabResult, ParsedRequest } from './types.js';

const HEX_SIGNATURE = /^[0-9a-fA-F]{64}$/;
/** The wrong value printed in Example 1 of https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed-endpoint-examples-for-post-api-v3-order and copied by third parties (docs/mexc-api.md §1.2, §7.15). */
const DOC_EXAMPLE_1_BAD_SIGNATURE = '323c96ab85a745712e95e63cad28903dd8292e4a905e99c4ee3932023843a117';

/**
 * The signature lab: recomputes the signature MEXC expects for the request as sent, names the
 * bug when the user's signature was made over another string, and checks the rest of the
 * request. Pure: no IO, no clock.
 */
export function inspectRequest(req: ParsedRequest, secret: string): LabResult {
  if (isFuturesRequest(req)) return inspectFuturesRequest(req, secret);
  // MEXC holds the secret without surrounding whitespace; a padded copy is a user-side bug.
  const mexcSecret = secret.trim();
  const apiKey = findHeader(req.headers, 'x-mexc-apikey')?.value || undefined;
  const notes: string[] = [...req.notes];
  if (mexcSecret !== secret) notes.push('The secret given to the lab has spaces or a line break around it; the lab used it trimmed, as MEXC holds it.');

  const signed = checkSignature(req, mexcSecret, secret, apiKey);
  const findings: LabFinding[] = [...signed.findings];
  const add = (more: LabFinding[]): void => {
    for (const f of more) if (!findings.some((g) => g.id === f.id)) findings.push(f);
  };
  add(checkEndpoint(req));
  const headers = checkHeaders(req);
  add(headers.findings);
  add(checkParams(req));
  const encoding = checkEncoding(req);
  add(encoding.findings);
  notes.push(...headers.notes, ...encoding.notes, ...checkBodyShape(req));
  if (signed.notes.length > 0) notes.push(...signed.notes);

  const problems = findings.filter((f) => f.severity === 'problem');
  const valid = signed.status === 'valid' && problems.length === 0;
  if (signed.status === 'valid') notes.push('Timestamp freshness is not checked here: MEXC also refuses a request older than recvWindow or 1 s or more ahead of its clock (700003).');

  const result: LabResult = {
    valid,
    verdict: verdict(signed.status, findings, problems),
    findings,
    notes,
    ...(signed.signature ? { signature: signed.signature } : {}),
    ...(apiKey ? { apiKey } : {}),
  };
  return redactResult(result, [secret, mexcSecret]);
}

type SignatureStatus = 'valid' | 'missing' | 'mismatch';

interface SignatureCheck {
  status: SignatureStatus;
  findings: LabFinding[];
  notes: string[];
  signature?: LabResult['signature'];
}

function checkSignature(req: ParsedRequest, mexcSecret: string, givenSecret: string, apiKey: string | undefined): SignatureCheck {
  const sent = sentSignatures(req);
  const first = sent[0];
  if (first === undefined) {
    return {
      status: 'missing',
      findings: [labFinding('signature-missing', 'The request has no signature parameter (or an empty one) in the query string or the body.')],
      notes: [],
    };
  }
  const stringToSign = expectedStringToSign(req);
  const expected = hmacSha256Hex(mexcSecret, stringToSign);
  const signature = { sent: first, expected, stringToSign };
  const notes = sent.length > 1 ? [`The request carries ${sent.length} non-empty signature parameters; send exactly one.`] : [];
  const match = findSignedString(req, mexcSecret, givenSecret, apiKey);
  const uppercase = /[A-F]/.test(first) && HEX_SIGNATURE.test(first);

  if (match && match.mistakes.length === 0) {
    if (uppercase) {
      const f = labFinding('signature-uppercase', `Lowercased, the signature sent (${shortenHex(first)}) equals the expected one: only the letter case is wrong.`);
      return { status: 'mismatch', findings: [f], notes, signature };
    }
    const f = labFinding(
      'signature-valid',
      `HMAC-SHA256 of the query string + body (nothing between them, signature removed), keyed by your secret, equals the signature sent (${shortenHex(first)}).`,
    );
    return { status: 'valid', findings: [f], notes, signature };
  }

  const findings = match ? mistakeFindings(match, stringToSign) : [noMatchFinding(first, stringToSign, expected)];
  if (uppercase) findings.push(labFinding('signature-uppercase', `The signature sent (${shortenHex(first)}) has uppercase hex letters.`));
  return { status: 'mismatch', findings, notes, signature: { ...signature, ...(match ? { signedString: match.signedString } : {}) } };
}

/** One finding per mistake id, the strings compared in the first one. */
function mistakeFindings(match: SignatureMatch, stringToSign: string): LabFinding[] {
  const seenById = new Map<LabFindingId, string[]>();
  for (const m of match.mistakes) seenById.set(m.id, [...(seenById.get(m.id) ?? []), m.seen]);
  const comparison = ` Signed: "${clip(match.signedString)}"; MEXC expects: "${clip(stringToSign)}".`;
  return [...seenById].map(([id, seen], i) => labFinding(id, seen.join(' ') + (i === 0 ? comparison : '')));
}

function noMatchFinding(sent: string, stringToSign: string, expected: string): LabFinding {
  const format = HEX_SIGNATURE.test(sent)
    ? ''
    : ` The signature sent is ${sent.length} characters long and not 64 hex digits: MEXC expects lowercase hex (not base64, not truncated).`;
  const docBug =
    sent.toLowerCase() === DOC_EXAMPLE_1_BAD_SIGNATURE
      ? ' This is the wrong signature printed in MEXC\'s docs (Example 1); the correct one for that example is fd3e4e85…837a.'
      : '';
  return labFinding(
    'secret-mismatch',
    `The signature sent (${shortenHex(sent)}) is not the HMAC of the string MEXC expects, "${clip(stringToSign)}" (that gives ${shortenHex(expected)}), ` +
      'nor of any string that common bugs produce (sorted order, "+" for space, encoding, "&" joins, signature included), ' +
      `nor of your secret with whitespace or case changes.${format}${docBug}`,
  );
}

function verdict(status: SignatureStatus, findings: LabFinding[], problems: LabFinding[]): string {
  if (status === 'missing') return 'Signature missing: the request has no signature parameter, so MEXC answers 700004';
  if (status === 'mismatch') return `Signature does not match: ${findings[0]?.title ?? LAB_CATALOG['secret-mismatch'].title}`;
  if (problems.length === 0) return 'Signature valid — MEXC would accept this request';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `Signature valid, but the request has a problem: ${problems[0]!.title}${more}`;
}
