// Regenerates openapi.json from the route schemas: `npm run openapi`.
import fs from 'node:fs/promises';
import { generateOpenApi } from '../test/support/openapi.ts';

const document = await generateOpenApi();
await fs.writeFile(new URL('../openapi.json', import.meta.url), document);
process.stdout.write('wrote openapi.json\n');
