// Chrome shapes of social-post reposts, each with a made-up variant and a
// content line of the same look that must stay.
import { describe, expect, it } from 'vitest';
import { boilerplateReason } from '../src/boilerplate.js';

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
