import { PDFParse } from 'pdf-parse';
import fs from 'node:fs';
const parser = new PDFParse({ data: fs.readFileSync(process.argv[2]) });
const t = await parser.getText(); console.log(t.total, t.text.slice(0, 500));
const s = await parser.getScreenshot({ scale: 1 });
s.pages.forEach((p, i) => fs.writeFileSync(`/tmp/lisrep/page-${i + 1}.png`, p.data));
await parser.destroy();
