/**
 * Charts as SVG/PNG files carrying their title, legend and key inputs. Loaded when a chart is
 * downloaded, not with the first page (its budget is 150 KB gz).
 */
import { downloadBlob } from './download';

/** What a chart carries when it leaves the page, so a chart pasted on a slide stands alone. */
export interface ChartAnnotation {
  title: string;
  legend: { label: string; color: string }[];
  /** Key inputs and the date made, one line each. */
  lines: string[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_H = 30;
const LEGEND_H = 22;
const LINE_H = 17;
const PAD = 12;

function svgText(doc: Document, x: number, y: number, text: string, attrs: Record<string, string>) {
  const el = doc.createElementNS(SVG_NS, 'text');
  el.setAttribute('x', String(x));
  el.setAttribute('y', String(y));
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.textContent = text;
  return el;
}

/**
 * The chart as a standalone SVG file: colours inlined, and with an annotation the chart is
 * framed by its title above and its legend, key inputs and date made below.
 */
export function exportSvg(
  svg: SVGSVGElement,
  annotation?: ChartAnnotation,
): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  // Inline the colours the stylesheet gives, so the file looks the same outside the page.
  const rect = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || Math.round(rect.width);
  const height = Number(svg.getAttribute('height')) || Math.round(rect.height);
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(width));
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(height));
  const style = document.createElementNS(SVG_NS, 'style');
  style.textContent =
    'text{font-family:system-ui,sans-serif;font-size:11px;fill:#1f2933}' +
    '.axis line,.axis path{stroke:#52606d}';
  clone.insertBefore(style, clone.firstChild);
  if (!annotation) {
    return { text: new XMLSerializer().serializeToString(clone), width, height };
  }
  const doc = document;
  const legendH = annotation.legend.length > 0 ? LEGEND_H : 0;
  const totalH = TITLE_H + height + legendH + annotation.lines.length * LINE_H + PAD;
  // Made in the SVG namespace, the serializer writes xmlns once on the outer element.
  const outer = doc.createElementNS(SVG_NS, 'svg');
  clone.removeAttribute('xmlns');
  outer.setAttribute('width', String(width));
  outer.setAttribute('height', String(totalH));
  outer.setAttribute('viewBox', `0 0 ${width} ${totalH}`);
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(totalH));
  bg.setAttribute('fill', '#fff');
  outer.appendChild(bg);
  const font = 'system-ui,sans-serif';
  outer.appendChild(
    svgText(doc, PAD, 21, annotation.title, {
      'font-family': font,
      'font-size': '16',
      'font-weight': '700',
      fill: '#1f2933',
      'data-part': 'title',
    }),
  );
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(TITLE_H));
  outer.appendChild(clone);
  let y = TITLE_H + height;
  if (legendH > 0) {
    const legend = doc.createElementNS(SVG_NS, 'g');
    legend.setAttribute('data-part', 'legend');
    let x = PAD;
    for (const entry of annotation.legend) {
      const swatch = doc.createElementNS(SVG_NS, 'rect');
      swatch.setAttribute('x', String(x));
      swatch.setAttribute('y', String(y + 6));
      swatch.setAttribute('width', '14');
      swatch.setAttribute('height', '10');
      swatch.setAttribute('fill', entry.color);
      legend.appendChild(swatch);
      legend.appendChild(
        svgText(doc, x + 19, y + 15, entry.label, {
          'font-family': font,
          'font-size': '12',
          fill: '#1f2933',
        }),
      );
      // About 7 px a character at 12 px: enough room that labels do not overlap.
      x += 19 + entry.label.length * 7 + 16;
    }
    outer.appendChild(legend);
    y += legendH;
  }
  annotation.lines.forEach((line, i) => {
    outer.appendChild(
      svgText(doc, PAD, y + (i + 1) * LINE_H - 4, line, {
        'font-family': font,
        'font-size': '12',
        fill: '#52606d',
        'data-part': 'note',
      }),
    );
  });
  return { text: new XMLSerializer().serializeToString(outer), width, height: totalH };
}

export function downloadSvg(
  svg: SVGSVGElement,
  filename: string,
  annotation?: ChartAnnotation,
): void {
  const { text } = exportSvg(svg, annotation);
  downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `${filename}.svg`);
}

export async function downloadPng(
  svg: SVGSVGElement,
  filename: string,
  annotation?: ChartAnnotation,
  scale = 2,
): Promise<void> {
  const { text, width, height } = exportSvg(svg, annotation);
  const img = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('SVG could not be rendered'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Canvas unavailable');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) downloadBlob(blob, `${filename}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
