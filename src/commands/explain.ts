import { defaultFixContext } from '../core/defaults.js';
import { diagnosePaste } from '../core/read-paste.js';
import type { LabFinding } from '../core/lab/types.js';
import { secretExposedFinding } from '../core/secret-exposure.js';
import { terminalSafe, terminalSafeDeep, terminalSafeJson } from '../core/terminal-text.js';
import type { Diagnosis, FixContext } from '../core/types.js';
import { formatDiagnosis, styler } from '../shell/format.js';
import { wrap } from '../shell/layout.js';
import { EXIT, toolCommand, type CommandIO } from '../shell/io.js';
import { knownSecrets } from '../shell/secrets.js';

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


function emptyInput(io: CommandIO): string {
  const explain = toolCommand(io, 'explain');
  return (
    'explain needs the error to explain: pass it as an argument or pipe it in, for example\n' +
    `  ${explain} '{"code":700002,"msg":"Signature for this request is not valid."}'\n` +
    `  ${explain} - < bot.log\n` +
    `  ${explain} -        (then paste and press Ctrl-D)\n`
  );
}

const NOT_RECOGNISED =
  'No MEXC error found in this text. Paste the full response body MEXC sent (JSON like {"code":700002,"msg":"..."}) or the whole error line for a diagnosis.';

export async function runExplain(opts: ExplainOptions, io: CommandIO): Promise<number> {
  const redactor = io.redactor ?? knownSecrets(io.env, io.cwd);

  // No TEXT: read a pipe, but do not sit waiting on a terminal. `-` reads stdin even on a
  // terminal (paste, then Ctrl-D), as cli.ts passes it through.
  let text: string;
  if (opts.text === '-') text = await io.readStdin();
  else if (opts.text !== undefined) text = opts.text;
  else if (io.isTTY) {
    io.stderr(emptyInput(io));
    return EXIT.usage;
  } else text = await io.readStdin();
  if (!text.trim()) {
    io.stderr(emptyInput(io));
    return EXIT.usage;
  }

  // The paste is looked at for the secret, then masked before anything reads, quotes or encodes it.
  const exposed = secretExposedFinding(text, redactor);
  const { recognised, diagnoses, success } = diagnosePaste(redactor.redact(text), fixContextFor(opts, io));
  const warnings = exposed ? [{ id: exposed.id, title: exposed.title, detail: exposed.detail }] : [];

  if (opts.json) {
    io.stdout(`${terminalSafeJson(redactor.redactDeep({ diagnoses: diagnoses.map(toJson), ...(warnings.length ? { warnings } : {}) }))}\n`);
  } else {
    const shown = terminalSafeDeep(redactor.redactDeep({ diagnoses, success }));
    io.stdout(formatHuman(shown.diagnoses, recognised, { color: io.color, links: Boolean(io.links) }, exposed, shown.success));
  }
  return diagnoses.length || exposed ? EXIT.problem : EXIT.ok;
}

function fixContextFor(opts: ExplainOptions, io: CommandIO): FixContext {
  const envKey = io.env.MEXC_API_KEY?.trim();
  const envBaseUrl = io.env.MEXC_BASE_URL?.trim();
  return defaultFixContext({
    platform: io.platform,
    ...(envBaseUrl ? { baseUrl: envBaseUrl } : {}),
    ...(envKey ? { apiKey: envKey } : {}),
    ...(io.invocation ? { invocation: io.invocation } : {}),
    ...opts.fixContext,
  });
}

function toJson(d: Diagnosis) {
  return { id: d.id, title: d.title, explanation: d.explanation, evidence: d.evidence, fixes: d.fixes };
}

// Human output: the same rendering as `check` (fix text flush left, status as symbol + word).

function formatHuman(diagnoses: Diagnosis[], recognised: boolean, out: { color: boolean; links: boolean }, exposed: LabFinding | undefined, success?: { endpoint?: string }): string {
  const s = styler(out.color);
  const blocks: string[] = [];
  if (exposed) blocks.push([`${s.bold(s.red(`✗ ${exposed.title}`))}${s.dim(`  [${exposed.id}]`)}`, ...wrap(terminalSafe(exposed.detail), 88, { indent: '   ' })].join('\n'));
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
    blocks.push(formatDiagnosis(d, s, `${s.red(`✗ Problem${count}:`)} `, { links: out.links }));
  });
  return `${blocks.join('\n\n')}\n`;
}
