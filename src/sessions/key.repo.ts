// SQL for JWT signing keys.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

export interface KeyRow {
  kid: string;
  alg: string;
  publicJwk: Record<string, unknown>;
  privateJwkSealed: string;
  createdAt: Date;
}

export async function listKeysSince(db: Kysely<Database>, since: Date): Promise<KeyRow[]> {
  const rows = await db
    .selectFrom('signing_keys')
    .selectAll()
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    kid: r.kid,
    alg: r.alg,
    publicJwk: r.public_jwk,
    privateJwkSealed: r.private_jwk_sealed,
    createdAt: r.created_at,
  }));
}

export async function insertKey(db: Kysely<Database>, key: KeyRow): Promise<void> {
  await db
    .insertInto('signing_keys')
    .values({
      kid: key.kid,
      alg: key.alg,
      public_jwk: JSON.stringify(key.publicJwk),
      private_jwk_sealed: key.privateJwkSealed,
      created_at: key.createdAt,
    })
    .execute();
}

export async function deleteKeysBefore(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('signing_keys').where('created_at', '<', before).execute();
}
