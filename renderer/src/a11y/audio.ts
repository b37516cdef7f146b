// Spoken guidance: `const say = useAudioPrompt(); say('scanCard')`. Plays the bundled espeak-ng
// prompt (resources/audio/<id>.wav, espeak-ng's Vietnamese voice `vi`, scripts/generate-audio.mjs) or
// the technician's recording from the data folder, while the resident's speaker switch is on
// (SpeakerSwitch.tsx; on for each resident when `audio.enabled`, the default).
import { useCallback, useEffect, useMemo } from 'react';
import type { AudioPromptId } from '#contract/residents';
import { useResidentSession } from './ResidentSession';

const bundled = import.meta.glob<string>('../../../resources/audio/*.wav', { eager: true, query: '?url', import: 'default' });

export function bundledPromptUrl(id: AudioPromptId): string | undefined {
  return Object.entries(bundled).find(([path]) => path.endsWith(`/${id}.wav`))?.[1];
}

function base64ToBlobUrl(base64: string, mime: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  // Blob URLs because the Content-Security-Policy allows media from 'self' and blob: only.
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}

let playing: HTMLAudioElement | undefined;

export function useAudioPrompt(): (id: AudioPromptId) => void {
  const { settings, speech } = useResidentSession();
  const audio = settings?.audio;
  const overrides = useMemo(() => {
    const urls: Partial<Record<AudioPromptId, string>> = {};
    for (const [id, file] of Object.entries(audio?.overrides ?? {})) if (file) urls[id as AudioPromptId] = base64ToBlobUrl(file.base64, file.mime);
    return urls;
  }, [audio?.overrides]);
  useEffect(() => () => Object.values(overrides).forEach((url) => url && URL.revokeObjectURL(url)), [overrides]);

  return useCallback(
    (id: AudioPromptId) => {
      if (!speech) return;
      const url = overrides[id] ?? bundledPromptUrl(id);
      if (!url) return;
      // One prompt at a time: a new step cuts the previous sentence short.
      playing?.pause();
      playing = new Audio(url);
      playing.volume = audio?.volume ?? 0.8;
      playing.dataset.prompt = id;
      void playing.play().catch(() => undefined);
    },
    [speech, audio, overrides],
  );
}
