// The app's name and version, from package.json (bundled by esbuild, so no file read at run time).
import pkg from '../../package.json';

export const APP_NAME = 'Bao Studio';
export const APP_VERSION: string = pkg.version;
