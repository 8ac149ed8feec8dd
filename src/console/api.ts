// The console's API: the typed client over the session cookie, with the session's CSRF token on
// every write. The token lives in sessionStorage: the tab that signed in keeps it.
import { createRosterClient, RosterError } from '../client/index.ts';

export { RosterError };

const CSRF_KEY = 'roster.csrf';

export const session = {
  csrf: () => sessionStorage.getItem(CSRF_KEY) ?? '',
  start: (csrf: string) => sessionStorage.setItem(CSRF_KEY, csrf),
  end: () => sessionStorage.removeItem(CSRF_KEY),
};

// X-Requested-With: no Basic challenge, so the browser shows no password dialog of its own.
export const api = createRosterClient({ baseUrl: location.origin, headers: { 'x-requested-with': 'XMLHttpRequest' } });
api.use({
  onRequest({ request }) {
    if (request.method !== 'GET') request.headers.set('x-csrf-token', session.csrf());
    return request;
  },
});

/** What a failed call says, for the page. */
export function messageOf(error: unknown): string {
  if (error instanceof RosterError) {
    const fields = (error.problem.errors ?? []).map((e) => `${e.pointer ?? e.parameter ?? ''} ${e.detail}`.trim());
    return [error.problem.detail, ...fields.filter((f) => !error.problem.detail.includes(f))].join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** Who is signed in, and whether the console lets them change things. */
export interface Me {
  id: string;
  username: string;
  role: string;
  /** Admins and managers; auditors only read. */
  canWrite: boolean;
}
