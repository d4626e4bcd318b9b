// Time to the wizard's first visible screen in a pseudo-terminal, against bare Node printing one
// line in the same pseudo-terminal, measured side by side (interleaved runs).
//
//   node scripts/bench/first-screen.mjs [--runs 15] [--json out.json]
//
// Both run under util-linux `script` (a real pty, 100×30, TERM=xterm-256color, CI unset), from a
// temp folder without a .env and with no credentials in the environment. The clock stops when
// the screen (ANSI stripped) first shows the wizard's title line, i.e. Ink's first frame; for
// the baseline, when `ready` appears. `script` and the shell it starts are in both numbers.
import { BIN, NODE, cleanEnv, context, flags, fmt, median, ptyTimeToText, requireBuild, tempDir, wizardSourcePresent, writeJson } from './lib.mjs';

const opts = flags({ runs: 15, warmup: 2, json: '' });
requireBuild();
const cwd = tempDir();

if (!wizardSourcePresent()) {
  console.log(`### First screen (${context()})\n\npending: the Ink wizard (src/ui) has not landed.`);
  process.exit(0);
}

const TITLE = /mexc-wizard \d+\.\d+/;
const variants = {
  baseline: () => ptyTimeToText(`${NODE} -e "console.log('ready')"`, { marker: /ready/, cwd }),
  wizard: () => ptyTimeToText(`${NODE} ${BIN}`, { marker: TITLE, cwd }),
  demo: () => ptyTimeToText(`${NODE} ${BIN} --demo`, { marker: TITLE, cwd }),
  plain: () => ptyTimeToText(`${NODE} ${BIN} --plain`, { marker: TITLE, cwd }),
};

const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
const failures = {};
for (let i = 0; i < opts.warmup + opts.runs; i++) {
  for (const [name, run] of Object.entries(variants)) {
    try {
      const ms = await run();
      if (i >= opts.warmup) samples[name].push(ms);
    } catch (error) {
      failures[name] = String(error.message ?? error).slice(0, 300);
    }
  }
}

const base = median(samples.baseline);
console.log(`### First screen in a pty (${context()}; ${opts.runs} interleaved runs each, medians)\n`);
console.log('| command | median ms | min–max ms | ratio to baseline | target |');
console.log('|---|---:|---:|---:|---:|');
const line = (label, xs, target) =>
  console.log(`| ${label} | ${fmt(median(xs), 1)} | ${fmt(Math.min(...xs), 0)}–${fmt(Math.max(...xs), 0)} | ${fmt(median(xs) / base, 2)}× | ${target} |`);
line("`node -e \"console.log('ready')\"` (baseline)", samples.baseline, '');
line('`mexc-wizard` (title of the first screen)', samples.wizard, '≤ 2.0×');
line('`mexc-wizard --demo`', samples.demo, '≤ 2.0×');
line('`mexc-wizard --plain` (enquirer, no Ink)', samples.plain, '');
for (const [name, message] of Object.entries(failures)) console.log(`\n${name} failed at least once: ${message}`);
writeJson(opts.json, { context: context(), runs: opts.runs, samples, failures });
