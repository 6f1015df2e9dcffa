// Which Bao version a config is written for, from its syntax: v1.0's `vmlist` is a flexible
// array member (`.vmlist = { {...} }`), v2's a pointer (`.vmlist = (struct vm_config[]){...}`),
// and v2 added fields (remote I/O, hyp.data_relocate, reserved, vIMSIC, TriCore GPSR groups).
import type { BaoVersion } from '../model/schema.js';
import type { ArrayValue, CollectNotes, StructValue } from './collect.js';
import type { ImportWarning, SourcePos } from './errors.js';

export interface VersionEvidence {
  /** From the form of `.vmlist`, if present. */
  syntax?: { version: BaoVersion; pos: SourcePos };
  /** The first v2-only field, if any. */
  v2Field?: { what: string; pos: SourcePos };
}

export function versionEvidence(root: StructValue, notes: CollectNotes): VersionEvidence {
  const ev: VersionEvidence = {};
  const vmlist = root.fields.get('vmlist') as ArrayValue | undefined;
  if (vmlist && vmlist.k === 'array' && vmlist.form !== 'null')
    ev.syntax = { version: vmlist.form === 'braces' ? 'v1.0' : 'v2', pos: vmlist.pos };
  if (notes.v2Fields.length > 0) ev.v2Field = notes.v2Fields[0];
  return ev;
}

const SYNTAX = {
  'v1.0': '.vmlist = { ... } (v1.0 syntax)',
  v2: '.vmlist = (struct vm_config[]){ ... } (v2 syntax)',
};

/** Picks the version (the user's if given) and warns about every disagreement. */
export function decideVersion(
  ev: VersionEvidence,
  given: BaoVersion | undefined,
  file: string,
  warnings: ImportWarning[],
  configPos: SourcePos,
): BaoVersion {
  const warn = (pos: SourcePos, message: string) =>
    warnings.push({ file, line: pos.line, column: pos.column, message });
  let version: BaoVersion;
  if (given) {
    version = given;
    if (ev.syntax && ev.syntax.version !== given)
      warn(
        ev.syntax.pos,
        `the config is written with ${SYNTAX[ev.syntax.version]} but imported for Bao ${given}`,
      );
  } else if (ev.syntax) {
    version = ev.syntax.version;
  } else if (ev.v2Field) {
    version = 'v2';
  } else {
    version = 'v2';
    warn(
      configPos,
      'could not tell the Bao version from the syntax: assuming v2 (pass the version to choose)',
    );
  }
  if (version === 'v1.0' && ev.v2Field)
    warn(
      ev.v2Field.pos,
      `${ev.v2Field.what} exists only in Bao v2, but the config is imported for Bao v1.0`,
    );
  return version;
}
