// Time to the wizard's interactive menu in a pseudo-terminal, against bare Node printing one
// line in the same pseudo-terminal, measured side by side (interleaved runs).
//
//   node scripts/bench/first-screen.mjs [--runs 15] [--json out.json]
//
// Everything runs under util-linux `script` (a real pty, 100×30, TERM=xterm-256color, CI
// unset), from a temp folder without a .env and with no credentials in the environment. The
// clock stops when the screen (ANSI stripped) first shows the menu ("What do you want to do?",
// drawn before Ink loads, with raw mode on so keys typed now are kept); for the baseline, when
// `ready` appears. "Answers a key" presses Enter as soon as the menu shows and stops when the
// next screen appears: when Ink has loaded and acted on it. `script` and its shell are in every
// number. Run it with another Node (e.g. `npx node@22 scripts/bench/first-screen.mjs`) to see
// the module compile cache of Node 22.1+ at work.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, NODE, ROOT, context, flags, fmt, median, ptyTimeToText, requireBuild, sleep, startPty, tempDir, wizardSourcePresent, writeJson } from './lib.mjs';

const opts = flags({ runs: 15, warmup: 2, json: '' });
requireBuild();
const cwd = tempDir();

if (!wizardSourcePresent()) {
  console.log(`### First screen (${context()})\n\npending: the Ink wizard (src/ui) has not landed.`);
  process.exit(0);
}

const TITLE = /mexc-wizard \d+\.\d+/;
const MENU = /What do you want to do\?/;
// The screen after Enter on the menu's first choice (no credentials here: it asks for them).
const NEXT = /No API key|Use these credentials|Pick a demo scenario|Demo: pick a scenario/;

/** Spawn → the menu on screen, Enter, → the next screen: when the menu first acts on a key (ms). */
async function timeToAnswer(commandLine, marker = NEXT) {
  const pty = startPty(commandLine, { cwd });
  try {
    await pty.waitFor(MENU);
    const shown = pty.screen().length;
    pty.write('\r');
    return await pty.waitFor(marker, { from: shown });
  } finally {
    await pty.kill();
  }
}

// Reference: the smallest Ink app (two lines of Text), bundled the way scripts/build.mjs bundles
// the wizard. It shows the floor that loading Ink, React and Yoga puts under any Ink first frame.
const { build } = await import(pathToFileURL(path.join(ROOT, 'node_modules/esbuild/lib/main.js')).href);
const minimalInk = path.join(cwd, 'minimal-ink.mjs');
await build({
  stdin: {
    contents:
      "import React from 'react'; import { render, Box, Text } from 'ink';\n" +
      "render(React.createElement(Box, { flexDirection: 'column' }, React.createElement(Text, { bold: true }, 'mexc-wizard 0.0.0'), React.createElement(Text, null, 'What do you want to do?')));",
    resolveDir: ROOT,
    loader: 'js',
  },
  outfile: minimalInk,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'react-devtools-core': path.join(ROOT, 'scripts/stub-devtools.mjs') },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'error',
});
const variants = {
  baseline: () => ptyTimeToText(`${NODE} -e "console.log('ready')"`, { marker: /ready/, cwd }),
  wizardMenu: () => ptyTimeToText(`${NODE} ${BIN}`, { marker: MENU, cwd }),
  wizardAnswers: () => timeToAnswer(`${NODE} ${BIN}`),
  demo: () => ptyTimeToText(`${NODE} ${BIN} --demo`, { marker: MENU, cwd }),
  plain: () => ptyTimeToText(`${NODE} ${BIN} --plain`, { marker: MENU, cwd }),
  minimalInk: () => ptyTimeToText(`${NODE} ${minimalInk}`, { marker: TITLE, cwd }),
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
    // Let the killed process's teardown finish before the next one starts: it would be timed.
    await sleep(150);
  }
}

const base = median(samples.baseline);
console.log(`### First screen in a pty (${context()}; ${opts.runs} interleaved runs each, medians)\n`);
console.log('| command | median ms | min–max ms | ratio to baseline | target |');
console.log('|---|---:|---:|---:|---:|');
const line = (label, xs, target) =>
  console.log(`| ${label} | ${fmt(median(xs), 1)} | ${fmt(Math.min(...xs), 0)}–${fmt(Math.max(...xs), 0)} | ${fmt(median(xs) / base, 2)}× | ${target} |`);
line("`node -e \"console.log('ready')\"` (baseline)", samples.baseline, '');
line('`mexc-wizard`: the interactive menu on screen (drawn before Ink loads, keys kept)', samples.wizardMenu, '≤ 2.0×');
line('`mexc-wizard --demo`: the menu on screen', samples.demo, '≤ 2.0×');
line('`mexc-wizard`: the menu answers a key (Enter at once → next screen: Ink loaded)', samples.wizardAnswers, '');
line('`mexc-wizard --plain`: the menu (enquirer, no Ink)', samples.plain, '');
line("reference: minimal bundled Ink app (2 lines of Text): Ink's own floor", samples.minimalInk, '');
for (const [name, message] of Object.entries(failures)) console.log(`\n${name} failed at least once: ${message}`);
writeJson(opts.json, { context: context(), runs: opts.runs, samples, failures });
