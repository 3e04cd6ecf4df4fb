/**
 * DOM helpers shared by the demo pages: one visible step at a time, one error line, one notice
 * line, forms that disable themselves while a call runs. No framework and no build step: the
 * browser loads these files as ES modules straight from the emulator.
 */
import { describeFailure } from './demo-error.js';

/** The element with this id; a page missing one of its own elements is a bug worth a throw. */
export function byId(id) {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the demo page has no #${id}`);
  return element;
}

/** Shows the `<section data-step="name">` and hides the others; focuses its first field. */
export function showStep(name) {
  for (const section of document.querySelectorAll('[data-step]')) {
    section.hidden = section.dataset.step !== name;
  }
  const active = document.querySelector(`[data-step="${name}"]`);
  active?.querySelector('input:not([type="hidden"]):not([disabled])')?.focus();
}

/** A step the user chose (switch mode, start over): nothing of the last step stays on screen. */
export function switchStep(name) {
  clearError();
  showNotice('');
  showStep(name);
}

/** `<p id="error">` shows the provider's code and message side by side. */
export function showError(code, message) {
  const line = byId('error');
  const codeEl = document.createElement('code');
  codeEl.dataset.testid = 'error-code';
  codeEl.textContent = code;
  const text = document.createElement('span');
  text.dataset.testid = 'error-message';
  text.textContent = message;
  line.replaceChildren(codeEl, ' ', text);
  line.hidden = false;
}

/** Shows any failure (DemoError, network, page bug) on the error line. */
export function reportFailure(error) {
  const { code, message } = describeFailure(error);
  showError(code, message);
}

export function clearError() {
  const line = byId('error');
  line.hidden = true;
  line.replaceChildren();
}

/** `<p id="notice">`: what just happened (a code was sent, a captcha is needed). */
export function showNotice(text) {
  const line = byId('notice');
  line.textContent = text;
  line.hidden = text === '';
}

/**
 * Runs `task` with the form's controls disabled, and shows any failure on the error line; then
 * `onError` may move the page to another step. Controls marked `data-own-state` (a resend
 * button with its countdown) manage their own `disabled` and are left alone.
 */
export async function runForm(form, task, onError = () => {}) {
  const controls = [...form.querySelectorAll('button, input')].filter(
    (c) => c.dataset.ownState === undefined,
  );
  const wasDisabled = controls.map((c) => c.disabled);
  controls.forEach((c) => (c.disabled = true));
  form.setAttribute('aria-busy', 'true');
  clearError();
  let failed = false;
  let failure;
  try {
    await task();
  } catch (error) {
    failed = true;
    failure = error;
  } finally {
    controls.forEach((c, i) => (c.disabled = wasDisabled[i] ?? false));
    form.removeAttribute('aria-busy');
  }
  // After the controls are back, so onError can focus one of them.
  if (failed) {
    reportFailure(failure);
    onError(failure);
  }
}

/** Submit handler that never reloads the page and ignores a second submit while busy. */
export function onSubmit(form, task, onError) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') return;
    const data = new FormData(form); // before runForm disables the fields: FormData skips those
    void runForm(form, () => task(data), onError);
  });
}

/** The same for a plain button outside a form (method choice, sign out). */
export function onClick(button, task, onError) {
  button.addEventListener('click', () => {
    const scope = button.closest('form, section') ?? button;
    if (scope.getAttribute('aria-busy') === 'true') return;
    void runForm(scope, task, onError);
  });
}

/** Fills a `<dl>` with label/value rows; values are text, never HTML. */
export function renderFields(list, rows) {
  const children = rows.flatMap(([label, value]) => {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = typeof value === 'string' ? value : JSON.stringify(value);
    return [dt, dd];
  });
  list.replaceChildren(...children);
}

/** A string form field, trimmed; the empty string when absent. */
export function field(data, name) {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
}
