/** A suspect change's rank as the engine gave it: "Top suspect" for the first, "Suspect #n" for the others. */
export function SuspectBadge({ rank }: { readonly rank: number }) {
  return (
    <span className={`suspect-badge${rank === 1 ? ' top' : ''}`}>
      {rank === 1 ? 'Top suspect' : `Suspect #${rank}`}
    </span>
  );
}
