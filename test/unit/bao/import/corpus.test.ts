// Sweep over real Bao config files kept outside the repository (never committed: they are Bao's
// code). Point BAO_CONFIG_CORPUS at a directory of `*.c` configs, e.g. every config blob from
// bao-demos / bao-hypervisor / bao-helloworld history. Each must import, or fail with a clean
// ConfigParseError listed in <dir>/expected-failures.txt or BAO_CONFIG_CORPUS_EXPECTED_FAILURES
// (file names, one per line or comma-separated) for configs that are broken in Bao itself.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigParseError, importConfigC } from '../../../../core/bao/import/index.js';
import { isDeepStrictEqual } from 'node:util';
import { generateConfigC } from '../../../../core/bao/generate/config-c.js';
import { Project } from '../../../../core/bao/model/schema.js';

const dir = process.env.BAO_CONFIG_CORPUS;
const listFile = dir ? join(dir, 'expected-failures.txt') : '';
const expectedFailures = new Set(
  [
    process.env.BAO_CONFIG_CORPUS_EXPECTED_FAILURES ?? '',
    listFile && existsSync(listFile) ? readFileSync(listFile, 'utf8') : '',
  ]
    .join('\n')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean),
);

describe.skipIf(!dir)('real Bao configs (BAO_CONFIG_CORPUS)', () => {
  it('imports every config file of the corpus', () => {
    if (!dir || !existsSync(dir)) throw new Error(`BAO_CONFIG_CORPUS=${dir} does not exist`);
    const files = readdirSync(dir).filter((f) => f.endsWith('.c'));
    expect(files.length).toBeGreaterThan(0);
    const failed: string[] = [];
    let ok = 0;
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      try {
        const { project } = importConfigC(text, { file: f, platform: 'corpus' });
        expect(Project.safeParse(project).success).toBe(true);
        // And the generator's rendering of it reads back as the same model.
        const again = importConfigC(generateConfigC(project), {
          file: `generated:${f}`,
          platform: 'corpus',
          name: project.name,
        });
        if (!isDeepStrictEqual(again.project, project))
          failed.push(`${f}: import → generate → import differs`);
        else ok++;
      } catch (e) {
        if (!(e instanceof ConfigParseError) || e.internal) throw e;
        if (!expectedFailures.has(f)) failed.push(e.message);
      }
    }
    console.log(
      `BAO_CONFIG_CORPUS: ${ok}/${files.length} configs imported cleanly and round-tripped`,
    );
    expect(failed).toEqual([]);
  });
});

if (!dir) {
  describe('real Bao configs', () => {
    it.skip('skipped: set BAO_CONFIG_CORPUS=<dir of Bao config .c files> to sweep real configs', () => {});
  });
}
