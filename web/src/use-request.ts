import { useState } from 'react';
import { errorText, problemsOf } from './problems';

export interface Request {
  /** True while `submit` runs: the form's submit button is disabled. */
  readonly busy: boolean;
  /** What went wrong, one entry a line (shown with <Problems>). */
  readonly problems: readonly string[];
  /** For problems found before asking the server (a form's own checks). */
  readonly setProblems: (problems: string[]) => void;
  /**
   * A form's request: busy while it runs, earlier problems cleared, each problem of a failure
   * listed (through `words`, which may say which entry a problem is about). Resolves whether the
   * work succeeded.
   */
  readonly submit: (work: () => Promise<unknown>, words?: (problem: string) => string) => Promise<boolean>;
  /** A row's action (revoke, disable...): earlier problems cleared, a failure shown as one line; nothing is made busy. */
  readonly act: (work: () => Promise<unknown>) => Promise<void>;
}

/** The busy flag and problem list every form and row action of the dashboard keeps. */
export function useRequest(): Request {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async (work: () => Promise<unknown>, words: (problem: string) => string = (problem) => problem): Promise<boolean> => {
    setBusy(true);
    setProblems([]);
    try {
      await work();
      return true;
    } catch (reason) {
      setProblems(problemsOf(reason).map(words));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const act = async (work: () => Promise<unknown>): Promise<void> => {
    setProblems([]);
    try {
      await work();
    } catch (reason) {
      setProblems([errorText(reason)]);
    }
  };

  return { busy, problems, setProblems, submit, act };
}
