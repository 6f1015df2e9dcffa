// Data shapes shared by the channel table. Plain JSON only (no transforms, no defaults), so the
// same schema validates a message on both sides of any transport and z.input = z.output.
import { z } from 'zod';

/** Upper bound for any text crossing the boundary: a project or config.c is far smaller. */
export const MAX_TEXT = 32 * 1024 * 1024;

const NO_NUL = (s: string) => !s.includes('\0');
// POSIX "/…", Windows "C:\…" or "C:/…", or UNC "\\server\…". Kept syntactic: core/ has no `path`.
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

export const AbsolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine(NO_NUL, 'must not contain NUL')
  .refine((s) => ABSOLUTE.test(s), 'must be an absolute path');

/** A path below an export folder: relative, "/"-separated, never climbing out with "..". */
export const RelativeFilePath = z
  .string()
  .min(1)
  .max(1024)
  .refine(NO_NUL, 'must not contain NUL')
  .refine((s) => !ABSOLUTE.test(s) && !s.startsWith('\\'), 'must be a relative path')
  .refine(
    (s) => s.split(/[\\/]/).every((part) => part !== '..' && part !== '.' && part !== ''),
    'must not contain "..", "." or empty segments',
  );

export const Text = z.string().max(MAX_TEXT);

/** Identifies one open document for autosave/recovery; chosen by the renderer (e.g. a UUID). */
export const DocId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"');

export const BaoVersionName = z.enum(['v1.0', 'v2']);

/** A project file read from disk (or a config.c for the importer). */
export const FileDocument = z.object({ path: AbsolutePath, text: Text }).strict();
export type FileDocument = z.infer<typeof FileDocument>;

/** A new, not yet saved project: its JSON text and a suggested file name. */
export const NewDocument = z.object({ text: Text, suggestedName: z.string() }).strict();
export type NewDocument = z.infer<typeof NewDocument>;

export const ExampleInfo = z
  .object({
    name: z.string(),
    title: z.string(),
    description: z.string(),
    platform: z.string(),
    bao: BaoVersionName,
  })
  .strict();
export type ExampleInfo = z.infer<typeof ExampleInfo>;

export const RecentProject = z
  .object({
    path: AbsolutePath,
    name: z.string(),
    /** ISO 8601. */
    openedAt: z.string(),
    /** False when the file has since been moved or deleted. */
    exists: z.boolean(),
  })
  .strict();
export type RecentProject = z.infer<typeof RecentProject>;

export const AutosaveRequest = z
  .object({
    docId: DocId,
    /** The file the document belongs to; null for a never-saved project. */
    path: AbsolutePath.nullable(),
    name: z.string().max(256),
    text: Text,
  })
  .strict();
export type AutosaveRequest = z.infer<typeof AutosaveRequest>;

export const RecoveryEntry = z
  .object({
    docId: DocId,
    path: AbsolutePath.nullable(),
    name: z.string(),
    /** ISO 8601. */
    savedAt: z.string(),
    bytes: z.number().int().nonnegative(),
  })
  .strict();
export type RecoveryEntry = z.infer<typeof RecoveryEntry>;

export const RecoveredDocument = RecoveryEntry.omit({ bytes: true })
  .extend({ text: Text })
  .strict();
export type RecoveredDocument = z.infer<typeof RecoveredDocument>;

export const ExportFile = z.object({ path: RelativeFilePath, text: Text }).strict();
export type ExportFile = z.infer<typeof ExportFile>;

export const ExportResult = z
  .object({ folder: AbsolutePath, written: z.array(AbsolutePath) })
  .strict();
export type ExportResult = z.infer<typeof ExportResult>;

export const SaveResult = z.object({ path: AbsolutePath, savedAt: z.string() }).strict();
export type SaveResult = z.infer<typeof SaveResult>;

export const DirEntry = z
  .object({ name: z.string(), kind: z.enum(['dir', 'file']), size: z.number().optional() })
  .strict();
export const DirListing = z
  .object({ path: AbsolutePath, parent: AbsolutePath.nullable(), entries: z.array(DirEntry) })
  .strict();
export type DirListing = z.infer<typeof DirListing>;

export const AppInfo = z
  .object({
    name: z.string(),
    version: z.string(),
    /** "electron": native window and dialogs; "web": browser tab served by `npm start`. */
    mode: z.enum(['electron', 'web']),
    /** False in web mode: open/saveAs/import/export then need an explicit path. */
    nativeDialogs: z.boolean(),
    /** Node's process.platform of the host (linux, darwin, win32). */
    os: z.string(),
    /** The user's home folder, a starting point for path entry and files.listDir. */
    homeDir: AbsolutePath,
    versions: z.record(z.string(), z.string()),
  })
  .strict();
export type AppInfo = z.infer<typeof AppInfo>;

/** What the renderer tells the host about its document, for the title and confirm-on-close. */
export const DocumentState = z
  .object({
    dirty: z.boolean(),
    name: z.string().max(256),
    path: AbsolutePath.nullable(),
    /** The document's autosave id: the host discards that autosave when the user closes the
     * window choosing "Don't Save". */
    docId: DocId.optional(),
  })
  .strict();
export type DocumentState = z.infer<typeof DocumentState>;

/** File name suffix for projects (JSON inside, like assets/examples/*.baoproj). */
export const PROJECT_FILE_SUFFIX = '.baoproj';
