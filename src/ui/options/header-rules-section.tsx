/** The options page's view of the test profiles' header rules (issue 6 §4), as in the panel. */
import { useUi } from '../context';
import { HeaderRulesList } from '../devtools/header-rules-list';

export function HeaderRulesSection() {
  const { t } = useUi();
  return (
    <section class="stack" aria-labelledby="options-header-rules-title">
      <h2 id="options-header-rules-title">{t('devtools_rules_title')}</h2>
      <HeaderRulesList />
    </section>
  );
}
