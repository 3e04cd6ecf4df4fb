/**
 * The part of the protobuf wire format (protobuf.dev, "Encoding") that MigrationPayload needs:
 * varints (wire type 0), 64- and 32-bit fixed fields (1, 5) and length-delimited fields (2).
 * Groups (3, 4) are long deprecated and refused, like anything that runs past the end.
 */
export class ProtobufError extends Error {
  override readonly name = 'ProtobufError';
}

export type ProtoField =
  | { number: number; wireType: 0; value: bigint }
  | { number: number; wireType: 1 | 2 | 5; bytes: Uint8Array };

/** Every field of one message, in order; repeated fields appear once per occurrence. */
export function readFields(bytes: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const tag = readVarint(bytes, offset);
    offset = tag.next;
    const number = Number(tag.value >> 3n);
    const wireType = Number(tag.value & 7n);
    if (number < 1 || number > 536_870_911) throw new ProtobufError(`Bad field number ${number}.`);
    if (wireType === 0) {
      const varint = readVarint(bytes, offset);
      fields.push({ number, wireType, value: varint.value });
      offset = varint.next;
    } else if (wireType === 1 || wireType === 5 || wireType === 2) {
      const { start, end } = span(bytes, offset, wireType);
      fields.push({ number, wireType, bytes: bytes.subarray(start, end) });
      offset = end;
    } else {
      throw new ProtobufError(`Unsupported wire type ${wireType}.`);
    }
  }
  return fields;
}

function span(
  bytes: Uint8Array,
  offset: number,
  wireType: 1 | 2 | 5,
): { start: number; end: number } {
  if (wireType !== 2) {
    const end = offset + (wireType === 1 ? 8 : 4);
    if (end > bytes.length) throw new ProtobufError('A fixed-width field runs past the end.');
    return { start: offset, end };
  }
  const length = readVarint(bytes, offset);
  const end = length.next + Number(length.value);
  if (length.value > BigInt(bytes.length) || end > bytes.length) {
    throw new ProtobufError('A length-delimited field runs past the end.');
  }
  return { start: length.next, end };
}

/** Base-128 varint, least significant group first; at most 10 bytes (64 bits). */
function readVarint(bytes: Uint8Array, offset: number): { value: bigint; next: number } {
  let value = 0n;
  for (let i = 0; i < 10; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) throw new ProtobufError('A varint runs past the end.');
    value |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if ((byte & 0x80) === 0) return { value: value & 0xffff_ffff_ffff_ffffn, next: offset + i + 1 };
  }
  throw new ProtobufError('A varint is longer than 10 bytes.');
}

/** The last occurrence of a varint field (proto3 "last one wins"), or `fallback`. */
export function lastVarint(fields: ProtoField[], number: number, fallback = 0n): bigint {
  let value = fallback;
  for (const field of fields) {
    if (field.number !== number) continue;
    if (field.wireType !== 0) throw new ProtobufError(`Field ${number} is not a varint.`);
    value = field.value;
  }
  return value;
}

/** The last occurrence of a length-delimited field, or undefined. */
export function lastBytes(fields: ProtoField[], number: number): Uint8Array | undefined {
  let value: Uint8Array | undefined;
  for (const field of fields) {
    if (field.number !== number) continue;
    if (field.wireType !== 2) throw new ProtobufError(`Field ${number} is not length-delimited.`);
    value = field.bytes;
  }
  return value;
}
