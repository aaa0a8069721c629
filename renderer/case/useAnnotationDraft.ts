import { type FormEvent, useState } from 'react';
import type { AnnotationTarget } from '../../shared/case/case-types';
import { selectRecord, useCaseLog } from '../stores/case-log-store';
import { newId, parseTags } from './case-labels';

/** An annotation being written: its text and tags as typed, and the submit that records it on the open case. */
export interface AnnotationDraft {
  readonly text: string;
  readonly tags: string;
  readonly setText: (text: string) => void;
  readonly setTags: (tags: string) => void;
  /** Whether there is text to save (tags alone are not an annotation). */
  readonly hasText: boolean;
  /**
   * The form's submit: records `annotation.added` on `target` (nothing without a target or text); once recorded the
   * draft is cleared and `onSaved` runs. A refused action keeps the draft (the case log names why).
   */
  readonly submit: (target: AnnotationTarget | undefined) => (event: FormEvent) => void;
}

/** The one way the case's forms add an annotation (the Annotate button and the case's own note). */
export function useAnnotationDraft(onSaved?: () => void): AnnotationDraft {
  const record = useCaseLog(selectRecord);
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const submit = (target: AnnotationTarget | undefined) => (event: FormEvent) => {
    event.preventDefault();
    if (!target || !text.trim()) return;
    const payload = { id: newId('annotation'), target, tags: parseTags(tags), text: text.trim() };
    void record({ action: 'annotation.added', payload }).then((ok) => {
      if (!ok) return;
      setText('');
      setTags('');
      onSaved?.();
    });
  };
  return { text, tags, setText, setTags, hasText: text.trim() !== '', submit };
}
