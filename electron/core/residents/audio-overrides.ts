// Technician-recorded audio prompts: <dataDir>/audio/<promptId>.wav|ogg|mp3 replaces the bundled
// espeak-ng prompt of the same id. Unknown names and oversized files are ignored with a log line.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { audioPromptId, type AudioPromptId } from '#contract/residents';
import type { Logger } from '../log';

const MAX_BYTES = 1_400_000;
const TYPES = [
  ['wav', 'audio/wav'],
  ['ogg', 'audio/ogg'],
  ['mp3', 'audio/mpeg'],
] as const;

export type AudioOverrides = Partial<Record<AudioPromptId, { mime: (typeof TYPES)[number][1]; base64: string }>>;

export function readAudioOverrides(dataDir: string, log?: Logger): AudioOverrides {
  const dir = join(dataDir, 'audio');
  const overrides: AudioOverrides = {};
  if (!existsSync(dir)) return overrides;
  for (const id of audioPromptId.options) {
    for (const [extension, mime] of TYPES) {
      const file = join(dir, `${id}.${extension}`);
      if (!existsSync(file)) continue;
      const size = statSync(file).size;
      if (size > MAX_BYTES || size < 44) {
        log?.log('warn', 'audio.override_ignored', { prompt: id, bytes: size });
        continue;
      }
      overrides[id] = { mime, base64: readFileSync(file).toString('base64') };
      break;
    }
  }
  return overrides;
}
