// The Content-Security-Policy for the renderer, shared by the Electron protocol handler and the
// web-mode server so both run the UI under the same rules: only our own bundle, no remote
// content, no eval (WebAssembly compilation is allowed for the emulator).
export function contentSecurityPolicy(options: { connect?: string[] } = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    // React Flow and Monaco set inline style attributes; no inline <script> is ever allowed.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // Monaco and the emulator run in workers from our own bundle.
    'worker-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", ...(options.connect ?? [])],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
