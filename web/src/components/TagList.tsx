import { Link } from 'react-router';

/** A message's tags as pills; with `linked`, each opens the email list filtered to that tag. */
export function TagList({ tags, linked = false }: { tags: readonly string[]; linked?: boolean }) {
  if (tags.length === 0) return null;
  return (
    <span className="tags">
      {tags.map((tag) =>
        linked ? (
          <Link key={tag} className="badge tag" to={`/emails?${new URLSearchParams({ tag }).toString()}`}>
            {tag}
          </Link>
        ) : (
          <span key={tag} className="badge tag">
            {tag}
          </span>
        ),
      )}
    </span>
  );
}
