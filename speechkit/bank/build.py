"""The sentence bank drafting works from: the corpus model, built once and stored on disk.

The model holds every usable body paragraph of the corpus with its role, its sub-point lead
and its sentences — each with the place and person names jieba finds in it and its claim
label (:mod:`speechkit.claims.analysis`: only ``generic`` sentences are reused) — a TF-IDF matrix
for relevance, the mined role order, and a 13-gram index for the originality check in which
near-duplicate speeches (found by :mod:`speechkit.dedup`) count as one source. Building it
reads and tags the whole corpus (seconds); loading it takes milliseconds, so drafting is
fast. It is keyed on the corpus content and on the code and data that shape it
(:func:`speechkit.corpus.code_fingerprint`).
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from speechkit.atomic import atomic_path
from speechkit.bank.originality import GramIndex
from speechkit.claims.analysis import Label, classify, strip_opener
from speechkit.claims.terms import not_names
from speechkit.corpus import PIPELINE_PARTS, code_fingerprint
from speechkit.errors import InputError
from speechkit.model import Speech
from speechkit.paths import cache_dir, corpus_dir
from speechkit.store import Store
from speechkit.tokenize.names import NameTest, jieba_dictionary
from speechkit.tokenize.resources import PLACE_SUFFIXES, SURNAMES
from speechkit.types import ROLES, PathLike, Role
from speechkit.zh import split_sentences

__all__ = [
    "MODEL_PARTS",
    "BankParagraph",
    "CorpusModel",
    "build_bank",
    "char_bigrams",
    "load_model",
]

#: The package parts whose code and data shape the model (its key includes their hash).
MODEL_PARTS = (
    *PIPELINE_PARTS,
    "tokenize",
    "structure",
    "claims",
    "bank",
    "dedup",
    "levels.py",
    "zh.py",
)


def char_bigrams(text: str) -> list[str]:
    """Character bigrams of the CJK runs of ``text``: the TF-IDF features.

    Bigrams need no tokenizer at query time, so a warm draft never loads jieba.

    Examples:
        >>> char_bigrams("创建文明，城市")
        ['创建', '建文', '文明', '城市']
    """
    out: list[str] = []
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


@dataclass(slots=True)
class BankParagraph:
    """One corpus body paragraph prepared for drafting.

    Attributes:
        speech: Index of its speech in :attr:`CorpusModel.speeches`.
        source: Source path as shown to users.
        line: 1-based line of the paragraph in the source.
        role: Its role in the speech.
        lead: Its own sub-point lead sentence with the numbering marker removed
            (``加强组织领导。``), or ``None``.
        sentences: Body sentences after the lead (marker removed).
        names: For each sentence, the place/person names it contains.
        claims: For each sentence, its claim label (``generic`` | ``specific`` | ``context``)
            as it would be reused (ordinals and connectives dropped, :func:`strip_opener`).
        lead_claim: The lead's claim label (``None`` without a lead).
        lead_names: The place/person names of the lead.
    """

    speech: int
    source: str
    line: int
    role: Role
    lead: str | None
    sentences: tuple[str, ...]
    names: tuple[tuple[str, ...], ...]
    claims: tuple[Label, ...] = ()
    lead_claim: Label | None = None
    lead_names: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return (self.lead or "") + "".join(self.sentences)


@dataclass(slots=True)
class CorpusModel:
    """Everything drafting needs from the corpus (see module docstring)."""

    key: str
    roles_backend: str
    paragraphs: list[BankParagraph]
    speeches: list[tuple[str, int, int]]
    names: frozenset[str]
    role_order: tuple[Role, ...]
    vocabulary: dict[str, int]
    idf: Any
    matrix: Any
    grams: GramIndex
    #: Near-duplicate speeches count as one source: for each group's first speech (the id
    #: :attr:`grams` reports), how many copies the corpus holds.
    group_sizes: dict[int, int] = field(default_factory=dict)
    #: idf of the corpus's words (jieba tokens of 2+ CJK characters, df over paragraphs), to
    #: match a problem's content words without loading jieba at draft time (see
    #: :func:`speechkit.draft.select.word_coverage`).
    word_idf: dict[str, float] = field(default_factory=dict)

    def query_weights(self, text: str) -> dict[int, float]:
        """L2-normalised TF-IDF weights of ``text`` in the model vocabulary (``{column: weight}``).

        Same weighting as the fitted vectorizer (sublinear tf, idf, l2), computed without
        scikit-learn so a warm draft never imports it.
        """
        counts: dict[int, int] = {}
        for gram in char_bigrams(text):
            j = self.vocabulary.get(gram)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        weights = {j: (1.0 + math.log(c)) * float(self.idf[j]) for j, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {j: w / norm for j, w in weights.items()} if norm else {}

    def similarity(self, text: str) -> Any:
        """Cosine similarity of ``text`` to every bank paragraph (1-D numpy array)."""
        import numpy as np

        vec = np.zeros(len(self.vocabulary), dtype=np.float64)
        for j, w in self.query_weights(text).items():
            vec[j] = w
        return np.asarray(self.matrix @ vec).ravel()


# ---------------------------------------------------------------------------- corpus key


def _hash_files(paths: Sequence[PathLike]) -> str:
    digest = hashlib.sha256()
    files: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files.extend(
                sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
            )
        elif p.is_file():
            files.append(p)
        else:
            raise InputError("no such file or folder; check the --corpus path", path=os.fspath(p))
    if not files:
        raise InputError(
            "no files to read; point --corpus at a folder of 范文", path=os.fspath(paths[0])
        )
    for f in files:
        digest.update(f.name.encode())
        digest.update(hashlib.sha256(f.read_bytes()).digest())
    return digest.hexdigest()


def _hash_db(db: PathLike) -> str:
    path = Path(db)
    if not path.is_file():
        raise InputError(
            "database not found; create it with 'speechkit ingest PATH --db FILE'", path=path
        )
    with Store(path, create=False) as store:
        rows = store.document_hashes()
    digest = hashlib.sha256()
    for source, sha in rows:
        digest.update(f"{source}\0{sha}\n".encode())
    return digest.hexdigest()


def corpus_key(paths: Sequence[PathLike] = (), *, db: PathLike | None = None) -> str:
    """Content hash of the corpus a draft reads (files' bytes, or the store's document hashes)."""
    if db is not None and not paths:
        base = _hash_db(db)
    else:
        base = _hash_files(list(paths) or [corpus_dir()])
    return hashlib.sha256(f"{base}:{code_fingerprint(MODEL_PARTS)}".encode()).hexdigest()


# ---------------------------------------------------------------------------- corpus access

#: Where paragraph roles come from (reported as ``stats.roles_from`` in the draft JSON).
ROLES_BACKEND = "speechkit.structure"


def _open_speeches(
    paths: Sequence[PathLike], db: PathLike | None, warn: Callable[[str], None] | None
) -> tuple[list[Speech], tuple[str, ...]]:
    """On-topic speeches with roles and the mined typical role sequence.

    Reads through :func:`speechkit.corpus.open_corpus` (ingest, cleaning, segmentation) and
    labels roles with :func:`speechkit.structure.learn_structure` (which also flags off-topic
    speeches).
    """
    from speechkit.corpus import open_corpus
    from speechkit.structure import learn_structure

    with open_corpus(list(paths), db=db, warn=warn) as corpus:
        # save=False: drafting reads the user's store, it never writes to it.
        structure = learn_structure(corpus, seed=0, save=False)
        speeches = corpus.speeches()
    off_topic = {s.get("id") for s in structure.speeches if not s.get("on_topic", True)}
    kept = [s for s in speeches if s.id not in off_topic]
    typical = tuple(str(r) for r in structure.outline.get("typical_sequence", ()) if r in ROLES)
    return kept, typical


# ---------------------------------------------------------------------------- building


_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")


def build_bank(
    speeches: Sequence[Speech],
    *,
    key: str = "",
    roles_backend: str = ROLES_BACKEND,
    typical_sequence: Sequence[str] = (),
) -> CorpusModel:
    """Build the drafting model from speeches whose paragraphs carry roles.

    Args:
        speeches: On-topic speeches with ``Paragraph.role`` filled.
        key: Cache key recorded in the model.
        roles_backend: Where the roles came from (reported in draft stats).
        typical_sequence: The outline's typical role sequence, when the structure model
            mined one; roles it leaves out follow by their mean position.
    """
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from speechkit.tokenize import make_tokenizer

    tokenizer = make_tokenizer()
    speech_meta: list[tuple[str, int, int]] = []
    tagged: list[list[tuple[str, str]]] = []
    raw_units: list[tuple[int, Any]] = []
    positions: dict[str, list[float]] = defaultdict(list)
    for s_index, speech in enumerate(speeches):
        speech_meta.append((speech.source, speech.first_line, speech.last_line))
        n = len(speech.paragraphs)
        for i, para in enumerate(speech.paragraphs):
            if para.role is not None:
                positions[para.role].append(i / max(n - 1, 1))
            raw_units.append((s_index, para))
    # Names (speechkit.tokenize.names): tokens confined to few distinct speeches that jieba's
    # tags, its dictionary or the corpus context (大连市, 刘航同志) show to be places or persons.
    name_df: Counter[str] = Counter()
    token_tag: dict[str, str] = {}
    seen_texts: set[str] = set()
    word_df: Counter[str] = Counter()
    n_paragraphs = 0
    for speech in speeches:
        words: set[str] = set()
        for para in speech.paragraphs:
            tokens = [(w, t) for w, t in tokenizer.pos(para.text) if _CJK_WORD.fullmatch(w)]
            word_df.update({w for w, _ in tokens if len(w) >= 2})
            n_paragraphs += 1
            tagged.append(tokens)
            for w, t in tokens:
                words.add(w)
                token_tag.setdefault(w, t)
        fingerprint = speech.text[:200]
        if fingerprint not in seen_texts:  # verbatim repeats do not make a name common
            seen_texts.add(fingerprint)
            name_df.update(words)
    known = jieba_dictionary()
    is_name = NameTest(
        tokenizer,
        name_df,
        len(seen_texts),
        text="\n".join(s.text for s in speeches),
        dictionary=known,
    )
    common = not_names()  # ordinary words jieba's dictionary tags as names (data/not_names.txt)
    names = frozenset(w for w, t in token_tag.items() if w not in common and is_name(w, t))

    # Unambiguous names are matched as substrings too (jieba may split them differently):
    # names with a place suffix or a surname and 3+ characters, and names jieba's dictionary
    # does not know (found by its HMM, e.g. 国昌, 怀川) — common words are all in the dictionary.
    long_names = {
        n
        for n in names
        if (len(n) >= 3 and (n[-1] in PLACE_SUFFIXES or n[0] in SURNAMES)) or n not in known
    }
    # A token is a name when it is one or contains one (梦圆怀川 contains 怀川, 焦作市 焦作).
    naming = {
        w
        for w in token_tag
        if w in names
        or any(w[i:j] in names for i in range(len(w)) for j in range(i + 2, len(w) + (i > 0)))
    }
    units: list[BankParagraph] = []
    for (s_index, para), pairs in zip(raw_units, tagged, strict=True):
        if para.role is None:
            continue
        # The numbering segmentation recorded (Paragraph.marker), not a second reading of it:
        # 首先，我代表… is no marker there, and must keep its 首先 here too.
        text = para.text
        if para.marker and text.startswith(para.marker):
            text = text[len(para.marker) :].lstrip("，、,．. ")
        text = text.strip()
        sentences = split_sentences(text)
        lead = None
        if para.level == 1:
            sentences = sentences[1:]  # the section heading itself is not reused
        elif para.marker and sentences and len(sentences[0]) <= 30:
            lead, sentences = sentences[0], sentences[1:]
        if lead is None and not sentences:
            continue
        para_names = {w for w, _ in pairs if w in naming}
        para_names |= {n for n in long_names if n in para.text}
        reusable = [strip_opener(s) for s in sentences]
        units.append(
            BankParagraph(
                speech=s_index,
                source=speeches[s_index].source,
                line=para.line,
                role=para.role,
                lead=lead,
                sentences=tuple(sentences),
                names=tuple(tuple(sorted(w for w in para_names if w in s)) for s in sentences),
                claims=tuple(classify(s, tokenizer.pos(s)).label for s in reusable),
                lead_claim=_lead_label(lead, tokenizer) if lead else None,
                lead_names=tuple(sorted(w for w in para_names if lead and w in lead)),
            )
        )
    if not units:
        raise InputError("the corpus has no usable speech paragraphs to draft from", path="corpus")

    vectorizer = TfidfVectorizer(analyzer=char_bigrams, sublinear_tf=True)
    matrix = vectorizer.fit_transform([u.text for u in units]).tocsr().astype(np.float64)
    mean_pos = {role: sum(v) / len(v) for role, v in positions.items() if v}
    by_position = sorted((r for r in ROLES if r in mean_pos), key=lambda r: mean_pos[r])
    merged = list(dict.fromkeys(r for r in typical_sequence if r in ROLES))
    for role in by_position:  # a role the outline leaves out goes where it usually stands
        if role not in merged:
            after = [i for i, r in enumerate(merged) if mean_pos.get(r, 0.0) > mean_pos[role]]
            merged.insert(after[0] if after else len(merged), role)
    order = tuple(merged)
    groups, group_sizes = _copy_groups([s.text for s in speeches])
    grams = GramIndex.build([s.text for s in speeches], groups=groups)
    return CorpusModel(
        key=key,
        roles_backend=roles_backend,
        paragraphs=units,
        speeches=speech_meta,
        names=names,
        role_order=order,
        vocabulary={str(k): int(v) for k, v in vectorizer.vocabulary_.items()},
        idf=np.asarray(vectorizer.idf_, dtype=np.float64),
        matrix=matrix,
        grams=grams,
        group_sizes=group_sizes,
        word_idf={
            w: math.log((1 + n_paragraphs) / (1 + df)) + 1.0 for w, df in sorted(word_df.items())
        },
    )


def _lead_label(lead: str, tokenizer: Any) -> Label:
    """The claim label of a sub-point lead: short and comma-less is what a lead is."""
    claim = classify(strip_opener(lead), tokenizer.pos(lead))
    if claim.label == "context" and all(s.why.startswith("a bare fragment") for s in claim.spans):
        return "generic"
    return claim.label


def _copy_groups(texts: Sequence[str]) -> tuple[list[int], dict[int, int]]:
    """For each speech, the id of the first speech of its near-duplicate group (dedup at 0.8).

    A folder of 范文 often holds the same speech twice (two sites, small edits); for the
    originality limit and ``check``'s copied share they are one source.
    """
    from speechkit.dedup import DedupConfig, find_duplicates

    group = list(range(len(texts)))
    sizes: dict[int, int] = {}
    for cluster in find_duplicates(texts, config=DedupConfig(workers=1)):
        first = min(cluster.members)
        for member in cluster.members:
            group[member] = first
        sizes[first] = len(cluster.members)
    return group, sizes


def load_model(
    paths: Sequence[PathLike] = (),
    *,
    db: PathLike | None = None,
    use_cache: bool = True,
    warn: Callable[[str], None] | None = None,
) -> CorpusModel:
    """Load the drafting model of a corpus from the cache, building and caching it when needed.

    Args:
        paths: Corpus files or folders; none means the bundled corpus (or ``db``).
        db: SQLite store to read instead of (or together with) ``paths``.
        use_cache: Read and write ``cache_dir()/draft-model-*.pkl``.
        warn: Called with warnings from ingestion.

    Raises:
        InputError: Missing corpus path or nothing readable.
    """
    key = corpus_key(paths, db=db)
    cache_file = cache_dir() / f"draft-model-{key[:24]}.pkl"
    if use_cache and cache_file.is_file():
        try:
            with open(cache_file, "rb") as fh:
                model = pickle.load(fh)
            if isinstance(model, CorpusModel) and model.key == key:
                return model
        except Exception:  # a stale or damaged cache is rebuilt, never fatal
            pass
    speeches, typical = _open_speeches(paths, db, warn)
    model = build_bank(speeches, key=key, typical_sequence=typical)
    if use_cache:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(cache_file) as tmp, open(tmp, "wb") as fh:
                pickle.dump(model, fh, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an unwritable cache slows the next run, nothing more
            if warn is not None:
                warn(f"cannot cache the corpus model in {cache_file.parent}: {exc}")
    return model
