// Import an NDJSON file: the upload's progress as it goes, then the job's counts and line errors.
import { useState } from 'preact/hooks';
import { messageOf, session, type Me } from './api.ts';
import { Status, useNotice } from './ui.tsx';

interface Job {
  id: string;
  status: string;
  progress: { processed: number; created: number; updated: number; failed: number } | null;
  lastError: string | null;
}
interface LineError {
  line: number;
  pointer: string;
  code: string;
  detail: string;
}

/** XMLHttpRequest, for the upload's progress events (fetch has none). */
function upload(file: File, query: string, onProgress: (sent: number) => void): Promise<Job> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1/users/import?${query}`);
    request.setRequestHeader('content-type', 'application/x-ndjson');
    request.setRequestHeader('x-csrf-token', session.csrf());
    request.setRequestHeader('x-requested-with', 'XMLHttpRequest');
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      const body = JSON.parse(request.responseText || '{}');
      if (request.status === 202) resolve(body as Job);
      else reject(new Error(body.detail ?? `The import was refused (${request.status}).`));
    };
    request.onerror = () => reject(new Error('The upload broke off.'));
    request.send(file);
  });
}

export function ImportView(props: { me: Me }) {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState('create');
  const [dryRun, setDryRun] = useState(false);
  const [sent, setSent] = useState(0);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [errors, setErrors] = useState<LineError[]>([]);
  const { notice, setNotice } = useNotice();

  if (!props.me.canWrite) return <p class="status error">Importing is for administrators and managers.</p>;

  async function start(event: Event) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setJob(null);
    setErrors([]);
    setNotice(null);
    try {
      const done = await upload(file, new URLSearchParams({ mode, ...(dryRun ? { dryRun: 'true' } : {}) }).toString(), setSent);
      setJob(done);
      if (done.progress && done.progress.failed > 0) {
        const response = await fetch(`/api/v1/system/jobs/${done.id}/errors`, { headers: { accept: 'application/x-ndjson', 'x-requested-with': 'XMLHttpRequest' } });
        setErrors((await response.text()).split('\n').filter(Boolean).slice(0, 500).map((line) => JSON.parse(line) as LineError));
      }
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Import users</h1>
      <section class="panel">
        <p class="muted">One user a line (NDJSON): the fields of a new user, and optionally passwordHash, status and createdAt. A bad line is reported and the rest goes on.</p>
        <form onSubmit={start}>
          <label for="import-file">File</label>
          <input id="import-file" type="file" accept=".ndjson,.jsonl,application/x-ndjson" required onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
          <label for="import-mode">Mode</label>
          <select id="import-mode" value={mode} onChange={(e) => setMode(e.currentTarget.value)}>
            <option value="create">create (an existing user is an error)</option>
            <option value="upsert">upsert (update by externalId or username)</option>
          </select>
          <label>
            <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} /> Dry run: check every line, write nothing
          </label>
          <div class="actions">
            <button type="submit" disabled={busy || !file}>
              Import
            </button>
          </div>
        </form>
        {file && (busy || job) && (
          <div>
            <label for="import-progress">Uploaded</label>
            <progress id="import-progress" max={file.size} value={sent} />
            <p class="muted">
              {Math.round(sent / 1024).toLocaleString()} of {Math.round(file.size / 1024).toLocaleString()} KiB
            </p>
          </div>
        )}
      </section>
      <Status notice={notice} />
      {job?.progress && (
        <section class="panel" aria-label="Result" role="status">
          <h2>{job.status === 'done' ? (dryRun ? 'Dry run finished' : 'Import finished') : `Import ${job.status}`}</h2>
          <p>
            {job.progress.processed} processed, {job.progress.created} created, {job.progress.updated} updated, {job.progress.failed} failed.
          </p>
          {errors.length > 0 && (
            <table aria-label="Line errors">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Field</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {errors.map((e) => (
                  <tr>
                    <td>{e.line}</td>
                    <td>{e.pointer}</td>
                    <td>
                      {e.detail} ({e.code})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
