/**
 * Some PDF text extraction puts a space between every two Chinese characters (「总 体 情 况」,
 * 「湛 河 区 曹 镇 乡」): headings, labels and phrases then match nothing. A line written that way
 * throughout, with no two ideographs side by side, is read with those spaces closed. A line with
 * any two ideographs together is left alone: there a space separates words or cells (「信息内容
 * 本年新制作数量」), and 「合　计」-style spacing inside one label is already ignored by labels.
 */
const SPACED = /[\u3400-\u9fff] [\u3400-\u9fff] [\u3400-\u9fff]/;
const ADJACENT = /[\u3400-\u9fff]{2}/;
const ONE_GAP = /[\u3400-\u9fff] [\u3400-\u9fff]/;
const GAPS = /(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])/g;

/** The text with spaced-out lines closed up, and how many lines that was. Line breaks are kept. */
export function closeSpacedHan(text: string): { text: string; lines: number } {
  if (!SPACED.test(text)) return { text, lines: 0 };
  let lines = 0;
  const out = text.split('\n').map((line) => {
    if (ADJACENT.test(line) || !ONE_GAP.test(line)) return line;
    lines++;
    return line.replace(GAPS, '');
  });
  return { text: out.join('\n'), lines };
}
