/**
 * What the popup needs to know about a page before the user clicks: is there a one-time-code
 * target Authdeck would fill right now, and if not, why. Runs the same analysis as the fill;
 * a target that is only scrolled out of view counts as fillable (the fill scrolls it in).
 */
import { analyzePage, createLayoutProbe, type LayoutProbe } from '../detect';
import type { PageProbeResult } from '../messaging/page-contract';
import { OUT_OF_VIEW } from './page-fill';

export function probePage(
  doc: Document,
  createLayout: () => LayoutProbe = createLayoutProbe,
): PageProbeResult {
  const analysis = analyzePage(doc, { layout: createLayout() });
  const origin = doc.defaultView?.location.origin ?? 'null';
  const target = analysis.otp;
  if (target === null) {
    return { origin, kind: analysis.kind, fillable: false, reason: 'no-target', shape: null };
  }
  const reason = target.flags.includes('hidden-box-in-group')
    ? 'hidden-box-in-group'
    : target.fields.some((f) => f.blockers.some((b) => !OUT_OF_VIEW.test(b)))
      ? 'blocked'
      : null;
  return { origin, kind: analysis.kind, fillable: reason === null, reason, shape: target.shape };
}
