// Errors and warnings of config.c import. Every problem names file:line:column so the app can
// show it as an editor marker and the CLI as one line a user can click in a terminal.

/** A position in the source text: 1-based line and column (columns count UTF-16 units). */
export interface SourcePos {
  line: number;
  column: number;
  /** 0-based offset into the text. */
  offset: number;
}

export class ConfigParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** The message without the position prefix. */
    readonly detail: string,
    /** True only when the importer itself failed (a bug), never for a user mistake. */
    readonly internal = false,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = 'ConfigParseError';
  }

  static at(file: string, pos: SourcePos, detail: string): ConfigParseError {
    return new ConfigParseError(file, pos.line, pos.column, detail);
  }
}

/** Something imported faithfully but worth the user's attention (e.g. a version mismatch). */
export interface ImportWarning {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * What every import stage (parser, collector, model mapper) reports through: errors that stop the
 * import and warnings that do not, both at a place of the file.
 */
export abstract class ImportStage {
  constructor(
    protected readonly fileName: string,
    protected readonly warnings: ImportWarning[],
  ) {}

  protected error(pos: SourcePos, message: string): ConfigParseError {
    return ConfigParseError.at(this.fileName, pos, message);
  }

  protected warn(pos: SourcePos, message: string): void {
    this.warnings.push({ file: this.fileName, line: pos.line, column: pos.column, message });
  }
}

export function formatWarning(w: ImportWarning): string {
  return `${w.file}:${w.line}:${w.column}: warning: ${w.message}`;
}
