import { Box, Text } from 'ink';
import { Busy, ErrorLine, Para } from '../components.js';
import { PasteBox } from './paste-box.js';
import type { ScreenProps } from './types.js';

export function ExplainScreen({ screen, columns, maxRows }: ScreenProps<'explain'>) {
  if (screen.phase === 'working') return <Busy label="Reading the error" />;
  return (
    <Box flexDirection="column">
      <Text bold>Explain an error</Text>
      <Para width={columns} dimColor>
        Paste what MEXC or your library answered: the JSON body, the error line from your log, or just the code. Then Enter.
      </Para>
      <PasteBox
        text={screen.text}
        columns={columns}
        maxRows={Math.max(2, Math.min(8, maxRows - 4))}
        placeholder='e.g. {"code":700002,"msg":"Signature for this request is not valid."}'
      />
      <ErrorLine text={screen.error} width={columns} />
    </Box>
  );
}
