/**
 * IDaaS demo sign-in (providers.md §2) at `/demo/idaas/`:
 *
 *   email + graphic captcha ─verify─► captcha_token ─send-email-verify-code─► code (six boxes)
 *     ─login/email-verify-code─► session_token + id_token ─► signed in (claims shown)
 *   a captcha is single-use: every failure before the code step draws a new one
 */
import { attachCodeBoxes } from '../shared/code-boxes.js';
import { DemoError } from '../shared/demo-error.js';
import { decodeJwt, redact, secondsToIso, stableId } from '../shared/format.js';
import {
  byId,
  field,
  onClick,
  onSubmit,
  renderFields,
  reportFailure,
  runForm,
  showNotice,
  showStep,
  switchStep,
} from '../shared/page.js';
import { createIdaasApi } from './api.js';

function start() {
  const page = {
    api: createIdaasApi({ fingerprint: stableId('authdeck-demo.idaas.fingerprint') }),
    boxes: attachCodeBoxes([...document.querySelectorAll('.code-boxes input')]),
    captchaId: null,
    email: '',
  };
  wireEmail(page);
  wireCode(page);
  const backToEmail = () => {
    switchStep('email');
    redrawCaptcha(page);
  };
  byId('send-again').addEventListener('click', backToEmail);
  byId('start-over').addEventListener('click', backToEmail);
  showStep('email');
  void runForm(byId('email-form'), () => loadCaptcha(page));
}

async function loadCaptcha(page) {
  const captcha = await page.api.graphicCaptcha();
  page.captchaId = captcha.captcha_id;
  byId('captcha-image').src = captcha.image;
  byId('captcha').value = '';
}

/** A challenge takes one attempt, and a captcha token one send: after a failure, draw anew. */
function redrawCaptcha(page) {
  loadCaptcha(page).catch(reportFailure);
}

function wireEmail(page) {
  const submit = async (data) => {
    const email = field(data, 'email');
    const answer = field(data, 'captcha');
    const { captcha_token: token } = await page.api.verifyCaptcha(page.captchaId, answer);
    const sent = await page.api.sendCode(email, token);
    page.email = email;
    byId('code-hint').textContent = `We emailed a 6-digit code to ${email}.`;
    showNotice(`Code sent. It is valid for ${Math.round(sent.expire / 60)} minutes.`);
    page.boxes.clear();
    showStep('code');
  };
  onSubmit(byId('email-form'), submit, () => redrawCaptcha(page));
  onClick(byId('captcha-refresh'), () => loadCaptcha(page));
}

function wireCode(page) {
  const submit = async () => {
    if (!page.boxes.complete()) {
      throw new DemoError('CODE_INCOMPLETE', 'Enter all six digits of the code.');
    }
    signedIn(page, await page.api.login(page.email, page.boxes.value()));
  };
  onSubmit(byId('code-form'), submit, (error) => {
    if (error?.code !== 'CODE_INCOMPLETE') page.boxes.clear();
  });
}

function signedIn(page, session) {
  const decoded = decodeJwt(session.id_token);
  const claims = decoded?.claims ?? {};
  byId('who').textContent = `${claims.name ?? page.email} (${claims.email ?? page.email})`;
  renderFields(byId('session'), [
    ['Session token', redact(session.session_token)],
    ['Session expires in', `${session.expire} s`],
    ['ID token expires', secondsToIso(claims.exp)],
  ]);
  byId('claims').textContent = JSON.stringify(decoded, null, 2);
  showNotice('');
  showStep('signed-in');
}

start();
