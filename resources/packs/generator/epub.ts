// Hand-made EPUB 3 books (with an NCX for older readers): mimetype stored first, container.xml,
// package document, navigation and one XHTML file per chapter.
import { zipToBuffer } from './zip';

export interface EpubChapter {
  title: string;
  paragraphs: string[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function makeEpub(options: { id: string; title: string; author: string; language?: string; chapters: EpubChapter[]; cover?: Buffer }): Promise<Buffer> {
  const lang = options.language ?? 'vi';
  const chapters = options.chapters.map((c, i) => ({ ...c, file: `chapter-${i + 1}.xhtml`, id: `c${i + 1}` }));
  const css = 'body{font-family:serif;line-height:1.6;margin:0 4%;} h1{font-size:1.6em;color:#17565e;} p{text-indent:1.2em;margin:0 0 .6em;}';
  const chapterXhtml = (c: (typeof chapters)[number]) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="${lang}" lang="${lang}"><head><meta charset="utf-8"/><title>${escape(c.title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body><section><h1>${escape(c.title)}</h1>
${c.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
</section></body></html>`;
  const nav = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}"><head><meta charset="utf-8"/><title>${escape(options.title)}</title></head>
<body><nav epub:type="toc" id="toc"><h1>Mục lục</h1><ol>${chapters.map((c) => `<li><a href="${c.file}">${escape(c.title)}</a></li>`).join('')}</ol></nav></body></html>`;
  const ncx = `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head><meta name="dtb:uid" content="${escape(options.id)}"/></head>
<docTitle><text>${escape(options.title)}</text></docTitle><navMap>${chapters
    .map((c, i) => `<navPoint id="n${i + 1}" playOrder="${i + 1}"><navLabel><text>${escape(c.title)}</text></navLabel><content src="${c.file}"/></navPoint>`)
    .join('')}</navMap></ncx>`;
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">${escape(options.id)}</dc:identifier><dc:title>${escape(options.title)}</dc:title><dc:creator>${escape(options.author)}</dc:creator><dc:language>${lang}</dc:language><meta property="dcterms:modified">2026-01-01T00:00:00Z</meta>${options.cover ? '<meta name="cover" content="cover-image"/>' : ''}</metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/><item id="css" href="style.css" media-type="text/css"/>${options.cover ? '<item id="cover-image" href="cover.png" media-type="image/png" properties="cover-image"/>' : ''}${chapters
    .map((c) => `<item id="${c.id}" href="${c.file}" media-type="application/xhtml+xml"/>`)
    .join('')}</manifest>
<spine toc="ncx">${chapters.map((c) => `<itemref idref="${c.id}"/>`).join('')}</spine>
</package>`;
  return zipToBuffer([
    { path: 'mimetype', data: 'application/epub+zip', store: true },
    { path: 'META-INF/container.xml', data: '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>' },
    { path: 'OEBPS/content.opf', data: opf },
    { path: 'OEBPS/nav.xhtml', data: nav },
    { path: 'OEBPS/toc.ncx', data: ncx },
    { path: 'OEBPS/style.css', data: css },
    ...(options.cover ? [{ path: 'OEBPS/cover.png', data: options.cover }] : []),
    ...chapters.map((c) => ({ path: `OEBPS/${c.file}`, data: chapterXhtml(c) })),
  ]);
}
