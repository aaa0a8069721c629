import { ViewNavButton } from '../components/ViewNavButton';
import { showLineageAction } from './browse-actions';
import { selectLineageBrowseOpen, useLineageBrowse } from './browse-store';

/** Below the seven steps, beside the evidence timeline's: shows the case's lineage in place of the step (Alt+L). */
export function LineageNavButton() {
  const open = useLineageBrowse(selectLineageBrowseOpen);
  return <ViewNavButton action={showLineageAction} open={open} mark="⇄" name="Lineage" scope="Any node" />;
}
