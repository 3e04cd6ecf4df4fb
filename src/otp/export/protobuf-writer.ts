/**
 * Writes the protobuf wire format (protobuf.dev, "Encoding") for the two field kinds
 * MigrationPayload uses: varints (wire type 0) and length-delimited fields (wire type 2).
 * proto3 leaves zero and empty values out, and so does this writer for varints.
 */
export interface ProtoWriter {
  varint(field: number, value: number | bigint): ProtoWriter;
  bytes(field: number, data: Uint8Array): ProtoWriter;
  string(field: number, text: string): ProtoWriter;
  finish(): Uint8Array;
}

export function createProtoWriter(): ProtoWriter {
  const out: number[] = [];
  const writer: ProtoWriter = {
    varint(field, value) {
      const big = BigInt(value);
      if (big !== 0n) out.push(...encodeVarint(tag(field, 0)), ...encodeVarint(big));
      return writer;
    },
    bytes(field, data) {
      out.push(...encodeVarint(tag(field, 2)), ...encodeVarint(BigInt(data.length)));
      for (const byte of data) out.push(byte);
      return writer;
    },
    string(field, text) {
      return writer.bytes(field, new TextEncoder().encode(text));
    },
    finish() {
      return Uint8Array.from(out);
    },
  };
  return writer;
}

function tag(field: number, wireType: 0 | 2): bigint {
  return (BigInt(field) << 3n) | BigInt(wireType);
}

/** Base-128, least significant group first; negative int64 values as their 64-bit two's complement. */
function encodeVarint(value: bigint): number[] {
  let rest = BigInt.asUintN(64, value);
  const bytes: number[] = [];
  do {
    const group = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest === 0n ? group : group | 0x80);
  } while (rest !== 0n);
  return bytes;
}
