// Writes the example project files (<name>.baoproj) from definitions.ts:
//   npx tsx assets/examples/write.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serializeProject } from '../../core/bao/model/index.js';
import { EXAMPLES, newProjectFromExample } from './index.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
for (const { name } of EXAMPLES) {
  writeFileSync(`${dir}${name}.baoproj`, serializeProject(newProjectFromExample(name)));
  console.log(`wrote ${name}.baoproj`);
}
