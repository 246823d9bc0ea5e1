import { offlineSupported } from './offline-data';

/**
 * Registers the service worker (dist/sw.js) in production builds. The Vite dev server has no
 * worker, so `pnpm dev` keeps its hot reload and always-fresh API answers.
 */
export function registerServiceWorker(): void {
  if (!offlineSupported()) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without it the app works online as before; offline reading is simply not prepared.
    });
  };
  // After the first page is up: the precache then does not compete with it for the network.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
