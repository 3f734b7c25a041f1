import { APPLICANT_COLUMNS } from '../../schema/tables.ts';
import type { RowSpec } from './rows.ts';

/**
 * Label matchers work on labelKey() text: no numbering, spaces or punctuation. They accept the
 * variants real reports print: 部份公开, 其它处理, 上一年结转, 结转下一年度, 内部事物, 仍不明晰.
 */
const has = (...words: string[]) => (max: number) => (key: string) => key.length <= max && words.some((w) => key.includes(w));
const is = (...keys: string[]) => (key: string) => keys.includes(key);

const MADE = {
  columns: ['made', 'published', 'total'],
  columnLabels: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
  otherColumns: /制发件数|废止件数|现行有效件数/,
} as const;
const ITEMS = { columns: ['previous', 'change', 'decisions'], columnLabels: ['上一年项目数量', '本年增/减', '处理决定数量'] } as const;
const ISSUED = {
  columns: ['issued', 'repealed', 'inForce'],
  columnLabels: ['本年制发件数', '本年废止件数', '现行有效件数'],
  otherColumns: /新制作数量|新公开数量|对外公开总数量/,
} as const;
const DECISIONS = { columns: ['decisions'], columnLabels: ['本年处理决定数量'] } as const;

// 「地方政府规章」 is the full name some provinces print.
const regulations = (key: string) => (key.length <= 4 && key.includes('规章')) || key === '地方政府规章' || key === '政府规章';
const normativeDocs = has('规范性文件')(9);
const licensing = has('行政许可')(6);
const penalty = has('行政处罚')(6);
const coercion = has('行政强制')(6);
const fees = has('事业性收费')(9);

export const TABLE2_2019: RowSpec[] = [
  { path: 'table2.regulations', label: '规章', ...MADE, matches: regulations },
  { path: 'table2.normativeDocs', label: '规范性文件', ...MADE, matches: normativeDocs },
  { path: 'table2.licensing', label: '行政许可', ...ITEMS, matches: licensing },
  { path: 'table2.otherServices', label: '其他对外管理服务事项', ...ITEMS, matches: has('对外管理服务')(12) },
  { path: 'table2.penalty', label: '行政处罚', ...ITEMS, matches: penalty },
  { path: 'table2.coercion', label: '行政强制', ...ITEMS, matches: coercion },
  { path: 'table2.fees', label: '行政事业性收费', columns: ['previous', 'change'], columnLabels: ['上一年项目数量', '本年增/减'], matches: fees },
  {
    path: 'table2.procurement',
    label: '政府集中采购',
    columns: ['projects', 'amountWan'],
    columnLabels: ['采购项目数量', '采购总金额'],
    matches: has('集中采购', '政府采购')(8),
    amountColumns: ['amountWan'],
  },
];

export const TABLE2_2021: RowSpec[] = [
  { path: 'table2.regulations', label: '规章', ...ISSUED, matches: regulations },
  { path: 'table2.normativeDocs', label: '行政规范性文件', ...ISSUED, matches: normativeDocs },
  { path: 'table2.licensing', label: '行政许可', ...DECISIONS, matches: licensing },
  { path: 'table2.penalty', label: '行政处罚', ...DECISIONS, matches: penalty },
  { path: 'table2.coercion', label: '行政强制', ...DECISIONS, matches: coercion },
  {
    path: 'table2.fees',
    label: '行政事业性收费',
    columns: ['amountWan'],
    columnLabels: ['本年收费金额'],
    matches: fees,
    amountColumns: ['amountWan'],
  },
];

export const TABLE2_HEADER = (key: string) =>
  /第二十条|第[一二三四五六七八九十\d]+项$|信息内容|制作数量|公开数量|总数量|项目数量|增减|处理决定|采购项目|采购总金额|制发件数|废止件数|现行有效|收费金额|单位/.test(key);

const COLS = APPLICANT_COLUMNS.map((_, i) => String(i));
const row3 = (path: string, label: string, matches: (key: string) => boolean, mergedLabel = false): RowSpec => ({
  path: `table3.${path}`,
  label,
  columns: COLS,
  columnLabels: APPLICANT_COLUMNS,
  matches,
  mergedLabel,
});
/** A row whose label spans the sub-label columns of the rows under 不予公开, 无法提供, 不予处理. */
const merged3 = (path: string, label: string, matches: (key: string) => boolean): RowSpec => row3(path, label, matches, true);

