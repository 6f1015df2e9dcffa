// Where Bao Studio keeps its own state (recent list, autosaves). BAO_STUDIO_HOME overrides it,
// which tests use to run against a temporary folder.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Bao Studio';

export function defaultStudioHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BAO_STUDIO_HOME) return env.BAO_STUDIO_HOME;
  // The same folder Electron's app.getPath('userData') gives, so both modes share state.
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
  }
}
