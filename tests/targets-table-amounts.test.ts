// The targets table writes amounts as compare does (≈205.31亿元, 每天≥2小时,
// 1–2所): on the shared corpus it showed "≈20531000000 元".
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, ensureBuilt } from './helpers.js';

const PLAN = ['某县教育局2024年工作要点', '一、项目建设', '1.项目总投资约205.31亿元，年度计划投资6950万元。', '2.引进民办职校1-2所。', '3.保障学生每天综合体育活动不低于2小时。', ''].join('\n');

describe('planparse targets --format table', () => {
  it('shows each amount as a reader writes it, magnitudes and periods included', () => {
    ensureBuilt();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/planparse.js'), 'targets', '-', '--format', 'table'], { input: PLAN, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    const amounts = r.stdout.split('\n').slice(2, 6).map((l) => l.trim().split(/\s{2,}/)[3]);
    expect(amounts).toEqual(['≈205.31亿元', '6950万元', '1–2所', '每天≥2小时']);
  });
});

describe('planparse targets --format table keeps to 100 columns when piped', () => {
  it('cuts the indicator column and a long title, not the amounts', async () => {
    const { displayWidth } = await import('../src/cli/targets.js');
    const long = ['某某县教育和体育局2024年推进城乡义务教育优质均衡发展暨学校标准化建设和薄弱学校改造提升工程工作要点', '一、项目建设', '1.全面推进城乡义务教育学校标准化建设和薄弱学校改造提升工程项目学校数量达到12所以上。', ''].join('\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/planparse.js'), 'targets', '-', '--format', 'table'], { input: long, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const lines = r.stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(100);
    expect(lines[0]).toMatch(/…/);
    expect(r.stdout).toContain('≥12所');
  });
});
