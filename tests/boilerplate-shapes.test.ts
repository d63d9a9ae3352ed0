// Chrome shapes of social-post reposts, each with a made-up variant and a
// content line of the same look that must stay.
import { describe, expect, it } from 'vitest';
import { boilerplateReason } from '../src/boilerplate.js';
import { accountingProblems } from './helpers.js';

describe('social-post chrome', () => {
  it('a prompt to click 阅读原文 is chrome', () => {
    expect(boilerplateReason('👇👇👇点击“阅读原文”了解更多')).toBe('social');
    expect(boilerplateReason('点击下方阅读原文，查看完整版')).toBe('social');
    expect(boilerplateReason('4.推进阅读活动，组织学生阅读原文经典。')).toBeNull();
  });

  it('a credit set off with a bar (来源 | 某局, 策划 | 某某) is chrome; 来源： stays for the metadata', () => {
    expect(boilerplateReason('来源 | 某县教育和体育局')).toBe('editor');
    expect(boilerplateReason('策划｜县教育局宣传股')).toBe('editor');
    expect(boilerplateReason('来源：某县教育局')).toBeNull();
  });

  it('emoji and symbols with no word or number are filler', () => {
    expect(boilerplateReason('🌟')).toBe('blank-filler');
    expect(boilerplateReason('👆👆👆')).toBe('blank-filler');
    expect(boilerplateReason('✨ ✨ ✨')).toBe('blank-filler');
    expect(boilerplateReason('📌 1.加强党建')).toBeNull();
    expect(boilerplateReason('🎉 全县新建学校3所')).toBeNull();
  });
});

describe('page-chunk numbers of a document-sharing preview', () => {
  const SITE = ['某县教育局2024年工作计划.docx', '上传人：ab***12   上传时间：2024-03-02', '本文档由用户上传，仅供学习交流参考，如有侵权请联系删除。'];
  it('cuts 1、 2、 3、 where the pages broke the text, and joins the halves again', async () => {
    const { parsePlan } = await import('../src/parse.js');
    const text = [
      ...SITE,
      '1、某县教育局2024年工作计划',
      '一、总体目标',
      '全县学前三年毛入园率达到92%，义务教育巩固率达到99%，高中阶段毛入学率达到95%，全县教育教学质',
      '2、量稳步提升。二、重点工作',
      '全年新建学校3所，建成心理健康教育特色学校10所，全县森林防火实现50公里3、范围全覆盖。',
    ].join('\n');
    const plan = parsePlan(text);
    expect(plan.items).toEqual([]);
    expect(plan.sections.flatMap((s) => s.items)).toEqual([]);
    expect(plan.boilerplate.filter((r) => r.reason === 'page-furniture').map((r) => `${r.line}:${r.text}`)).toEqual(['4:1、', '7:2、', '8:3、']);
    const paragraphs = plan.sections.flatMap((s) => s.paragraphs.map((p) => p.text));
    expect(paragraphs.some((p) => p.includes('全县教育教学质量稳步提升。'))).toBe(true);
    expect(paragraphs.some((p) => p.includes('实现50公里范围全覆盖。'))).toBe(true);
    expect(accountingProblems(plan, text)).toEqual([]);
  });

  it('keeps a shared plan\'s own items 1、 2、 3、 that stand after sentence ends and headings', async () => {
    const { parsePlan } = await import('../src/parse.js');
    const text = [...SITE, '某县教育局2024年工作计划', '一、加强党建', '1、深化理论学习。全年开展集中学习12次。', '2、加强组织建设。', '二、提升质量', '3、深化课堂改革。'].join('\n');
    const plan = parsePlan(text);
    expect(plan.sections.map((s) => s.items.map((it) => it.number))).toEqual([[1, 2], [3]]);
    expect(plan.boilerplate.filter((r) => r.reason === 'page-furniture')).toEqual([]);
  });
});
