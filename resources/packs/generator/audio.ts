// Generated audio: speech from espeak-ng when it is installed (Vietnamese voice), otherwise a
// gentle tone sequence; encoded to MP3 with lamejs so the pack carries the format residents' files use.
import { spawnSync } from 'node:child_process';
import { Mp3Encoder } from '@breezystack/lamejs';

/** 16-bit mono PCM samples and their rate. */
export interface Pcm {
  samples: Int16Array;
  rate: number;
}

function parseWav(wav: Buffer): Pcm {
  let offset = 12;
  let rate = 22050;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') rate = wav.readUInt32LE(offset + 12);
    if (id === 'data') {
      // espeak-ng writes to a pipe with an unknown length (0xffffffff): take what is there.
      const end = Math.min(wav.length, offset + 8 + (size === 0xffffffff || size === 0 ? wav.length : size));
      const data = wav.subarray(offset + 8, end - ((end - offset - 8) % 2));
      return { samples: new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length)), rate };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('no data chunk in WAV');
}

export function speak(text: string, voice = 'vi'): Pcm | undefined {
  const run = spawnSync('espeak-ng', ['-v', voice, '-s', '140', '--stdout', text], { maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0 || !run.stdout?.length) return undefined;
  return parseWav(run.stdout);
}

export function tones(seconds: number, rate = 22050): Pcm {
  const samples = new Int16Array(Math.round(seconds * rate));
  const notes = [392, 440, 494, 523, 587, 523, 494, 440];
  for (let i = 0; i < samples.length; i++) {
    const t = i / rate;
    const note = notes[Math.floor(t * 2) % notes.length]!;
    const envelope = Math.min(1, (t * 2) % 1 * 8) * (1 - ((t * 2) % 1) * 0.6);
    samples[i] = Math.round(Math.sin(2 * Math.PI * note * t) * 6000 * envelope);
  }
  return { samples, rate };
}

export function encodeMp3(pcm: Pcm, kbps = 64): Buffer {
  const encoder = new Mp3Encoder(1, pcm.rate, kbps);
  const parts: Buffer[] = [];
  for (let i = 0; i < pcm.samples.length; i += 1152) {
    const out = encoder.encodeBuffer(pcm.samples.subarray(i, i + 1152));
    if (out.length) parts.push(Buffer.from(out));
  }
  const end = encoder.flush();
  if (end.length) parts.push(Buffer.from(end));
  return Buffer.concat(parts);
}
