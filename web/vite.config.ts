/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// The Functions host (or the local host) answers /api on port 7071; the dashboard calls /api on its own origin.
const apiProxy = {
  '/api': { target: 'http://127.0.0.1:7071', changeOrigin: false },
};

export default defineConfig({
  // Relative asset URLs so dist/ works at the site root (Static Web Apps) and under a sub-path.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // ECharts is its own lazily loaded chunk; it is expected to be larger than the default warning threshold.
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
