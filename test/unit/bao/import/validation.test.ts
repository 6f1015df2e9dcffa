// Imported mistakes are kept as written, for validation to report (issue 2: "flagged by
// validation, not corrected silently").
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../../core/bao/model/path.js';
import { checkProject } from '../../../../core/bao/validation/index.js';
import { fixture, imp } from './helpers.js';

describe('imported configs meet validation', () => {
  it('mismatched counts are reported by validation, on the declared fields', () => {
    const { project } = imp(fixture('mismatched-counts.c'));
    const counts = checkProject(project)
      .filter((d) => /count/.test(d.rule))
      .map((d) => `${d.severity} ${formatPath(d.path)}`)
      .sort();
    expect(counts).toEqual([
      'error config.shmemlist_size',
      'error config.vmlist[0].platform.dev_num',
      'error config.vmlist[0].platform.devs[0].interrupt_num',
      'error config.vmlist[0].platform.region_num',
    ]);
  });

  it('a consistent config gives no count diagnostics', () => {
    const { project } = imp(fixture('v1-workshop-ipc.c'));
    expect(checkProject(project).filter((d) => /count/.test(d.rule))).toEqual([]);
  });
});
