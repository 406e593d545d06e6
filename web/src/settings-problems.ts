import type { EditableSettings } from './types';

const FIELD_LABEL: Readonly<Record<string, string>> = {
  orgDomains: 'Organisation domains',
  groups: 'Groups',
  vips: 'VIPs',
  autonomy: 'Autonomy',
  quarantineRetentionDays: 'Quarantine retention',
  messageRetentionDays: 'Message content retention',
};

/**
 * A server problem ("groups.finance.0: not an email address") in the form's words, naming the
 * entry that is wrong: 'Group "finance", "bob": not an email address'.
 */
export function problemInWords(problem: string, sent: EditableSettings): string {
  const match = /^([\w.-]+): (.*)$/su.exec(problem);
  if (!match) return problem;
  const [, path = '', text = ''] = match;
  const parts = path.split('.');
  const field = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const index = /^\d+$/u.test(last) && parts.length > 1 ? Number(last) : null;
  if (field === 'groups' && parts.length > 1) {
    const name = parts.slice(1, index === null ? undefined : -1).join('.');
    const entry = index === null ? undefined : sent.groups[name]?.[index];
    return `Group "${name}"${entry === undefined ? '' : `, "${entry}"`}: ${text}`;
  }
  const label = FIELD_LABEL[field] ?? field;
  const list = field === 'orgDomains' ? sent.orgDomains : field === 'vips' ? sent.vips : null;
  const entry = index === null || !list ? undefined : list[index];
  return `${label}${entry === undefined ? '' : `, "${entry}"`}: ${text}`;
}
