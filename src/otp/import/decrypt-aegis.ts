/**
 * Opens an encrypted Aegis vault (beemdevelopment/Aegis, docs/vault.md, "Encryption" and
 * "Slots"): each password slot (type 1) holds the master key wrapped with AES-256-GCM under
 * scrypt(password, salt, n, r, p); the vault content `db` is base64 AES-256-GCM under the master
 * key with `header.params`. Nonces, tags, keys and salts are hex. A slot that will not open means
 * a wrong password; content that will not open under a good master key means a damaged file.
 */
import { decodeBase64, decodeHex, encodeUtf8, wipe } from './bytes';
import {
  deriveScryptKey,
  GCM_NONCE_LENGTH,
  isScryptCostAllowed,
  openAesGcm,
  TAG_LENGTH,
  type ScryptCost,
} from './crypto';
import { corrupt, ImportError } from './import-error';
import {
  arrayField,
  FieldTypeError,
  isRecord,
  parseDecryptedJson,
  recordField,
  type JsonRecord,
} from './json-fields';

const PASSWORD_SLOT = 1;

interface Sealed {
  nonce: Uint8Array;
  /** ciphertext‖tag, the layout noble's gcm opens. */
  sealed: Uint8Array;
}

interface PasswordSlot extends Sealed {
  salt: Uint8Array;
  cost: ScryptCost;
}

/** The decrypted vault content; throws ImportError. */
export async function decryptAegisDb(
  vault: JsonRecord,
  db: string,
  password: string | undefined,
): Promise<unknown> {
  const { slots, content } = readEncryptedVault(vault, db);
  if (slots.length === 0) {
    throw new ImportError(
      'IMPORT_ENCRYPTED_UNSUPPORTED',
      'This Aegis vault has no password slot (biometric unlock only); export it with a password.',
    );
  }
  if (password === undefined || password === '') {
    throw new ImportError('IMPORT_PASSWORD_REQUIRED', 'This Aegis vault is encrypted.');
  }
  const masterKey = await unwrapMasterKey(slots, encodeUtf8(password));
  try {
    const plain = openAesGcm(masterKey, content.nonce, content.sealed);
    if (plain === null) throw corrupt('The vault content fails authentication.');
    return parseDecryptedJson(plain, 'The decrypted vault content');
  } finally {
    wipe(masterKey);
  }
}

async function unwrapMasterKey(slots: PasswordSlot[], password: Uint8Array): Promise<Uint8Array> {
  try {
    for (const slot of slots) {
      const slotKey = await deriveScryptKey(password, slot.salt, slot.cost);
      const masterKey = openAesGcm(slotKey, slot.nonce, slot.sealed);
      wipe(slotKey);
      if (masterKey !== null && masterKey.length === 32) return masterKey;
    }
  } finally {
    wipe(password);
  }
  throw new ImportError('IMPORT_WRONG_PASSWORD', 'The password does not open this Aegis vault.');
}

function readEncryptedVault(
  vault: JsonRecord,
  db: string,
): { slots: PasswordSlot[]; content: Sealed } {
  try {
    const header = recordField(vault, 'header');
    const slots = header === undefined ? undefined : arrayField(header, 'slots');
    const params = header === undefined ? undefined : recordField(header, 'params');
    const ciphertext = decodeBase64(db);
    if (slots === undefined || params === undefined || ciphertext === null) {
      throw corrupt('The encrypted Aegis vault lacks its slots, parameters or content.');
    }
    const passwordSlots = slots
      .filter((slot): slot is JsonRecord => isRecord(slot) && slot.type === PASSWORD_SLOT)
      .map(readPasswordSlot);
    return { slots: passwordSlots, content: readSealed(params, ciphertext) };
  } catch (error) {
    if (error instanceof FieldTypeError) {
      throw corrupt(`The Aegis header is malformed: ${error.message}`);
    }
    throw error;
  }
}

function readPasswordSlot(slot: JsonRecord): PasswordSlot {
  const key = hexField(slot, 'key');
  const params = recordField(slot, 'key_params');
  const salt = hexField(slot, 'salt');
  const cost = { N: slot.n, r: slot.r, p: slot.p };
  if (params === undefined || key === null || salt === null || salt.length === 0) {
    throw corrupt('An Aegis password slot is malformed.');
  }
  if (!isCost(cost) || !isScryptCostAllowed(cost)) {
    throw corrupt('An Aegis password slot has scrypt parameters out of range.');
  }
  return { ...readSealed(params, key), salt, cost };
}

function readSealed(params: JsonRecord, ciphertext: Uint8Array): Sealed {
  const nonce = hexField(params, 'nonce');
  const tag = hexField(params, 'tag');
  if (nonce?.length !== GCM_NONCE_LENGTH || tag?.length !== TAG_LENGTH) {
    throw corrupt('An Aegis nonce or tag has the wrong length.');
  }
  const sealed = new Uint8Array(ciphertext.length + TAG_LENGTH);
  sealed.set(ciphertext);
  sealed.set(tag, ciphertext.length);
  return { nonce, sealed };
}

function hexField(record: JsonRecord, key: string): Uint8Array | null {
  const value = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
  return typeof value === 'string' ? decodeHex(value) : null;
}

function isCost(cost: { N: unknown; r: unknown; p: unknown }): cost is ScryptCost {
  return typeof cost.N === 'number' && typeof cost.r === 'number' && typeof cost.p === 'number';
}
