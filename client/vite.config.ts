import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const serverOrigin = process.env.SERVER_ORIGIN ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true, target: 'es2022' },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: serverOrigin, changeOrigin: false },
      '/healthz': serverOrigin,
      '/readyz': serverOrigin,
      '/socket.io': { target: serverOrigin, ws: true },
      '/collab': { target: serverOrigin, ws: true },
    },
  },
});
