import { generateCorpus } from './src/lib/synth/index.ts';
import { decodeBytes } from './src/lib/parse/read/decode.ts';
import { readText } from './src/lib/parse/read/text.ts';
import { splitSections } from './src/lib/parse/sections.ts';
import { readTables } from './src/lib/parse/tables/index.ts';
const c=[...generateCorpus({count:1000,seed:1})].filter(r=>!r.variant.traditional && r.variant.damage===null);
const spans=c.map(r=>{const {sections}=splitSections(readText(decodeBytes(r.bytes).text).blocks); const of=(k:number)=>sections.find(s=>s.number===k)?.blocks??[]; return {table2:of(2),table3:of(3),table4:of(4)};});
const t=performance.now(); for(let k=0;k<5;k++) for(const s of spans) readTables(s,[]); console.log((performance.now()-t)/(5*spans.length)*1000,'µs');
