/**
 * SlaunchX demo sign-in (providers.md §1.3) at `/demo/slaunchx/?portal=system|consumer`:
 *
 *   credentials ─initiate─► tokens (no MFA) ───────────────────────────────┐
 *        │                └► ACCOUNT_PENDING_APPROVAL ─► pending             │
 *        └─► method ─(EMAIL: mfa/send)─► code ─complete─► tokens ─profile─► signed in
 *                                           └─► ACCOUNT_PENDING_APPROVAL ─► pending
 *   LOGIN_SESSION_EXPIRED | LOGIN_SESSION_LOCKED ─► back to credentials
 */
import { redact, stableId } from '../shared/format.js';
import {
  byId,
  clearError,
  field,
  onClick,
  onSubmit,
  renderFields,
  showNotice,
  showStep,
  switchStep,
} from '../shared/page.js';
import { MFA, createSlaunchxApi } from './api.js';

const METHOD_NAMES = { [MFA.EMAIL]: 'EMAIL', [MFA.OTP]: 'OTP', [MFA.BACKUP_CODE]: 'BACKUP_CODE' };
const HINTS = {
  [MFA.OTP]: 'Enter the 6-digit code your authenticator app shows for SlaunchX.',
  [MFA.BACKUP_CODE]: 'Enter one of your 10-character backup codes. Each works once.',
};
const BACK_TO_START = new Set(['AUTH.LOGIN_SESSION_EXPIRED', 'AUTH.LOGIN_SESSION_LOCKED']);

function portalOf(search) {
  const portal = new URLSearchParams(search).get('portal') ?? 'system';
  return portal === 'consumer' ? 'consumer' : 'system';
}

const freshLogin = () => ({ sessionId: null, maskedEmail: '', method: null, tokens: null });

function start() {
  const portal = portalOf(location.search);
  const clientHash = stableId('authdeck-demo.slaunchx.client-hash');
  const page = {
    api: createSlaunchxApi({ portal, clientHash }),
    login: freshLogin(),
    resend: createResendButton(byId('resend')),
  };
  byId('portal-name').textContent = portal;
  byId('client-hash').textContent = clientHash;
  document.title = `SlaunchX ${portal} sign-in — Authdeck demo`;
  wireCredentials(page);
  wireMethods(page);
  wireCode(page);
  wireSignedIn(page);
  showStep('credentials');
}

function restart(page) {
  page.login = freshLogin();
  page.resend.stop();
  showNotice('');
  showStep('credentials');
}

/** Failures that change the step; the error line already shows their code and message. */
function onLoginError(error) {
  if (error?.code === 'ACCOUNT_PENDING_APPROVAL') {
    clearError();
    showNotice('');
    showStep('pending');
  } else if (BACK_TO_START.has(error?.code)) {
    showStep('credentials');
  }
}

async function signedIn(page, tokens) {
  const profile = await page.api.profile(tokens.accessToken); // §1.4: not from the JWT
  page.login.tokens = tokens;
  byId('who').textContent = `${profile.displayName} (${profile.email})`;
  const methods = profile.mfaMethods.map((m) => METHOD_NAMES[m] ?? String(m)).join(', ');
  renderFields(byId('profile'), [
    ['Account id', profile.accountId],
    ['Email', profile.email],
    ['Display name', profile.displayName],
    ['Portal', profile.portal],
    ['MFA methods', methods || 'none'],
    ['Locale', profile.locale],
  ]);
  renderFields(byId('session'), [
    ['Access token', redact(tokens.accessToken)],
    ['Refresh token', redact(tokens.refreshToken)],
    ['Expires in', `${tokens.expiresIn} s`],
  ]);
  page.resend.stop();
  showNotice('');
  showStep('signed-in');
}

function wireCredentials(page) {
  const submit = async (data) => {
    const password = String(data.get('password') ?? '');
    const result = await page.api.initiate(field(data, 'email'), password);
    if (result.mfaRequired === false) {
      await signedIn(page, result);
      return;
    }
    Object.assign(page.login, { sessionId: result.sessionId, maskedEmail: result.maskedEmail });
    byId('masked-email').textContent = result.maskedEmail;
    for (const button of document.querySelectorAll('[data-method]')) {
      button.hidden = !result.mfaMethods.includes(Number(button.dataset.method));
    }
    showStep('method');
  };
  onSubmit(byId('credentials-form'), submit, onLoginError);
}

async function sendEmail(page) {
  const sent = await page.api.sendEmailCode(page.login.sessionId);
  showNotice(`Code sent. It is valid for ${Math.round(sent.expiresIn / 60)} minutes.`);
  page.resend.start(sent.resendAfter);
}

function wireMethods(page) {
  const choose = async (method) => {
    page.login.method = method;
    const input = byId('code');
    input.value = '';
    // Backup codes hold letters and a dash: a numeric keypad cannot type them.
    input.inputMode = method === MFA.BACKUP_CODE ? 'text' : 'numeric';
    page.resend.stop();
    if (method === MFA.EMAIL) await sendEmail(page);
    else showNotice('');
    byId('code-hint').textContent =
      method === MFA.EMAIL
        ? `We emailed a 6-digit code to ${page.login.maskedEmail}.`
        : HINTS[method];
    showStep('code');
  };
  for (const button of document.querySelectorAll('[data-method]')) {
    onClick(button, () => choose(Number(button.dataset.method)), onLoginError);
  }
}

function wireCode(page) {
  const submit = async (data) => {
    const { sessionId, method } = page.login;
    await signedIn(page, await page.api.complete(sessionId, method, field(data, 'code')));
  };
  onSubmit(byId('code-form'), submit, (error) => {
    onLoginError(error);
    if (error?.code === 'AUTH.MFA_CODE_INVALID') byId('code').select();
  });
  onClick(page.resend.button, () => sendEmail(page), onLoginError);
  byId('other-method').addEventListener('click', () => {
    page.resend.stop();
    switchStep('method');
  });
}

function wireSignedIn(page) {
  onClick(byId('sign-out'), async () => {
    if (page.login.tokens !== null) await page.api.logout(page.login.tokens.accessToken);
    await page.api.closeChannel(); // SCv2 §5: the session key is no longer needed
    restart(page);
  });
  for (const button of document.querySelectorAll('[data-restart]')) {
    button.addEventListener('click', () => {
      clearError();
      restart(page);
    });
  }
}

/** The resend button waits `resendAfter` seconds (§1.3), showing the time left. */
function createResendButton(button) {
  let timer = null;
  const label = button.textContent.trim();
  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    button.hidden = true;
  };
  return {
    button,
    stop,
    start(seconds) {
      stop();
      const readyAt = Date.now() + seconds * 1000;
      const tick = () => {
        const left = Math.ceil((readyAt - Date.now()) / 1000);
        button.disabled = left > 0;
        button.textContent = left > 0 ? `${label} (${left} s)` : label;
        if (left <= 0 && timer !== null) clearInterval(timer);
      };
      button.hidden = false;
      tick();
      timer = setInterval(tick, 1000);
    },
  };
}

start();
