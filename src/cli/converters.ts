// `roster import --from keycloak|auth0`: another product's user export as Roster's import lines
// (the fields of POST /api/v1/users plus passwordHash, status, createdAt), hash formats included.
type Json = Record<string, unknown>;
export type ImportLine = Record<string, unknown>;

const b64NoPad = (base64: string) => base64.replace(/=+$/, '');
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** A field `name` made a Roster username: what its rules allow (letters, digits and @.+-_). */
function usernameOf(value: string): string {
  return value.replace(/[^\p{L}\p{N}@.+\-_]/gu, '_').slice(0, 150);
}

function drop(line: Json): ImportLine {
  return Object.fromEntries(Object.entries(line).filter(([, v]) => v !== undefined));
}

// ---- Keycloak: a realm export (`kc.sh export`), its `users` array --------------------------------

/** Keycloak's stored password as a PHC string Roster verifies: pbkdf2-sha256/-sha512/-sha1 or argon2. */
export function keycloakHash(credential: Json): string | undefined {
  if (credential.type !== 'password') return undefined;
  const secret = JSON.parse(String(credential.secretData ?? '{}')) as Json;
  const data = JSON.parse(String(credential.credentialData ?? '{}')) as Json;
  const value = str(secret.value);
  const salt = str(secret.salt);
  if (!value || !salt) return undefined;
  const algorithm = String(data.algorithm ?? '');
  const iterations = Number(data.hashIterations);
  const extra = (data.additionalParameters ?? {}) as Record<string, string[]>;
  if (/^pbkdf2(-sha(256|512))?$/.test(algorithm)) {
    const digest = algorithm === 'pbkdf2' ? 'sha1' : algorithm.slice('pbkdf2-'.length);
    const length = Buffer.from(value, 'base64').length;
    return `$pbkdf2-${digest}$i=${iterations},l=${length}$${b64NoPad(salt)}$${b64NoPad(value)}`;
  }
  if (algorithm === 'argon2') {
    const type = extra.type?.[0] ?? 'id';
    const memory = extra.memory?.[0] ?? '7168';
    const parallelism = extra.parallelism?.[0] ?? '1';
    const version = extra.version?.[0] === '1.0' ? 16 : 19;
    return `$argon2${type}$v=${version}$m=${memory},t=${iterations},p=${parallelism}$${b64NoPad(salt)}$${b64NoPad(value)}`;
  }
  return undefined;
}

export function fromKeycloak(document: unknown): ImportLine[] {
  const users = (document as Json)?.users;
  if (!Array.isArray(users)) throw new Error('not a Keycloak realm export: it has no "users" array');
  return users.map((raw) => {
    const user = raw as Json;
    const attributes = Object.fromEntries(
      Object.entries((user.attributes ?? {}) as Record<string, unknown[]>).map(([key, values]) => [key, Array.isArray(values) && values.length === 1 ? values[0] : values]),
    );
    const hash = ((user.credentials ?? []) as Json[]).map(keycloakHash).find(Boolean);
    const name = [str(user.firstName), str(user.lastName)].filter(Boolean).join(' ') || undefined;
    return drop({
      username: usernameOf(String(user.username ?? '')),
      email: str(user.email),
      emailVerified: user.emailVerified === true ? true : undefined,
      givenName: str(user.firstName),
      familyName: str(user.lastName),
      name,
      externalId: str(user.id),
      status: user.enabled === false ? 'disabled' : undefined,
      createdAt: typeof user.createdTimestamp === 'number' ? new Date(user.createdTimestamp).toISOString() : undefined,
      passwordHash: hash,
      // Keycloak's groups are paths ("/staff/admins"): the last segment is the group's name.
      groups: Array.isArray(user.groups) && user.groups.length ? (user.groups as string[]).map((g) => g.split('/').filter(Boolean).pop()!) : undefined,
      attributes: Object.keys(attributes).length ? attributes : undefined,
    });
  });
}

// ---- Auth0: a user export job's NDJSON or JSON, or the password-hash export's lines -------------

export function fromAuth0(text: string): ImportLine[] {
  const trimmed = text.trim();
  const records: Json[] = trimmed.startsWith('[') ? (JSON.parse(trimmed) as Json[]) : trimmed.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Json);
  return records.map((user) => {
    const id = str(user.user_id) ?? str((user._id as Json | undefined)?.$oid);
    const email = str(user.email);
    const username = str(user.username) ?? (email ? email.split('@')[0] : id);
    const metadata = { ...((user.user_metadata ?? {}) as Json), ...((user.app_metadata ?? {}) as Json) };
    return drop({
      username: usernameOf(username ?? ''),
      email,
      emailVerified: user.email_verified === true ? true : undefined,
      givenName: str(user.given_name),
      familyName: str(user.family_name),
      name: str(user.name) !== email ? str(user.name) : undefined,
      externalId: id,
      status: user.blocked === true ? 'disabled' : undefined,
      createdAt: str(user.created_at),
      // Auth0 keeps bcrypt ($2a$/$2b$), which Roster verifies and rehashes at first login.
      passwordHash: str(user.passwordHash) ?? str(user.password_hash),
      attributes: Object.keys(metadata).length ? metadata : undefined,
    });
  });
}
