/**
 * Percent-encoding the way MEXC's own demos sign values (Java URLEncoder with `+` → `%20`,
 * Go QueryEscape likewise): uppercase hex, space as `%20`, and every reserved character,
 * including `( ) , : [ ] { } ! ' *`, encoded. Unreserved: A-Z a-z 0-9 - _ . ~
 * See docs/mexc-api.md §1.3: "percent-encode every value with uppercase hex, space as %20".
 */
export function encodeMexcValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase(),
  );
}

export type ParamValue = string | number | boolean;
/** Parameters in the order the caller wants them sent: MEXC spot v3 does not sort. */
export type Params = ReadonlyArray<readonly [string, ParamValue]>;

/** `k=v&k=v` in the given order, values encoded MEXC-style. Keys are plain ASCII names. */
export function buildQueryString(params: Params): string {
  return params.map(([k, v]) => `${encodeMexcValue(k)}=${encodeMexcValue(String(v))}`).join('&');
}

/** Accepts a record or an ordered list; records keep insertion order. */
export function toParams(input: Params | Record<string, ParamValue | undefined>): Params {
  if (Array.isArray(input)) return input as Params;
  return Object.entries(input as Record<string, ParamValue | undefined>).filter(
    (e): e is [string, ParamValue] => e[1] !== undefined,
  );
}
