/**
 * A full SlaunchX OTP sign-in (public key, SC open, initiate, complete, profile) through the
 * real adapter against the emulator on loopback, as a ratio to the same five requests sent
 * with plain fetch and plaintext JSON bodies: the price of the secure channel end to end.
 */
import { TOTP } from 'otpauth';
import { startEmulator } from '../emulator/server';
import { createSlaunchxAdapter } from '../src/providers/slaunchx';
import type { FlowStep } from '../src/providers/flow';
import type { SlaunchxProfile } from '../src/providers/profile';
import { figure, measure, type Bench } from './harness';

const SECRET = 'JBSWY3DPEHPK3PXP';
const PASSWORD = 'Correct-Horse-42';
const RUNS = 15;

const bench: Bench = async () => {
  const emu = await startEmulator({ port: 0, mailboxPort: 0 });
  try {
    // One fresh account and X-Client-Hash per sign-in: a TOTP code is accepted once per window
    // per account, and rate limits count per client hash.
    let n = 0;
    const next = async () => {
      n++;
      const email = `bench${n}@slaunchx.test`;
      await fetch(`${emu.url}/__emulator/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          provider: 'slaunchx',
          portal: 'system',
          email,
          password: PASSWORD,
          mfaMethods: ['OTP'],
          totpSecret: SECRET,
        }),
      });
      const profile: SlaunchxProfile = {
        family: 'slaunchx',
        baseUrl: emu.url,
        environment: 'test',
        clientHash: `bench-client-${n.toString().padStart(4, '0')}`,
        portal: 'system',
        accessCode: 'demo-system-portal',
      };
      return { email, profile };
    };
    const totp = new TOTP({ secret: SECRET });

    // Accounts are made before timing starts, so only the sign-in itself is measured.
    const ready: { email: string; profile: SlaunchxProfile }[] = [];
    for (let i = 0; i < RUNS + 2; i++) ready.push(await next());
    const signIn = async () => {
      const prepared = ready.shift();
      if (!prepared) throw new Error('bench ran out of prepared accounts');
      const { email, profile } = prepared;
      const adapter = createSlaunchxAdapter({ fetch });
      let step: FlowStep = await adapter.start(profile);
      for (let guard = 0; guard < 6; guard++) {
        if (step.step === 'credentials') {
          step = await adapter.advance(profile, step.state, {
            kind: 'credentials',
            identifier: email,
            password: PASSWORD,
          });
        } else if (step.step === 'choose-method') {
          step = await adapter.advance(profile, step.state, {
            kind: 'choose-method',
            method: 'OTP',
          });
        } else if (step.step === 'code') {
          step = await adapter.advance(profile, step.state, {
            kind: 'code',
            code: totp.generate(),
          });
        } else break;
      }
      if (step.step !== 'done') throw new Error(`bench sign-in ended in ${step.step}`);
    };

    const headers = {
      'X-PORTAL-ACCESS-CODE': 'demo-system-portal',
      'X-Client-Hash': 'bench-plain-client',
      'CF-Connecting-IP': '127.0.0.1',
      'Cf-Ray': 'bench',
      'cf-ipcountry': 'XX',
      Accept: 'application/json',
      'Content-Type': 'application/json;charset=UTF-8',
    };
    const plain = async () => {
      const post = (path: string, body: unknown) =>
        fetch(`${emu.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }).then(
          (r) => r.text(),
        );
      await fetch(`${emu.url}/web/v1/secure-channel/public-key`, { headers }).then((r) => r.text());
      await post('/web/v1/secure-channel/session', {
        keyId: 'plain',
        encryptedKey: 'x'.repeat(344),
      });
      await post('/web/v1/system/auth/login/initiate', { email: 'a@b.test', password: PASSWORD });
      await post('/web/v1/system/auth/login/complete', {
        sessionId: 's',
        method: 10011002,
        code: '123456',
      });
      await fetch(`${emu.url}/web/v1/system/profile`, { headers }).then((r) => r.text());
    };

    const subjectMs = await measure(signIn, { warmup: 2, runs: RUNS });
    const baselineMs = await measure(plain, { warmup: 2, runs: RUNS });
    return [
      figure(
        'SlaunchX OTP sign-in through the adapter (SCv2, 5 requests)',
        subjectMs,
        'the same 5 requests with plain fetch and plaintext JSON',
        baselineMs,
        'the emulator refuses the plaintext requests early, so the ratio includes its RSA unwrap and GCM work',
      ),
    ];
  } finally {
    await emu.close();
  }
};

export default bench;
