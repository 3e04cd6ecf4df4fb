/** The steps that end a flow: signed in, waiting for an administrator, or failed. */
import { ErrorInfoText } from '../components/error-info';
import { useUi } from '../context';
import { useAutofocus } from '../hooks/use-autofocus';
import type { StepProps } from './step-props';

export interface DoneStepProps {
  profileName: string;
  focus: boolean;
  onOpenSessions: () => void;
}

/** Deliberately shows nothing of the tokens: the Sessions view masks and reveals them. */
export function DoneStep({ profileName, focus, onOpenSessions }: DoneStepProps) {
  const { t } = useUi();
  const button = useAutofocus<HTMLButtonElement>(focus);
  return (
    <div class="stack" data-testid="step-done">
      <p class="success" role="status">
        {t('signin_done', [profileName])}
      </p>
      <button
        ref={button}
        type="button"
        class="primary"
        data-testid="done-sessions"
        onClick={onOpenSessions}
      >
        {t('signin_open_sessions')}
      </button>
    </div>
  );
}

export interface RestartProps {
  disabled: boolean;
  focus: boolean;
  onRestart: () => void;
}

function RestartButton({ disabled, focus, onRestart }: RestartProps) {
  const { t } = useUi();
  const button = useAutofocus<HTMLButtonElement>(focus);
  return (
    <button
      ref={button}
      type="button"
      class="primary"
      data-testid="flow-restart"
      disabled={disabled}
      onClick={onRestart}
    >
      {t('signin_restart')}
    </button>
  );
}

export function PendingApprovalStep({
  step,
  ...restart
}: Pick<StepProps<'pending-approval'>, 'step'> & RestartProps) {
  const { t } = useUi();
  return (
    <div class="stack" data-testid="step-pending-approval">
      <p class="error-title">{t('signin_pending_title')}</p>
      <p data-testid="pending-message">{step.message}</p>
      <p class="note">{t('signin_pending_note')}</p>
      <RestartButton {...restart} />
    </div>
  );
}

export function ErrorStep({ step, ...restart }: Pick<StepProps<'error'>, 'step'> & RestartProps) {
  const { t } = useUi();
  return (
    <div class="stack" data-testid="step-error">
      <ErrorInfoText error={step.error} title={t('signin_error_title')} />
      <RestartButton {...restart} />
    </div>
  );
}
