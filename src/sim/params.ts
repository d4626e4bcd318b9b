/**
 * Parameter values as the endpoint handlers read them. Only for reading values: signature
 * checks use the raw text (verify.ts), never this parsed form.
 */

export type RequestParams = ReadonlyMap<string, string>;

function decodeFormComponent(text: string): string {
  try {
    // Servlet-style form decoding, as a Java gateway reads parameters: `+` is a space.
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function parseFormText(text: string, into: Map<string, string>): void {
  for (const segment of text.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const name = decodeFormComponent(eq === -1 ? segment : segment.slice(0, eq));
    const value = eq === -1 ? '' : decodeFormComponent(segment.slice(eq + 1));
    if (!into.has(name)) into.set(name, value);
  }
}

/** A body that is a JSON object ([UNCONFIRMED] for spot, docs/mexc-api.md §1.3) is read as params too. */
function parseJsonObject(text: string, into: Map<string, string>): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (v === null || v === undefined || into.has(k)) continue;
      into.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Query and body parameters merged; "if a name appears in both, the query-string value wins"
 * ("General Information on Endpoints", https://mexcdevelop.github.io/apidocs/spot_v3_en/#general-information-on-endpoints).
 */
export function parseParams(rawQuery: string, bodyText: string): RequestParams {
  const params = new Map<string, string>();
  parseFormText(rawQuery, params);
  const body = bodyText.trim();
  if (body.startsWith('{') && parseJsonObject(body, params)) return params;
  parseFormText(bodyText, params);
  return params;
}

/** A positive decimal as MEXC accepts it in quantity/price fields: digits, optional fraction. */
export function parsePositiveDecimal(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/** A non-negative integer such as timestamp or recvWindow; anything else is "malformed". */
export function parseWholeNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,16}$/.test(value)) return undefined;
  return Number(value);
}
