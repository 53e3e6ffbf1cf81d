"""Choosing corpus material for a draft: by role, by TF-IDF relevance, with seeded variety.

Candidates for a slot are the corpus paragraphs of the slot's role, ranked by cosine similarity
(character-bigram TF-IDF) between the paragraph and the slot's query (the profile's priorities,
problems or the sub-point being written) plus a small seeded random jitter, so another seed
picks other, still relevant, wording. Each selection decision draws its jitter from its own
stream, derived from the seed, the decision and the candidate (:meth:`Selector.draw`), so a
candidate a rule removes does not reshuffle every later pick. Each paragraph is used once per
draft, each sentence once, and no single corpus speech may supply more than
``max_chars_per_speech`` characters (this keeps the originality share low).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from speechkit.bank.build import BankParagraph, CorpusModel, char_bigrams
from speechkit.claims.analysis import classify, fits_meeting, strip_opener
from speechkit.claims.resources import LAUNCH, LAUNCH_MEETINGS
from speechkit.claims.restate import restates
from speechkit.draft import resources as res
from speechkit.draft.adapt import AdaptContext, adapt_sentence
from speechkit.model import SourceRef
from speechkit.types import Role
from speechkit.zh import end_with_period, topic_words

__all__ = [
    "DRIFT",
    "LEAD_FLOOR",
    "LIST_SHARED",
    "SAME_TOPIC",
    "SECTION_ROLES",
    "CampaignTopic",
    "Piece",
    "Selector",
    "campaign_speeches",
    "campaign_topic",
    "cosine",
    "coverage",
    "enumerations",
    "fits_role",
    "key_part",
    "lead_vector",
    "restates",
    "role_topic",
    "same_topic",
    "word_coverage",
]


def cosine(a: dict[int, float], b: dict[int, float]) -> float:
    """Cosine of two L2-normalised sparse vectors (``{column: weight}``).

    Examples:
        >>> round(cosine({0: 0.6, 1: 0.8}, {1: 1.0}), 2)
        0.8
    """
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(j, 0.0) for j, w in a.items())


def coverage(lead: dict[int, float], text: dict[int, float]) -> float:
    """Share of the (L2-normalised) ``lead`` vector's weight whose features ``text`` contains.

    Examples:
        >>> coverage({0: 0.6, 1: 0.8}, {1: 0.1, 5: 0.9})
        0.64
    """
    return round(sum(w * w for j, w in lead.items() if j in text), 12)


#: Weight of the random jitter relative to the cosine similarity (0–1).
JITTER = 0.12
#: Shingle length and overlap above which a sentence counts as a repeat of one already used
#: (scraped corpora repeat speeches with small edits, so exact matching is not enough).
SHINGLE = 8
MAX_OVERLAP = 0.4
#: Items a list (社会公德、职业道德、家庭美德和个人品德) shares with a list said earlier in the
#: draft for it to say that list again: a distinctive enumeration is said once a draft, in whichever
#: section (RESTATE below sees one paragraph; the 8-character shingles miss a list inside two
#: long sentences). Two shared items (诚信、友善) are a phrase, not the list.
LIST_SHARED = 3
#: Cosine (TF-IDF bigrams) at which a sentence restates one another source already put in the
#: same paragraph: 全国文明城市是…最高荣誉 next to 全国文明城市是…含金量最高 reads as 范文 pasted
#: together. On the example drafts, restatements score 0.22–0.32 and sentences that go on to
#: another point of the same topic 0.15 or less.
RESTATE = 0.2
#: Relevance floor of a sentence to the lead of the sub-point it develops: the share of the
#: lead's TF-IDF weight (character bigrams, squared L2 weights) found in the sentence. Cosine
#: would punish long sentences that are on topic; coverage asks "does it speak of the lead?".
#: On the bundled corpus, sentences below 0.1 share only genre words (创建, 文明, 工作) or a
#: stray bigram with the lead (``tests/draft/test_properties.py`` checks the property).
LEAD_FLOOR = 0.15
#: Two leads are one topic when either covers this share of the other (城乡结合部环境卫生反弹明显
#: and 城乡结合部环境治理: a problem and the priority that answers it).
SAME_TOPIC = 0.3
#: Units (best by paragraph similarity) whose sentences are scored one by one for a lead.
CANDIDATE_UNITS = 40
#: Shortest body (characters) of a corpus sub-point added to make up the length.
MIN_BODY = 40
#: A sentence of a corpus sub-point's body has drifted off its topic when it does not cover the
#: lead (:data:`LEAD_FLOOR`) and is less than this share as close as the body's first sentence
#: both to the campaign's corpus (:class:`CampaignTopic`) and to what the speech asks for, by
#: TF-IDF cosine of its non-genre words. On the bundled corpus, against the 卫生 speeches,
#: 真心做到务实为民's 依法行政 sentence scores about 0.4 of its first sentence, and
#: 加强城市卫生管理's 节能减排 and 水源地 ones 0.2–0.3; the concrete work under 坚持标本兼治
#: (公厕、垃圾箱…“细查”) scores about 0.8 against the 文明 ones. Cutting the body at the first
#: such sentence instead (before the genre words were left out of the measure) left 8 of 23
#: drafts more than 15 % short.
DRIFT = 0.6
#: Corpus paragraphs :meth:`Selector.more` may draw on to develop one lead: sentences on a lead
#: are spread over many 范文, a few a paragraph.
MORE_UNITS = 4
#: Roles to borrow from when a role has too little usable material.
NEIGHBOURS: dict[str, tuple[Role, ...]] = {
    "opening": ("significance",),
    "significance": ("situation", "opening"),
    "situation": ("significance", "tasks"),
    "tasks": ("safeguards", "situation"),
    "safeguards": ("tasks",),
    "closing": ("safeguards",),
}


@dataclass(slots=True)
class Piece:
    """Adapted corpus wording: a sub-point lead (optional) and sentences, with their sources."""

    lead: str | None = None
    sentences: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)

    @property
    def chars(self) -> int:
        return len(self.lead or "") + sum(len(s) for s in self.sentences)


# Cached: a draft asks it of every candidate sentence each time it checks for a repeat (4,400
# calls for one draft, the same few hundred sentences); with the shingles, 0.13 of 0.69 s.
# Bounded for a long-running workbench: 46 drafts of the bundled corpus ask of 1,113 sentences,
# and the two caches then hold 6.9 MB (about 6 KB a sentence).
@functools.lru_cache(maxsize=4096)
def enumerations(text: str) -> tuple[frozenset[str], ...]:
    """The item sets of the lists of three or more items joined by 、 (the last may follow 和).

    Parallel items are of about one length, the inner items' (the median): the first and last
    pieces of a clause carry their neighbours (推进社会公德, 个人品德教育) and are cut to it, and
    an inner piece far longer than it joins two lists (发展好老百姓最关心 of 实现好、维护好、
    发展好老百姓最关心、最直接、最现实的利益) and gives one item to each.

    Examples:
        >>> sorted(enumerations("推进社会公德、职业道德、家庭美德和个人品德教育。")[0])
        ['个人品德', '家庭美德', '社会公德', '职业道德']
        >>> [sorted(e) for e in enumerations("要把诚信、友善落到细节，弘扬民主、文明、和谐。")]
        [['和谐', '文明', '民主']]
        >>> sorted(enumerations("实现好、维护好、发展好群众最关心、最直接、最现实的利益")[0])
        ['发展好', '实现好', '最关心', '最现实', '最直接', '维护好']
    """
    out: list[frozenset[str]] = []
    for clause in re.split(r"[，。；：！？,;:!?“”\"（）()]", text):
        pieces = clause.split("、")
        if len(pieces) < 2:
            continue
        # 家庭美德和个人品德: split at the joining word only between two real items (not 和谐,
        # 全民参与, 普及).
        m = re.search(r"以及|和|及|与", pieces[-1])
        if m is not None and m.start() >= 2 and len(pieces[-1]) - m.end() >= 2:
            pieces[-1:] = [pieces[-1][: m.start()], pieces[-1][m.end() :]]
        if len(pieces) < 3:
            continue
        inner = sorted(len(p) for p in pieces[1:-1])
        width = max(inner[len(inner) // 2], 2)
        items = [pieces[0][-width:], pieces[-1][:width]]
        for piece in pieces[1:-1]:
            if len(piece) > 1.5 * width:
                items += [piece[:width], piece[-width:]]
            else:
                items.append(piece)
        out.append(frozenset(i for i in items if i))
    return tuple(out)


def same_topic(a: dict[int, float], b: dict[int, float]) -> bool:
    """Whether two lead vectors (:func:`lead_vector`) speak of one topic.

    Examples:
        >>> same_topic({0: 0.8, 1: 0.6}, {0: 0.6, 2: 0.8}), same_topic({0: 1.0}, {2: 1.0})
        (True, False)
    """
    return max(coverage(a, b), coverage(b, a)) >= SAME_TOPIC


@dataclass(frozen=True, slots=True)
class CampaignTopic:
    """What the corpus speeches of a campaign speak of: the sum of their paragraphs' TF-IDF rows.

    A speech belongs to the family whose names (:func:`speechkit.claims.terms.campaigns`) its
    paragraphs say most often; the campaign's paragraphs are those of the speeches of its
    families (none when no speech is of them; every paragraph for a campaign no family names,
    see :func:`campaign_topic`).
    """

    model: CorpusModel
    total: dict[int, float]
    norm2: float
    members: frozenset[int]

    def cosine(self, vec: dict[int, float], leave_out: int | None = None) -> float:
        """Cosine of ``vec`` to the centroid, without paragraph ``leave_out`` in it.

        A sentence is judged against the campaign's other paragraphs: its own paragraph's rare
        words would otherwise make it look typical of the campaign.
        """
        dot = sum(w * self.total.get(j, 0.0) for j, w in vec.items())
        norm2 = self.norm2
        if leave_out is not None and leave_out in self.members:
            row = self.model.matrix[leave_out]
            own = dict(zip(row.indices.tolist(), row.data.tolist(), strict=True))
            dot -= sum(w * own.get(j, 0.0) for j, w in vec.items())
            norm2 += sum(w * w - 2 * w * self.total.get(j, 0.0) for j, w in own.items())
        return dot / norm2**0.5 if norm2 > 1e-12 else 0.0


#: Centroids per model and what they are of (campaign families, or a role). Bounded: each entry
#: holds its model alive, and a long-running workbench loads a new model whenever the corpus
#: changes.
_CAMPAIGN_TOPICS: dict[tuple[str, int, frozenset[str]], CampaignTopic] = {}
_CAMPAIGN_TOPICS_KEPT = 16


def _centroid(model: CorpusModel, rows: list[int]) -> CampaignTopic:
    """The :class:`CampaignTopic` of the paragraphs ``rows`` of ``model``."""
    import numpy as np

    total = np.asarray(model.matrix[rows].sum(axis=0)).ravel()
    return CampaignTopic(
        model=model,
        total={int(j): float(total[j]) for j in np.flatnonzero(total)},
        norm2=float(total @ total),
        members=frozenset(rows),
    )


def _cached(model: CorpusModel, of: frozenset[str], rows: Callable[[], list[int]]) -> CampaignTopic:
    key = (model.key, id(model), of)
    got = _CAMPAIGN_TOPICS.get(key)
    if got is None:
        got = _centroid(model, rows())
        while len(_CAMPAIGN_TOPICS) >= _CAMPAIGN_TOPICS_KEPT:
            del _CAMPAIGN_TOPICS[next(iter(_CAMPAIGN_TOPICS))]  # the oldest
        _CAMPAIGN_TOPICS[key] = got
    return got


def campaign_speeches(model: CorpusModel, families: frozenset[str]) -> frozenset[int]:
    """The corpus speeches of the campaign ``families``: those whose paragraphs name one of its
    families (:func:`speechkit.claims.terms.campaigns`) more often than any other. A speech
    that names no campaign is of none (it counted as the first family listed, 文明, before)."""
    from speechkit.claims.terms import campaigns

    counts: dict[int, Counter[str]] = {}
    for para in model.paragraphs:
        c = counts.setdefault(para.speech, Counter())
        for fam in campaigns().families:
            c[fam.name] += sum(para.text.count(n) for n in fam.names)
    return frozenset(
        sp
        for sp, c in counts.items()
        if (top := c.most_common(1)) and top[0][1] > 0 and top[0][0] in families
    )


def campaign_topic(model: CorpusModel, families: frozenset[str]) -> CampaignTopic:
    """The :class:`CampaignTopic` of ``families`` in ``model`` (cached per model and families).

    With no speech of the campaign in the corpus (a folder of 安全生产 speeches for a 创文
    draft) the centroid is empty: nothing is close to the campaign, so a sentence stays only
    for what the section asks (its lead, the profile's items). Every paragraph used to stand
    in, which made every 隐患排查 sentence "on topic". For a campaign ``campaigns.yaml`` does not
    know (no families) every paragraph still stands in: any speech may be of it.
    """

    def rows() -> list[int]:
        if not families:  # a campaign campaigns.yaml does not know: any speech may be of it
            return list(range(len(model.paragraphs)))
        own = campaign_speeches(model, families)
        return [i for i, para in enumerate(model.paragraphs) if para.speech in own]

    return _cached(model, families, rows)


#: The roles of a speech's level-1 sections (:data:`speechkit.draft.plan.TOPIC_ROLE`): a corpus
#: sub-point under one must be about what that role's corpus paragraphs are about.
SECTION_ROLES: tuple[Role, ...] = ("significance", "situation", "tasks", "safeguards")


#: The roles whose corpus sub-points are work to do, and the one each may take sub-points from.
_WORK_ROLES: dict[str, tuple[Role, ...]] = {"tasks": ("safeguards",), "safeguards": ("tasks",)}


def role_topic(model: CorpusModel, role: str) -> CampaignTopic:
    """What the corpus's paragraphs of ``role`` speak of (cached per model and role)."""

    def rows() -> list[int]:
        return [i for i, para in enumerate(model.paragraphs) if para.role == role]

    return _cached(model, frozenset({f"role:{role}"}), rows)


def fits_role(model: CorpusModel, vec: dict[int, float], role: str, source: int | None) -> bool:
    """Whether text of TF-IDF ``vec`` is closest to ``role`` among the sections' roles.

    A corpus paragraph's role comes from its place in its own speech, and a speech sometimes
    puts a task under its safeguards (加强城市卫生管理 and 真心做到务实为民 after 强化组织领导):
    reused under a safeguards heading it reads as misplaced. Each role's corpus paragraphs are
    summed (without the ``source`` paragraph itself, like :meth:`CampaignTopic.cosine`); the
    text fits ``role`` when that sum is at least as close to it as any other role's. On the
    bundled corpus this leaves out 5 of 32 safeguards sub-points (加强城市卫生管理 scores 0.61 of
    the tasks' closeness, 真心做到务实为民 0.92, 思路不变… 0.60) and 11 of 36 tasks ones (以产兴城,
    高效督查是全面落实的重要保证, 抓经济发展). A role that is no section's keeps everything.
    """
    if role not in SECTION_ROLES:
        return True
    topics = {r: role_topic(model, r) for r in SECTION_ROLES}
    # A role with no paragraph but the source itself has nothing to judge by.
    judged = {r: t for r, t in topics.items() if t.members - {source}}
    if role not in judged:
        return True
    own = judged[role].cosine(vec, source)
    return all(own >= t.cosine(vec, source) for r, t in judged.items() if r != role)


def lead_vector(model: CorpusModel, text: str) -> dict[int, float]:
    """TF-IDF vector of what a sub-point's lead is about, for :func:`coverage`.

    Generic words of the genre are left out (:func:`speechkit.zh.topic_words`), and bigrams
    the corpus never saw keep their share of the norm (weighted with the highest idf: rarer
    than anything seen). Without that, a lead whose topic the corpus lacks (深海潜水器维护保养)
    would be reduced to its one known bigram (维护) and every sentence with 维护 would look
    on topic.
    """
    import math

    counts: dict[str, int] = {}
    for gram in char_bigrams(topic_words(text)):
        counts[gram] = counts.get(gram, 0) + 1
    if not counts:
        return {}
    top_idf = float(model.idf.max()) if len(model.idf) else 1.0
    weights: dict[int, float] = {}
    unseen = 0.0
    for gram, c in counts.items():
        j = model.vocabulary.get(gram)
        if j is None:
            unseen += ((1.0 + math.log(c)) * top_idf) ** 2
        else:
            weights[j] = (1.0 + math.log(c)) * float(model.idf[j])
    norm = math.sqrt(sum(w * w for w in weights.values()) + unseen)
    return {j: w / norm for j, w in weights.items()} if norm else {}


def _segments(idf: dict[str, float], run: str, skip: str = "") -> list[tuple[str, bool]]:
    """``run`` cut longest-first into the corpus's words (``(word, True)``) and the stretches
    between them (``(text, False)``); ``skip`` is a word not to match (to cut a word into its
    parts)."""
    out: list[tuple[str, bool]] = []
    i, unknown = 0, ""
    while i < len(run):
        word = next(
            (
                run[i:j]
                for j in range(min(len(run), i + 6), i + 1, -1)
                if run[i:j] in idf and run[i:j] != skip
            ),
            None,
        )
        if word is None:
            unknown += run[i]
            i += 1
            continue
        if unknown:
            out.append((unknown, False))
        unknown = ""
        out.append((word, True))
        i += len(word)
    if unknown:
        out.append((unknown, False))
    return out


def content_words(model: CorpusModel, text: str) -> dict[str, float]:
    """Content words of a sub-point's lead with their idf (forward maximum matching).

    The genre's generic words go first (:func:`speechkit.zh.topic_words`); the rest is matched
    longest-first against the corpus's words (:attr:`CorpusModel.word_idf`). A run the corpus
    never saw counts as one word with the highest idf (the corpus has nothing on it).
    """
    idf = model.word_idf
    top = max(idf.values(), default=1.0)
    out: dict[str, float] = {}
    for run in re.findall(r"[\u4e00-\u9fff]+", topic_words(text)):
        for word, known in _segments(idf, run):
            if known:
                out[word] = idf[word]
            elif len(word) >= 2:
                out[word] = top
    return out


def key_part(model: CorpusModel, word: str) -> str:
    """The part of a compound word that names it on its own: 占道 of 占道经营.

    A part the corpus never uses as a word of its own (no token of :attr:`CorpusModel.word_idf`)
    lives only inside compounds, and a sentence with it in another one (占道摆摊, 占道行为)
    speaks of the same kind of thing. A part that is a word (经营 of 占道经营 and 生产经营, 秩序
    of 交通秩序, 小区 of 老旧小区) is a general word and names nothing on its own. A word
    without such a part is its own key part.

    Examples:
        >>> from types import SimpleNamespace
        >>> model = SimpleNamespace(word_idf={"经营": 4.9, "交通": 3.7, "秩序": 4.9})
        >>> key_part(model, "占道经营"), key_part(model, "交通秩序"), key_part(model, "经营")
        ('占道', '交通秩序', '经营')
    """
    parts = [(w, known) for w, known in _segments(model.word_idf, word, skip=word) if len(w) >= 2]
    bound = [w for w, known in parts if not known]
    return bound[0] if len(parts) >= 2 and bound else word


def word_coverage(
    words: dict[str, float], sentence: str, parts: dict[str, str] | None = None
) -> float:
    """Share of the lead's squared word idf that ``sentence`` contains (0 when no words).

    Character bigrams also match across word borders (秩序管理缺乏 shares 理缺 with 物业管理缺位);
    whole words do not. ``parts`` gives compound words' key parts (:func:`key_part`): a
    sentence with only the part (占道行为 for 占道经营) has the word at half its weight.

    Examples:
        >>> round(word_coverage({"物业": 3.0, "管理": 1.0, "缺位": 3.0}, "秩序管理缺乏。"), 3)
        0.053
        >>> word_coverage({"占道经营": 2.0}, "查处占道行为。", {"占道经营": "占道"})
        0.25
    """
    total = sum(w * w for w in words.values())
    if not total:
        return 0.0
    got = 0.0
    for word, w in words.items():
        if word in sentence:
            got += w * w
        elif parts is not None and parts.get(word, word) != word and parts[word] in sentence:
            got += (w / 2) ** 2
    return got / total


class Selector:
    """Stateful picker for one draft (remembers what it used).

    Args:
        model: The corpus model.
        ctx: Adaptation context from the profile.
        seed: Random seed of the draft.
        max_chars_per_speech: Cap on characters taken from one corpus speech.
        banned: Adapted sentences not to use (the draft's own check rejected them).
        adapt_memo: A memo of adapted sentences to share between selectors of one profile.
    """

    def __init__(
        self,
        model: CorpusModel,
        ctx: AdaptContext,
        *,
        seed: int,
        max_chars_per_speech: int,
        banned: Iterable[str] = (),
        adapt_memo: dict[tuple[str, tuple[str, ...]], str | None] | None = None,
    ):
        self.model = model
        self.ctx = ctx
        self.seed = seed
        self.max_chars = max_chars_per_speech
        self.used_paragraphs: set[int] = set()
        self.used_sentences: set[str] = set()
        self.used_shingles: set[str] = set()
        self.used_lists: list[frozenset[str]] = []
        self.speech_chars: Counter[int] = Counter()
        #: Adapted sentences the draft's own check rejected in an earlier attempt.
        self.banned: frozenset[str] = frozenset(banned)
        # Memos: drafting scores the same sentences and leads many times (≈10× faster warm).
        # Adaptation depends on the profile only: attempts of one draft share the memo.
        self._adapt_memo = adapt_memo if adapt_memo is not None else {}
        self._weights_memo: dict[str, dict[int, float]] = {}
        self._lead_memo: dict[str, dict[int, float]] = {}
        self._campaign: CampaignTopic | None = None
        self._fits_memo: dict[str, bool] = {}
        #: The corpus paragraph each sentence taken into the draft came from.
        self._source_of: dict[str, int] = {}
        self._by_role: dict[str, list[int]] = {}
        for i, para in enumerate(model.paragraphs):
            self._by_role.setdefault(para.role, []).append(i)

    def draw(self, decision: str, item: object) -> float:
        """A seeded number in [0, 1) for ``item`` in one selection ``decision``.

        Each decision (the candidates for one query, the sentences for one lead) draws from its
        own stream, derived from the seed, the decision and the item: a candidate removed by a
        rule, or a corpus paragraph added, leaves every other draw as it was, so a small change
        to the corpus or the rules changes the draft only where it applies.

        Examples:
            >>> from types import SimpleNamespace
            >>> s = SimpleNamespace(seed=1)
            >>> Selector.draw(s, "ranked:tasks", 7) == Selector.draw(s, "ranked:tasks", 7)
            True
            >>> Selector.draw(s, "ranked:tasks", 7) != Selector.draw(s, "ranked:tasks", 8)
            True
        """
        digest = hashlib.blake2b(
            f"{self.seed}\x1f{decision}\x1f{item}".encode(), digest_size=8
        ).digest()
        return int.from_bytes(digest, "little") / 2**64

    def choose(self, decision: str, options: Sequence[str]) -> str:
        """One of ``options`` for ``decision``, by :meth:`draw` (stable if others are removed)."""
        return min(options, key=lambda o: (self.draw(decision, o), o))

    def _ranked(self, roles: Sequence[str], query: str, *, need_lead: bool) -> list[int]:
        sims = self.model.similarity(query)
        decision = f"ranked:{'/'.join(roles)}:{need_lead}:{query}"
        out: list[tuple[float, int]] = []
        for rank, role in enumerate(roles):
            for i in self._by_role.get(role, ()):
                if i in self.used_paragraphs:
                    continue
                para = self.model.paragraphs[i]
                if need_lead and para.lead is None:
                    continue
                # Own role first, neighbours after; jitter varies the wording with the seed.
                score = float(sims[i]) + JITTER * self.draw(decision, i) - 0.5 * rank
                out.append((score, i))
        out.sort(key=lambda p: (-p[0], p[1]))
        return [i for _, i in out]

    def _weights(self, text: str) -> dict[int, float]:
        got = self._weights_memo.get(text)
        if got is None:
            got = self._weights_memo[text] = self.model.query_weights(text)
        return got

    def _lead(self, text: str) -> dict[int, float]:
        got = self._lead_memo.get(text)
        if got is None:
            got = self._lead_memo[text] = lead_vector(self.model, text)
        return got

    def _adapt(self, sentence: str, names: tuple[str, ...]) -> str | None:
        key = (sentence, names)
        if key not in self._adapt_memo:
            self._adapt_memo[key] = adapt_sentence(sentence, names, self.ctx)
        return self._adapt_memo[key]

    def _fits_meeting(self, sentence: str) -> bool:
        """Whether a ``specific`` corpus sentence claims only what this meeting's type makes true.

        从今天起… is launch wording (:func:`speechkit.claims.analysis.fits_meeting`): reusable
        at a 动员会, not at a 总结表彰会. The bank keeps one label a sentence, so the few with
        such wording are classified again here.
        """
        if self.ctx.meeting_type not in LAUNCH_MEETINGS or LAUNCH.search(sentence) is None:
            return False
        got = self._fits_memo.get(sentence)
        if got is None:
            claim = classify(strip_opener(sentence))
            got = self._fits_memo[sentence] = not claim.context and all(
                fits_meeting(span, self.ctx.meeting_type) for span in claim.specific
            )
        return got

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def _shingles(text: str) -> frozenset[str]:
        # cached like enumerations: the same candidates are checked again and again
        return frozenset(text[i : i + SHINGLE] for i in range(max(len(text) - SHINGLE + 1, 1)))

    def is_repeat(self, text: str) -> bool:
        """Whether ``text`` mostly repeats wording already in the draft, or one of its lists."""
        if text in self.used_sentences:
            return True
        shingles = self._shingles(text)
        if len(shingles & self.used_shingles) > MAX_OVERLAP * len(shingles):
            return True
        return any(
            len(items & said) >= LIST_SHARED
            for items in enumerations(text)
            for said in self.used_lists
        )

    def remember(self, text: str) -> None:
        """Mark ``text`` (template or corpus wording) as used."""
        self.used_sentences.add(text)
        self.used_shingles |= self._shingles(text)
        self.used_lists.extend(enumerations(text))

    def _adapted(
        self,
        para: BankParagraph,
        query_vec: dict[int, float] | None = None,
        mood: str | None = None,
    ) -> list[str]:
        """The para's usable sentences: its ``generic`` ones, adapted, in their own order.

        With ``query_vec``, one run of consecutive usable sentences, from the one most
        relevant to the query on: consecutive sentences of one paragraph read as prose, where
        sentences picked here and there read as a quarry. ``mood``: ``"positive"`` leaves out
        sentences about problems, ``"negative"`` keeps only those.
        """
        kept: list[tuple[int, str]] = []
        for k, (sentence, names, label) in enumerate(
            zip(para.sentences, para.names, para.claims, strict=True)
        ):
            if label != "generic" and not (label == "specific" and self._fits_meeting(sentence)):
                continue
            text = self._adapt(sentence, names)
            if text is None or self.is_repeat(text) or text in self.banned:
                continue
            if mood is not None and (res.PROBLEM_CUES.search(text) is not None) != (
                mood == "negative"
            ):
                continue
            kept.append((k, text))
        if query_vec is not None and len(kept) > 1:
            scores = [
                sum(w * query_vec.get(j, 0.0) for j, w in self._weights(t).items())
                for _k, t in kept
            ]
            best = max(range(len(kept)), key=lambda j: (scores[j], -j))
            end = best + 1
            while end < len(kept) and kept[end][0] == kept[end - 1][0] + 1:
                end += 1
            kept = kept[best:end]
        return [t for _k, t in kept]

    def on_topic_run(
        self,
        sentences: Sequence[str],
        lead: str,
        query_vec: dict[int, float] | None = None,
        *,
        source: int | None = None,
        covers: bool = True,
        reference: Sequence[str] = (),
    ) -> list[str]:
        """``sentences`` of a corpus sub-point's body without those that drift off its topic.

        The first sentence states the body's topic and stays. Each next one stays when it
        covers the lead (:data:`LEAD_FLOOR`), or when it is at least :data:`DRIFT` times as close
        as the first one to the campaign's corpus (:class:`CampaignTopic`, without the
        ``source`` paragraph) or to what the speech asks for (``query_vec``: the profile's items
        under the section). A sentence that is none of these is its source moving on to other
        work: an inline 二是/三是 point or a closing sentence (要真心做到务实为民 going on to
        治安防范 and 社会救助 in a 卫生 speech).

        For sentences found elsewhere to grow a sub-point (``reference``: what it says so
        far), covering the lead's words is not enough (``covers=False``: 危难显本色 for
        夯实创建本色), and each is judged against the mean closeness of the ``reference``
        sentences instead of a first sentence of its own.
        """
        if not reference and len(sentences) <= 1:
            return list(sentences)
        if self._campaign is None:
            self._campaign = campaign_topic(self.model, self.ctx.families)
        campaign = self._campaign
        query = query_vec or {}

        def closeness(vec: dict[int, float], own: int | None = source) -> tuple[float, float]:
            return campaign.cosine(vec, own), cosine(vec, query)

        # What a sentence is about, without the genre's words (创建, 文明, 工作): with them, a
        # sentence that names the campaign looks closer to it than a concrete one on its work.
        if reference:
            said = [
                closeness(self._weights(topic_words(t)), self._source_of.get(t)) for t in reference
            ]
            heads = (sum(c for c, _q in said) / len(said), sum(q for _c, q in said) / len(said))
            out: list[str] = []
            rest = list(sentences)
        else:
            heads = closeness(self._weights(topic_words(sentences[0])))
            out, rest = [sentences[0]], list(sentences[1:])
        lead_vec = self._lead(lead)
        for sentence in rest:
            # Each judged without its own paragraph (a sentence taken from elsewhere has its own).
            own = self._source_of.get(sentence, source) if reference else source
            near = closeness(self._weights(topic_words(sentence)), own)
            if (covers and coverage(lead_vec, self._weights(sentence)) >= LEAD_FLOOR) or any(
                h > 0 and c >= DRIFT * h for c, h in zip(near, heads, strict=True)
            ):
                out.append(sentence)
        return out

    def _room(self, para: BankParagraph) -> int:
        return self.max_chars - self.speech_chars[para.speech]

    def _take(
        self, i: int, piece: Piece, sentences: list[str], budget: int, after: Sequence[str] = ()
    ) -> int:
        para = self.model.paragraphs[i]
        room = self._room(para)
        taken = 0
        # What other sources already said in this paragraph; this source's own run of
        # sentences may build on itself, but must not say again what another source said.
        earlier = [self._weights(t) for t in (*after, *piece.sentences)]
        for sentence in sentences:
            if taken >= budget or taken + len(sentence) > room:
                break
            if taken and taken + len(sentence) > budget * 1.3:
                break
            if self.is_repeat(sentence):
                continue
            vec = self._weights(sentence)
            if any(cosine(vec, e) >= RESTATE for e in earlier):
                continue
            if restates([*after, *piece.sentences], sentence):
                continue
            piece.sentences.append(sentence)
            self.remember(sentence)
            self._source_of[sentence] = i
            taken += len(sentence)
        if taken:
            self.used_paragraphs.add(i)
            self.speech_chars[para.speech] += taken
            ref = SourceRef(source=para.source, line=para.line)
            if ref not in piece.sources:
                piece.sources.append(ref)
        return taken

    def sentences(
        self,
        role: Role,
        query: str,
        budget: int,
        *,
        max_units: int = 3,
        mood: str | None = None,
        after: Sequence[str] = (),
    ) -> Piece:
        """Relevant adapted sentences of ``role`` adding up to about ``budget`` characters.

        ``after``: sentences already in the paragraph, which these must not restate.
        """
        piece = Piece()
        if budget <= 0:
            return piece
        roles = (role, *NEIGHBOURS[role])
        query_vec = self.model.query_weights(query)
        for i in self._ranked(roles, query, need_lead=False):
            if piece.chars >= budget or len(piece.sources) >= max_units:
                break
            para = self.model.paragraphs[i]
            if self._room(para) < 30:
                continue
            adapted = self._adapted(para, query_vec, mood)
            if adapted:
                self._take(i, piece, adapted, budget - piece.chars, after)
        return piece

    def points(
        self,
        role: Role,
        query: str,
        k: int,
        budget: int,
        *,
        avoid: Sequence[str] = (),
        need_body: bool = True,
    ) -> list[Piece]:
        """``k`` corpus sub-points of ``role`` (lead + sentences), about ``budget`` chars in all.

        Args:
            avoid: Leads already in the draft; a corpus lead on the same topic (cosine ≥
                :func:`same_topic`) is skipped so two sub-points never say the same thing.
            need_body: Skip corpus sub-points that would have no sentence after the lead (a
                bare lead reads as a heading with nothing under it).
        """
        pieces: list[Piece] = []
        per_point = max(budget // max(k, 1), 0)
        avoid_vecs = [v for v in (self._lead(a) for a in avoid) if v]
        query_vec = self._weights(query)
        # Whole corpus sub-points go where they fit (fits_role), not where their source put
        # them: a task under the safeguards heading (加强城市卫生管理 among 强化组织领导…) reads
        # as misplaced, and under the tasks heading it is one of them. Own role first. Only the
        # two roles of work to do trade: a problem or an achievement (市民文明素质提升任务艰巨)
        # is no sub-point of either, whatever its words are closest to.
        roles = (role, *_WORK_ROLES.get(role, ()))
        for i in self._ranked(roles, query, need_lead=True):
            if len(pieces) >= k:
                break
            para = self.model.paragraphs[i]
            assert para.lead is not None
            if para.lead_claim != "generic":  # leads get the same claim screening as bodies
                continue
            lead = adapt_sentence(para.lead, para.lead_names, self.ctx)
            if lead is None or self.is_repeat(lead) or lead in self.banned:
                continue
            if self._room(para) < 60:
                continue
            lead_vec = self._lead(lead)
            if any(same_topic(lead_vec, v) for v in avoid_vecs):
                continue
            adapted = self.on_topic_run(self._adapted(para), lead, query_vec, source=i)
            if need_body and not adapted:
                continue
            # A task its source put under the safeguards (加强城市卫生管理) stays out of them.
            said = self._weights(topic_words(lead + "".join(adapted)))
            if not fits_role(self.model, said, role, i):
                continue
            # The template's leads are verb phrases (抓好背街小巷环境整治); a corpus lead's own 要
            # (要努力促进人的全面发展) would make one item of the list read differently.
            lead = end_with_period(re.sub(r"^要(?=[\u4e00-\u9fff]{3})", "", lead))
            piece = Piece(lead=lead)
            self.remember(lead)
            want = max(per_point - len(lead), 0)
            got = self._take(i, piece, adapted, want)
            if got < want and len(adapted) < len(self._adapted(para)):
                # Sentences that drifted off the topic were left out (on_topic_run): other
                # corpus sentences that develop the same lead closely make up the length.
                topic = res.TASK_OPENER.sub("", lead).rstrip("。；;，,！")
                self.more(piece, role, query, want - got, lead=topic)
            while (
                piece.sentences
                and len(piece.sentences[-1]) <= 16
                and "，" not in piece.sentences[-1]
            ):
                piece.sentences.pop()  # an inline sub-heading cannot end the body
            if need_body and sum(map(len, piece.sentences)) < MIN_BODY:
                continue
            avoid_vecs.append(lead_vec)
            self.used_paragraphs.add(i)
            if not piece.sources:
                piece.sources.append(SourceRef(source=para.source, line=para.line))
            pieces.append(piece)
        return pieces

    def develop(
        self,
        role: Role,
        lead: str,
        budget: int,
        *,
        others: Sequence[str] = (),
        mood: str | None = None,
        max_units: int = 3,
        fallback: bool = True,
        floor: float = LEAD_FLOOR,
        after: Sequence[str] = (),
    ) -> Piece:
        """Sentences that develop one sub-point's ``lead`` (a priority, problem or task).

        Each sentence must reach :data:`LEAD_FLOOR` cosine similarity to the lead itself (not
        to the whole profile), and must not be closer to one of ``others`` (the profile's other
        items) than to the lead: a sentence about parking is not glued onto a point about
        property management. When nothing in the corpus is relevant, the point gets role-typical
        generic sentences instead (ones that speak of the campaign, 创建/文明…, and of no other
        profile item), from one paragraph at most. ``after``: sentences already in the
        paragraph, which these must not restate.
        """
        piece = Piece()
        if budget <= 0:
            return piece
        lead_vec = self._lead(lead)
        other_vecs = [
            v for v in (self._lead(o) for o in others) if v and not same_topic(v, lead_vec)
        ]
        sims = self.model.similarity(topic_words(lead)) if lead_vec else None
        roles = (role, *NEIGHBOURS[role])
        candidates: list[tuple[float, int]] = []
        for rank, r in enumerate(roles):
            for i in self._by_role.get(r, ()):
                if i not in self.used_paragraphs:
                    sim = float(sims[i]) if sims is not None else 0.0
                    # Relevance first: a neighbour role's paragraph on the lead's topic beats
                    # an own-role paragraph that is not (problems are often told in tasks).
                    candidates.append((sim - 0.01 * rank, i))
        candidates.sort(key=lambda p: (-p[0], p[1]))

        def off_topic(vec: dict[int, float], own: float) -> bool:
            # Closer to another item of the profile than to this lead: it belongs there.
            return any((c := coverage(o, vec)) >= LEAD_FLOOR and c > own for o in other_vecs)

        # A problem also needs its content words, not only bigrams (see word_coverage).
        # The cue words (不强, 缺位…) say it is a problem, not what about: left out, unless
        # they are all the lead says (占道经营整治 is about 占道经营: with no words to match,
        # a bigram of 经营 let 加强食品生产经营监管 in, r8 2026-12-01).
        # So does any other lead: 从严打击小广告 shares the bigram 广告 with 公益广告宣传 but not
        # its words. (On the 12 benchmark profiles this kept every draft clean, lengths within
        # 3 % of before, and 05_city_health_progress 5 points closer to its target.)
        words = content_words(self.model, res.PROBLEM_CUES.sub("，", lead)) or content_words(
            self.model, lead
        )
        # Padding must also name the lead's most specific word (公益 of 公益广告宣传): 广告灯箱占道
        # and 宣传促销 share the other words but are about street order.
        key = max(words, key=lambda w: (words[w], w)) if words and floor > LEAD_FLOOR else None
        parts = {w: key_part(self.model, w) for w in words}
        scored: list[tuple[float, int, list[str]]] = []
        for _sim, i in candidates[:CANDIDATE_UNITS] if lead_vec else ():
            para = self.model.paragraphs[i]
            if self._room(para) < 30:
                continue
            kept: list[tuple[str, float]] = []
            for sentence in self._adapted(para, None, mood):
                vec = self._weights(sentence)
                own = coverage(lead_vec, vec)
                # 占道行为 names 占道经营 by its key part (see key_part), at half weight.
                if words and word_coverage(words, sentence, parts) < floor:
                    continue
                if key is not None and key not in sentence:
                    continue
                if own >= floor and not off_topic(vec, own):
                    kept.append((sentence, own + cosine(lead_vec, vec)))
            if kept:
                best = max(c for _, c in kept)
                jitter = JITTER * self.draw(f"develop:{role}:{lead}", i)
                scored.append((best + jitter, i, [t for t, _ in kept]))
        scored.sort(key=lambda p: (-p[0], p[1]))
        for _score, i, sentences in scored:
            if piece.chars >= budget or len(piece.sources) >= max_units:
                break
            self._take(i, piece, sentences, budget - piece.chars, after)
        if piece.sentences or not fallback or mood == "negative" or role != "tasks":
            # A problem nobody in the corpus wrote about is best stated plainly, and so is a
            # lesson of experience (坚持以人民为中心、依靠群众。): no filler under it.
            return piece
        # Fallback: nothing in the corpus speaks of this lead. A corpus sentence "typical of
        # the role" read as misplaced (核心价值观 under 病媒生物防制, in a reading of six drafts);
        # one sentence of the task table says what such a task asks, and claims nothing.
        fresh = [t for t in res.TASK_GENERIC if not self.is_repeat(t)]
        if fresh:
            choice = self.choose(f"fallback:{lead}", fresh)
            piece.sentences.append(choice)
            self.remember(choice)
        return piece

    def more(
        self,
        piece: Piece,
        role: Role,
        query: str,
        budget: int,
        *,
        mood: str | None = None,
        lead: str | None = None,
        others: Sequence[str] = (),
        floor: float = 2 * LEAD_FLOOR,
    ) -> int:
        """Append up to ``budget`` more characters of relevant sentences to ``piece``.

        With ``lead``, only sentences that develop that lead closely (``floor``, twice the
        usual relevance floor, see :meth:`develop`): padding a sub-point with loosely related
        text reads worse than a shorter sub-point.
        """
        if lead is not None:
            extra = self.develop(
                role,
                lead,
                budget,
                others=others,
                mood=mood,
                max_units=MORE_UNITS,
                fallback=False,
                floor=floor,
                after=piece.sentences,
            )
            if piece.sentences:
                # Grown from other 范文, the sub-point must not drift off what it says so far.
                kept = self.on_topic_run(
                    extra.sentences, lead, self._weights(query), covers=False,
                    reference=piece.sentences,
                )  # fmt: skip
                extra.sentences = [t for t in extra.sentences if t in kept]
        else:
            extra = self.sentences(
                role, query, budget, max_units=2, mood=mood, after=piece.sentences
            )
        piece.sentences.extend(extra.sentences)
        for ref in extra.sources:
            if ref not in piece.sources:
                piece.sources.append(ref)
        return extra.chars
