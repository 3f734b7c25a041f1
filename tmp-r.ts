import { resolveRegion } from './src/lib/parse/region.ts';
import { slugFor } from './src/lib/parse/slug.ts';
const cases: [string, any?][] = [['商丘市人民政府'],['河南省人民政府'],['上海市'],['上海市浦东新区人民政府'],['夏邑县教育局'],['商丘市生态环境局'],['五河县人民政府办公室'],['郑州市金水区市场监督管理局'],['河南省发展和改革委员会'],['杨凌示范区审计局'],['偃师市缑氏镇人民政府'],['城关镇人民政府'],['城关镇人民政府',{path:'河南省/商丘市/夏邑县/x.txt'}],['城关镇人民政府',{text:'我镇位于夏邑县东部，商丘市'}],['北京市朝阳区人民政府'],['建塘镇'],['某某镇人民政府'],['东城区人民政府'],['审计局',{path:'河南省/商丘市/夏邑县/x.txt'}],['夏邑县会亭镇人民政府'],['金水区经八路街道办事处']];
for (const [a,h] of cases) { const r = resolveRegion(a,h); console.log(a, JSON.stringify(h??''), r.level, Object.values(r.region).join('/'), r.warnings.map(w=>w.code).join(','), slugFor({agency:a, region:r.region, year:2021})); }
const t=performance.now(); for(let i=0;i<20000;i++) resolveRegion(cases[i%cases.length]![0], cases[i%cases.length]![1]); console.log('µs/call', (performance.now()-t)/20000*1000);
