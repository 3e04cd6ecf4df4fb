import { useUi } from '../context';
import { BackIcon } from './icons';
import { useKey } from '../hooks/use-key';

export interface ViewHeaderProps {
  title: string;
  /** Back button and Escape; Escape is left alone while `escapeDisabled` (e.g. a dialog is open). */
  onBack: () => void;
  escapeDisabled?: boolean;
  /** id for the heading, so the view's landmark can point at it with aria-labelledby. */
  titleId?: string;
}

/** A sub-view's title row: a back button, and Escape bound to the same action. */
export function ViewHeader({ title, onBack, escapeDisabled = false, titleId }: ViewHeaderProps) {
  const { t } = useUi();
  useKey(
    'Escape',
    escapeDisabled
      ? null
      : () => {
          onBack();
          return true;
        },
  );
  return (
    <div class="view-header">
      <button type="button" class="icon-button" data-testid="back" onClick={onBack}>
        <BackIcon />
        <span class="visually-hidden">{t('action_back')}</span>
      </button>
      <h2 id={titleId}>{title}</h2>
    </div>
  );
}
