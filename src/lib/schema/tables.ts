import { z } from 'zod';

/** A table cell: a number, or null when the cell was blank or unreadable (with a warning). */
const Cell = z.number().nullable();

/** 表三 columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
export const APPLICANT_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
const Row7 = z.array(Cell).length(7);

const Made = z.object({ made: Cell, published: Cell, total: Cell });
const Items = z.object({ previous: Cell, change: Cell, decisions: Cell });

/** 二、主动公开政府信息情况, 2019 template (reports on 2019–2020). */
export const Table2v2019Schema = z.object({
  /** 规章: 本年新制作数量 / 本年新公开数量 / 对外公开总数量 */
  regulations: Made,
  /** 规范性文件 */
  normativeDocs: Made,
  /** 行政许可: 上一年项目数量 / 本年增/减 / 处理决定数量 */
  licensing: Items,
  /** 其他对外管理服务事项 */
  otherServices: Items,
  /** 行政处罚 */
  penalty: Items,
  /** 行政强制 */
  coercion: Items,
  /** 行政事业性收费: 上一年项目数量 / 本年增/减 */
  fees: z.object({ previous: Cell, change: Cell }),
  /** 政府集中采购: 采购项目数量 / 采购总金额 (万元) */
  procurement: z.object({ projects: Cell, amountWan: Cell }),
});

const Issued = z.object({ issued: Cell, repealed: Cell, inForce: Cell });
const Decisions = z.object({ decisions: Cell });

/** 二、主动公开政府信息情况, 2021 template (国办公开办函〔2021〕30号, reports from 2021 on). */
export const Table2v2021Schema = z.object({
  /** 规章: 本年制发件数 / 本年废止件数 / 现行有效件数 */
  regulations: Issued,
  /** 行政规范性文件 */
  normativeDocs: Issued,
  /** 行政许可: 本年处理决定数量 */
  licensing: Decisions,
  /** 行政处罚 */
  penalty: Decisions,
  /** 行政强制 */
  coercion: Decisions,
  /** 行政事业性收费: 本年收费金额 (万元) */
  fees: z.object({ amountWan: Cell }),
});

/** 三、收到和处理政府信息公开申请情况. Every row has the seven applicant columns. */
export const Table3Schema = z.object({
  /** 一、本年新收政府信息公开申请数量 */
  newReceived: Row7,
  /** 二、上年结转政府信息公开申请数量 */
  carriedOver: Row7,
  /** （一）予以公开 */
  granted: Row7,
  /** （二）部分公开 */
  partiallyGranted: Row7,
  /** （三）不予公开 */
  denied: z.object({
    stateSecret: Row7,
    lawForbidden: Row7,
    threeSafetyOneStability: Row7,
    thirdPartyRights: Row7,
    internalAffairs: Row7,
    processInformation: Row7,
    enforcementRecords: Row7,
    queryMatters: Row7,
  }),
  /** （四）无法提供 */
  unableToProvide: z.object({ notHeld: Row7, needsCreation: Row7, unclearAfterCorrection: Row7 }),
  /** （五）不予处理 */
  notProcessed: z.object({
    petitionComplaint: Row7,
    duplicate: Row7,
    publication: Row7,
    excessive: Row7,
    confirmation: Row7,
  }),
  /** （六）其他处理; in the 2021 template the sum of `otherHandlingDetail`. */
  otherHandling: Row7,
  /** 2021 template only: 逾期不补正 / 逾期未缴费 / 其他. */
  otherHandlingDetail: z.object({ overdueCorrection: Row7, overdueFee: Row7, other: Row7 }).optional(),
  /** （七）总计 */
  totalHandled: Row7,
  /** 四、结转下年度继续办理 */
  carriedForward: Row7,
});

const Outcomes = z.object({ upheld: Cell, corrected: Cell, other: Cell, pending: Cell, total: Cell });

/** 四、政府信息公开行政复议、行政诉讼情况. */
export const Table4Schema = z.object({
  /** 行政复议 */
  review: Outcomes,
  /** 行政诉讼: 未经复议直接起诉 */
  litigationDirect: Outcomes,
  /** 行政诉讼: 复议后起诉 */
  litigationAfterReview: Outcomes,
});

export type Table2v2019 = z.infer<typeof Table2v2019Schema>;
export type Table2v2021 = z.infer<typeof Table2v2021Schema>;
export type Table2 = Table2v2019 | Table2v2021;
export type Table3 = z.infer<typeof Table3Schema>;
export type Table4 = z.infer<typeof Table4Schema>;
export type Row = (number | null)[];
