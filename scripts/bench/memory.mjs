// Peak memory (maximum resident set size).
//
//   node scripts/bench/memory.mjs [--runs 5] [--json out.json]
//
// check, --version and bare node: `/usr/bin/time -f %M` (GNU time, apt-get install time).
//   check runs against the simulator (in this process, scenario ok, all six steps).
// wizard: `--demo --scenario ok` in a pseudo-terminal (`script`); VmHWM is read from
//   /proc/PID/status of the node process once Ink has drawn the screen after the menu (the
//   menu itself is drawn before Ink loads), and again after Enter, Enter has run all six steps
//   against the built-in simulator; then it is killed.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, NODE, cleanEnv, commandOf, context, descendants, flags, fmt, loadSource, median, requireBuild, startPty, tempDir, timeRun, vmHwmKb, wizardSourcePresent, writeJson } from './lib.mjs';

const opts = flags({ runs: 5, json: '' });
requireBuild();
const TIME = '/usr/bin/time';
const cwd = tempDir();

async function peakKb(args, env) {
  if (!existsSync(TIME)) return NaN;
  const out = path.join(cwd, 'time.txt');
  const run = await timeRun(TIME, ['-f', '%M', '-o', out, NODE, ...args], { env, cwd });
  if (run.code !== 0 && run.code !== 1) throw new Error(`${args.join(' ')} exited ${run.code}: ${run.stderr.slice(0, 300)}`);
  return Number(readFileSync(out, 'utf8').trim().split('\n').pop());
}

const { startSimulator, generateDemoCredentials } = await loadSource();
const creds = generateDemoCredentials();
const sim = await startSimulator({ port: 0, apiKey: creds.apiKey, secret: creds.secret, scenario: 'ok' });
const checkEnv = cleanEnv({ MEXC_API_KEY: creds.apiKey, MEXC_SECRET_KEY: creds.secret });

const samples = { node: [], version: [], check: [], checkJson: [] };
for (let i = 0; i < opts.runs; i++) {
  samples.node.push(await peakKb(['-e', '0'], cleanEnv()));
  samples.version.push(await peakKb([BIN, '--version'], cleanEnv()));
  samples.check.push(await peakKb([BIN, 'check', '--base-url', sim.url], checkEnv));
  samples.checkJson.push(await peakKb([BIN, 'check', '--json', '--verbose', '--base-url', sim.url], checkEnv));
}
await sim.close();

/** The node process under `script` (the pty wrapper execs the shell into node). */
function nodePid(scriptPid) {
  return descendants(scriptPid).find((p) => commandOf(p).some((a) => a.endsWith('mexc-wizard.js')));
}

const wizard = { firstScreen: [], afterDemo: [] };
let wizardNote = '';
if (!wizardSourcePresent()) {
  wizardNote = 'pending: src/ui has not landed';
} else {
  for (let i = 0; i < opts.runs; i++) {
    // --demo --scenario ok: welcome → Enter → "Use these credentials" → Enter → all six steps.
    const pty = startPty(`${NODE} ${BIN} --demo --scenario ok`, { cwd });
    try {
      // The menu is drawn before Ink loads: take the figure once Ink has drawn the next screen.
      await pty.waitFor(/What do you want to do\?/);
      const pid = nodePid(pty.child.pid);
      pty.write('\r');
      await pty.waitFor(/Use these credentials/);
      wizard.firstScreen.push(pid ? vmHwmKb(pid) : NaN);
      pty.write('\r');
      await pty.waitFor(/No problems found/, { timeoutMs: 30_000 });
      wizard.afterDemo.push(pid ? vmHwmKb(pid) : NaN);
    } finally {
      await pty.kill();
    }
  }
}

const mb = (kb) => kb / 1024;
const med = (xs) => median(xs.filter(Number.isFinite));
console.log(`### Peak memory (${context()}; ${opts.runs} runs, medians of max RSS)\n`);
console.log('| process | peak RSS MB | target |');
console.log('|---|---:|---:|');
console.log(`| node -e 0 | ${fmt(mb(med(samples.node)), 1)} | |`);
console.log(`| mexc-wizard --version | ${fmt(mb(med(samples.version)), 1)} | |`);
console.log(`| mexc-wizard check (simulator, all steps) | ${fmt(mb(med(samples.check)), 1)} | ≤ 70 |`);
console.log(`| mexc-wizard check --json --verbose | ${fmt(mb(med(samples.checkJson)), 1)} | ≤ 70 |`);
if (wizardNote) console.log(`| wizard | ${wizardNote} | ≤ 100 |`);
else {
  console.log(`| wizard --demo, Ink loaded (the credentials screen, pty) | ${fmt(mb(med(wizard.firstScreen)), 1)} | ≤ 100 |`);
  console.log(`| wizard --demo, after all six steps ran (pty) | ${fmt(mb(med(wizard.afterDemo)), 1)} | ≤ 100 |`);
}
writeJson(opts.json, { context: context(), samplesKb: samples, wizardKb: wizard });
