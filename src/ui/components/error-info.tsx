import type { ErrorInfo } from '../../providers/flow';
import { useUi } from '../context';

export interface ErrorInfoTextProps {
  error: ErrorInfo;
  /** A heading such as "Sign-in failed"; omitted, the provider's message leads. */
  title?: string;
  testId?: string;
}

/**
 * A provider error as the flow engine reports it: the provider's own (localised) message, the
 * catalogue's meaning of its code when that says something more, and the code itself, which is
 * what a tester searches for.
 */
export function ErrorInfoText({ error, title, testId }: ErrorInfoTextProps) {
  const { t } = useUi();
  return (
    <div class="error-info" role="alert" data-testid={testId}>
      {title === undefined ? null : <p class="error-title">{title}</p>}
      <p class="error" data-testid="error-message">
        {error.message}
      </p>
      {error.meaning !== '' && error.meaning !== error.message ? (
        <p class="note" data-testid="error-meaning">
          {error.meaning}
        </p>
      ) : null}
      <p class="note">
        {t('signin_error_code')} <code data-testid="error-code">{error.code}</code>
      </p>
    </div>
  );
}
