import { Box, Text, useIsScreenReaderEnabled } from 'ink';
import Spinner from 'ink-spinner';
import type { ReactNode } from 'react';
import { STATUS_MARK, type Hint } from '../flow/content.js';
import type { StepStatus } from '../core/types.js';
import type { Tone } from '../flow/types.js';

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

export function HintLine({ hints }: { hints: Hint[] }) {
  if (hints.length === 0) return null;
  return (
    <Box aria-label={`Keys: ${hints.map((h) => `${h.keys} ${h.label}`).join(', ')}`}>
      <Text dimColor>
        {hints.map((h, i) => (
          <Text key={h.keys + h.label}>
            {i > 0 ? ' · ' : ''}
            {/* A no-break space keeps each key with its label when the line wraps. */}
            <Text bold>{h.keys}</Text>
            {'\u00a0'}
            {h.label.replace(/ /g, '\u00a0')}
          </Text>
        ))}
      </Text>
    </Box>
  );
}

export function Flash({ tone, text }: { tone: Tone; text: string }) {
  const symbol = tone === 'ok' ? '✓' : tone === 'warn' ? '!' : tone === 'error' ? '✗' : 'i';
  return (
    <Text color={TONE_COLOR[tone]}>
      {symbol} {text}
    </Text>
  );
}

export function Title({ children }: { children: ReactNode }) {
  return <Text bold>{children}</Text>;
}

/** A numbered menu; the focused entry has a pointer and its detail line. */
export function Menu({
  items,
  focus,
  start = 0,
  end,
}: {
  items: Array<{ label: string; detail?: string }>;
  focus: number;
  start?: number;
  end?: number;
}) {
  const last = end ?? items.length;
  return (
    <Box flexDirection="column" aria-role="list">
      {start > 0 ? <Text dimColor>  ↑ {start} more</Text> : null}
      {items.slice(start, last).map((item, offset) => {
        const i = start + offset;
        const focused = i === focus;
        const number = i < 9 ? `${i + 1}.` : '  ';
        return (
          <Box key={i} flexDirection="column" aria-role="listitem" aria-state={{ selected: focused }}>
            <Text color={focused ? 'cyan' : undefined} bold={focused}>
              {focused ? '❯' : ' '} {number} {item.label}
            </Text>
            {focused && item.detail ? (
              <Box paddingLeft={5}>
                <Text dimColor>{item.detail}</Text>
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
    <Box aria-label={`${label}: ${length} characters typed${active ? ', editing' : ''}`}>
      <Text>
        <Text bold={active}>{label.padEnd(8)}</Text>{' '}
        {length === 0 && !active && placeholder ? <Text dimColor>{placeholder}</Text> : <Text>{dots}</Text>}
        {active ? <Text inverse> </Text> : null}
        {length > 64 ? <Text dimColor> ({length})</Text> : null}
      </Text>
    </Box>
  );
}

/** Spinner, or a plain word for screen readers (no animation to re-read every frame). */
export function Busy({ label }: { label: string }) {
  const screenReader = useIsScreenReaderEnabled();
  if (screenReader) return <Text aria-label={`Running: ${label}`}>Running: {label}</Text>;
  return (
    <Text>
      <Text color="cyan">
        <Spinner type="dots" />
      </Text>{' '}
      {label}
    </Text>
  );
}

export function ErrorLine({ text }: { text?: string | undefined }) {
  if (!text) return null;
  return <Text color="red">✗ {text}</Text>;
}

export function Bullets({ lines }: { lines: string[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Box key={i} paddingLeft={2}>
          <Text>• </Text>
          <Box flexShrink={1}>
            <Text>{line}</Text>
          </Box>
        </Box>
      ))}
    </Box>
  );
}
