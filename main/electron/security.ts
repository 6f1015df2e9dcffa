// Hardening per Electron's security checklist, applied to every web contents we create:
// no new windows, no navigation away from the app, no <webview>, no permissions, no remote
// requests (the UI is entirely our bundle).
import { app, session, shell, type WebContents } from 'electron';
import { isAppUrl } from './app-protocol.js';

/** Links the app may open in the user's browser (Help menu); never loaded in our window. */
const EXTERNAL_ALLOWED = [/^https:\/\/github\.com\/bao-project\//, /^https:\/\/bao-project\.org\//];

export function openExternalSafely(url: string): void {
  if (EXTERNAL_ALLOWED.some((re) => re.test(url))) void shell.openExternal(url);
}

export function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // No remote content: only our app:// scheme (and DevTools' own) may be fetched.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isAppUrl(details.url) || /^(devtools|chrome-extension|data|blob):/.test(details.url);
    callback({ cancel: !allowed });
  });
}

export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
