import { defaultFixContext } from '../core/defaults.js';
import { diagnosePaste } from '../core/read-paste.js';
import { redactSecrets } from '../core/redact.js';
import type { Diagnosis, FixContext } from '../core/types.js';
import { formatDiagnosis, styler } from '../shell/format.js';
import { EXIT, type CommandIO } from '../shell/io.js';

/**
 * `mexc-wizard explain [TEXT|-] [--json]`: cause and fix for a pasted MEXC error, whatever
 * shape it arrives in (read-paste.ts finds it; classify.ts and the catalog do the rest).
 * Exit 1 whenever a problem was shown (also "not recognised"), 2 for empty input.
 */

export interface ExplainOptions {
  text?: string;
  json: boolean;
  fixContext?: Partial<FixContext>;
}

const EMPTY_INPUT =
  'explain needs the error to explain: pass it as an argument or pipe it in, for example\n' +
  `  mexc-wizard explain '{"code":700002,"msg":"Signature for this request is not valid."}'\n` +
  '  mexc-wizard explain - < bot.log\n' +
  '  mexc-wizard explain -        (then paste and press Ctrl-D)\n';

const NOT_RECOGNISED =
  'No MEXC error found in this text. Paste the full response body MEXC sent (JSON like {"code":700002,"msg":"..."}) or the whole error line for a diagnosis.';

export async function runExplain(opts: ExplainOptions, io: CommandIO): Promise<number> {
  const secrets = [io.env.MEXC_SECRET_KEY, io.env.MEXC_API_SECRET, io.env.MEXC_SECRET];
  const write = (out: (t: string) => void, text: string) => out(redactSecrets(text, secrets));

  // No TEXT: read a pipe, but do not sit waiting on a terminal. `-` reads stdin even on a
  // terminal (paste, then Ctrl-D), as cli.ts passes it through.
  let text: string;
  if (opts.text === '-') text = await io.readStdin();
  else if (opts.text !== undefined) text = opts.text;
  else if (io.isTTY) {
    write(io.stderr, EMPTY_INPUT);
    return EXIT.usage;
  } else text = await io.readStdin();
  if (!text.trim()) {
    write(io.stderr, EMPTY_INPUT);
    return EXIT.usage;
  }

  const { recognised, diagnoses, success } = diagnosePaste(text, fixContextFor(opts, io));

  if (opts.json) {
    write(io.stdout, `${JSON.stringify({ diagnoses: diagnoses.map(toJson) }, null, 2)}\n`);
  } else {
    write(io.stdout, formatHuman(diagnoses, recognised, io.color, success));
  }
  return diagnoses.length ? EXIT.problem : EXIT.ok;
}

function fixContextFor(opts: ExplainOptions, io: CommandIO): FixContext {
  const envKey = io.env.MEXC_API_KEY?.trim();
  const envBaseUrl = io.env.MEXC_BASE_URL?.trim();
  return defaultFixContext({ platform: io.platform, ...(envBaseUrl ? { baseUrl: envBaseUrl } : {}), ...(envKey ? { apiKey: envKey } : {}), ...opts.fixContext });
}

function toJson(d: Diagnosis) {
  return { id: d.id, title: d.title, explanation: d.explanation, evidence: d.evidence, fixes: d.fixes };
}

// Human output: the same rendering as `check` (fix text flush left, status as symbol + word).

function formatHuman(diagnoses: Diagnosis[], recognised: boolean, color: boolean, success?: { endpoint?: string }): string {
  const s = styler(color);
  const blocks: string[] = [];
  if (!recognised) blocks.push(`${s.yellow('! Not recognised:')} ${NOT_RECOGNISED}`);
  if (diagnoses.length === 0) {
    blocks.push(
      success
        ? `${s.green('✓ No error:')} this is a successful MEXC answer${success.endpoint ? ` (what ${success.endpoint} sends)` : ''}. Nothing to fix in it.`
        : `${s.yellow('! No error:')} the text holds a MEXC answer without an error code.`,
    );
  }
  diagnoses.forEach((d, i) => {
    const count = diagnoses.length > 1 ? ` (${i + 1} of ${diagnoses.length})` : '';
    blocks.push(formatDiagnosis(d, s, `${s.red(`✗ Problem${count}:`)} `));
  });
  return `${blocks.join('\n\n')}\n`;
}
