// What the change feed tells this process's caches: every announced change (src/store/changes.ts)
// reaches every cache that may hold what changed, and while the feed is unhealthy the user cache
// stands aside. The credential caches keep their one-second bound either way.
import type { ChangeFeed } from './store/changes.ts';
import type { UserCache } from './users/user-cache.ts';
import type { CredentialHolder } from './auth/credentials-changed.ts';
import type { LoginSubjects } from './auth/login-subjects.ts';

export interface Caches {
  users: UserCache;
  /** Everything that remembers a verified credential with its user. */
  principals: CredentialHolder[];
  loginSubjects: LoginSubjects;
}

/** Subscribes the caches to the feed; the returned function unsubscribes. */
export function followChanges(feed: ChangeFeed, caches: Caches): () => void {
  const clearAll = () => {
    caches.users.clear();
    for (const cache of caches.principals) cache.clear();
  };
  return feed.subscribe({
    change(change) {
      switch (change.kind) {
        case 'users':
          caches.users.forgetUsers(change.ids);
          for (const cache of caches.principals) for (const id of change.ids) cache.forgetUser(id);
          return;
        case 'added':
          caches.users.forgetLists();
          return;
        case 'locks':
          caches.loginSubjects.forgetUsernameKeys(change.usernameKeys);
          return;
        case 'all':
          clearAll();
      }
    },
    health(healthy) {
      if (!healthy) clearAll();
      caches.users.setEnabled(healthy);
    },
  });
}
