// A tag of the user's Bao checkout (BAO_SRC, a bao-hypervisor git repository, bare or not),
// exported with `git archive` into a temp directory cached by commit, so builds never touch the
// checkout itself. Shared by the Bao boot tests and the benchmarks.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A changed copy of a tree: cached apart under `suffix`, `patch` edits it once after export. */
export interface TreeVariant {
  suffix: string;
  patch: (dir: string) => void;
}

export function baoTree(baoSrc: string, tag: string, variant?: TreeVariant): string {
  const sha = execFileSync('git', ['-C', baoSrc, 'rev-parse', `${tag}^{commit}`], {
    encoding: 'utf8',
  }).trim();
  const dir = join(
    tmpdir(),
    `bao-studio-bao-${sha.slice(0, 12)}${variant ? `-${variant.suffix}` : ''}`,
  );
  if (!existsSync(join(dir, 'Makefile'))) {
    mkdirSync(dir, { recursive: true });
    const tar = spawnSync('git', ['-C', baoSrc, 'archive', '--format=tar', sha], {
      maxBuffer: 1 << 30,
    });
    if (tar.status !== 0) throw new Error(`git archive ${tag} in ${baoSrc} failed: ${tar.stderr}`);
    execFileSync('tar', ['-x', '-C', dir], { input: tar.stdout });
    variant?.patch(dir);
  }
  return dir;
}
