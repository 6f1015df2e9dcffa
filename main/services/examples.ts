// Example projects (the Bao workshop setups I–V…) and blank designs. The examples themselves
// live in assets/examples (owned by the Bao domain track); this module adapts them to the host.
import { emptyProject, serializeProject, type BaoVersion } from '../../core/bao/model/index.js';
import { HostError, type ExampleInfo, type NewDocument } from '../../core/host/index.js';

export interface ExampleCatalog {
  list(): Promise<ExampleInfo[]>;
  create(name: string): Promise<NewDocument>;
}

export function blankProject(platform: string, bao: BaoVersion): NewDocument {
  const project = emptyProject(platform, bao, 'untitled');
  return { text: serializeProject(project), suggestedName: `${platform}-untitled` };
}

/** A catalog over a fixed set of example factories (the real set is wired in default-examples). */
export function catalogOf(examples: { info: ExampleInfo; create: () => string }[]): ExampleCatalog {
  return {
    list: async () => examples.map((e) => e.info),
    create: async (name) => {
      const example = examples.find((e) => e.info.name === name);
      if (!example) {
        const known = examples.map((e) => e.info.name).join(', ') || 'none';
        throw new HostError('not-found', `no example named "${name}" (known: ${known})`);
      }
      return { text: example.create(), suggestedName: name };
    },
  };
}
