"""Speech boundaries: titles, salutations, closings, blurbs, speeches without cues."""

from __future__ import annotations

import pytest

from speechkit.errors import ParameterError
from speechkit.model import Line
from speechkit.segment import is_salutation, is_title, line_kind, segment
from speechkit.segment.speeches import is_appendix, is_metadata_line, parse_byline


def _lines(*texts: str, step: int = 1) -> list[Line]:
    return [Line(1 + i * step, t) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    "text",
    [
        "在全市创建全国文明城市动员大会上的讲话",
        "在区文明委2020年创建全国文明城区部署会上的讲话",
        "市委书记在年创建全国文明城市动员会上的讲话集合",
        "创建全国文明城市和卫生城市动员会讲话范文",
        "在创建全国文明城市动员大会上的讲话稿",
        "市委书记在创建全国文明城市工作动员大会上的讲话全国文明城市创建范文",
        "县长在安全生产专题会议上的发言",
        "在第三届农民丰收节开幕式上的致辞",
        "篇一：在全市防汛抗旱工作会议上的讲话",
        "【范文2】在校园科技节闭幕式上的讲话",
    ],
)
def test_titles(text: str) -> None:
    assert is_title(text)


@pytest.mark.parametrize(
    "text",
    ["他在会上作了讲话。", "一、认真学习讲话精神", "报告。", "下面，我讲三点意见：", "讲话"],
)
def test_not_titles(text: str) -> None:
    assert not is_title(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("同志们：", True),
        ("同志们:。", True),
        ("各位领导，同志们：", True),
        ("同志们、朋友们！", True),
        ("尊敬的各位领导、各位来宾，父老乡亲们：", True),
        ("女士们、先生们，朋友们：", True),
        ("老师们，同学们：", True),
        ("我们：", False),
        ("同志们，创建全国文明城市意义重大。", False),
    ],
)
def test_salutations(text: str, expected: bool) -> None:
    assert is_salutation(text) is expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("谢谢大家！", "thanks"),
        ("同志们，创建国家卫生城市，使命光荣。让我们立即行动起来！", "closing"),
        ("今天的会议，既是总结表彰会，更是誓师大会。", "opening"),
        ("刚才，X同志传达了会议精神。", "opening"),
        ("要加强组织领导。", "body"),
    ],
)
def test_line_kinds(text: str, kind: str) -> None:
    assert line_kind(text) == kind


def test_compilation_with_titles_blurbs_and_closings() -> None:
    lines = _lines(
        "在全县动员大会上的讲话",
        "本文是一篇优秀的讲话稿，结构清晰。",
        "同志们：",
        "今天，我们召开全县动员大会。",
        "同志们，让我们立即行动起来，为实现目标而努力奋斗！",
        "今天的会议，既是总结会，也是部署会，主要任务是总结去年工作。",
        "一要提高认识。各级各部门要高度重视。",
        "同志们、朋友们！",
        "成绩来之不易，经验弥足珍贵，我们要倍加珍惜。",
        "同志们：",
        "这次会议很重要，我讲三点意见，希望大家认真抓好落实。",
        step=2,
    )
    speeches = segment(lines, source="x.txt")
    assert [(s.first_line, s.last_line, s.title) for s in speeches] == [
        (1, 9, "在全县动员大会上的讲话"),
        (11, 17, None),
        (19, 21, None),
    ]
    # the blurb between the title and the salutation belongs to no paragraph
    assert [p.line for p in speeches[0].paragraphs] == [5, 7, 9]
    # 同志们、朋友们！ inside a speech does not split it
    assert [p.line for p in speeches[1].paragraphs] == [11, 13, 15, 17]


def test_speech_without_salutation_or_title_is_whole_text() -> None:
    lines = _lines(
        "今天，我们召开*县推进会，这既是动员誓师会，也是业务培训会。",
        "一、深刻把握重要意义，解决“为什么干”的问题***总书记指出，要坚持两手抓。",
        "第一，创建全国文明城市，是增强城市综合实力的重要举措。",
    )
    [speech] = segment(lines, source="003.txt", record=4)
    assert (speech.first_line, speech.last_line, speech.title, speech.record) == (1, 3, None, 4)
    assert speech.paragraphs[1].heading == "一、深刻把握重要意义，解决“为什么干”的问题"
    assert speech.paragraphs[0].placeholders[0].kind == "place"


