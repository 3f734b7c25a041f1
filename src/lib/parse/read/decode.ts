import { isUtf8, transcode } from 'node:buffer';
import type { Warning } from '../../schema/warning.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'unknown';

export interface Decoded {
  text: string;
  encoding: Encoding;
  warnings: Warning[];
  /** True when the bytes are not text at all; `text` is then empty. */
  binary: boolean;
}

const utf8Lenient = new TextDecoder('utf-8');
const gb18030 = new TextDecoder('gb18030', { fatal: true });
const gb18030Lenient = new TextDecoder('gb18030');
const big5 = new TextDecoder('big5', { fatal: true });

/**
 * Bytes → text. The encoding is detected, never assumed: a BOM wins, then strict UTF-8,
 * then strict GB18030 (a superset of GBK/GB2312, which Chinese government sites still use) or,
 * for a traditional-script text, Big5.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const warnings: Warning[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return finish(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8', warnings);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le', warnings);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be', warnings);
  }
  if (looksBinary(bytes)) {
    const utf16 = utf16WithoutBom(bytes);
    if (!utf16) return { text: '', encoding: 'unknown', warnings: [binaryWarning()], binary: true };
    warnings.push({ code: 'DECODED_UTF16', severity: 'info', message: `文件编码为 ${utf16.encoding.toUpperCase()}（无 BOM），已转换为 UTF-8。` });
    return finish(utf16.text, utf16.encoding, warnings);
  }
  // UTF-8 first, allowing a handful of bad sequences (a file cut mid-character): UTF-8 Chinese
  // is often also a valid GB18030 byte sequence, so strict GB18030 success proves nothing.
  const asUtf8 = decodeUtf8(bytes);
  const badUtf8 = countReplaced(asUtf8);
  if (badUtf8 === 0) return finish(asUtf8, 'utf-8', warnings);
  if (badUtf8 <= Math.max(2, asUtf8.length / 2000)) {
    warnings.push(replacedWarning(badUtf8, 'UTF-8'));
    return finish(asUtf8, 'utf-8', warnings);
  }
  try {
    const text = gb18030.decode(bytes);
    // Big5 bytes are valid GB18030 too, read as nonsense: the words every report uses tell them apart.
    const big5 = decodeBig5(bytes);
    if (big5 !== null && reportWords(big5) > reportWords(text)) {
      warnings.push({ code: 'DECODED_BIG5', severity: 'info', message: '文件编码为 Big5，已转换为 UTF-8。' });
      return finish(big5, 'big5', warnings);
    }
    warnings.push({ code: 'DECODED_GB18030', severity: 'info', message: '文件编码为 GB18030/GBK，已转换为 UTF-8。' });
    return finish(text, 'gb18030', warnings);
  } catch {
    // Mostly GBK with a few broken bytes (a truncated download, say): keep what reads.
    const text = gb18030Lenient.decode(bytes);
    const bad = countReplaced(text);
    if (bad > text.length / 50) return { text: '', encoding: 'unknown', warnings: [binaryWarning()], binary: true };
    warnings.push(replacedWarning(bad, 'GB18030'));
    return finish(text, 'gb18030', warnings);
  }
}

/**
 * Lenient UTF-8, as TextDecoder reads it. Valid UTF-8 (nearly every file) has one reading, so ICU
 * transcodes it to UTF-16 and the string is made from that: several times faster than
 * TextDecoder, which builds the string through V8's UTF-8 decoder. Invalid bytes keep
 * TextDecoder's replacement rules. (No BOM reaches this: decodeBytes strips it first.)
 */
function decodeUtf8(bytes: Uint8Array): string {
  return isUtf8(bytes) ? transcode(bytes, 'utf8', 'utf16le').toString('utf16le') : utf8Lenient.decode(bytes);
}

function decodeBig5(bytes: Uint8Array): string | null {
  try {
    return big5.decode(bytes);
  } catch {
    return null;
  }
}

/** Occurrences of words every report uses, in either script. */
function reportWords(text: string): number {
  return text.match(/政府|信息|公开|公開|申请|申請|情况|情況|工作/g)?.length ?? 0;
}

function countReplaced(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function replacedWarning(count: number, encoding: string): Warning {
  return { code: 'DECODE_REPLACED', severity: 'warning', message: `有 ${count} 处字节无法按 ${encoding} 解码（文件可能被截断），已替换为 �。` };
}

function finish(text: string, encoding: Encoding, warnings: Warning[]): Decoded {
  return { text, encoding, warnings, binary: false };
}

/** NUL bytes or a high share of control bytes in the first 4 KB mean this is not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/**
 * UTF-16 without a byte order mark (saved so by some editors and export tools). Its NUL bytes
 * make it look binary; it is text when one byte order decodes the start into what reports are
 * written in: Chinese characters, their punctuation and full-width forms, ASCII and whitespace.
 */
function utf16WithoutBom(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | null {
  if (bytes.length % 2 !== 0) return null;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    // The start decides; only the byte order that reads is decoded whole.
    const head = new TextDecoder(encoding).decode(bytes.subarray(0, 4096));
    let plausible = 0;
    for (let i = 0; i < head.length; i++) {
      const c = head.charCodeAt(i);
      if ((c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x3000 && c < 0x3040) || (c >= 0x4e00 && c < 0xa000) || (c >= 0xff00 && c < 0xfff0)) plausible++;
    }
    if (head.length > 0 && plausible / head.length >= 0.95) return { text: new TextDecoder(encoding).decode(bytes), encoding };
  }
  return null;
}

function binaryWarning(): Warning {
  return { code: 'BINARY_FILE', severity: 'error', message: '文件不是文本（二进制内容），无法读取。' };
}
