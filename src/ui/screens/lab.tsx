import { Box, Text } from 'ink';
import type { LabResult } from '../../core/lab/types.js';
import { maskKey, shortenHex } from '../../core/redact.js';
import { Busy, ErrorLine, MaskedField, TONE_COLOR } from '../components.js';
import { clipToRows, lineRows, listWindow, textRows } from '../layout.js';
import { PasteBox } from './paste-box.js';
import type { ScreenProps } from './types.js';

export function LabScreen({ state, screen, columns, maxRows }: ScreenProps<'lab'>) {
  if (screen.phase === 'working') return <Busy label="Recomputing the signature over the strings common bugs produce" />;
  if (screen.phase === 'result' && screen.result) return <LabFindings result={screen.result} focus={screen.focus} columns={columns} maxRows={maxRows} />;
  const secretWhere = state.credentials?.secret?.where;
  return (
    <Box flexDirection="column">
      <Text bold>Signature lab: check a request your code sent</Text>
      <Text dimColor>
        Paste the full URL it called, its curl command, or a logged request (method + URL, headers, body). Then Enter.{' '}
        {secretWhere ? `The signature is recomputed with the secret from ${secretWhere}.` : 'You will be asked for the secret (masked).'}
      </Text>
      {screen.phase === 'secret' ? (
        <Box flexDirection="column" marginTop={1}>
          <Text>No secret found in the environment or ./.env. Type or paste it (it stays in memory):</Text>
          <Box paddingLeft={2}>
            <MaskedField label="Secret" length={[...screen.secret].length} active />
          </Box>
        </Box>
      ) : (
        <PasteBox
          text={screen.text}
          columns={columns}
          maxRows={Math.max(2, Math.min(10, maxRows - 5))}
          placeholder="e.g. https://api.mexc.com/api/v3/account?timestamp=…&signature=…"
        />
      )}
      <ErrorLine text={screen.error} />
    </Box>
  );
}

function LabFindings({ result, focus, columns, maxRows }: { result: LabResult; focus: number; columns: number; maxRows: number }) {
  const problems = result.findings.filter((f) => f.severity === 'problem').length;
  const header: string[] = [];
  if (result.apiKey) header.push(`API key in the request: ${maskKey(result.apiKey)}`);
  if (result.signature) {
    header.push(`Signature sent ${shortenHex(result.signature.sent)} · MEXC expects ${shortenHex(result.signature.expected)}`);
    header.push(`MEXC signs: ${result.signature.stringToSign}`);
    if (result.signature.signedString !== undefined && result.signature.signedString !== result.signature.stringToSign) {
      header.push(`You signed: ${result.signature.signedString}`);
    }
  }
  const W = Math.max(20, columns);
  const used = lineRows(result.verdict, W) + header.reduce((n, l) => n + lineRows(l, W - 2), 0) + 2;
  const focused = result.findings[focus];
  const detailRows = focused ? textRows(focused.detail, W - 5) : 0;
  const titles = Math.max(1, maxRows - used - Math.min(detailRows, 6) - 2);
  const { start, end } = listWindow(result.findings.length, focus, titles);
  const detailBudget = Math.max(2, maxRows - used - (end - start) - 2);
  const detail = focused ? clipToRows(focused.detail, detailBudget, W - 5) : { text: '', hiddenLines: 0 };
  return (
    <Box flexDirection="column">
      <Text color={result.valid ? TONE_COLOR.ok : TONE_COLOR.error} bold aria-label={`${result.valid ? 'PASS' : 'FAIL'}: ${result.verdict}`}>
        {result.valid ? '✓ PASS' : '✗ FAIL'} {result.verdict}
      </Text>
      <Box flexDirection="column" paddingLeft={2}>
        {header.map((line, i) => (
          <Text key={i} dimColor>
            {line}
          </Text>
        ))}
      </Box>
      <Text bold>
        Findings{problems ? ` (${problems} problem${problems === 1 ? '' : 's'})` : ''}
      </Text>
      {start > 0 ? <Text dimColor>  ↑ {start} more</Text> : null}
      {result.findings.slice(start, end).map((f, offset) => {
        const i = start + offset;
        const isFocused = i === focus;
        const mark = f.severity === 'info' ? '✓' : '✗';
        return (
          <Box key={f.id + i} flexDirection="column">
            <Text color={isFocused ? 'cyan' : undefined} bold={isFocused}>
              {isFocused ? '❯' : ' '} {i + 1}. <Text color={f.severity === 'info' ? TONE_COLOR.ok : TONE_COLOR.error}>{mark}</Text> {f.title}
            </Text>
            {isFocused ? (
              <Box paddingLeft={5} flexDirection="column">
                <Text>{detail.text}</Text>
                {detail.hiddenLines ? <Text dimColor>… c copies the whole finding</Text> : null}
              </Box>
            ) : null}
          </Box>
        );
      })}
      {end < result.findings.length ? <Text dimColor>  ↓ {result.findings.length - end} more</Text> : null}
    </Box>
  );
}
