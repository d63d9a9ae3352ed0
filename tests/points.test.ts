// Inline sub-points of an item: (1), ①, 一是 … in its text.
import { describe, expect, it } from 'vitest';
import { findPoints } from '../src/points.js';
import { fold } from '../src/normalise.js';

const pts = (text: string) => findPoints(text, fold(text)).map((p) => `${p.number}|${p.marker}|${p.text}`);

describe('findPoints', () => {
  it('splits 一是…二是…三是… with the last point ending at its sentence', () => {
    expect(pts('抓好三项工作，一是抓学习，二是抓落实，三是抓考核。其他工作照常。')).toEqual(['1|一是|一是抓学习，', '2|二是|二是抓落实，', '3|三是|三是抓考核。']);
  });

  it('splits (1) （1） and full-width （１）, keeping the marker as written', () => {
    expect(pts('做好以下工作：（1）健全制度；(2)规范管理。')).toEqual(['1|（1）|（1）健全制度；', '2|(2)|(2)规范管理。']);
    expect(pts('（１）开展打卡活动；（２）组织体验活动。')).toEqual(['1|（１）|（１）开展打卡活动；', '2|（２）|（２）组织体验活动。']);
  });

  it('splits ①②③', () => {
    expect(pts('①健全制度；②加强治理；③开展教育。')).toEqual(['1|①|①健全制度；', '2|②|②加强治理；', '3|③|③开展教育。']);
  });

  it('needs a run of at least two starting at 1', () => {
    expect(pts('一是抓学习。')).toEqual([]);
    expect(pts('（2）健全制度；（3）规范管理。')).toEqual([]);
  });

  it('does not read 统一是 or a word ending in 一 as a point', () => {
    expect(pts('统一是前提，唯一是要求。')).toEqual([]);
  });

  it('takes the kind that starts first when several kinds form a run', () => {
    expect(pts('一是抓学习，①读原著②悟原理；二是抓落实。').map((p) => p.split('|')[1])).toEqual(['一是', '二是']);
    expect(pts('①读原著，一是精读，二是泛读；②悟原理。').map((p) => p.split('|')[1])).toEqual(['①', '②']);
  });

  it('reports offsets into the text', () => {
    const text = '重点抓好：一是抓学习；二是抓落实。';
    expect(findPoints(text).map((p) => p.offset)).toEqual([5, 11]);
  });
});
