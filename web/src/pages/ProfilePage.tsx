import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { api } from '../api';
import { DomainProfileView } from '../components/DomainProfileView';
import { LookalikeView } from '../components/LookalikeView';
import { PersonProfileView } from '../components/PersonProfileView';
import { SenderProfileView } from '../components/SenderProfileView';
import type { DomainProfile, PersonDetail, SenderProfile } from '../types';
import { useApi } from '../use-api';

type Profile =
  | { readonly kind: 'sender'; readonly profile: SenderProfile }
  | { readonly kind: 'domain'; readonly profile: DomainProfile }
  | { readonly kind: 'person'; readonly detail: PersonDetail }
  | { readonly kind: 'lookalike'; readonly left: DomainProfile; readonly right: DomainProfile };

const segment = encodeURIComponent;

async function loadProfile(kind: string, id: string): Promise<Profile> {
  switch (kind) {
    case 'sender':
      return { kind, profile: await api.get<SenderProfile>(`/senders/${segment(id)}`) };
    case 'domain':
      return { kind, profile: await api.get<DomainProfile>(`/domains/${segment(id)}`) };
    case 'person':
      return { kind, detail: await api.get<PersonDetail>(`/people/${segment(id)}`) };
    case 'lookalike': {
      const [a, b] = id.split('~');
      if (!a || !b) throw new Error('a lookalike profile names two domains: a~b');
      const [left, right] = await Promise.all([api.get<DomainProfile>(`/domains/${segment(a)}`), api.get<DomainProfile>(`/domains/${segment(b)}`)]);
      return { kind, left, right };
    }
    default:
      throw new Error(`no such profile kind: ${kind}`);
  }
}

/** /profiles/:kind/:id — a sender, a domain, a person, or a lookalike pair "a~b". */
export function ProfilePage() {
  const { kind = '', id = '' } = useParams();
  const loaded = useApi(() => loadProfile(kind, id), [kind, id]);
  if (loaded.error) {
    return (
      <>
        <h1>Profile</h1>
        <p className="error" role="alert">
          {loaded.error}
        </p>
      </>
    );
  }
  // While loading, the hook still holds the previous URL's profile: show neither.
  if (loaded.loading || !loaded.data) return <p className="muted">Loading…</p>;
  return render(loaded.data);
}

function render(profile: Profile): ReactNode {
  switch (profile.kind) {
    case 'sender':
      return <SenderProfileView profile={profile.profile} />;
    case 'domain':
      return <DomainProfileView profile={profile.profile} />;
    case 'person':
      return <PersonProfileView detail={profile.detail} />;
    case 'lookalike':
      return <LookalikeView left={profile.left} right={profile.right} />;
  }
}
