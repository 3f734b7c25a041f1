import { readFileSync, readdirSync } from 'node:fs';
import { decodeBytes } from './src/lib/parse/read/decode.ts';
import { readText } from './src/lib/parse/read/text.ts';
import { splitSections } from './src/lib/parse/sections.ts';
import { readTables } from './src/lib/parse/tables/index.ts';
const files = readdirSync('/work/shared/corpus/seeds').filter(f=>f.endsWith('.txt')).map(f=>new Uint8Array(readFileSync('/work/shared/corpus/seeds/'+f)));
const docs = files.map(b=>readText(decodeBytes(b).text));
const spans = docs.map(d=>{ const {sections}=splitSections(d.blocks); const of=(n:number)=>sections.find(s=>s.number===n)!.blocks; return {table2:of(2),table3:of(3),table4:of(4)}; });
const t=performance.now(); for(let i=0;i<20000;i++) readTables(spans[i%5]!,[]); console.log((performance.now()-t)/20000*1000,'µs');
