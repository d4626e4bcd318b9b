// Time to the wizard's first visible screen in a pseudo-terminal, against bare Node printing one
// line in the same pseudo-terminal, measured side by side (interleaved runs).
//
//   node scripts/bench/first-screen.mjs [--runs 15] [--json out.json]
//
// Both run under util-linux `script` (a real pty, 100×30, TERM=xterm-256color, CI unset), from a
// temp folder without a .env and with no credentials in the environment. The clock stops when
// the screen (ANSI stripped) first shows the wizard's title line, i.e. Ink's first frame; for
// the baseline, when `ready` appears. `script` and the shell it starts are in both numbers.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, NODE, ROOT, context, flags, fmt, median, ptyTimeToText, requireBuild, tempDir, wizardSourcePresent, writeJson } from './lib.mjs';

const opts = flags({ runs: 15, warmup: 2, json: '' });
requireBuild();
const cwd = tempDir();

if (!wizardSourcePresent()) {
  console.log(`### First screen (${context()})\n\npending: the Ink wizard (src/ui) has not landed.`);
  process.exit(0);
}

const TITLE = /mexc-wizard \d+\.\d+/;
// The banner is printed before Ink loads; the menu is Ink's first frame.
const MENU = /What do you want to do\?/;

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
  wizard: () => ptyTimeToText(`${NODE} ${BIN}`, { marker: TITLE, cwd }),
  wizardMenu: () => ptyTimeToText(`${NODE} ${BIN}`, { marker: MENU, cwd }),
  demo: () => ptyTimeToText(`${NODE} ${BIN} --demo`, { marker: TITLE, cwd }),
  plain: () => ptyTimeToText(`${NODE} ${BIN} --plain`, { marker: TITLE, cwd }),
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
  }
}

const base = median(samples.baseline);
console.log(`### First screen in a pty (${context()}; ${opts.runs} interleaved runs each, medians)\n`);
console.log('| command | median ms | min–max ms | ratio to baseline | target |');
console.log('|---|---:|---:|---:|---:|');
const line = (label, xs, target) =>
  console.log(`| ${label} | ${fmt(median(xs), 1)} | ${fmt(Math.min(...xs), 0)}–${fmt(Math.max(...xs), 0)} | ${fmt(median(xs) / base, 2)}× | ${target} |`);
line("`node -e \"console.log('ready')\"` (baseline)", samples.baseline, '');
line('`mexc-wizard` (first visible screen: the banner, printed before Ink loads)', samples.wizard, '≤ 2.0×');
line('`mexc-wizard` (the interactive menu: Ink\'s first frame)', samples.wizardMenu, '');
line('`mexc-wizard --demo`', samples.demo, '≤ 2.0×');
line('`mexc-wizard --plain` (enquirer, no Ink)', samples.plain, '');
line('reference: minimal bundled Ink app (2 lines of Text)', samples.minimalInk, '');
for (const [name, message] of Object.entries(failures)) console.log(`\n${name} failed at least once: ${message}`);
writeJson(opts.json, { context: context(), runs: opts.runs, samples, failures });
