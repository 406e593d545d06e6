import type { ReactNode } from 'react';

/** A panel with an anchor (`#id`, where jump-offs land) and the heading it is labelled by. */
export function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
