/**
 * CloudBase demo sign-in (providers.md §4) at `/demo/cloudbase/`:
 *
 *   password ─signin─► tokens ──────────────────────────────────────────────┐
 *       └─ captcha_required ─► captcha (data, verify) ─► signin + X-Captcha-Token
 *   email ─verification─► code (password-type OTP box) ─verification/verify
 *       ─► verification_token ─signin─────────────────────────────────────────┴─► signed in
 */
import { decodeJwt, redact, secondsToIso } from '../shared/format.js';
import {
  byId,
  field,
  onClick,
  onSubmit,
  renderFields,
  reportFailure,
  showNotice,
  showStep,
  switchStep,
} from '../shared/page.js';
import { createCloudbaseApi } from './api.js';

function start() {
  const page = {
    api: createCloudbaseApi(),
    username: '',
    password: '',
    email: '',
    verificationId: null,
    captchaId: null,
  };
  wirePassword(page);
  wireCaptcha(page);
  wireEmailCode(page);
  byId('use-email-code').addEventListener('click', () => switchStep('email'));
  byId('use-password').addEventListener('click', () => switchStep('password'));
  byId('captcha-cancel').addEventListener('click', () => switchStep('password'));
  byId('send-again').addEventListener('click', () => switchStep('email'));
  byId('start-over').addEventListener('click', () => switchStep('password'));
  showStep('password');
}

function signedIn(page, who, tokens) {
  const claims = decodeJwt(tokens.access_token)?.claims ?? {};
  byId('who').textContent = who;
  renderFields(byId('session'), [
    ['User (sub)', tokens.sub],
    ['Token type', tokens.token_type],
    ['Access token', redact(tokens.access_token)],
    ['Refresh token', redact(tokens.refresh_token)],
    ['Expires in', `${tokens.expires_in} s`],
    ['Access token expires', secondsToIso(claims.exp)],
  ]);
  page.password = '';
  showNotice('');
  showStep('signed-in');
}

async function loadCaptcha(page) {
  const captcha = await page.api.captchaData();
  page.captchaId = captcha.captcha_id;
  byId('captcha-image').src = captcha.image;
  byId('captcha-answer').value = '';
}

function wirePassword(page) {
  const submit = async (data) => {
    page.username = field(data, 'username');
    page.password = String(data.get('password') ?? '');
    signedIn(page, page.username, await page.api.signInWithPassword(page.username, page.password));
  };
  // captcha_required stays on the error line while the captcha step asks for the answer.
  const onError = (error) => {
    if (error?.code !== 'captcha_required') return;
    loadCaptcha(page)
      .then(() => showStep('captcha'))
      .catch(reportFailure);
  };
  onSubmit(byId('password-form'), submit, onError);
}

function wireCaptcha(page) {
  const submit = async (data) => {
    const answer = field(data, 'captcha');
    const { captcha_token: token } = await page.api.captchaVerify(page.captchaId, answer);
    const { username, password } = page;
    signedIn(page, username, await page.api.signInWithPassword(username, password, token));
  };
  // A spent or wrong captcha needs a new image; a wrong password goes back to its form.
  const onError = (error) => {
    if (error?.code === 'invalid_username_or_password') showStep('password');
    else loadCaptcha(page).catch(reportFailure);
  };
  onSubmit(byId('captcha-form'), submit, onError);
  onClick(byId('captcha-refresh'), () => loadCaptcha(page));
}

function wireEmailCode(page) {
  onSubmit(byId('email-form'), async (data) => {
    const email = field(data, 'email');
    const started = await page.api.startEmailVerification(email);
    Object.assign(page, { email, verificationId: started.verification_id });
    byId('otp').value = '';
    byId('code-hint').textContent = `We emailed a 6-digit code to ${email}.`;
    showNotice(
      started.is_user
        ? `Code sent. It is valid for ${Math.round(started.expires_in / 60)} minutes.`
        : 'Code sent, but no account uses this address yet.',
    );
    showStep('code');
  });
  const verify = async (data) => {
    const verified = await page.api.verify(page.verificationId, field(data, 'otp'));
    signedIn(page, page.email, await page.api.signInWithVerification(verified.verification_token));
  };
  onSubmit(byId('code-form'), verify, () => byId('otp').select());
}

start();
