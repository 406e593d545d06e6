import { useState } from 'react';
import { api } from '../api';
import { can, useAuth } from '../auth';
import { DECISIONS, decideHeld, isOpen, stateLabel, type HeldDecision } from '../held-decisions';
import type { HeldEntry, ReportResult } from '../types';
import { ReasonDialog } from './ReasonDialog';
import { When } from './When';

type Pending = { kind: 'held'; decision: HeldDecision } | { kind: 'report'; report: 'phishing' | 'safe' };

/**
 * The analyst's decisions on one message: release or delete it while it is held, and report it
 * as phishing or as safe (which teaches the model). Viewers see the quarantine state only.
 */
export function EmailDecisions({ verdictId, quarantine, onChanged }: { verdictId: string; quarantine: HeldEntry | null; onChanged: () => void }) {
  const { me } = useAuth();
  const analyst = can(me, 'analyst');
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const confirm = async (reason: string) => {
    if (!pending) return;
    if (pending.kind === 'held' && quarantine) {
      await decideHeld(quarantine.id, pending.decision, reason);
      setNotice(`Message ${DECISIONS[pending.decision].done}.`);
    } else if (pending.kind === 'report') {
      const result = await api.post<ReportResult>(`/messages/${encodeURIComponent(verdictId)}/report`, { kind: pending.report, ...(reason ? { reason } : {}) });
      setNotice(
        `Reported as ${result.kind}.` +
          (result.senderJudged
            ? " The sender's next emails carry this report, for everyone."
            : ` Recorded in the audit log only${result.notJudged ? `: ${result.notJudged}` : ''}.`),
      );
    }
    onChanged();
  };
  if (!quarantine && !analyst) return null;
  return (
    <section className="panel decisions" id={quarantine ? 'quarantine' : 'decide'} aria-labelledby="decisions-title">
      <h2 id="decisions-title">{quarantine ? 'Quarantine' : 'Decide'}</h2>
      {quarantine && (
        <p>
          <span className={`badge held-${quarantine.state}`}>{stateLabel(quarantine.state)}</span> Received <When at={quarantine.receivedAt} />
          {isOpen(quarantine.state) && (
            <>
              {' '}
              · expires <When at={quarantine.expiresAt} />
            </>
          )}
          {quarantine.updatedAt !== quarantine.receivedAt && (
            <>
              {' '}
              · last change <When at={quarantine.updatedAt} />
            </>
          )}
        </p>
      )}
      {analyst && (
        <div className="button-row">
          {quarantine && isOpen(quarantine.state) && (
            <>
              <button type="button" onClick={() => setPending({ kind: 'held', decision: 'release' })}>
                {DECISIONS.release.label}
              </button>
              <button type="button" className="danger" onClick={() => setPending({ kind: 'held', decision: 'delete' })}>
                {DECISIONS.delete.label}
              </button>
            </>
          )}
          <button type="button" className="secondary" onClick={() => setPending({ kind: 'report', report: 'phishing' })}>
            Report phishing
          </button>
          <button type="button" className="secondary" onClick={() => setPending({ kind: 'report', report: 'safe' })}>
            Report safe
          </button>
        </div>
      )}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {pending && (
        <ReasonDialog
          title={pending.kind === 'held' ? `${DECISIONS[pending.decision].label} this message?` : `Report this message as ${pending.report}?`}
          description={
            pending.kind === 'held'
              ? pending.decision === 'release'
                ? 'The original is delivered to its recipients and the model learns that it belongs.'
                : 'The held original is deleted for good.'
              : pending.report === 'phishing'
                ? "The sender's next emails are treated as reported phishing, for everyone."
                : "The sender's next emails are treated as reported safe, for everyone."
          }
          confirmLabel={pending.kind === 'held' ? DECISIONS[pending.decision].confirm : 'Confirm report'}
          danger={pending.kind === 'held' && DECISIONS[pending.decision].danger}
          reasonRequired={pending.kind === 'held'}
          onConfirm={confirm}
          onClose={() => setPending(null)}
        />
      )}
    </section>
  );
}
