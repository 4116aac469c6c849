"""Names written in another script beside their romanised form: "Luo Yiming 罗一鸣", "Jeon Seojin
(전서진)", "서진 Seojin", "Oksana (Оксана)"; and a name in Chinese, Japanese or Korean characters
with its relation after it: "김영숙 (mother, in Daejeon)".

A name found in Latin letters takes the other script's name beside it, with the same replacement
(a client's code stays a client's code). Han and Hangul runs count as a name at two to four
characters (a longer run is a phrase); the alphabets and abugidas (Greek, Cyrillic, Armenian,
Hebrew, Arabic, Syriac, Thaana, the Indic scripts, Sinhala, Thai, Lao, Tibetan, Burmese, Georgian,
Ge'ez, Khmer) as one to three words, and only in brackets or after a slash, since a sentence in
those scripts may follow a name.
"""

from __future__ import annotations

import re

from bot.deidentify import lexicon
from bot.deidentify.lexicon import word_set
from bot.deidentify.text import PLACEHOLDERS, Hit, hit

_EAST = r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u3040-\u30ff"
# Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac, Thaana; the Indic scripts to Sinhala, Thai,
# Lao, Tibetan, Burmese, Georgian; Ge'ez; Khmer (each block with its own marks and signs).
_WEST = (
    r"\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0700-\u074f"
    r"\u0750-\u077f\u0780-\u07bf\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f"
    r"\u10a0-\u10ff\u1200-\u137f\u1780-\u17ff"
)
ANY_SCRIPT = re.compile(f"[{_EAST}{_WEST}]").search

_EAST_NAME = rf"[{_EAST}]{{2,4}}(?![{_EAST}])"
_WEST_NAME = rf"[{_WEST}]+(?:[ \-][{_WEST}]+){{0,2}}"
# After a name: " 罗一鸣", " (전서진)", " / Оксана Ковальчук" ; before it: "서진 ", "(罗一鸣) ".
_AFTER = re.compile(
    rf"(?P<gap>[ \t]?(?:[(（/][ \t]?)?)"
    rf"(?P<name>(?<![{_EAST}]){_EAST_NAME}|(?<=[(（/ ]){_WEST_NAME})"
    r"(?=[)）]|[ \t]*[/,|;:\n]|[ \t]+[^\W\d_]|[ \t]*\Z|[ \t]*[.!?])"
)
_BEFORE = re.compile(rf"(?<![{_EAST}])(?P<name>{_EAST_NAME})(?:[)）]?[ \t]?[(（]?)\Z")
_RELATION_AFTER = re.compile(r"[ \t]*[(（][ \t]*(?P<word>[^\W\d_]+)")
_LOOK_BACK = 8
# A name after "I am" or "my name is", to a comma, a full stop or a space: "我是侯玉玲，…".
_I_AM = re.compile(
    rf"(?:我是|我叫|名叫|저는|제 이름은)\s?(?P<name>[{_EAST}]{{2,4}})(?=[,，。.!！\s]|\Z)"
)


# Family names that open most Chinese and Korean names, for a run beside a name with no bracket.
_FAMILY_FIRST = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖"
    "贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구나민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용"
)
# Words of a day's note that follow a name and are no name: "Jiayi 明天 can't come", "Haruka
# 病院 appointment", "민준 내일 OK" (tomorrow, today, yesterday, hospital, work, school, now...).
_EAST_WORDS = word_set(
    """明天 今天 昨天 今日 明日 昨日 后天 後天 病院 医院 醫院 仕事 工作 学校
    學校 上班 下班 下午 上午 晚上 早上 现在 現在 已经 已經 可以 没有 沒有
    谢谢 謝謝 老师 老師 医生 醫生 妈妈 媽媽 爸爸 朋友 电话 電話 来週 來週
    下周 下週 周末 週末 星期 今晩 今晚 大丈夫 了解 お願い 내일 오늘 어제 병원
    학교 회사 지금 감사 괜찮아
    来了 去了 走了 到了 回来 回去 回家 说了 没来 不来 会来 打电话 发短信 住院 出院 搬家"""
)
_HONORIFICS = ("씨", "님", "さん", "様", "くん", "ちゃん", "先生", "小姐", "女士")
_I_AM_KO_END = re.compile(r"\s(?:입니다|이에요|예요|이라고|라고)")  # "저는 김민준 입니다"
# What a Chinese word after "我是" ("I am") ends in when it says what, not who: "江苏人",
# "高中生", "工作人员", "周末来", "新来的".
_NOT_A_NAMES_END = frozenset("人员师者家的去过了们族工士手")
# Given names end in 生, 民, 来 too ("李福生", "王建民", "刘金来"): only these words are no one's.
_NOT_A_NAME = frozenset({"高中生", "周末来", "高三生", "高二生", "高一生", "周一来", "周五来"})
# A family name and how someone is addressed: "侯先生" (Mr Hou), "王太太", "李阿姨", not "我先生"
# (my husband), "和先生".
_HONOURED = re.compile(
    r"(?<![我你她他和的跟与與给給是])(?P<name>[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩"
    r"冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江"
    r"尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤])(?:先生|太太|女士|小姐|阿姨|叔叔|老师|老師"
    r"|医生|醫生|大哥|大姐|奶奶|爷爷|伯伯)"
)
# Words whose last character is also a family name: "对方先生" is the other party's husband,
# "长江" the Yangtze, "押金" a bond.
_WORDS_ENDING_IN_A_FAMILY_NAME = frozenset({
    "对方", "双方", "地方", "东方", "西方", "南方", "北方", "大方", "警方", "官方", "校方", "院方",
    "资方", "买方", "卖方", "甲方", "乙方", "长江", "一万", "十万", "百万", "千万", "现金", "奖金",
    "租金", "押金", "基金", "资金", "黄金",
})
_SYLLABLE = re.compile(r"[aeiou]+|y(?![aeiou])", re.IGNORECASE)  # "Jiayi": jia-yi, two


