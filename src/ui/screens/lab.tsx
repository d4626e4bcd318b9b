import { Box, Text } from 'ink';
import type { LabResult } from '../../core/lab/types.js';
import { maskKey, shortenHex } from '../../core/redact.js';
import { Busy, ErrorLine, MaskedField, Para, TONE_COLOR } from '../components.js';
import { clipToRows, lineRows, listWindow, textRows } from '../../shell/layout.js';
import { PasteBox } from './paste-box.js';
import type { ScreenProps } from './types.js';

export function LabScreen({ state, screen, columns, maxRows }: ScreenProps<'lab'>) {
  if (screen.phase === 'working') return <Busy label="Recomputing the signature over the strings common bugs produce" />;
  if (screen.phase === 'result' && screen.result) return <LabFindings result={screen.result} focus={screen.focus} columns={columns} maxRows={maxRows} />;
  const secretWhere = state.credentials?.secret?.where;
  return (
    <Box flexDirection="column">
      <Text bold>Signature lab: check a request your code sent</Text>
      <Para width={columns} dimColor>
        {`Paste the full URL it called, its curl command, or a logged request (method + URL, headers, body). Then Enter. ${
          secretWhere ? `The signature is recomputed with the secret from ${secretWhere}.` : 'You will be asked for the secret (masked).'
        }`}
      </Para>
      {screen.phase === 'secret' ? (
        <Box flexDirection="column" marginTop={1}>
          <Para width={columns}>No secret found in the environment or ./.env. Type or paste it (it stays in memory):</Para>
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
      <ErrorLine text={screen.error} width={columns} />
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
  const used = lineRows(`✗ FAIL ${result.verdict}`, W) + header.reduce((n, l) => n + lineRows(l, W - 2), 0) + 2;
  const focused = result.findings[focus];
  const detailRows = focused ? textRows(focused.detail, W - 8) : 0;
  const titles = Math.max(1, maxRows - used - Math.min(detailRows, 6) - 2);
  const { start, end } = listWindow(result.findings.length, focus, titles);
  const detailBudget = Math.max(2, maxRows - used - (end - start) - 2);
  const detail = focused ? clipToRows(focused.detail, detailBudget, W - 8) : { text: '', hiddenRows: 0 };
  return (
    <Box flexDirection="column">
      <Box aria-label={`${result.valid ? 'PASS' : 'FAIL'}: ${result.verdict}`}>
        <Para width={W} color={result.valid ? TONE_COLOR.ok : TONE_COLOR.error} bold>
          {`${result.valid ? '✓ PASS' : '✗ FAIL'} ${result.verdict}`}
        </Para>
      </Box>
      <Box flexDirection="column" paddingLeft={2}>
        {header.map((line, i) => (
          <Para key={i} width={W - 2} dimColor>
            {line}
          </Para>
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
            <Box aria-label={`Finding ${i + 1} of ${result.findings.length}${isFocused ? ', selected' : ''}: ${f.severity === 'info' ? 'PASS' : 'FAIL'}: ${f.title}`}>
              <Text color={isFocused ? 'cyan' : undefined} bold={isFocused}>
                {isFocused ? '❯' : ' '} {String(i + 1).padStart(2)}.{' '}
                <Text color={f.severity === 'info' ? TONE_COLOR.ok : TONE_COLOR.error}>{mark}</Text>{' '}
              </Text>
              <Para width={W - 8} {...(isFocused ? { color: 'cyan', bold: true } : {})}>
                {f.title}
              </Para>
            </Box>
            {isFocused ? (
              <Box paddingLeft={8} flexDirection="column">
                <Para width={W - 8}>{detail.text}</Para>
                {detail.hiddenRows ? <Text dimColor>… c copies the whole finding</Text> : null}
              </Box>
            ) : null}
          </Box>
        );
      })}
      {end < result.findings.length ? <Text dimColor>  ↓ {result.findings.length - end} more</Text> : null}
    </Box>
  );
}
