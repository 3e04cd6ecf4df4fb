/**
 * Koodrive demo sign-in (providers.md §3) at `/demo/koodrive/`:
 *
 *   password ─login (authType "1")──────────────────────────────────────────┐
 *   sms ─verifycode/send─► code ─verifycode/verify─► captchaToken            │
 *        ─login (authType "2")───────────────────────────────────────────────┴─► signed in
 */
import { redact } from '../shared/format.js';
import {
  byId,
  field,
  onSubmit,
  renderFields,
  showNotice,
  showStep,
  switchStep,
} from '../shared/page.js';
import { createKoodriveApi } from './api.js';

function start() {
  const api = createKoodriveApi();
  let smsAccount = '';

  onSubmit(byId('password-form'), async (data) => {
    const password = String(data.get('password') ?? '');
    signedIn(await api.loginWithPassword(field(data, 'account'), password));
  });

  onSubmit(byId('sms-form'), async (data) => {
    const account = field(data, 'account');
    const sent = await api.sendCode(account);
    smsAccount = account;
    byId('code').value = '';
    byId('code-hint').textContent = `We sent an SMS code to ${account}.`;
    showNotice(`Code sent. It is valid for ${Math.round(sent.expiresIn / 60)} minutes.`);
    showStep('code');
  });

  const verify = async (data) => {
    const { captchaToken } = await api.verifyCode(smsAccount, field(data, 'code'));
    signedIn(await api.loginWithCaptchaToken(smsAccount, captchaToken));
  };
  onSubmit(byId('code-form'), verify, () => byId('code').select());

  byId('use-sms').addEventListener('click', () => switchStep('sms'));
  byId('use-password').addEventListener('click', () => switchStep('password'));
  byId('send-again').addEventListener('click', () => switchStep('sms'));
  byId('start-over').addEventListener('click', () => switchStep('password'));
  showStep('password');
}

function signedIn({ userInfo, sessionInfo }) {
  const name = `${userInfo.firstname} ${userInfo.surname}`.trim();
  byId('who').textContent = `${name} (${userInfo.phone || userInfo.email || userInfo.userId})`;
  renderFields(byId('profile'), [
    ['User id', userInfo.userId],
    ['Name', name],
    ['Phone', userInfo.phone],
    ['Email', userInfo.email || '—'],
  ]);
  renderFields(byId('session'), [
    ['Access token', redact(sessionInfo.accessToken)],
    ['Refresh token', redact(sessionInfo.refreshToken)],
    ['Expires in', `${sessionInfo.expiresIn} s`],
    ['Issued at', new Date(Number(sessionInfo.issuedAt)).toISOString()],
  ]);
  showNotice('');
  showStep('signed-in');
}

start();
