/**
 * Header rules of test profiles (issue 6 §4): the Cloudflare simulation headers and the portal
 * access code added to page requests to one profile's origin. Each rule is listed with the
 * domain it is limited to and the header names it sets (never their values), and switched on or
 * off here; a rule whose origin the extension may not reach says so, since the browser then
 * ignores it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { HeaderRuleView } from '../../messaging/inspector-protocol';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';

function RuleRow({
  rule,
  busy,
  onToggle,
}: {
  rule: HeaderRuleView;
  busy: boolean;
  onToggle: (enabled: boolean) => void;
}) {
  const { t } = useUi();
  const labelId = `header-rule-${rule.profileId}`;
  return (
    <li
      class="item-row header-rule"
      data-testid="header-rule"
      data-profile-id={rule.profileId}
      data-enabled={String(rule.enabled)}
    >
      <div class="item-name">
        <span class="item-title" id={labelId}>
          {rule.profileName}
        </span>
        <span class="item-subtitle" data-testid="header-rule-domain">
          {t('devtools_rules_domain', [rule.domain])}
        </span>
        <span class="item-subtitle" data-testid="header-rule-headers">
          {rule.headers.join(', ')}
        </span>
        {rule.missingPermission ? (
          <span class="warning" role="note" data-testid="header-rule-permission">
            {t('devtools_rules_missing_permission', [rule.domain])}
          </span>
        ) : null}
      </div>
      <label class="check">
        <input
          type="checkbox"
          role="switch"
          aria-labelledby={labelId}
          data-testid="header-rule-toggle"
          checked={rule.enabled}
          disabled={busy}
          onChange={(event) => {
            onToggle(event.currentTarget.checked);
          }}
        />
        {rule.enabled ? t('devtools_rules_on') : t('devtools_rules_off')}
      </label>
    </li>
  );
}

export function HeaderRulesList() {
  const { send, t } = useUi();
  const [rules, setRules] = useState<HeaderRuleView[] | null>(null);
  const load = useAction(async () => {
    setRules(await send('header-rules/list', {}));
  });
  const toggle = useAction(async (profileId: string, enabled: boolean) => {
    setRules(await send('header-rules/set', { profileId, enabled }));
  });
  const { run } = load;
  useEffect(() => {
    void run();
  }, [run]);
  return (
    <div class="stack" data-testid="header-rules">
      <p class="note">{t('devtools_rules_intro')}</p>
      <ErrorText text={(load.error ?? toggle.error)?.text} />
      {rules !== null && rules.length === 0 ? (
        <p class="note" data-testid="header-rules-empty">
          {t('devtools_rules_empty')}
        </p>
      ) : null}
      <ul class="item-list">
        {(rules ?? []).map((rule) => (
          <RuleRow
            key={rule.profileId}
            rule={rule}
            busy={toggle.busy}
            onToggle={(enabled) => void toggle.run(rule.profileId, enabled)}
          />
        ))}
      </ul>
    </div>
  );
}
