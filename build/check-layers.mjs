// Run by `npm run lint`: the layer rules of build/layers.mjs over the repository.
import { fileURLToPath } from 'node:url';
import { checkLayers } from './layers.mjs';

const problems = checkLayers(fileURLToPath(new URL('..', import.meta.url)));
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('layers: ok');