const TABLE3_HEAD: RowSpec[] = [
  merged3('newReceived', '本年新收政府信息公开申请数量', has('新收')(30)),
  merged3('carriedOver', '上年结转政府信息公开申请数量', (k) => k.length <= 30 && /上一?年/.test(k) && /结转|转结/.test(k)),
  merged3('granted', '（一）予以公开', has('予以公开')(8)),
  merged3('partiallyGranted', '（二）部分公开', has('部分公开', '部份公开')(40)),
  row3('denied.stateSecret', '属于国家秘密', has('国家秘密')(12)),
  row3('denied.lawForbidden', '其他法律行政法规禁止公开', has('禁止公开')(20)),
  row3('denied.threeSafetyOneStability', '危及“三安全一稳定”', has('三安全', '一稳定', '三个安全', '一个稳定')(16)),
  row3('denied.thirdPartyRights', '保护第三方合法权益', has('第三方')(16)),
  row3('denied.internalAffairs', '属于三类内部事务信息', has('内部事务', '内部事物')(16)),
  row3('denied.processInformation', '属于四类过程性信息', has('过程性')(16)),
  row3('denied.enforcementRecords', '属于行政执法案卷', has('执法案卷')(16)),
  row3('denied.queryMatters', '属于行政查询事项', has('查询事项')(16)),
  row3('unableToProvide.notHeld', '本机关不掌握相关政府信息', has('不掌握')(20)),
  row3('unableToProvide.needsCreation', '没有现成信息需要另行制作', has('另行制作', '现成信息')(20)),
  row3('unableToProvide.unclearAfterCorrection', '补正后申请内容仍不明确', has('不明确', '不明晰')(20)),
  row3('notProcessed.petitionComplaint', '信访举报投诉类申请', has('信访', '举报投诉')(16)),
  row3('notProcessed.duplicate', '重复申请', has('重复申请')(8)),
  row3('notProcessed.publication', '要求提供公开出版物', has('出版物')(16)),
  row3('notProcessed.excessive', '无正当理由大量反复申请', has('反复申请', '大量反复')(16)),
  row3('notProcessed.confirmation', '要求行政机关确认或重新出具已获取信息', has('重新出具', '已获取')(30)),
];
const TABLE3_TAIL: RowSpec[] = [
  merged3('totalHandled', '（七）总计', is('总计', '合计')),
  merged3('carriedForward', '结转下年度继续办理', has('结转下年', '结转下一年', '下年度继续')(20)),
];

export const TABLE3_2019: RowSpec[] = [...TABLE3_HEAD, merged3('otherHandling', '（六）其他处理', is('其他处理', '其它处理')), ...TABLE3_TAIL];

export const TABLE3_2021: RowSpec[] = [
  ...TABLE3_HEAD,
  row3('otherHandlingDetail.overdueCorrection', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', has('不补正')(50)),
  row3('otherHandlingDetail.overdueFee', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', has('缴纳费用', '收费通知', '未缴费', '未缴纳')(50)),
  row3('otherHandlingDetail.other', '其他', is('其他', '其它')),
  ...TABLE3_TAIL,
];

const TOTAL_FIRST = [6, 0, 1, 2, 3, 4, 5];
const totalFirstSpecs = new WeakMap<RowSpec[], RowSpec[]>();
/** Table 3's rows with the 总计 column printed first (placed back last when the table is built). */
export function withTotalFirst(specs: RowSpec[]): RowSpec[] {
  let out = totalFirstSpecs.get(specs);
  if (!out) {
    out = specs.map((s) => ({ ...s, columns: TOTAL_FIRST.map((k) => s.columns[k]!), columnLabels: TOTAL_FIRST.map((k) => s.columnLabels[k]!) }));
    totalFirstSpecs.set(specs, out);
  }
  return out;
}

export const TABLE3_HEADER = (key: string) =>
  /勾稽|申请人情况|自然人|法人或其他组织|商业企业|科研机构|社会公益|公益组织|法律服务|服务机构|办理结果|不予公开|无法提供|不予处理|其[他它]处理/.test(key) ||
  key === '其他' ||
  key === '其它';

export const TABLE4_HEADER = (key: string) => /复议|诉讼|维持|纠正|其他结果|审结|总计|合计|起诉/.test(key);

/** Column labels that only one template uses: the template is read from the tables. */
export const TEMPLATE_MARKERS = {
  '2019': /新制作数量|新公开数量|对外公开总数量|上一年项目数量|本年增减|政府集中采购|采购项目数量|对外管理服务事项/,
  '2021': /制发件数|废止件数|现行有效件数|本年收费金额|逾期不补正|收费通知要求缴纳|逾期未缴费/,
} as const;