def test_short_line_before_salutation_is_a_title() -> None:
    lines = _lines("市长动员令", "同志们：", "今天召开动员大会，部署全年工作任务。")
    [speech] = segment(lines, source="x.txt")
    assert speech.title == "市长动员令"


def test_stray_fragment_in_compilation_belongs_to_no_speech() -> None:
    lines = _lines(
        "网友推荐",
        "同志们：",
        "今天召开动员大会，部署全年工作任务，希望大家认真抓好落实。",
        "谢谢大家！",
        "完",
    )
    speeches = segment(lines, source="x.txt")
    assert [(s.first_line, s.last_line) for s in speeches] == [(1, 4)]


def test_empty_input() -> None:
    assert segment([], source="x.txt") == []


def test_min_chars_checked() -> None:
    with pytest.raises(ParameterError, match="invalid min_chars -1"):
        segment([], source="x.txt", min_chars=-1)


# --- appendices ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["附件：", "附件", "附件1：先进集体名单", "附件2", "附：", "附录", "（附件）", "附件一、"],
)
def test_appendix_lines(text: str) -> None:
    assert is_appendix(text)


@pytest.mark.parametrize(
    "text", ["附件要认真组织学习。", "附近的群众要做好防范。", "附带说明一下：", "附件：如下。"]
)
def test_not_appendix_lines(text: str) -> None:
    assert not is_appendix(text)


def test_appendix_and_its_table_belong_to_no_speech() -> None:
    lines = _lines(
        "在全县总结表彰大会上的讲话",
        "同志们：",
        "今天我们召开总结表彰大会，表彰先进、总结经验、部署工作。",
        "让我们再接再厉，再创佳绩！",
        "附件：",
        "1. 先进集体名单",
        "序号",
        "先进集体",
        "1",
        "县委宣传部",
    )
    [speech] = segment(lines, source="x.docx")
    assert (speech.first_line, speech.last_line) == (1, 4)
    assert [p.line for p in speech.paragraphs] == [2, 3, 4]


def test_appendix_ends_at_next_speech() -> None:
    lines = _lines(
        "在全县动员大会上的讲话",
        "同志们：",
        "今天召开动员大会，部署创建工作，请大家抓好落实。",
        "附件1：任务分工表",
        "县委办",
        "在全县推进会上的讲话",
        "同志们：",
        "今天召开推进会，通报进展，分析问题，部署下步工作。",
    )
    speeches = segment(lines, source="x.txt")
    assert [(s.title, s.first_line, s.last_line) for s in speeches] == [
        ("在全县动员大会上的讲话", 1, 3),
        ("在全县推进会上的讲话", 6, 8),
    ]


# --- speaker and date lines before the salutation -------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发言人：县委书记　xxx", True),
        ("讲话人：市长 XX", True),
        ("（2022年9月10日）", True),
        ("二〇二x年x月x日", True),
        ("发言人：县委书记。今天开会。", False),
        ("今天召开大会。", False),
    ],
)
def test_metadata_lines(text: str, expected: bool) -> None:
    assert is_metadata_line(text) is expected


def test_cover_page_speaker_and_date_stay_with_the_speech() -> None:
    lines = _lines(
        "在全县创建工作总结表彰大会上的讲话",
        "发言人：县委书记　xxx",
        "二〇二x年x月x日",
        "同志们：",
        "今天我们召开总结表彰大会，表彰先进、总结经验、部署工作。",
    )
    [speech] = segment(lines, source="x.docx")
    assert speech.title == "在全县创建工作总结表彰大会上的讲话"
    # the title block is the speech's speaker and (placeholder, so no) date, not paragraphs
    assert [p.text for p in speech.paragraphs][:1] == ["同志们："]
    assert (speech.speaker, speech.date, speech.head_lines) == ("县委书记 xxx", None, (2, 3))


def test_blurb_before_salutation_is_still_dropped_but_speaker_kept() -> None:
    lines = _lines(
        "在全县工作会议上的讲话",
        "本文是一篇优秀的讲话稿范本",
        "讲话人：县长　xx",
        "同志们：",
        "今天召开全县工作会议，部署全年工作，请大家抓好落实。",
    )
    [speech] = segment(lines, source="x.txt")
    assert [p.line for p in speech.paragraphs] == [4, 5]
    assert (speech.speaker, speech.head_lines) == ("县长 xx", (3,))


