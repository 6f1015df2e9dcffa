// What validation reports. One rule = one check with a stable id; a diagnostic names the VM,
// the element and the conflicting element in its message and carries model paths so the UI can
// select the element and the field.
import type { ModelPath } from '../model/path.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Rule id, e.g. "mem/region-overlap". */
  rule: string;
  severity: Severity;
  /** Names the VM, the element and what it conflicts with, e.g. "VM 1 (linux) region 0 ...". */
  message: string;
  /** The field (or element) the problem is about. */
  path: ModelPath;
  /** Other elements involved (the other side of an overlap, the shmem an IPC points at...). */
  related?: ModelPath[];
  /** What Bao prints at boot for this mistake ("BAO ERROR: ..."), or that it stays silent. */
  bao?: string;
}
