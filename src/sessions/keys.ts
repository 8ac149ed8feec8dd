// The JWT signing key ring. Keys are Ed25519, generated on first use, stored with their private
// half sealed, and rotated: a key signs for `rotationMs`, then stays published for verification
// until every token it signed has expired. Every process reads the same ring from the database.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { UnitOfWork } from '../repos.ts';
import type { SecretBox } from '../credentials/secret-box.ts';

export const JWT_ALG = 'EdDSA';
const SEAL_CONTEXT = 'jwt-signing-key';
// How long a process trusts its cached ring before rereading it (another process may rotate).
const RELOAD_MS = 60_000;

export interface KeyRingDeps {
  data: UnitOfWork;
  box: SecretBox;
  now: () => Date;
  rotationMs: number;
  tokenTtlMs: number;
}

interface LoadedKey {
  kid: string;
  createdAt: Date;
  publicJwk: JWK;
  publicKey: CryptoKey | Uint8Array;
  sealed: string;
  privateKey?: CryptoKey | Uint8Array;
}

export function createKeyRing(deps: KeyRingDeps) {
  const repo = deps.data.repos.keys;
  let keys: LoadedKey[] = [];
  let loadedAt = -Infinity;
  let loading: Promise<void> | undefined;

  const keepSince = () => new Date(deps.now().getTime() - deps.rotationMs - deps.tokenTtlMs);

  async function load(): Promise<void> {
    const rows = await repo.listKeysSince(keepSince());
    const next: LoadedKey[] = [];
    for (const row of rows) {
      const known = keys.find((k) => k.kid === row.kid);
      next.push(
        known ?? {
          kid: row.kid,
          createdAt: row.createdAt,
          publicJwk: row.publicJwk as JWK,
          publicKey: await importJWK(row.publicJwk as JWK, JWT_ALG),
          sealed: row.privateJwkSealed,
        },
      );
    }
    keys = next;
    loadedAt = deps.now().getTime();
  }

  async function refresh(force = false): Promise<void> {
    if (!force && deps.now().getTime() - loadedAt < RELOAD_MS) return;
    loading ??= load().finally(() => (loading = undefined));
    await loading;
  }

  async function rotate(): Promise<void> {
    const { publicKey, privateKey } = await generateKeyPair(JWT_ALG, { crv: 'Ed25519', extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: JWT_ALG, use: 'sig' };
    const privateJwk = await exportJWK(privateKey);
    await repo.insertKey({
      kid,
      alg: JWT_ALG,
      publicJwk,
      privateJwkSealed: deps.box.seal(JSON.stringify(privateJwk), SEAL_CONTEXT),
      createdAt: deps.now(),
    });
    await repo.deleteKeysBefore(keepSince());
    await refresh(true);
  }

  function current(): LoadedKey | undefined {
    const newest = keys[0];
    if (!newest) return undefined;
    return deps.now().getTime() - newest.createdAt.getTime() < deps.rotationMs ? newest : undefined;
  }

  return {
    /** The key to sign with now, rotating when the newest one has served its time. */
    async signingKey(): Promise<{ kid: string; key: CryptoKey | Uint8Array }> {
      await refresh();
      if (!current()) await refresh(true);
      // Two processes rotating at once both add a key; both are valid, the newer one signs.
      if (!current()) await rotate();
      const key = current()!;
      key.privateKey ??= await importJWK(JSON.parse(deps.box.open(key.sealed, SEAL_CONTEXT)) as JWK, JWT_ALG);
      return { kid: key.kid, key: key.privateKey };
    },
    /** The public key for a kid, rereading the ring once when another process made it. */
    async verificationKey(kid: string): Promise<CryptoKey | Uint8Array | undefined> {
      await refresh();
      let key = keys.find((k) => k.kid === kid);
      if (!key && deps.now().getTime() - loadedAt > 1_000) {
        await refresh(true);
        key = keys.find((k) => k.kid === kid);
      }
      return key?.publicKey;
    },
    async jwks(): Promise<{ keys: JWK[] }> {
      await refresh();
      return { keys: keys.map((k) => k.publicJwk) };
    },
    rotate,
    /** Whether this process's secret opens a sealed private key (one from a restored backup). */
    opens(sealed: string): boolean {
      try {
        deps.box.open(sealed, SEAL_CONTEXT);
        return true;
      } catch {
        return false;
      }
    },
    /** Reads the ring again now (after a restore replaced it). */
    reload: () => refresh(true),
  };
}

export type KeyRing = ReturnType<typeof createKeyRing>;
