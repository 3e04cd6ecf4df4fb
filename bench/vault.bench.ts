/**
 * Unlock cost with the default scrypt parameters, as a ratio to one PBKDF2-SHA256 derivation at
 * 600 000 iterations (OWASP's current figure for PBKDF2) through WebCrypto in the same process.
 * A ratio near or above 1 means unlock costs at least what a common "strong" baseline costs.
 */
import { createVault, DEFAULT_KDF, unlockVault } from '../src/vault';
import { figure, measure, type Bench } from './harness';

const PASSPHRASE = 'benchmark passphrase';
const PBKDF2_ITERATIONS = 600_000;
const RUNS = { warmup: 1, runs: 3 };

async function pbkdf2Once(salt: Uint8Array<ArrayBuffer>): Promise<void> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(PASSPHRASE),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PBKDF2_ITERATIONS },
    material,
    256,
  );
}

const bench: Bench = async () => {
  // Creating runs the KDF once as well, which doubles as the unlock warm-up.
  const { stored } = await createVault(PASSPHRASE, { accounts: [] });
  const unlockMs = await measure(() => unlockVault(stored, PASSPHRASE), { ...RUNS, warmup: 0 });
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const pbkdf2Ms = await measure(() => pbkdf2Once(salt), RUNS);
  const { logN, r, p } = DEFAULT_KDF;
  return [
    figure(
      `unlock (scrypt N=2^${logN}, r=${r}, p=${p}, @noble/hashes)`,
      unlockMs,
      `PBKDF2-SHA256 ${PBKDF2_ITERATIONS.toLocaleString('en').replaceAll(',', ' ')} iterations (WebCrypto)`,
      pbkdf2Ms,
      `median of ${RUNS.runs} runs each`,
    ),
  ];
};

export default bench;
