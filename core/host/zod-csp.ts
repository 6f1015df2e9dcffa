// The renderer runs under a CSP without 'unsafe-eval', where zod's JIT cannot work anyway; but
// zod probes for it with `new Function("")` on first use, and Chromium reports that caught probe
// as a CSP violation. Jitless mode skips the probe. Import this before any zod parsing in the
// page (connect.ts does; the renderer's entry may import it first to be sure).
import { z } from 'zod';

z.config({ jitless: true });
