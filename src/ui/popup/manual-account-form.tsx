import { useState } from 'preact/hooks';
import type { AccountView } from '../../messaging/protocol';
import { ErrorText } from '../components/error-text';
import { Field } from '../components/field';
import { useUi } from '../context';
import { UiInputError } from '../error-message';
import { useAction } from '../hooks/use-action';
import { useAutofocus } from '../hooks/use-autofocus';
import {
  DEFAULT_DRAFT,
  TYPE_LABEL_KEYS,
  parseManualDraft,
  withType,
  type ManualDraft,
} from './manual-draft';

export interface ManualAccountFormProps {
  onAdded: (account: AccountView) => void;
}

const ALGORITHMS: ManualDraft['algorithm'][] = ['SHA1', 'SHA256', 'SHA512'];

export function ManualAccountForm({ onAdded }: ManualAccountFormProps) {
  const { send, t } = useUi();
  const [draft, setDraft] = useState<ManualDraft>(DEFAULT_DRAFT);
  const first = useAutofocus<HTMLInputElement>();
  const add = useAction(async () => {
    const parsed = parseManualDraft(draft);
    if (!parsed.ok) throw new UiInputError(parsed.code);
    onAdded(await send('accounts/add-manual', parsed.input));
  });
  const text = (key: 'issuer' | 'label' | 'secret' | 'digits' | 'period' | 'counter') => ({
    value: draft[key],
    readOnly: add.busy,
    onInput: (e: { currentTarget: HTMLInputElement }) => {
      setDraft({ ...draft, [key]: e.currentTarget.value });
    },
  });
  const steam = draft.type === 'steam';

  return (
    <form
      class="stack"
      data-testid="manual-form"
      aria-busy={add.busy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void add.run();
      }}
    >
      <Field label={t('manual_issuer')}>
        <input ref={first} type="text" data-testid="manual-issuer" {...text('issuer')} />
      </Field>
      <Field label={t('manual_label')}>
        <input type="text" data-testid="manual-label" {...text('label')} />
      </Field>
      <Field label={t('manual_secret')}>
        <input
          type="text"
          data-testid="manual-secret"
          autocomplete="off"
          spellcheck={false}
          class="mono"
          {...text('secret')}
        />
      </Field>
      <div class="field-row">
        <Field label={t('manual_type')}>
          <select
            data-testid="manual-type"
            value={draft.type}
            onChange={(e) => {
              setDraft(withType(draft, e.currentTarget.value as ManualDraft['type']));
            }}
          >
            {Object.entries(TYPE_LABEL_KEYS).map(([type, key]) => (
              <option key={type} value={type}>
                {t(key)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('manual_algorithm')}>
          <select
            data-testid="manual-algorithm"
            value={draft.algorithm}
            disabled={steam}
            onChange={(e) => {
              setDraft({ ...draft, algorithm: e.currentTarget.value as ManualDraft['algorithm'] });
            }}
          >
            {ALGORITHMS.map((algorithm) => (
              <option key={algorithm} value={algorithm}>
                {algorithm}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div class="field-row">
        <Field label={t('manual_digits')}>
          <input
            type="number"
            min={6}
            max={10}
            inputMode="numeric"
            data-testid="manual-digits"
            disabled={steam}
            {...text('digits')}
          />
        </Field>
        {draft.type === 'hotp' ? (
          <Field label={t('manual_counter')}>
            <input
              type="number"
              min={0}
              inputMode="numeric"
              data-testid="manual-counter"
              {...text('counter')}
            />
          </Field>
        ) : (
          <Field label={t('manual_period')}>
            <input
              type="number"
              min={1}
              inputMode="numeric"
              data-testid="manual-period"
              disabled={steam}
              {...text('period')}
            />
          </Field>
        )}
      </div>
      <ErrorText text={add.error?.text} />
      <button type="submit" class="primary" data-testid="manual-submit" disabled={add.busy}>
        {t('manual_submit')}
      </button>
    </form>
  );
}
