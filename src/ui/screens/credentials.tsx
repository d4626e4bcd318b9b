import { Box, Text } from 'ink';
import { CREDENTIAL_CHOICES } from '../../flow/content.js';
import { Busy, ErrorLine, MaskedField, Menu, Para } from '../components.js';
import type { ScreenProps } from './types.js';

const FIELD_LABEL = { key: 'API key', secret: 'Secret' } as const;

export function CredentialsScreen({ state, screen, columns }: ScreenProps<'credentials'>) {
  const view = state.credentials;
  if (screen.phase === 'loading') return <Busy label="Looking for MEXC_API_KEY and MEXC_SECRET_KEY (environment, .env)" />;
  if (screen.phase === 'review') {
    return (
      <Box flexDirection="column">
        <Text bold>Credentials{view?.demo ? ' (throwaway demo key)' : ''}</Text>
        <Box flexDirection="column" paddingLeft={2}>
          <Box>
            <Text bold>{'API key'.padEnd(9)}</Text>
            <Para width={columns - 11}>{`${view?.key?.masked ?? ''} from ${view?.key?.where ?? ''}`}</Para>
          </Box>
          <Box>
            <Text bold>{'Secret'.padEnd(9)}</Text>
            <Para width={columns - 11}>{`found in ${view?.secret?.where ?? ''}; kept in memory, never shown`}</Para>
          </Box>
        </Box>
        <Menu items={CREDENTIAL_CHOICES} focus={screen.focus} width={columns} />
      </Box>
    );
  }
  const missing = screen.fields.filter((f) => (f === 'key' ? !view?.key : !view?.secret));
  const field = screen.fields[screen.index];
  const names = missing.map((f) => (f === 'key' ? 'API key (MEXC_API_KEY)' : 'secret (MEXC_SECRET_KEY)'));
  return (
    <Box flexDirection="column">
      <Text bold>Credentials</Text>
      {missing.length > 0 ? <Para width={columns}>{`No ${names.join(' and no ')} in the environment or ./.env.`}</Para> : null}
      <Para width={columns} dimColor>
        {`Type or paste ${field === 'secret' ? 'the secret' : 'the key'}: drawn as dots, kept in memory only. Empty + Enter skips it (connectivity and clock still run).`}
      </Para>
      <Box flexDirection="column" marginTop={1} paddingLeft={2}>
        {screen.fields.map((f, i) => (
          <MaskedField
            key={f}
            label={FIELD_LABEL[f]}
            length={[...(screen.values[f] ?? '')].length}
            active={i === screen.index}
            {...(i > screen.index ? { placeholder: '(next)' } : {})}
          />
        ))}
      </Box>
      <ErrorLine text={screen.error} width={columns} />
    </Box>
  );
}
