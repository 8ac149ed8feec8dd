// Small pieces the console's views share: the message line, and running a call with it.
import { useState } from 'preact/hooks';
import { messageOf } from './api.ts';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export function Status(props: { notice: Notice | null }) {
  // Always present, so screen readers hear what appears in it.
  return (
    <div aria-live="polite">
      {props.notice && (
        <p class={`status ${props.notice.kind}`} role={props.notice.kind === 'error' ? 'alert' : 'status'}>
          {props.notice.text}
        </p>
      )}
    </div>
  );
}

/** A notice, and a runner that reports a call's failure (or its success text) in it. */
export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  async function run<T>(work: () => Promise<T>, done?: string): Promise<T | undefined> {
    setNotice(null);
    try {
      const result = await work();
      if (done) setNotice({ kind: 'ok', text: done });
      return result;
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) });
      return undefined;
    }
  }
  return { notice, setNotice, run };
}

/** Pages through a keyset-paged list: the cursors of the pages before this one. */
export function useCursors() {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  return {
    current: stack[stack.length - 1],
    page: stack.length,
    next: (cursor: string) => setStack([...stack, cursor]),
    previous: () => setStack(stack.slice(0, -1)),
    reset: () => setStack([undefined]),
  };
}
