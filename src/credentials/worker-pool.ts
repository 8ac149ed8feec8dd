// A small pool of worker threads for CPU-bound work that must not stall the event loop.
// Threads start on demand, up to `size`; idle ones are unref'd, so a process (or a test file)
// that forgets close() still exits. A thread that dies fails only the task it was running.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

interface Task<In, Out> {
  input: In;
  resolve(output: Out): void;
  reject(error: unknown): void;
}

export class WorkerPool<In, Out> {
  readonly size: number;
  private readonly all = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Task<In, Out>>();
  private readonly queue: Task<In, Out>[] = [];
  private holders = 0;

  private idleTimer: NodeJS.Timeout | undefined;

  /**
   * `file` is the worker module: a .js file in dist/, or a .ts file when running from source.
   * Threads idle for `idleMs` stop (each holds its own heap: zxcvbn's dictionaries are some
   * 40 MB a thread), so a service at rest gives the memory back; the next task starts one again.
   */
  constructor(
    private readonly file: URL,
    size = os.availableParallelism(),
    private readonly idleMs = 30_000,
  ) {
    this.size = Math.max(1, size);
  }

  /** Threads started and alive (for tests and metrics). */
  get threads(): number {
    return this.all.size;
  }

  /** How many holders keep the threads (see hold). */
  get held(): number {
    return this.holders;
  }

  run(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.pump();
    });
  }

  /**
   * For each app that uses the pool: the returned release stops the threads once the last
   * holder lets go, so one app closing (tests start several per process) spares the others.
   */
  hold(): () => Promise<void> {
    this.holders += 1;
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.holders -= 1;
      if (this.holders === 0) await this.close();
    };
  }

  /** Stops every thread; queued and running tasks fail. The pool starts afresh on the next run. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const closed = new Error('the worker pool was closed');
    for (const task of this.queue.splice(0)) task.reject(closed);
    const workers = [...this.all];
    for (const worker of workers) this.forget(worker, closed);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.all.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.ref();
      worker.postMessage(task.input);
    }
  }

  private spawn(): Worker {
    const worker = startWorker(this.file);
    this.all.add(worker);
    worker.on('message', (output: Out) => {
      const task = this.running.get(worker);
      this.running.delete(worker);
      worker.unref();
      this.idle.push(worker);
      task?.resolve(output);
      this.pump();
      this.stopWhenIdle();
    });
    worker.on('error', (error) => this.forget(worker, error));
    worker.on('exit', (code) => this.forget(worker, new Error(`a worker thread exited with code ${code}`)));
    return worker;
  }

  /** Once nothing has run for idleMs, the idle threads stop (the timer never keeps the process up). */
  private stopWhenIdle(): void {
    if (this.running.size > 0 || this.queue.length > 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.running.size > 0 || this.queue.length > 0) return;
      for (const worker of this.idle.splice(0)) {
        this.all.delete(worker);
        void worker.terminate();
      }
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private forget(worker: Worker, error: unknown): void {
    if (!this.all.delete(worker)) return;
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    const task = this.running.get(worker);
    this.running.delete(worker);
    task?.reject(error);
    if (this.queue.length > 0) this.pump();
  }
}

/**
 * From dist/ a worker is a plain .js module. From source (tsx: tests, `node --import tsx`) the
 * worker's entry is not seen by the loader hooks `--import tsx` installs (Node 20), so a small
 * bootstrap registers tsx in the thread first and then imports the .ts module.
 */
function startWorker(file: URL): Worker {
  if (!file.pathname.endsWith('.ts')) return new Worker(fileURLToPath(file));
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`;
  return new Worker(bootstrap, { eval: true });
}
