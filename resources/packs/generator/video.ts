// Generated video: a short WebM (VP8) recorded by Debian's Chromium from a canvas animation with
// MediaRecorder — no encoder package is needed, and the picture and captions are the project's own.
import { chromium } from '@playwright/test';

export interface VideoScene {
  /** One caption a second; the clip lasts as many seconds as there are captions. */
  captions: string[];
  background: readonly [number, number, number];
}

/** Runs in the page: draws the scene on a canvas and records it; returns the WebM as base64. */
const RECORD_IN_PAGE = `async ({ captions, background }) => {
      const canvas = document.getElementById('c');
      const g = canvas.getContext('2d');
      const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 400_000 });
      const chunks = [];
      recorder.ondataavailable = (event) => chunks.push(event.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      recorder.start(250);
      const started = performance.now();
      const total = captions.length * 1000;
      await new Promise((resolve) => {
        const frame = () => {
          const t = performance.now() - started;
          g.fillStyle = \`rgb(\${background.join(',')})\`;
          g.fillRect(0, 0, 640, 360);
          // A sun crossing the sky, so a viewer can see the clip play.
          g.fillStyle = '#f7c948';
          g.beginPath();
          g.arc(60 + (520 * Math.min(t, total)) / total, 120 - 60 * Math.sin((Math.PI * Math.min(t, total)) / total), 34, 0, Math.PI * 2);
          g.fill();
          g.fillStyle = '#2e7d32';
          g.fillRect(0, 270, 640, 90);
          g.fillStyle = '#ffffff';
          g.font = 'bold 28px DejaVu Sans, sans-serif';
          g.textAlign = 'center';
          g.fillText(captions[Math.min(captions.length - 1, Math.floor(t / 1000))], 320, 325);
          if (t < total) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      });
      recorder.stop();
      await stopped;
      const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
}`;

export async function recordWebm(scene: VideoScene, executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<canvas id="c" width="640" height="360"></canvas>');
    // Sent as source text: the TypeScript loader would otherwise add helper calls the page does not have.
    const base64 = (await page.evaluate(`(${RECORD_IN_PAGE})(${JSON.stringify({ captions: scene.captions, background: scene.background })})`)) as string;
    return Buffer.from(base64, 'base64');
  } finally {
    await browser.close();
  }
}
