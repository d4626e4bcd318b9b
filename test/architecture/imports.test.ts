import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The floors of docs/architecture.md, read from the source: every import (static, `export …
 * from`, dynamic `import()`) of every file under src/, and the rules it must keep. A rule broken
 * names the file and the import, so the fix is to move the code to the floor it belongs on.
 */

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

interface Import {
  file: string;
  /** `import()`: loaded when the code runs, not with the importing module. */
  dynamic: boolean;
  /** Resolved path inside src/ ("core/types.ts"), or the package name ("ink"). */
  target: string;
  typeOnly: boolean;
  line: string;
}

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const rel = path.relative(SRC, file);
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4] ?? m[5] ?? '';
    const target = spec.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), spec)).replace(/\.js$/, '.ts') : spec;
    out.push({ file: rel, target: resolveTsx(target), typeOnly: Boolean(m[2]), dynamic: m[5] !== undefined, line: m[0].trim().slice(0, 120) });
  }
  return out;
}

/** `./App.js` may be App.tsx. */
function resolveTsx(target: string): string {
  if (!target.endsWith('.ts')) return target;
  try {
    readFileSync(path.join(SRC, target));
    return target;
  } catch {
    return target.replace(/\.ts$/, '.tsx');
  }
}

const ALL = sourceFiles().flatMap(importsOf);
const floor = (p: string) => (p.includes('/') ? p.split('/')[0]! : p.replace(/\.tsx?$/, ''));
const local = (i: Import) => !i.target.startsWith('node:') && /\.(ts|tsx)$/.test(i.target);

function broken(filter: (i: Import) => boolean): string[] {
  return ALL.filter(filter).map((i) => `${i.file}: ${i.line}`);
}

describe('import rules', () => {
  it('reads the imports (a rule that sees none would pass for nothing)', () => {
    expect(ALL.length).toBeGreaterThan(200);
    expect(ALL.some((i) => i.file === 'cli.ts' && i.target === 'shell/io.ts')).toBe(true);
    expect(ALL.some((i) => i.file === 'flow/runtime.ts' && i.target === 'steps/session.ts')).toBe(true);
  });

  it('nothing but cli.ts imports commands/', () => {
    expect(broken((i) => local(i) && floor(i.target) === 'commands' && floor(i.file) !== 'commands' && i.file !== 'cli.ts')).toEqual([]);
  });

  it('ui/ and plain/ import only flow, shell and core types, never each other', () => {
    const frontEnds = (i: Import) => floor(i.file) === 'ui' || floor(i.file) === 'plain';
    expect(
      broken((i) => frontEnds(i) && local(i) && !['flow', 'shell', floor(i.file)].includes(floor(i.target)) && !(floor(i.target) === 'core' && i.typeOnly)),
    ).toEqual([]);
  });

  it('flow never imports sim, ui, plain, shell or commands', () => {
    expect(broken((i) => floor(i.file) === 'flow' && local(i) && ['sim', 'ui', 'plain', 'shell', 'commands'].includes(floor(i.target)))).toEqual([]);
  });

  it('shell never imports a front end, commands or the simulator', () => {
    expect(broken((i) => floor(i.file) === 'shell' && local(i) && ['ui', 'plain', 'commands', 'sim'].includes(floor(i.target)))).toEqual([]);
  });

  it('steps import only core; core imports nothing above it', () => {
    expect(broken((i) => floor(i.file) === 'steps' && local(i) && !['core', 'steps'].includes(floor(i.target)))).toEqual([]);
    expect(broken((i) => floor(i.file) === 'core' && local(i) && floor(i.target) !== 'core')).toEqual([]);
  });

  it('the simulator stands apart: it imports only core', () => {
    expect(broken((i) => floor(i.file) === 'sim' && local(i) && !['core', 'sim'].includes(floor(i.target)))).toEqual([]);
  });

  it('the welcome screen is drawn before anything heavy loads: no Ink, React, got, string-width or catalog up to the first frame', () => {
    // Everything cli.ts's wizard path loads with the launcher, before its first await.
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const i of ALL) if (i.file === file && !i.typeOnly && !i.dynamic) visit(i.target);
    };
    visit('shell/launcher.ts');
    expect(loaded.has('flow/screens/welcome.ts')).toBe(true);
    const heavy = [...loaded].filter((f) => /^(ink|react|got|string-width|enquirer)$/.test(f) || /^(core\/catalog|core\/client|core\/classify|steps|ui|plain|sim)\b/.test(f));
    expect(heavy).toEqual([]);
  });

  it('Ink and React load only in ui/ (and enquirer only in plain/)', () => {
    const ink = (t: string) => ['ink', 'react', 'ink-spinner'].includes(t) || t.startsWith('react/');
    expect(broken((i) => ink(i.target) && floor(i.file) !== 'ui')).toEqual([]);
    expect(broken((i) => i.target === 'enquirer' && floor(i.file) !== 'plain')).toEqual([]);
  });
});
