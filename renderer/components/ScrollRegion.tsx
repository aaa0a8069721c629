import type { ReactNode } from 'react';

/** A horizontally scrollable area that keyboard users can focus and scroll (wide tables). */
export function ScrollRegion({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
