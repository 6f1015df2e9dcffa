// The channel table: every host method, by channel name, with its request (the argument list,
// as a zod tuple) and its response. Both transports (Electron IPC, web-mode WebSocket) validate
// every request against it in the host before any code runs, and every response before it
// leaves. Add a method here, implement it in main/services, and the typed client has it.
//
// Naming: "<group>.<method>". The group becomes a namespace on HostService
// (`host.projects.open(path)`). Trailing optional arguments may be omitted.
import { z } from 'zod';
import {
  AbsolutePath,
  AppInfo,
  AutosaveRequest,
  BaoVersionName,
  DirListing,
  DocId,
  DocumentState,
  ExampleInfo,
  ExportFile,
  ExportResult,
  FileDocument,
  NewDocument,
  RecentProject,
  RecoveredDocument,
  RecoveryEntry,
  SaveResult,
  Text,
} from './schemas.js';

export interface ChannelSpec {
  request: z.ZodTuple;
  response: z.ZodType;
}

const spec = <Req extends z.ZodTuple, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});

/** A dialog the user may cancel: null means "cancelled", not an error. */
const orCancelled = <T extends z.ZodType>(schema: T) => schema.nullable();

export const hostChannels = {
  // ── app ──────────────────────────────────────────────────────────────────────────────────────
  'app.info': spec(z.tuple([]), AppInfo),
  /** Title bar and the unsaved-changes prompt on close follow this. */
  'app.setDocumentState': spec(z.tuple([DocumentState]), z.null()),
  /** Closes the window now (after the renderer handled a "save-and-close" command). */
  'app.closeWindow': spec(z.tuple([]), z.null()),

  // ── projects ─────────────────────────────────────────────────────────────────────────────────
  'projects.listExamples': spec(z.tuple([]), z.array(ExampleInfo)),
  'projects.newFromExample': spec(z.tuple([z.string().min(1).max(128)]), NewDocument),
  'projects.newBlank': spec(z.tuple([z.string().min(1).max(128), BaoVersionName]), NewDocument),
  /** With a path: read it. Without: ask with the native open dialog (null if cancelled). */
  'projects.open': spec(z.tuple([AbsolutePath.optional()]), orCancelled(FileDocument)),
  /** Atomic: temp file + fsync + rename; the old file survives any failure. */
  'projects.save': spec(z.tuple([AbsolutePath, Text]), SaveResult),
  /** Asks for a path with the native save dialog, then saves there (null if cancelled). */
  'projects.saveAs': spec(z.tuple([Text, z.string().max(256).optional()]), orCancelled(SaveResult)),
  'projects.recent': spec(z.tuple([]), z.array(RecentProject)),
  'projects.forgetRecent': spec(z.tuple([AbsolutePath]), z.array(RecentProject)),
  /** Reads a config.c (path, or the native dialog); the renderer imports it with core/bao. */
  'projects.importConfigC': spec(z.tuple([AbsolutePath.optional()]), orCancelled(FileDocument)),
  /** Writes generated files below a folder (given, or chosen with the native dialog). */
  'projects.export': spec(
    z.tuple([z.array(ExportFile).min(1).max(1000), AbsolutePath.optional()]),
    orCancelled(ExportResult),
  ),

  // ── recovery (autosave) ──────────────────────────────────────────────────────────────────────
  'recovery.autosave': spec(z.tuple([AutosaveRequest]), z.object({ savedAt: z.string() })),
  /** Autosaved documents on disk: after a crash, those the last session never discarded. */
  'recovery.list': spec(z.tuple([]), z.array(RecoveryEntry)),
  'recovery.restore': spec(z.tuple([DocId]), RecoveredDocument),
  /** Call after a successful save or a clean close. */
  'recovery.discard': spec(z.tuple([DocId]), z.null()),

  // ── files (web mode has no native dialog: the renderer browses with this) ────────────────────
  /** Lists a folder (default: home): sub-folders and files, hidden ones omitted. */
  'files.listDir': spec(z.tuple([AbsolutePath.optional()]), DirListing),

  // Later: "toolchain.*" (detect, build) and "emulator.*" (start, step, read memory) groups.
} satisfies Record<string, ChannelSpec>;

export type HostChannels = typeof hostChannels;
export type ChannelName = keyof HostChannels & string;
export type ChannelArgs<C extends ChannelName> = z.input<HostChannels[C]['request']>;
export type ChannelResult<C extends ChannelName> = z.output<HostChannels[C]['response']>;

export const channelNames = Object.keys(hostChannels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(hostChannels, name);
}

// Keep Text exported from here for callers that only import the table.
export { Text };
