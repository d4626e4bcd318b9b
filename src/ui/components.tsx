import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import type { StepStatus } from '../core/types.js';
import { STATUS_MARK, TONE_MARK } from '../flow/content.js';
import type { Tone } from '../flow/types.js';
import { hintText, itemNumber, itemText, type Hint, type MenuItem, type Paragraph } from '../flow/view.js';
import { wrap } from '../shell/layout.js';

/** Small presentational pieces shared by screens. No state, no logic beyond layout. */

export const TONE_COLOR: Record<Tone, string> = { ok: 'green', warn: 'yellow', error: 'red', info: 'cyan' };

/** ✓ PASS / ! WARN / ✗ FAIL / - SKIP: symbol and word, colour only on top. */
export function StatusMark({ status }: { status: StepStatus }) {
  const mark = STATUS_MARK[status];
  return (
    <Text color={TONE_COLOR[mark.tone]} bold>
      {mark.symbol} {mark.word}
    </Text>
  );
}

/** Prose wrapped by us at word boundaries (Ink's own wrap starts continuation lines with a space). */
export function Para({ width, children, ...style }: { width: number; children: string; bold?: boolean; dimColor?: boolean; color?: string }) {
  return <Text {...style}>{wrapText(children, width)}</Text>;
}

/** The live area's wrap: long words are cut, so nothing is wider than the terminal. */
function wrapText(text: string, width: number): string {
  return wrap(text, Math.max(10, width), { breakLongWords: true }).join('\n');
}

/** A paragraph of a View: a verdict line (with a tone) starts with its mark. */
export function ViewParagraph({ p, width }: { p: Paragraph; width: number }) {
  return (
    <Para width={width} {...(p.tone ? { color: TONE_COLOR[p.tone] } : {})} {...(p.bold ? { bold: true } : {})} {...(p.dim ? { dimColor: true } : {})}>
      {p.tone ? `${TONE_MARK[p.tone]} ${p.text}` : p.text}
    </Para>
  );
}


export function HintLine({ hints, width }: { hints: Hint[]; width: number }) {
  if (hints.length === 0) return null;
  const lines = wrapText(hintText(hints), width).split('\n');
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} dimColor>
          {line.split(' · ').map((group, j) => {
            const cut = group.indexOf('\u00a0');
            return (
              <Text key={j}>
                {j > 0 ? ' · ' : ''}
                <Text bold>{cut < 0 ? group : group.slice(0, cut)}</Text>
                {cut < 0 ? '' : group.slice(cut)}
              </Text>
            );
          })}
        </Text>
      ))}
    </Box>
  );
}

export function Flash({ tone, text, width }: { tone: Tone; text: string; width: number }) {
  return <ViewParagraph p={{ text, tone }} width={width} />;
}

/** A numbered menu; the focused entry has a pointer and its detail line. Labels wrap under themselves. */
// Keep in step with firstFrameLines in shell/first-frame.ts, which draws the welcome menu before Ink loads.
export function Menu({
  items,
  focus,
  width,
  start = 0,
  end,
}: {
  items: MenuItem[];
  focus: number;
  width: number;
  start?: number;
  end?: number;
}) {
  const last = end ?? items.length;
  const indent = itemNumber(0, items.length).length + 3;
  return (
    <Box flexDirection="column">
      {start > 0 ? <Text dimColor>  ↑ {start} more</Text> : null}
      {items.slice(start, last).map((item, offset) => {
        const i = start + offset;
        const focused = i === focus;
        const number = itemNumber(i, items.length);
        return (
          <Box key={i} flexDirection="column">
            <Box>
              <Text color={focused ? 'cyan' : undefined} bold={focused}>
                {focused ? '❯' : ' '} {number}{' '}
              </Text>
              <Para width={width - indent} {...(focused ? { color: 'cyan', bold: true } : item.status ? { color: TONE_COLOR[STATUS_MARK[item.status].tone] } : {})}>
                {itemText(item)}
              </Para>
            </Box>
            {focused && item.detail ? (
              <Box paddingLeft={indent}>
                <Para width={width - indent} dimColor>
                  {item.detail}
                </Para>
              </Box>
            ) : null}
          </Box>
        );
      })}
      {last < items.length ? <Text dimColor>  ↓ {items.length - last} more</Text> : null}
    </Box>
  );
}

/** A masked field: one bullet per character typed, a cursor when active. Never the value. */
export function MaskedField({ label, length, active, placeholder }: { label: string; length: number; active: boolean; placeholder?: string }) {
  const dots = '•'.repeat(Math.min(length, 64));
  return (
    <Box>
      <Text>
        <Text bold={active}>{label.padEnd(8)}</Text>{' '}
        {length === 0 && !active && placeholder ? <Text dimColor>{placeholder}</Text> : <Text>{dots}</Text>}
        {active ? <Text inverse> </Text> : null}
        {length > 64 ? <Text dimColor> ({length})</Text> : null}
      </Text>
    </Box>
  );
}

/** Spinner and what runs (screen readers get plain/linear.ts instead: no animation there). */
export function Busy({ label }: { label: string }) {
  return (
    <Text>
      <Text color="cyan">
        <Spinner type="dots" />
      </Text>{' '}
      {label}
    </Text>
  );
}

export function ErrorLine({ text, width }: { text?: string | undefined; width: number }) {
  if (!text) return null;
  return (
    <Para width={width} color="red">
      {`✗ ${text}`}
    </Para>
  );
}

/** Evidence as bullets, wrapped inside their indent. */
export function Bullets({ lines, width }: { lines: string[]; width: number }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Box key={i} paddingLeft={2}>
          <Text>• </Text>
          <Para width={width - 4}>{line}</Para>
        </Box>
      ))}
    </Box>
  );
}
