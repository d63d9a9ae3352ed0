// The Markdown report signs a change, as compare does: 增长5% read as
// "(= 5 %)" looked like a level of 5% (found on the shared corpus's pages).
import { describe, expect, it } from 'vitest';
import { describeTarget } from '../src/cli/md.js';
import { parsePlan } from '../src/parse.js';
import type { Target } from '../src/schema.js';

const targetsOf = (text: string): Target[] => parsePlan(text).sections.flatMap((s) => s.items.flatMap((it) => it.targets));

describe('describeTarget on changes', () => {
  it('a rise gets +, a fall −, a floor on a rise ≥ +; a level keeps its comparator', () => {
    const ts = targetsOf('某县教育局2024年工作要点\n一、质量\n1.近视率下降0.5个百分点，优良率提高5个百分点以上，课后服务覆盖率达到100%。\n');
    expect(ts.map(describeTarget)).toEqual(['0.5个百分点 (− 0.5 个百分点)', '5个百分点以上 (≥ + 5 个百分点)', '达到100% (≥ 100 %)']);
  });
});
