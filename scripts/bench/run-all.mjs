// Runs every benchmark one after the other and writes BENCHMARKS.md: each section carries the
// command that produced it and the date (in its header line).
//
//   npm run build && node scripts/bench/run-all.mjs [--out BENCHMARKS.md]
//
// The machine should be otherwise idle: the header of each section shows the load average.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, flags, requireBuild } from './lib.mjs';

const opts = flags({ out: path.join(ROOT, 'BENCHMARKS.md') });
requireBuild();

const BENCHES = [
  ['startup.mjs', []],
  ['first-screen.mjs', []],
  ['network.mjs', []],
  ['clock.mjs', []],
  ['memory.mjs', []],
  ['package.mjs', []],
  ['sim-log.mjs', []],
  ['redact.mjs', []],
];

const sections = [];
for (const [file, args] of BENCHES) {
  const command = `node scripts/bench/${file}${args.length ? ` ${args.join(' ')}` : ''}`;
  console.error(`running ${command}`);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench', file), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  const body = r.status === 0 ? r.stdout.trim() : `**failed** (exit ${r.status}):\n\n\`\`\`\n${(r.stderr || r.stdout).trim().slice(-2000)}\n\`\`\``;
  sections.push(`${body}\n\nCommand: \`${command}\``);
}

let intro = '';
try {
  // Keep the hand-written part above the first generated section.
  intro = readFileSync(opts.out, 'utf8').split('<!-- generated -->')[0].trimEnd();
} catch {}
writeFileSync(opts.out, `${intro || '# Benchmarks'}\n\n<!-- generated -->\n\n${sections.join('\n\n')}\n`);
console.error(`wrote ${path.relative(process.cwd(), opts.out)}`);
