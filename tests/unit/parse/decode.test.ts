import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/parse/read/decode.ts';

// 「政府信息公开」 in GBK, written out so the test needs no encoder.
const GBK = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]);

describe('decodeBytes', () => {
  it('reads UTF-8, with or without BOM', () => {
    expect(decodeBytes(new TextEncoder().encode('政府信息公开')).text).toBe('政府信息公开');
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('年报')]))).toMatchObject({ text: '年报', encoding: 'utf-8' });
  });

  it('detects GBK/GB18030 and says so', () => {
    const d = decodeBytes(GBK);
    expect(d).toMatchObject({ text: '政府信息公开', encoding: 'gb18030', binary: false });
    expect(d.warnings.map((w) => w.code)).toEqual(['DECODED_GB18030']);
  });

  it('tells Big5 from GB18030, though Big5 bytes decode as GB18030 too', () => {
    // 「政府資訊公開」 in Big5.
    const big5 = new Uint8Array([0xac, 0x46, 0xa9, 0xb2, 0xb8, 0xea, 0xb0, 0x54, 0xa4, 0xbd, 0xb6, 0x7d]);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(big5)).not.toBe('政府資訊公開');
    const d = decodeBytes(big5);
    expect(d).toMatchObject({ text: '政府資訊公開', encoding: 'big5', binary: false });
    expect(d.warnings.map((w) => w.code)).toEqual(['DECODED_BIG5']);
    expect(decodeBytes(GBK).encoding).toBe('gb18030');
  });

  it('reads UTF-16 with a BOM', () => {
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x74, 0x5e, 0xa5, 0x62])).text).toBe('年报');
  });

  it('reads UTF-16 without a BOM, in either byte order, and says so', () => {
    const text = '一、总体情况\n主动公开政府信息1235条。\t0\n';
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    expect(decodeBytes(le)).toMatchObject({ text, encoding: 'utf-16le', binary: false });
    expect(decodeBytes(le).warnings.map((w) => w.code)).toEqual(['DECODED_UTF16']);
    const be = new Uint8Array(Buffer.from(text, 'utf16le').swap16());
    expect(decodeBytes(be)).toMatchObject({ text, encoding: 'utf-16be', binary: false });
  });

  it('refuses binary files', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const d = decodeBytes(png);
    expect(d.binary).toBe(true);
    expect(d.warnings[0]!.code).toBe('BINARY_FILE');
    // A ZIP (DOCX) header read as UTF-16 is no text either.
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xdf, 0xa4]);
    expect(decodeBytes(zip).binary).toBe(true);
  });
});
