import type { ReactNode } from 'react';

export interface SegmentedOption<V extends string> {
  readonly value: V;
  /** What the button shows (a word, or a symbol with `ariaLabel`). */
  readonly content: ReactNode;
  /** The button's name where `content` is a symbol. */
  readonly ariaLabel?: string;
  readonly title?: string;
}

interface Props<V extends string> {
  /** The group's name (`Theme`, `Time zone`). */
  readonly label: string;
  readonly options: ReadonlyArray<SegmentedOption<V>>;
  readonly value: V;
  readonly onChange: (value: V) => void;
  readonly buttonClassName?: string;
}

/** One choice among a few, as a row of toggle buttons (the chosen one pressed): the header's switches. */
export function SegmentedChoice<V extends string>({ label, options, value, onChange, buttonClassName }: Props<V>) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={value === o.value}
          aria-label={o.ariaLabel}
          title={o.title}
          className={buttonClassName}
          onClick={() => onChange(o.value)}
        >
          {o.content}
        </button>
      ))}
    </div>
  );
}
