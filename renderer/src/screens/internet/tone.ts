// The warning tone: two short beeps made with WebAudio, so no sound file is needed.
let context: AudioContext | undefined;

export function playWarningTone(beeps = 2): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    for (let i = 0; i < beeps; i++) {
      const start = ctx.currentTime + i * 0.35;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.3);
    }
  } catch {
    // No audio device: the visible warning still shows.
  }
}
