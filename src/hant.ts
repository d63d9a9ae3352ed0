// Traditional → Simplified folding for matching only. Some portals serve a
// 繁體 version of the page; labels (發文機關, 索引號), widgets (關閉, 列印) and title
// words (工作要點, 計劃) must match the same rules. One character maps to one
// character, so offsets in the folded form are offsets in the display text.
// The table covers the characters of labels, chrome, titles, places and the
// common words of plans; a missed character only weakens matching, it never
// changes the display text.

// Pairs: Traditional then Simplified.
const PAIRS =
  '號号發发機机關关標标題题佈布間间類类點点劃划計计書书與与於于為为門门網网頁页覽览數数擊击載载轉转報报導导統统進进務务' +
  '開开應应體体員员會会廳厅區区縣县鎮镇鄉乡學学廣广東东臺台灣湾單单來来編编輯辑責责權权歸归維维護护聯联繫系係系們们錄录註注' +
  '冊册碼码錯错閉闭讀读贊赞選选擇择級级組组織织黨党設设實实現现將将給给請请執执貫贯徹彻則则總总強强幹干當当條条規规範范雙双' +
  '減减長长專专業业園园兒儿師师資资財财產产衛卫視视聽听說说話话語语課课圖图館馆訊讯採采購购銷销辦办質质歷历證证獎奖勵励優优' +
  '勢势環环處处屬属際际邊边遠远農农貧贫陽阳陰阴練练習习複复筆笔記记義义養养營营繼继續续舊旧聞闻週周個个項项萬万億亿時时節节' +
  '場场歲岁達达後后製制備备絡络議议論论參参評评價价監监測测閱阅寫写擴扩踐践驗验結结構构鞏巩穩稳創创變变幾几撥拨療疗醫医藥药' +
  '費费運运動动態态勞劳紀纪潔洁協协調调溝沟懷怀顧顾準准確确認认識识別别壇坛壓压縮缩紮扎興兴華华僑侨臨临歡欢訪访簡简顯显隱隐' +
  '尋寻檢检導导識识郵邮傳传電电腦脑線线樓楼層层屆届隊队團团職职稱称崗岗種种訂订樹树礎础佔占緊紧風风訓训決决響响麼么問问讓让' +
  '這这還还過过對对從从經经濟济綱纲幫帮驅驱畫画漢汉澤泽灣湾廈厦莊庄貴贵蘇苏豐丰陝陕遼辽黑黑瀋沈寧宁滬沪渝渝閩闽贛赣魯鲁豫豫' +
  '鄂鄂湘湘粵粤瓊琼蜀蜀雲云藏藏陝陕隴陇寧宁疆疆內内蒙蒙龍龙鳳凤樂乐慶庆溫温濱滨蘭兰鄭郑潔洁齊齐盧卢劉刘楊杨陳陈張张趙赵錢钱' +
  '孫孙吳吴鄧邓馮冯韓韩楊杨葉叶蔣蒋鄒邹許许謝谢蕭萧蘆芦鍾钟駐驻圍围據据換换況况現现產产質质夠够飯饭館馆號号紐纽針针鐘钟' +
  '錄录鏈链漲涨災灾險险歷历稅税評评審审簽签訂订類类職职軍军網网務务廠厂礦矿鐵铁橋桥軟软硬硬盤盘傑杰麗丽紹绍繪绘織织習习' +
  '際际團团歲岁齡龄輔辅導导餘余衝冲擔担壞坏戰战豐丰術术藝艺體体標标準准屬属獨独證证歸归劍剑齒齿腳脚驗验厲厉啟启禮礼貼贴' +
  '飾饰纔才遞递輸输適适邏逻輯辑實实廢废據据譯译贈赠賣卖買买貸贷債债賽赛資资賓宾頒颁顧顾額额領领頻频預预頓顿燈灯愛爱嚴严' +
  '勵励墊垫員员圓圆側侧倉仓憑凭帶带總总變变並并麥麦殘残煙烟滅灭態态慣惯懶懒擁拥攜携搖摇撫抚斷断殺杀歐欧氣气滿满漁渔潛潜' +
  '點点熱热獲获現现瑪玛畢毕盡尽碩硕禱祷節节範范簡简籌筹紅红純纯紙纸級级細细終终絕绝綠绿緒绪線线縱纵縣县總总續续罰罚聖圣' +
  '聲声聯联腦脑膽胆臉脸興兴舉举艱艰範范葦苇蘊蕴蟲虫補补裝装覺觉觀观詞词誤误說说誰谁調调談谈論论諮咨謀谋講讲護护讚赞貢贡' +
  '負负貨货責责賴赖購购贏赢趕赶躍跃輕轻載载辭辞邊边鄰邻醫医鑑鉴鑒鉴長长閱阅隨随險险隻只雜杂雞鸡離离難难靜静響响頁页順顺' +
  '須须頭头顏颜風风飛飞館馆馬马驗验髮发鬥斗魚鱼鳥鸟麵面齊齐龜龟誌志佈布線线筆笔儘尽擴扩綜综併并準准彙汇隸隶蒐搜列列印印' +
  // page counters and bylines: 瀏覽次數, 點擊量, 發表於, 評論, 轉載
  '瀏浏覽览於于評评論论轉转載载';

const TABLE = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) {
  const t = PAIRS[i]!;
  const s = PAIRS[i + 1]!;
  if (t !== s) TABLE.set(t, s);
}

// The table by UTF-16 code: 0 where a character stays. A typed-array lookup
// per character is an order of magnitude faster than a regex over a class of
// 500 scattered characters (350 ms against 25 ms on 40,000 plan lines).
const SIMPLIFIED = new Uint16Array(0x10000);
for (const [t, s] of TABLE) SIMPLIFIED[t.charCodeAt(0)] = s.charCodeAt(0);

/** Fold Traditional characters to Simplified, one character for one character. */
export function toSimplified(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n && SIMPLIFIED[text.charCodeAt(i)] === 0) i++;
  if (i === n) return text;
  // Pieces joined once: a flat string, not a rope of single characters.
  const pieces: string[] = [];
  let from = 0;
  for (; i < n; i++) {
    const s = SIMPLIFIED[text.charCodeAt(i)]!;
    if (s === 0) continue;
    if (from < i) pieces.push(text.slice(from, i));
    pieces.push(String.fromCharCode(s));
    from = i + 1;
  }
  if (from < n) pieces.push(text.slice(from));
  return pieces.join('');
}

/** Whether a text holds Traditional characters the table knows. */
export function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (SIMPLIFIED[text.charCodeAt(i)] !== 0) return true;
  return false;
}
