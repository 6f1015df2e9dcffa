// The example catalog the app ships: the Bao workshop setups from assets/examples.
import { EXAMPLES, newProjectFromExample } from '../../assets/examples/index.js';
import { serializeProject } from '../../core/bao/model/index.js';
import { catalogOf, type ExampleCatalog } from './examples.js';

export async function loadExampleCatalog(): Promise<ExampleCatalog> {
  return catalogOf(
    EXAMPLES.map((example) => {
      const { target } = newProjectFromExample(example.name);
      return {
        info: {
          name: example.name,
          title: example.title,
          description: example.description,
          platform: target.platform,
          bao: target.bao,
        },
        create: () => serializeProject(newProjectFromExample(example.name)),
      };
    }),
  );
}
