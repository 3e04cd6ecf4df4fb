import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSecret } from '../../../src/otp/normalize-secret';
import { createProtoWriter } from '../../../src/otp/export/protobuf-writer';
import { decodeBase64, decodeHex, encodeBase32, encodeBase64 } from '../../../src/otp/import/bytes';
import {
  lastBytes,
  lastVarint,
  ProtobufError,
  readFields,
} from '../../../src/otp/import/protobuf-reader';

describe('protobuf wire format', () => {
  it('encodes varints as the protobuf docs show (150 → 96 01)', () => {
    expect(Array.from(createProtoWriter().varint(1, 150).finish())).toEqual([0x08, 0x96, 0x01]);
  });

  it('reads back whatever the writer wrote, 64-bit values and two-complement negatives included', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }),
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: 1, max: 536_870_911 }),
        (value, bytes, field) => {
          const fields = readFields(
            createProtoWriter().varint(field, value).bytes(field, bytes).finish(),
          );
          const expected = BigInt.asUintN(64, value);
          if (expected !== 0n)
            expect(
              lastVarint(
                fields.filter((f) => f.wireType === 0),
                field,
              ),
            ).toBe(expected);
          expect(
            lastBytes(
              fields.filter((f) => f.wireType === 2),
              field,
            ),
          ).toEqual(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('skips fixed-width fields it does not know', () => {
    const fields = readFields(
      Uint8Array.from([0x09, 1, 2, 3, 4, 5, 6, 7, 8, 0x15, 1, 2, 3, 4, 0x18, 0x05]),
    );
    expect(lastVarint(fields, 3)).toBe(5n);
  });

  it.each([
    ['a varint cut short', [0x08, 0x96]],
    ['an 11-byte varint', [0x08, ...Array<number>(10).fill(0xff), 0x01]],
    ['a length past the end', [0x0a, 0x05, 0x01]],
    ['a fixed64 cut short', [0x09, 1, 2]],
    ['a start-group wire type', [0x0b]],
    ['field number 0', [0x00, 0x01]],
  ])('refuses %s', (_what, bytes) => {
    expect(() => readFields(Uint8Array.from(bytes))).toThrow(ProtobufError);
  });

  it('refuses a known field with the wrong wire type', () => {
    const fields = readFields(Uint8Array.from([0x0a, 0x00]));
    expect(() => lastVarint(fields, 1)).toThrow(ProtobufError);
  });
});

describe('byte encodings', () => {
  it('base64 matches Node for any bytes and decodes its own output, padded or not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual(bytes);
        expect(decodeBase64(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
      }),
    );
  });

  it.each(['A', 'AB=C', 'AB*D', 'ABC==='])('base64 refuses %j', (text) => {
    expect(decodeBase64(text)).toBeNull();
  });

  it('base32 output decodes to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 128 }), (bytes) => {
        expect(decodeSecret(encodeBase32(bytes)).bytes).toEqual(bytes);
      }),
    );
  });

  it('hex accepts even-length hex only', () => {
    expect(decodeHex('00ff7F')).toEqual(Uint8Array.from([0, 255, 127]));
    expect(decodeHex('abc')).toBeNull();
    expect(decodeHex('zz')).toBeNull();
  });
});
