// Regenerates openapi.json from the route schemas, and the typed client's types from it:
// `npm run openapi`.
import fs from 'node:fs/promises';
import { generateOpenApi, generateClientTypes } from '../test/support/openapi.ts';

const document = await generateOpenApi();
await fs.writeFile(new URL('../openapi.json', import.meta.url), document);
await fs.writeFile(new URL('../src/client/api-types.ts', import.meta.url), await generateClientTypes(document));
process.stdout.write('wrote openapi.json and src/client/api-types.ts\n');
