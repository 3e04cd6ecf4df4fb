/**
 * Declarative shadow DOM (`<template shadowrootmode="open">`) for DOM implementations whose
 * parser does not attach it (happy-dom, linkedom): browsers attach these roots while parsing,
 * so a page read by the CLI must get the same tree the browser builds. Harmless in a browser,
 * where no such template is left in the DOM.
 */
export function upgradeDeclarativeShadowRoots(root: Document | ShadowRoot | Element): number {
  let attached = 0;
  for (const template of Array.from(root.querySelectorAll('template[shadowrootmode]'))) {
    const host = template.parentElement;
    const mode = template.getAttribute('shadowrootmode');
    if (host === null || host.shadowRoot !== null || (mode !== 'open' && mode !== 'closed')) {
      continue;
    }
    const shadow = host.attachShadow({ mode });
    shadow.appendChild((template as HTMLTemplateElement).content.cloneNode(true));
    template.remove();
    attached += 1 + upgradeDeclarativeShadowRoots(shadow);
  }
  return attached;
}
