/** SlaunchX MFA enrolment and backup codes (providers.md §1.5): SC, Bearer, strict. */
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { MFA, generateBackupCodes, generateTotpSecret } from './accounts';
import type { SxEnv } from './env';
import { totpFor, verifyTotp } from './mfa';
import { scBearerRoute } from './pipeline';
import { fail, ok } from './result';
import { EmptyBody, TotpConfirmBody } from './schemas';
import { usedStepsOf } from './state';

const PREFIX = '/account/security';

export function registerSecurityRoutes(app: FastifyInstance, env: SxEnv): void {
  // Setup only proposes a secret; the account keeps its old one until confirm proves the new.
  scBearerRoute(app, env, {
    path: `${PREFIX}/totp/setup`,
    schema: EmptyBody,
    async handle(call) {
      const secret = generateTotpSecret();
      call.state.pendingTotp.set(call.account.id, secret);
      const otpauthUri = totpFor(secret, call.account.email).toString();
      const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 2 });
      return ok({ secret, otpauthUri, qrSvg });
    },
  });

  scBearerRoute(app, env, {
    path: `${PREFIX}/totp/confirm`,
    schema: TotpConfirmBody,
    handle(call) {
      const { account, state } = call;
      const secret = state.pendingTotp.get(account.id);
      const steps = usedStepsOf(state, account.id);
      if (secret === undefined || !verifyTotp(secret, call.body.code, call.now, steps)) {
        return fail('AUTH.MFA_CODE_INVALID');
      }
      state.pendingTotp.delete(account.id);
      const backupCodes = generateBackupCodes();
      account.totpSecret = secret;
      account.methods.add(MFA.OTP).add(MFA.BACKUP_CODE);
      account.backupCodes = new Set(backupCodes);
      return ok({ enabled: true, backupCodes });
    },
  });

  // Backup codes back up the authenticator, so they need OTP enabled (emulator decision).
  scBearerRoute(app, env, {
    path: `${PREFIX}/backup-codes/regenerate`,
    schema: EmptyBody,
    handle(call) {
      const { account } = call;
      if (!account.methods.has(MFA.OTP)) return fail('AUTH.MFA_METHOD_NOT_ENABLED');
      const backupCodes = generateBackupCodes();
      account.backupCodes = new Set(backupCodes); // the old ones die (§1.5)
      account.methods.add(MFA.BACKUP_CODE);
      return ok({ backupCodes });
    },
  });

  scBearerRoute(app, env, {
    path: `${PREFIX}/backup-codes/status`,
    schema: EmptyBody,
    handle: (call) => ok({ remaining: call.account.backupCodes.size }),
  });
}