def _says_who(text: str, m: re.Match[str]) -> bool:
    """After "I am", a name rather than what the writer is: a family name first, no everyday
    word; in Korean three syllables then an end ("저는 김민준.", not "저는 정말", "저는 김치",
    "저는 신청서 냈어요"); in Chinese no ending of a kind of person ("江苏人", "高中生")."""
    name = m["name"]
    if name[0] not in _FAMILY_FIRST or name in _EAST_WORDS:
        return False
    if "\uac00" <= name[0] <= "\ud7a3":  # Korean
        ends = not text[m.end() : m.end() + 1].isspace() or _I_AM_KO_END.match(text, m.end())
        return len(name) == 3 and name[-1] not in "인생님" and bool(ends)
    return m[0][:2] in ("我叫", "名叫") or (
        name[-1] not in _NOT_A_NAMES_END and name not in _NOT_A_NAME
    )


def _same_name(latin: str, run: str, registered: bool) -> bool:
    """Could ``run``, beside a name with no bracket, be that name written in characters? One
    character a syllable ("Luo Yiming 罗一鸣"), or a family name first; not "Brax 明天 will".
    A registered client's name may take fewer characters than syllables, as Japanese kanji do
    ("Haruka 春香", "Daisuke 大輔"): the register leans to hiding."""
    if run in _EAST_WORDS or run.startswith(_HONORIFICS):
        return False  # "Hope씨가 왔어요": Ms Hope came, not her name twice
    syllables = len(_SYLLABLE.findall(latin))
    return run[0] in _FAMILY_FIRST or len(run) == syllables or (
        registered and len(run) < syllables
    )


def beside(text: str, hits: list[Hit]) -> list[Hit]:
    """The other script's form of every name hit, beside it; and an East Asian name with its
    relation in brackets after it."""
    out: list[Hit] = []
    for h in hits:
        if h.kind not in ("name", "person"):
            continue
        after = _AFTER.match(text, h.end)
        bracketed = after is not None and any(ch in after["gap"] for ch in "(（/")
        east = after is not None and re.fullmatch(_EAST_NAME, after["name"]) is not None and (
            bracketed or _same_name(
                text[h.start : h.end], after["name"], h.replacement != PLACEHOLDERS["name"]
            )
        )
        if after is not None and (east or bracketed):
            out.append(h._replace(start=after.start("name"), end=after.end("name")))
        before = _BEFORE.search(text, max(0, h.start - _LOOK_BACK), h.start)
        if before is not None and (before.end("name") < h.start or _same_name(
            text[h.start : h.end], before["name"], registered=False
        )):  # glued with no space: "她母亲Tong" is "her mother Tong", not her name twice
            out.append(h._replace(start=before.start("name"), end=before.end("name")))
    for m in _I_AM.finditer(text):  # "我是侯玉玲，…": who writes (not "我是学生", a student)
        if _says_who(text, m):
            out.append(hit(m.start("name"), m.end("name"), "person"))
    for m in _HONOURED.finditer(text):  # "去Peter James Centre看侯先生"
        if text[max(0, m.start() - 1) : m.start() + 1] not in _WORDS_ENDING_IN_A_FAMILY_NAME:
            out.append(hit(m.start(), m.end(), "person"))
    for m in re.finditer(_EAST_NAME, text):
        rel = _RELATION_AFTER.match(text, m.end())
        if rel is not None and rel["word"].casefold() in lexicon.RELATIONS:
            out.append(hit(m.start(), m.end(), "person"))
    return out


# A Chinese surname before the title the person is called by: "曾警官" (Officer Zeng), "庞主任"
# (Director Pang), "王医生": a common surname after a space or a mark, or after a verb of
# contact ("请联系王主任"); not "中心主任" (the centre's director), "对方先生", "我先生".
_HAN_TITLES = (
    "警官|主任|先生|女士|太太|小姐|医生|醫生|老师|老師|经理|經理|律师|律師|教授|院长|院長|社工|阿姨"
    "|伯伯|叔叔|师傅|師傅|护士|護士|局长|局長|处长|處長|科长|科長"
)
_HAN_SURNAMES = (
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮"
    "邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石"
    "廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃"
    "武戴莫孔向汤湯庞龐温溫麦麥伍莊庄欧歐区區岑植甄"
)
_HAN_TITLED = re.compile(
    rf"(?:(?<![\u3400-\u4dbf\u4e00-\u9fff])|(?<=[联系繫絡络找是的给給跟和与與请請问問见見]))"
    # "请向社工反映": "to", not Xiang
    r"(?![向于付](?<=[请請并並已可要再会會需应應将將也都][向于付]))"
    rf"[{_HAN_SURNAMES}](?={_HAN_TITLES})"
)


def titled_han(text: str) -> list[Hit]:
    """Chinese surnames before a title ("曾警官", "庞主任")."""
    return [hit(*m.span(), "person") for m in _HAN_TITLED.finditer(text)]
