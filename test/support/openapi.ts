// Builds the app on a throwaway in-memory store and renders its OpenAPI document as committed.
import { buildApp } from '../../src/app.ts';
import { createPasswordHasher } from '../../src/credentials/password.ts';
import { openStore } from '../../src/store/db.ts';

export async function generateOpenApi(): Promise<string> {
  const store = await openStore({ backend: 'pglite' });
  try {
    const app = await buildApp({ store, passwords: createPasswordHasher(), secret: 'x'.repeat(32) });
    await app.ready();
    const document = JSON.stringify(app.swagger(), null, 2) + '\n';
    await app.close();
    return document;
  } finally {
    await store.close();
  }
}