def test_untitled_speech_keeps_leading_speaker_line() -> None:
    lines = _lines(
        "在全县大会上的讲话",
        "同志们：",
        "今天召开大会，部署工作，请大家认真抓好贯彻落实。",
        "谢谢大家！",
        "发言人：副县长　xx",
        "同志们：",
        "刚才县长作了全面部署，我再强调三点，请大家认真落实到位。",
    )
    speeches = segment(lines, source="x.txt")
    assert [(s.first_line, s.last_line) for s in speeches] == [(1, 4), (5, 7)]


# --- bylines and datelines under the title (issue 9, item 2) --------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市委书记张建国", "市委书记 张建国"),  # 市委书记  张建国 after cleaning
        ("县长 李明华", "县长 李明华"),
        ("刘建军副市长", "副市长 刘建军"),
        ("区委副书记、区长王某某", "区委副书记、区长 王某某"),
        ("XX县委书记 XXX", "XX县委书记 XXX"),
        ("市委书记", "市委书记"),
        ("讲话人：市长 XX", "市长 XX"),
        ("市委、市政府", None),
        ("同志们", None),
        ("市委书记在会上强调", None),
        ("各级党组织要切实担负起领导责任，形成党委统一领导的工作格局", None),
    ],
)
def test_parse_byline(text: str, expected: str | None) -> None:
    assert parse_byline(text) == expected


@pytest.mark.parametrize("dateline", [["（2023年5月6日）"], []])
def test_byline_under_title_does_not_split_the_speech(dateline: list[str]) -> None:
    """The issue's case: title, date line, 市委书记  张建国 gave two speeches; without the
    date line the speech was titled 市委书记张建国."""
    lines = _lines(
        "在全市创建全国文明城市动员大会上的讲话",
        *dateline,
        "市委书记张建国",
        "同志们：",
        "今天召开全市创建全国文明城市动员大会，动员全市上下打好创城攻坚战。",
        "同志们，让我们立即行动起来，确保创建工作取得决定性胜利！",
    )
    [speech] = segment(lines, source="x.txt")
    assert speech.title == "在全市创建全国文明城市动员大会上的讲话"
    assert speech.speaker == "市委书记 张建国"
    assert speech.date == ("2023-05-06" if dateline else None)
    assert speech.date_source == ("dateline" if dateline else None)
    assert speech.paragraphs[0].text == "同志们："
    assert (speech.first_line, speech.last_line) == (1, len(lines))


def test_byline_without_salutation_and_year_from_title() -> None:
    lines = _lines(
        "在2019年全市城市管理工作会议上的讲话",
        "副市长　陈晓东",
        "今天，我们召开全市城市管理工作会议，安排部署今年重点任务。",
        "今年要重点抓好三件事，各区要把任务分解到月、落实到人。",
    )
    [speech] = segment(lines, source="x.txt")
    assert (speech.date, speech.date_source, speech.speaker) == ("2019", "title", "副市长 陈晓东")
    assert [p.line for p in speech.paragraphs] == [3, 4]


def test_subtitle_joins_the_main_title() -> None:
    lines = _lines(
        "在全县大会上的讲话",
        "同志们：",
        "今天召开大会，部署工作。",
        "同志们，让我们行动起来，夺取全面胜利！",
        "凝心聚力攻坚克难",
        "——在全区创建全国文明城区誓师大会上的讲话",
        "二〇二一年三月十二日",
        "同志们：",
        "今天，我们在这里举行誓师大会，吹响全区创城总攻的号角。",
    )
    first, second = segment(lines, source="x.txt")
    assert first.last_line == 4
    assert second.title == "凝心聚力攻坚克难——在全区创建全国文明城区誓师大会上的讲话"
    assert (second.first_line, second.date, second.head_lines) == (5, "2021-03-12", (6, 7))


def test_lone_dateline_stays_text() -> None:
    [speech] = segment(_lines("（2022年9月10日）"), source="x.txt", min_chars=0)
    assert [p.text for p in speech.paragraphs] == ["（2022年9月10日）"]
    assert speech.date is None
