import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as pdfkit writes it, without a PDF library (pdftotext is not installed here): inflate every
 * stream, read each embedded font's ToUnicode map, and decode the content streams' glyph strings (`Tj`/`TJ`)
 * through the font selected with `Tf`. One line per text object. Honest for our own output: the text comes out
 * only if the PDF really carries it with a correct Unicode map — what a reader's copy-and-paste and search need.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const s = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0) {
      dict = body.slice(0, s);
      const start = body[s + 6] === '\r' ? s + 8 : s + 7;
      const end = body.lastIndexOf('endstream');
      let bytes = Buffer.from(body.slice(start, end), 'latin1');
      if (/\/FlateDecode/.test(dict)) bytes = inflateSync(bytes);
      stream = bytes;
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  // Font resource names (/F1 12 0 R) → their ToUnicode map.
  const maps = new Map<string, Map<number, string>>();
  for (const m of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objects.get(Number(m[2]));
    const ref = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
    const cmap = ref && objects.get(Number(ref[1]))?.stream;
    if (cmap) maps.set(m[1]!, parseCMap(cmap.toString('latin1')));
  }
  const lines: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream) continue;
    const content = stream.toString('latin1');
    if (!/\bTf\b/.test(content)) continue;
    let font: Map<number, string> | undefined;
    for (const block of content.split(/\bET\b/)) {
      let line = '';
      for (const t of block.matchAll(
        /\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g,
      )) {
        if (t[1]) font = maps.get(t[1]);
        const hexes =
          t[2] !== undefined
            ? [...t[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!)
            : t[3] !== undefined
              ? [t[3]]
              : [];
        for (const hex of hexes) {
          for (let i = 0; i + 4 <= hex.length; i += 4) line += font?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
        }
      }
      if (line) lines.push(line);
    }
  }
  return lines.join('\n');
}

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    const units: number[] = [];
    for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(r[1]!, 16);
      const hi = parseInt(r[2]!, 16);
      if (r[3]!.startsWith('[')) {
        [...r[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((v, i) => map.set(lo + i, utf16(v[1]!)));
      } else {
        const base = parseInt(r[3]!.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
      }
    }
  }
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const r of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(r[1]!, 16), utf16(r[2]!));
  }
  return map;
}
