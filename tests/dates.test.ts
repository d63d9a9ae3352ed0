// Dates as written in plans and portals → ISO; garbled dates only when certain.
import { describe, expect, it } from 'vitest';
import { arabicYears, garbledDateReadings, iso, parseDate } from '../src/dates.js';

describe('parseDate', () => {
  const cases: Array<[string, string | null]> = [
    ['2023年3月9日', '2023-03-09'],
    ['2023年03月09日 08:29', '2023-03-09'],
    ['2023-03-09', '2023-03-09'],
    ['2023.3.9', '2023-03-09'],
    ['2023/3/9', '2023-03-09'],
    ['2023 年 3 月 9 日', '2023-03-09'],
    ['发布时间：2023-03-09 10:41', '2023-03-09'],
    ['二〇二三年三月九日', '2023-03-09'],
    ['二〇二三年十二月二十一日', '2023-12-21'],
    ['2023年2月30日', null],
    ['2023-13-01', null],
    ['2023年', null],
    ['', null],
  ];
  for (const [text, want] of cases) it(`${text || '(empty)'} → ${want}`, () => expect(parseDate(text)).toBe(want));
});

describe('iso', () => {
  it('checks the calendar, leap years included', () => {
    expect(iso(2024, 2, 29)).toBe('2024-02-29');
    expect(iso(2023, 2, 29)).toBeNull();
    expect(iso(1800, 1, 1)).toBeNull();
  });
});

describe('garbledDateReadings', () => {
  it('gives every valid reading of a date without separators', () => {
    expect(garbledDateReadings('2021116').sort()).toEqual(['2021-01-16', '2021-11-06']);
    expect(garbledDateReadings('2023112').sort()).toEqual(['2023-01-12', '2023-11-02']);
  });
  it('gives one reading when only one split is a date', () => {
    expect(garbledDateReadings('2023315')).toEqual(['2023-03-15']);
    expect(garbledDateReadings('20240415')).toEqual(['2024-04-15']);
    expect(garbledDateReadings('202435')).toEqual(['2024-03-05']);
  });
  it('gives none for what is not a date', () => {
    expect(garbledDateReadings('2023999')).toEqual([]);
    expect(garbledDateReadings('12345')).toEqual([]);
    expect(garbledDateReadings('南教20213')).toEqual([]);
  });
});

describe('full-width dates', () => {
  it('are read like their ASCII forms', () => {
    expect(parseDate('２０２４－０３－０５')).toBe('2024-03-05');
    expect(parseDate('发布时间：２０２４年３月５日')).toBe('2024-03-05');
  });
});

describe('the zero of a year in Chinese digits, however it was typed', () => {
  it('reads 〇, ○, a Latin O and an Arabic 0 alike', () => {
    for (const y of ['二〇二四', '二○二四', '二O二四', '二0二四', '二Ｏ二四', '二o二四', '二◯二四', '二Ο二四', '二О二四']) expect(parseDate(`${y}年三月一日`), y).toBe('2024-03-01');
  });
  it('turns such years into digits, and leaves Arabic years alone', () => {
    expect(arabicYears('二O二四年工作要点')).toBe('2024年工作要点');
    expect(arabicYears('2024年工作要点')).toBe('2024年工作要点');
  });
});
