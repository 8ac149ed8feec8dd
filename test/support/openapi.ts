// Builds the app on a throwaway store and renders its OpenAPI document as committed. The store
// is a copy of the migrated test template: the document does not depend on the data, and a
// fresh PGlite would spend seconds in initdb.
import { buildApp } from '../../src/app.ts';
import { createPasswordHasher } from '../../src/credentials/password.ts';
import { createTestDatabase } from './backends.ts';

export async function generateOpenApi(): Promise<string> {
  const database = await createTestDatabase('pglite');
  const store = await database.open();
  try {
    const app = await buildApp({ store, passwords: createPasswordHasher(), secret: 'x'.repeat(32) });
    await app.ready();
    const document = JSON.stringify(app.swagger(), null, 2) + '\n';
    await app.close();
    return document;
  } finally {
    await store.close();
    await database.drop();
  }
}

/** The typed client's types (src/client/api-types.ts), made from the document by openapi-typescript. */
export async function generateClientTypes(document: string): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(JSON.parse(document));
  return `// Generated from openapi.json by \`npm run openapi\` (openapi-typescript): do not edit.\n${astToString(ast)}`;
}
