// The one port through which a change to who-may-do-what reaches authentication: services say
// what changed, and every cache of verified credentials (sessions, tokens) follows at once.
// Revocation lives here too, so ending a user's sessions and tokens is one call, never two.
export interface CredentialsChanged {
  /** A user's role, status, memberships or credentials changed. */
  user(userId: string): void;
  /** Groups' hierarchy or superuser flags changed: anyone's powers may have. */
  everyone(): void;
  /** Ends the user's sessions (but `keepSession`) and personal access tokens. */
  revokeAll(userId: string, options?: { keepSession?: string }): Promise<void>;
}

export interface CredentialHolder {
  forgetUser(userId: string): void;
  clear(): void;
}

export function createCredentialsChanged(deps: {
  caches: CredentialHolder[];
  /** Each also drops the user from its own cache. */
  revokeSessions(userId: string, keepSession?: string): Promise<void>;
  revokeTokens(userId: string): Promise<void>;
}): CredentialsChanged {
  const user = (userId: string) => {
    for (const cache of deps.caches) cache.forgetUser(userId);
  };
  return {
    user,
    everyone() {
      for (const cache of deps.caches) cache.clear();
    },
    async revokeAll(userId, options = {}) {
      await deps.revokeSessions(userId, options.keepSession);
      await deps.revokeTokens(userId);
    },
  };
}
