import type { DiagnosisId, Cause, Fix, FixContext } from '../types.js';

export type Facts = Cause['facts'];

/** Which API family a code belongs to. `binance`: Binance's codes and texts, which ported bots and MEXC lookalike answers carry. */
export type CodeFamily = 'spot' | 'futures' | 'binance';

/**
 * A code that classifies to this entry. `text` is the message the source documents (or that was
 * observed); `source` is a public URL or a section of docs/mexc-api.md. `when` narrows a code
 * whose meaning depends on its message (700004 names any missing parameter).
 */
export interface CodeRead {
  code: number;
  family: CodeFamily;
  text: string;
  source: string;
  when?: (messageLower: string) => boolean;
  /** Facts this code adds (a hint shown as evidence, the parameter a message names…). */
  facts?: (message: string) => Facts;
}

/**
 * A message that classifies to this entry on its own (a known message wins over an unknown
 * code). `fragment` is lowercase, without trailing punctuation, matched as a substring;
 * `pattern` is for wordings that vary.
 */
export type MessageRead = {
  source: string;
  /**
   * `futures`: read only in an answer in the futures envelope (`{success:false, code, message}`),
   * and there before any other reading (futures words mean something else than the same words on
   * spot). Other families are documentation only.
   */
  family?: CodeFamily;
  facts?: Facts | ((message: string) => Facts);
  /** This wording wins even over a known code (an answer that says "expired" or "maintenance"). */
  beatsCode?: boolean;
} & ({ fragment: string } | { pattern: RegExp; example: string });

/** Network failures: Node/undici error codes, and the texts other stacks print for the same failure. */
export interface NetworkRead {
  codes?: readonly string[];
  codePattern?: RegExp;
  /** Texts in pasted logs (Python, curl, Go, Java) → the code they stand for. */
  texts?: ReadonlyArray<{ pattern: RegExp; example: string; source: string }>;
}

/** Everything the classifier reads for an entry; every table in classify.ts is derived from these. */
export interface Reads {
  codes?: readonly CodeRead[];
  messages?: readonly MessageRead[];
  /** HTTP statuses that mean this diagnosis when no MEXC code says otherwise. */
  httpStatuses?: { statuses: readonly number[] | { from: number; to: number }; source: string };
  network?: NetworkRead;
}

/**
 * Whether an answer with this diagnosis is a refusal (the request was turned away before
 * MEXC's endpoint logic ran) and how far it reaches:
 * - `every-request`: every signed request with this key from here fails the same way
 *   (key, signature, time, IP, account block, or the path to MEXC), so later signed steps are
 *   skipped;
 * - `this-endpoint`: only this endpoint or symbol is refused (a permission, a content type);
 * - `false`: not a refusal (a local finding, or an answer this tool cannot place).
 */
export type Refusal = 'every-request' | 'this-endpoint' | false;

/** Helper screens a fix screen offers besides the fixes (the wizard's keys l, e and t). */
export type Helper = 'lab' | 'expiry' | 'credentials';

/**
 * One row of the diagnosis catalog: everything about a diagnosis in one place: what the
 * classifier reads as it, whether it is a refusal, which helpers its fix screen offers, how its
 * facts read as evidence, and what every front end shows.
 */
export interface CatalogEntry {
  title: string | ((facts: Facts) => string);
  explanation: string | ((facts: Facts, ctx: FixContext) => string);
  /** Fact names shown as evidence lines, in this order (see evidence.ts for the wording). */
  evidence: readonly string[];
  /** Fixes in the order a user should try them; `ctx.requestSource` says whose request failed. */
  fixes: (ctx: FixContext, facts: Facts) => Fix[];
  reads: Reads;
  refusal: Refusal;
  helpers: readonly Helper[];
}

/** A group of entries (one file per group); index.ts checks that together they cover every id. */
export type CatalogGroup = { readonly [K in DiagnosisId]?: CatalogEntry };
