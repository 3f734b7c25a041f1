import type { Template } from '../schema/report.ts';
import type { Table2, Table3, Table4 } from '../schema/tables.ts';

/** How text extraction laid the tables out (see the corpus README). */
export type SynthLayout = 'docx' | 'tab' | 'space' | 'pipe' | 'html';
type Cells = string[];

export interface Tables {
  template: Template;
  table2: Table2;
  table3: Table3;
  table4: Table4;
}

const num = (v: number | null) => (v === null ? '' : String(v));

export function table2Rows(t: Tables): Cells[] {
  const t2 = t.table2 as Record<string, Record<string, number | null>>;
  const row = (label: string, key: string, cols: string[]) => [label, ...cols.map((c) => num(t2[key]![c]!))];
  if (t.template === '2021') {
    return [
      ['第二十条第（一）项'], ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      row('规章', 'regulations', ['issued', 'repealed', 'inForce']), row('行政规范性文件', 'normativeDocs', ['issued', 'repealed', 'inForce']),
      ['第二十条第（五）项'], ['信息内容', '本年处理决定数量'], row('行政许可', 'licensing', ['decisions']),
      ['第二十条第（六）项'], ['信息内容', '本年处理决定数量'], row('行政处罚', 'penalty', ['decisions']), row('行政强制', 'coercion', ['decisions']),
      ['第二十条第（八）项'], ['信息内容', '本年收费金额（单位：万元）'], row('行政事业性收费', 'fees', ['amountWan']),
    ];
  }
  const items = ['previous', 'change', 'decisions'];
  return [
    ['第二十条第（一）项'], ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    row('规章', 'regulations', ['made', 'published', 'total']), row('规范性文件', 'normativeDocs', ['made', 'published', 'total']),
    ['第二十条第（五）项'], ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], row('行政许可', 'licensing', items), row('其他对外管理服务事项', 'otherServices', items),
    ['第二十条第（六）项'], ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], row('行政处罚', 'penalty', items), row('行政强制', 'coercion', items),
    ['第二十条第（八）项'], ['信息内容', '上一年项目数量', '本年增/减'], row('行政事业性收费', 'fees', ['previous', 'change']),
    ['第二十条第（九）项'], ['信息内容', '采购项目数量', '采购总金额（单位：万元）'], row('政府集中采购', 'procurement', ['projects', 'amountWan']),
  ];
}

const T3: [string, string, string | null][] = [
  ['newReceived', '一、本年新收政府信息公开申请数量', null], ['carriedOver', '二、上年结转政府信息公开申请数量', null],
  ['granted', '（一）予以公开', '三、本年度办理结果'], ['partiallyGranted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ''],
  ['denied.stateSecret', '1.属于国家秘密', '（三）不予公开'], ['denied.lawForbidden', '2.其他法律行政法规禁止公开', ''], ['denied.threeSafetyOneStability', '3.危及“三安全一稳定”', ''],
  ['denied.thirdPartyRights', '4.保护第三方合法权益', ''], ['denied.internalAffairs', '5.属于三类内部事务信息', ''], ['denied.processInformation', '6.属于四类过程性信息', ''],
  ['denied.enforcementRecords', '7.属于行政执法案卷', ''], ['denied.queryMatters', '8.属于行政查询事项', ''],
  ['unableToProvide.notHeld', '1.本机关不掌握相关政府信息', '（四）无法提供'], ['unableToProvide.needsCreation', '2.没有现成信息需要另行制作', ''], ['unableToProvide.unclearAfterCorrection', '3.补正后申请内容仍不明确', ''],
  ['notProcessed.petitionComplaint', '1.信访举报投诉类申请', '（五）不予处理'], ['notProcessed.duplicate', '2.重复申请', ''], ['notProcessed.publication', '3.要求提供公开出版物', ''],
  ['notProcessed.excessive', '4.无正当理由大量反复申请', ''], ['notProcessed.confirmation', '5.要求行政机关确认或重新出具已获取信息', ''],
];
const T3_2021_OTHER: [string, string, string][] = [
  ['otherHandlingDetail.overdueCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '（六）其他处理'],
  ['otherHandlingDetail.overdueFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ''],
  ['otherHandlingDetail.other', '3.其他', ''],
];

function at(t: unknown, path: string): (number | null)[] {
  return path.split('.').reduce<any>((o, k) => o[k], t);
}

export function table3Rows(t: Tables): Cells[] {
  const rows: Cells[] = [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
    ['', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  ];
  const line = ([path, label, group]: [string, string, string | null]) => [...(group === null ? [] : [group]), label, ...at(t.table3, path).map(num)];
  rows.push(...T3.map(line));
  if (t.template === '2021') rows.push(...T3_2021_OTHER.map(line));
  else rows.push(line(['otherHandling', '（六）其他处理', '']));
  rows.push(line(['totalHandled', '（七）总计', '']), line(['carriedForward', '四、结转下年度继续办理', null]));
  return rows;
}

export function table4Rows(t: Tables): Cells[] {
  const blocks = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
  const keys = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
  return [
    ['行政复议', '', '', '', '', '行政诉讼'],
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉'],
    ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
    blocks.flatMap((b) => keys.map((k) => num(t.table4[b][k]))),
  ];
}

/** Rows of cells as the lines an extraction of that kind gives; `nbsp`: a web page's cells padded with &nbsp;, empty ones holding one. */
export function renderRows(rows: Cells[], how: SynthLayout, nbsp = false): string[] {
  if (nbsp) rows = rows.map((r) => r.map((c) => (c ? `\u00a0${c}\u00a0` : '\u00a0')));
  switch (how) {
    case 'docx':
      return rows.flatMap((r) => [...r.map((c) => '\t' + c), '']);
    case 'tab':
      return rows.map((r) => r.join('\t'));
    case 'pipe':
      return rows.map((r) => r.join(' | ') + ' |');
    case 'space':
      return rows.flatMap((r) => [r.filter(Boolean).join(' '), '']);
    case 'html':
      return rows.flatMap((r) => r.filter(Boolean));
  }
}
