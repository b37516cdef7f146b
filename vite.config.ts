// Builds the renderer (renderer/) into dist/renderer for both transports.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // The chunk graph the bundle budget test reads (which chunks the home screen loads).
    manifest: true,
  },
  server: { fs: { allow: ['..'] } },
});
