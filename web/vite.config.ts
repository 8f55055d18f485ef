import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The web application: sources in web/, built into web/dist, which the server serves. */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Pages and the chart/map libraries are split per route; the warning limit matches the budget.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    // `npx vite web` during development: the API runs on `npm start` (port 3000).
    proxy: { '/api': 'http://localhost:3000' },
  },
});
