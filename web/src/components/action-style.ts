import type { Action } from '../types';

/** Chart colours per delivery action (the same hues as the .action-* badges in styles.css). */
export const ACTION_COLOUR: Record<Action, string> = {
  deliver: '#3a9d5d',
  banner: '#d6a21e',
  junk: '#d9732b',
  hold: '#c73a3a',
};

/** What each delivery action did, in the words a reader expects in a headline number. */
export const ACTION_LABEL: Record<Action, string> = {
  deliver: 'Delivered',
  banner: 'Bannered',
  junk: 'Junked',
  hold: 'Held',
};
