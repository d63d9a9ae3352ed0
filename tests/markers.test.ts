// Outline markers by shape, on the folded form of a line.
import { describe, expect, it } from 'vitest';
import { isMarkerLine, markerOf } from '../src/markers.js';
import { fold } from '../src/normalise.js';

const m = (line: string) => {
  const r = markerOf(fold(line));
  return r === null ? null : `${r.level} ${r.number} ${r.marker}`;
};

describe('markerOf', () => {
  it('reads sections from 一、 to 二百、', () => {
    expect(m('一、加强党的建设')).toBe('section 1 一、');
    expect(m('十、加强劳动教育')).toBe('section 10 十、');
    expect(m('十一、深化改革')).toBe('section 11 十一、');
    expect(m('二十、推进数字化')).toBe('section 20 二十、');
    expect(m('九十九、其他工作')).toBe('section 99 九十九、');
    expect(m('一百零一、其他工作')).toBe('section 101 一百零一、');
    expect(m('一百九十九、其他工作')).toBe('section 199 一百九十九、');
    expect(m('二百、其他工作')).toBe('section 200 二百、');
    expect(m('三．完善制度')).toBe('section 3 三.');
  });

  it('does not read 一是 or 一方面 as a section', () => {
    expect(m('一是加强管理，二是完善制度。')).toBe(null);
    expect(m('一方面要加强管理。')).toBe(null);
  });

  it('reads (一) （一） 【一】 as sub-sections', () => {
    expect(m('(一)强化理论武装')).toBe('subsection 1 (一)');
    expect(m('（二）加强基层组织建设')).toBe('subsection 2 (二)');
    expect(m('【十二】其他')).toBe('subsection 12 【十二】');
  });

  it('reads a sub-section whose opening bracket was lost (一）加强党建)', () => {
    expect(m('一）加强党建和师德师风建设')).toBe('subsection 1 一)');
    expect(m('三) 强化安全管理')).toBe('subsection 3 三)');
    expect(m('一、加强党建')).toBe('section 1 一、');
  });

  it('reads 1. 1、 1． 1) 1） and full-width digits as items', () => {
    expect(m('1.深化改革')).toBe('item 1 1.');
    expect(m('2、推进改革')).toBe('item 2 2、');
    expect(m('3．完善制度')).toBe('item 3 3.');
    expect(m('4)推进依法治校')).toBe('item 4 4)');
    expect(m('5）加强语言文字工作')).toBe('item 5 5)');
    expect(m('１２．加快学校建设')).toBe('item 12 12.');
    expect(m('10. 加强安全工作')).toBe('item 10 10.');
  });

  it('reads (1) （1） ① as points', () => {
    expect(m('(1)健全组织设置')).toBe('point 1 (1)');
    expect(m('（２）规范组织生活')).toBe('point 2 (2)');
    expect(m('③开展防溺水专项教育')).toBe('point 3 ③');
  });

  it('never reads numbers in prose as items', () => {
    for (const line of ['2024年，全区义务教育巩固率达到99.5%。', '10.5%的学校尚未达标。', '1.5万名教师参加培训。', '3、4月份开展春季招生。', '1:1配备心理教师。', '2 加强安全工作', '2023.9起实施新课程。', '1.', '12345热线受理群众诉求。']) {
      expect(m(line), line).toBe(null);
    }
  });

  it('reads an item that opens with the full date it reports on (1.8月19日…)', () => {
    expect(m('1.8月19日至31日集中开展了一次拉网式排查。')).toBe('item 1 1.');
    expect(m('2、10月8日，召开全县秋季开学工作会议。')).toBe('item 2 2、');
    expect(m('３．１２月３日前完成材料报送。')).toBe('item 3 3.');
    // no day: a decimal or a span of months, not a date
    expect(m('1.5月底前完成招生工作。')).toBe(null);
    expect(m('3、4月份开展春季招生。')).toBe(null);
    // no such month or day
    expect(m('1.13月1日')).toBe(null);
    expect(m('1.8月32日')).toBe(null);
  });

  it('reads chapters (第一章) as sections and articles (第一条) as items', () => {
    expect(m('第一章 总体目标')).toBe('section 1 第一章');
    expect(m('第十二章　保障措施')).toBe('section 12 第十二章');
    expect(m('第三章保障措施')).toBe('section 3 第三章');
    expect(m('第一条 以平安校园创建为抓手，确保全年不发生重大安全责任事故。')).toBe('item 1 第一条');
    expect(m('第二十三条、本计划自印发之日起施行。')).toBe('item 23 第二十三条、');
    // phrases, not markers
    expect(m('第一条主线是立德树人，贯穿教育全过程。')).toBe(null);
    expect(m('第一章节的内容要精简，突出重点工作。')).toBe(null);
    expect(m('第二批示范校名单已公布。')).toBe(null);
  });

  it('reads a marker behind a decoration (▍一、 ◆1. ★6. 📌(二) **三、) and keycap numbers (1️⃣)', () => {
    expect(m('▍一、坚持立德树人')).toBe('section 1 ▍一、');
    expect(m('◆1.加强思想政治教育。')).toBe('item 1 ◆1.');
    expect(m('★ 6. 加强教研。')).toBe('item 6 ★ 6.');
    expect(m('📌（二）扩充优质资源')).toBe('subsection 2 📌(二)');
    expect(m('▶ ★ 3、推进集团化办学')).toBe('item 3 ▶ ★ 3、');
    expect(m('**三、提升教育质量**')).toBe('section 3 **三、');
    expect(m('2\ufe0f\u20e3 推进劳动教育')).toBe('item 2 2\ufe0f\u20e3');
    // a decoration before prose, or a decoration alone, is no marker
    expect(m('▶ 清河县2024年中考成绩发布')).toBe(null);
    expect(m('★★★')).toBe(null);
    expect(m('● 2024年全县新建学校3所。')).toBe(null);
    expect(markerOf(fold('◆1.加强思想政治教育。'))!.length).toBe(3);
  });

  it('tells marker lines from point lines', () => {
    expect(isMarkerLine('一、加强党建')).toBe(true);
    expect(isMarkerLine('1.深化改革')).toBe(true);
    expect(isMarkerLine('(1)健全组织设置')).toBe(false);
    expect(isMarkerLine('加强党建')).toBe(false);
  });

  it('gives the marker length with the spaces after it', () => {
    const r = markerOf('1.  深化改革')!;
    expect('1.  深化改革'.slice(r.length)).toBe('深化改革');
  });
});
