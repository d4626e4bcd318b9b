import { Box, Text } from 'ink';
import { lineRows, maskSecretLike, wrap } from '../shell/layout.js';

/**
 * A pasted block, echoed back: the last lines that fit, anything shaped like a secret masked
 * (people paste code with the secret in it), and a cursor at the end.
 */
export function PasteBox({ text, columns, maxRows, placeholder }: { text: string; columns: number; maxRows: number; placeholder: string }) {
  if (text === '') {
    // The example wraps beside the cursor: its later lines line up under its first word.
    const [first = '', ...rest] = wrap(placeholder, Math.max(10, columns - 4), { hangingIndent: '  ' });
    return (
      <Box paddingLeft={2} flexDirection="column">
        <Text>
          <Text inverse> </Text>
          <Text dimColor> {first}</Text>
        </Text>
        {rest.map((line, i) => (
          <Text key={i} dimColor>
            {line}
          </Text>
        ))}
      </Box>
    );
  }
  const lines = maskSecretLike(text).split('\n');
  const width = Math.max(10, columns - 2);
  const kept: string[] = [];
  let rows = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const r = lineRows(lines[i] ?? '', width);
    if (rows + r > Math.max(1, maxRows - 1) && kept.length > 0) break;
    kept.unshift(lines[i] ?? '');
    rows += r;
  }
  // One line longer than the box (a 10 KB paste): show its end, or the frame outgrows the screen.
  const budget = Math.max(1, maxRows - 1);
  if (kept.length === 1 && rows > budget) kept[0] = [...(kept[0] ?? '')].slice(-(budget * width - 1)).join('');
  const hidden = lines.length - kept.length;
  return (
    <Box flexDirection="column" paddingLeft={2}>
      {hidden ? <Text dimColor>… {hidden} line{hidden === 1 ? '' : 's'} above</Text> : null}
      {kept.map((line, i) => (
        <Text key={i}>
          {line}
          {i === kept.length - 1 ? <Text inverse> </Text> : null}
        </Text>
      ))}
    </Box>
  );
}
