// Audit events, newest first, with the SCIM filter and keyset paging.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';
import { Status, useCursors, useNotice } from './ui.tsx';

interface AuditEvent {
  id: string;
  time: string;
  action: string;
  outcome: string;
  actor: { type: string; username: string | null };
  target: { type: string; id: string | null } | null;
  ip: string | null;
  changes: string[];
}

export function AuditView() {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [filter, setFilter] = useState('');
  const [applied, setApplied] = useState('');
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const cursors = useCursors();
  const { notice, run } = useNotice();

  useEffect(() => {
    void run(async () => {
      const { data } = await api.GET('/api/v1/audit-events', { params: { query: { limit: 50, ...(applied ? { filter: applied } : {}), ...(cursors.current ? { cursor: cursors.current } : {}) } } });
      setEvents(data!.items as AuditEvent[]);
      setNextCursor(data!.nextCursor);
    });
  }, [applied, cursors.current]);

  return (
    <>
      <h1>Audit events</h1>
      <section class="panel">
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            setApplied(filter.trim());
            cursors.reset();
          }}
        >
          <div>
            <label for="audit-filter">Filter (SCIM)</label>
            <input id="audit-filter" placeholder='action sw "user." and outcome eq "failure"' value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
          </div>
          <button type="submit" class="secondary">
            Apply
          </button>
        </form>
      </section>
      <Status notice={notice} />
      <section class="panel">
        <table aria-label="Audit events">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Action</th>
              <th scope="col">Outcome</th>
              <th scope="col">Actor</th>
              <th scope="col">Target</th>
              <th scope="col">Changed</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{new Date(event.time).toLocaleString()}</td>
                <td>{event.action}</td>
                <td>{event.outcome}</td>
                <td>{event.actor.username ?? event.actor.type}</td>
                <td>{event.target?.type === 'user' && event.target.id ? <a href={`#/users/${event.target.id}`}>{event.target.id}</a> : event.target?.id}</td>
                <td>{event.changes.join(', ')}</td>
                <td>{event.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div class="actions">
          <button class="secondary" disabled={cursors.page === 1} onClick={cursors.previous}>
            Newer
          </button>
          <button class="secondary" disabled={!nextCursor} onClick={() => nextCursor && cursors.next(nextCursor)}>
            Older
          </button>
        </div>
      </section>
    </>
  );
}
