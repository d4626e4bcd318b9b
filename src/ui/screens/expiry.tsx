import { Box, Text } from 'ink';
import { EXPIRY_IP_CHOICES } from '../../flow/content.js';
import type { ExpiryResult, Tone } from '../../flow/types.js';
import { ErrorLine, Menu, Para, TONE_COLOR } from '../components.js';
import type { ScreenProps } from './types.js';

const RESULT_TONE: Record<ExpiryResult['state'], Tone> = { 'no-expiry': 'ok', valid: 'ok', 'renewal-open': 'warn', expired: 'error' };
const RESULT_MARK: Record<Tone, string> = { ok: '✓', warn: '!', error: '✗', info: 'i' };

export function ExpiryScreen({ state, screen, columns }: ScreenProps<'expiry'>) {
  return (
    <Box flexDirection="column">
      <Text bold>Key expiry helper</Text>
      <Para width={columns} dimColor>
        {`A key with no bound IP expires 90 days after it was created; Renew opens 5 days before. Today is ${state.today}.`}
      </Para>
      {screen.phase === 'ip' ? (
        <Box flexDirection="column" marginTop={1}>
          <Para width={columns}>Is an IP address bound to this key (API Management → the key → IP)?</Para>
          <Menu items={EXPIRY_IP_CHOICES} focus={screen.focus} width={columns} />
        </Box>
      ) : null}
      {screen.phase === 'created' ? (
        <Box flexDirection="column" marginTop={1}>
          <Para width={columns}>When was the key created? API Management shows it. Type YYYY-MM-DD:</Para>
          <Box paddingLeft={2}>
            <Text>
              {screen.text}
              <Text inverse> </Text>
            </Text>
          </Box>
          <ErrorLine text={screen.error} width={columns} />
        </Box>
      ) : null}
      {screen.phase === 'result' && screen.result ? <ExpiryVerdict result={screen.result} width={columns} /> : null}
    </Box>
  );
}

function ExpiryVerdict({ result, width }: { result: ExpiryResult; width: number }) {
  const tone: Tone = result.state === 'valid' && (result.daysLeft ?? 99) <= 14 ? 'warn' : RESULT_TONE[result.state];
  const word = { 'no-expiry': 'DOES NOT EXPIRE', valid: 'VALID', 'renewal-open': 'RENEW NOW', expired: 'EXPIRED' }[result.state];
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={TONE_COLOR[tone]} bold>
        {RESULT_MARK[tone]} {word}
        {result.expiresOn ? ` · ${result.state === 'expired' ? 'expired' : 'expires'} ${result.expiresOn}` : ''}
      </Text>
      {result.lines.map((line, i) => (
        <Para key={i} width={width}>
          {line}
        </Para>
      ))}
    </Box>
  );
}
