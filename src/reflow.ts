// Stage 5: lines → paragraph blocks. Each kept line is a block of its own;
// hard-wrapped lines (PDF/Word exports) are rejoined where a line clearly
// breaks mid-sentence.
import { blockOf, type Block, type Line } from './lines.js';
import { markerOf } from './markers.js';

// A line that ends a paragraph: closes a sentence, a heading or a list entry.
const ENDS_PARAGRAPH = /[。！？!?：:；;”」』）)】]$/;

/** Whether `next` continues `prev`: prev stops mid-sentence and next opens no new outline entry. */
function continues(prev: Line, next: Line): boolean {
  if (prev.heading !== undefined || next.heading !== undefined) return false;
  if (next.no !== prev.no + 1) return false; // an empty line ends the paragraph
  if (ENDS_PARAGRAPH.test(prev.fold)) return false;
  if (markerOf(next.fold) !== null) return false;
  // Headings without a full stop are short; only long lines wrap.
  return prev.fold.length >= 20 && /[，,、\u4e00-\u9fa5]$/.test(prev.fold);
}

export function reflow(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let prev: Line | null = null;
  for (const line of lines) {
    if (current && prev && continues(prev, line)) {
      current.text += line.text;
      current.fold += line.fold;
      current.end = line.no;
    } else {
      current = blockOf(line);
      blocks.push(current);
    }
    prev = line;
  }
  return blocks;
}
