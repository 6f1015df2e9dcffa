// Example projects ("New from example") and blank designs per platform.
import { emptyProject, type BaoVersion, type Project } from '../../core/bao/model/index.js';
import { EXAMPLES, exampleProject, type ExampleInfo } from './definitions.js';

export { EXAMPLES, type ExampleInfo };

export class UnknownExampleError extends Error {
  constructor(readonly example: string) {
    super(`no example named "${example}" (examples: ${EXAMPLES.map((e) => e.name).join(', ')})`);
    this.name = 'UnknownExampleError';
  }
}

/** A new project from an example; throws UnknownExampleError naming the known examples. */
export function newProjectFromExample(name: string): Project {
  const project = exampleProject(name);
  if (!project) throw new UnknownExampleError(name);
  return project;
}

/** A blank design for a platform. */
export function newBlankProject(platform: string, bao: BaoVersion = 'v2', name?: string): Project {
  return emptyProject(platform, bao, name);
}
