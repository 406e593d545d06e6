import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { problemInWords } from '../settings-problems';
import type { EditableSettings, SettingsAnswer } from '../types';
import { useRequest } from '../use-request';
import { Problems } from './Problems';

/** One group as edited: members as typed text until saved. */
interface GroupDraft {
  readonly key: number;
  name: string;
  members: string;
}

/** Addresses or domains typed one per line (or separated by commas): a line is one entry. */
function listOf(text: string): string[] {
  return text
    .split(/[\n,;]+/u)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function draftsOf(groups: Readonly<Record<string, readonly string[]>>): GroupDraft[] {
  return Object.entries(groups).map(([name, members], key) => ({ key, name, members: members.join('\n') }));
}

/**
 * The organisation settings an admin edits live (PUT /settings): domains, named groups, VIPs,
 * autonomy, quarantine retention and how long message content is kept. The server validates
 * and lists every problem.
 */
export function OrgSettingsForm({ initial, justSaved = false, onSaved }: { initial: EditableSettings; justSaved?: boolean; onSaved: (answer: SettingsAnswer) => void }) {
  const [orgDomains, setOrgDomains] = useState(initial.orgDomains.join('\n'));
  const [groups, setGroups] = useState<GroupDraft[]>(() => draftsOf(initial.groups));
  const [nextKey, setNextKey] = useState(groups.length);
  const [vips, setVips] = useState(initial.vips.join('\n'));
  const [autonomy, setAutonomy] = useState(initial.autonomy);
  const [retention, setRetention] = useState(String(initial.quarantineRetentionDays));
  const [contentRetention, setContentRetention] = useState(String(initial.messageRetentionDays));
  // The page remounts the form from the saved answer, so the notice starts from what the page says.
  const [saved, setSaved] = useState(justSaved);
  const { busy, problems, setProblems, submit } = useRequest();

  const updateGroup = (key: number, change: Partial<Pick<GroupDraft, 'name' | 'members'>>) => {
    setGroups((current) => current.map((group) => (group.key === key ? { ...group, ...change } : group)));
    setSaved(false);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const local: string[] = [];
    const names = groups.map((g) => g.name.trim());
    if (names.some((name) => name === '')) local.push('every group needs a name');
    const duplicates = names.filter((name, index) => name !== '' && names.indexOf(name) !== index);
    for (const name of new Set(duplicates)) local.push(`group "${name}" appears twice`);
    if (local.length > 0) {
      setProblems(local);
      return;
    }
    const body: EditableSettings = {
      orgDomains: listOf(orgDomains),
      groups: Object.fromEntries(groups.map((g) => [g.name.trim(), listOf(g.members)])),
      vips: listOf(vips),
      autonomy,
      // Sent as typed: the server says what is wrong with it (the problems list shows it).
      quarantineRetentionDays: Number(retention),
      messageRetentionDays: Number(contentRetention),
    };
    await submit(
      async () => {
        const answer = await api.put<SettingsAnswer>('/settings', body);
        setSaved(true);
        onSaved(answer);
      },
      (problem) => problemInWords(problem, body),
    );
  };

  return (
    <form className="settings-form" aria-label="Organisation settings" onSubmit={(event) => void save(event)} onChange={() => setSaved(false)}>
      <label>
        Organisation domains (one per line)
        <textarea rows={3} value={orgDomains} onChange={(e) => setOrgDomains(e.target.value)} />
      </label>

      <fieldset>
        <legend>Groups</legend>
        {groups.length === 0 && <p className="muted">No named groups: belong learns groups from who writes to whom.</p>}
        {groups.map((group, index) => (
          <div className="group-row" key={group.key}>
            <label>
              Group name
              <input value={group.name} onChange={(e) => updateGroup(group.key, { name: e.target.value })} aria-label={`Name of group ${index + 1}`} />
            </label>
            <label className="grow">
              Members (one address per line)
              <textarea rows={3} value={group.members} onChange={(e) => updateGroup(group.key, { members: e.target.value })} aria-label={`Members of group ${group.name || index + 1}`} />
            </label>
            <button
              type="button"
              className="secondary small"
              onClick={() => setGroups((current) => current.filter((g) => g.key !== group.key))}
              aria-label={`Remove group ${group.name || index + 1}`}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setGroups((current) => [...current, { key: nextKey, name: '', members: '' }]);
            setNextKey((k) => k + 1);
          }}
        >
          Add group
        </button>
      </fieldset>

      <label>
        VIPs (one address per line; empty: learned from the mail)
        <textarea rows={3} value={vips} onChange={(e) => setVips(e.target.value)} />
      </label>

      <fieldset>
        <legend>Autonomy</legend>
        <label className="choice">
          <input type="radio" name="autonomy" value="passive" checked={autonomy === 'passive'} onChange={() => setAutonomy('passive')} />
          Passive — decide and record; mail is relayed unchanged with X-Belong headers
        </label>
        <label className="choice">
          <input type="radio" name="autonomy" value="active" checked={autonomy === 'active'} onChange={() => setAutonomy('active')} />
          Active — the gateway applies the actions (banners, locked links, holds)
        </label>
      </fieldset>

      <label className="narrow">
        Quarantine retention (days)
        {/* No min/max here: the server checks every field at once and the form lists all problems. */}
        <input type="number" inputMode="numeric" value={retention} onChange={(e) => setRetention(e.target.value)} aria-describedby="retention-hint" />
        <span id="retention-hint" className="muted small">
          1 to 3650 days
        </span>
      </label>

      <label className="narrow">
        Keep message content (days)
        <input type="number" inputMode="numeric" value={contentRetention} onChange={(e) => setContentRetention(e.target.value)} aria-describedby="content-retention-hint" />
        <span id="content-retention-hint" className="muted small">
          1 to 3650 days; then the headers, body, links and attachment details are removed and the verdict stays
        </span>
      </label>

      <Problems problems={problems} />
      {saved && (
        <p role="status" className="ok">
          Settings saved. They apply to the next message (quarantine retention to mail held from now on; message content past its retention is removed within the hour); other belong processes on this store take them at their next start.
        </p>
      )}
      <div>
        <button type="submit" disabled={busy}>
          Save settings
        </button>
      </div>
    </form>
  );
}
