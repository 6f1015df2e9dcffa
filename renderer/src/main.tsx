// Entry point: connect to the host, create the store with a starting project, render the IDE.
// First: zod must not probe for eval under our CSP (see core/host/zod-csp.ts).
import '../../core/host/zod-csp.js';
import { createRoot } from 'react-dom/client';
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/jetbrains-mono/latin-400.css';
import './theme/theme.css';
import { emptyProject } from '../../core/bao/model/index.js';
import { DesignerStore } from './state/store.js';
import { StoreContext } from './state/hooks.js';
import { connectHost } from './host/connect.js';
import { App } from './App.js';

declare global {
  interface Window {
    /** For end-to-end tests and debugging from the devtools console. */
    __baoStudio?: { store: DesignerStore };
  }
}

async function start() {
  const host = await connectHost();
  // Validation and generation are debounced a little so typing and dragging stay smooth.
  const store = new DesignerStore(emptyProject('qemu-riscv64-virt', 'v1.0', 'untitled'), 120);
  window.__baoStudio = { store };
  createRoot(document.getElementById('root')!).render(
    <StoreContext.Provider value={store}>
      <App host={host} />
    </StoreContext.Provider>,
  );
}

void start();
