import type { Rng } from './random.ts';

/** Ways real reports state the headline count of proactively disclosed items. */
const HEADLINES = [
  (n: string, y: number) => `${y}年，主动公开政府信息${n}条。`,
  (n: string, y: number) => `${y}年共发布政务信息${n}条，涵盖政策文件、工作动态、通知公告等内容。`,
  (n: string) => `全年共主动公开政府信息${n}条，其中通过政府网站公开${n.length > 1 ? n.slice(0, -1) : n}条。`,
  (n: string, y: number) => `${y}年通过政府门户网站发布信息${n}条。`,
  (n: string) => `全年累计公开各类信息${n}条。`,
];

export function headline(r: Rng, count: number, year: number): string {
  return r.pick(HEADLINES)(String(count), year);
}

export function overview(body: string, short: string, year: number, headlineSentence: string, requests: number): string[] {
  return [
    `${year}年，${short}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》和上级关于政务公开工作的部署要求，围绕中心工作，不断深化政务公开，切实保障人民群众的知情权、参与权、表达权和监督权。`,
    '（一）主动公开情况',
    `${headlineSentence}公开内容主要包括机构职能、政策文件、财政预决算、重点项目和民生保障等。`,
    '（二）依申请公开情况',
    requests > 0 ? `全年共收到政府信息公开申请${requests}件，均在法定期限内依法作出答复。` : `全年未收到政府信息公开申请。`,
    '（三）政府信息管理情况',
    `${body}严格落实公开前保密审查制度，坚持“先审查、后公开”原则，及时调整主动公开目录，确保公开信息准确规范。`,
    '（四）政府信息公开平台建设情况',
    '以政府门户网站为第一平台，同步利用政务新媒体和公开栏发布信息，及时更新政策文件、通知公告等栏目内容。',
    '（五）监督保障情况',
    '将政务公开工作纳入年度目标考核，明确专人负责，定期组织业务培训，全年未发生因政府信息公开工作引起的责任追究情况。',
  ];
}

export const PROBLEMS = [
  '一是公开内容的深度和广度仍需拓展，部分栏目更新不够及时；二是工作人员业务水平有待提高，政策解读形式较为单一。',
  '下一步，将进一步加强组织领导，完善工作机制，加大培训力度，不断提升政府信息公开工作质量和实效。',
];

/** PDF extraction wraps prose at a fixed width, often mid-word. */
export function hardWrap(lines: string[], width: number): string[] {
  return lines.flatMap((l) => {
    const out: string[] = [];
    for (let i = 0; i < l.length; i += width) out.push(l.slice(i, i + width));
    return out.length ? out : [l];
  });
}
