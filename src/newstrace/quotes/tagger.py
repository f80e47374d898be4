"""A learned role tagger: which tokens are a source, a cue or a content, given the parse and the rules' findings.

Attribution annotators mark wider and more varied spans than rules over a small parser anticipate: verb
groups ("had last month charged", "said in a statement"), stance predicates ("is tired of"), sources with
their descriptions. A bidirectional LSTM (one layer of 64 units each way, as shipped) over each paragraph reads
the spaCy model's own token vectors (``doc.tensor``), embeddings of lemma, tags and dependency, and what the rules
found for each token, and gives each token one of seven tags: outside, or the beginning or inside of a source, cue
or content. It was trained on PolNeAR's training split (``python -m training.tagger``); inference is plain numpy.

A pipeline whose token vectors have another width (or none) runs on the rules alone.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_SPACE, IS_UPPER, LEMMA, LENGTH, POS, TAG
from spacy.parts_of_speech import AUX, NOUN, VERB
from spacy.tokens import Doc

from newstrace.nlp.saved_weights import read_weights
from newstrace.quotes.attribution import Attribution
from newstrace.quotes.cues import cue_lemma

WEIGHTS = Path(__file__).resolve().parent / "weights"
TAGS = ("O", "I-source", "I-cue", "I-content", "B-source", "B-cue", "B-content")
ROLES = ("source", "cue", "content")  # role k (0-based) has tags k + 1 (inside) and k + 4 (beginning)
N_LEMMAS = 1 << 15  # hash buckets for lemmas
N_CATEGORIES = 997  # hash buckets for each tag set (POS, fine tag, dependency, entity type, head's dependency)
N_CATEGORY_SETS = 5
N_RULE = 8
_CUE_POS = np.array([VERB, AUX, NOUN], np.uint64)


@dataclass(frozen=True)
class Features:
    """The tagger's inputs for one document, one row per token."""

    lemma: np.ndarray  # (n,) lemma bucket
    head_lemma: np.ndarray  # (n,) the syntactic head's lemma bucket
    categories: np.ndarray  # (n, 5) POS, tag, dependency, entity type, head's dependency buckets
    dense: np.ndarray  # (n, N_RULE + width + 2) rule features, token vectors, head direction and distance
    breaks: np.ndarray  # (n,) True on white-space tokens that hold a paragraph break


def featurise(doc: Doc, atts: list[Attribution]) -> Features:
    """The tagger's inputs: the same function serves training and inference."""
    n = len(doc)
    arr = doc.to_array([LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD]).astype(np.int64)
    lemma = (arr[:, 0].astype(np.uint64) % np.uint64(N_LEMMAS)).astype(np.int64)
    offset = arr[:, 5]
    heads = np.arange(n) + offset
    cats = np.stack([arr[:, 1], arr[:, 2], arr[:, 3], arr[:, 4], arr[heads, 3]], 1).astype(np.uint64)
    cats = (cats % np.uint64(N_CATEGORIES)).astype(np.int64)
    tensor = doc.tensor if doc.tensor is not None and doc.tensor.size else np.zeros((n, 0), np.float32)
    where = np.stack([np.sign(offset), np.clip(np.abs(offset), 0, 10) / 10.0], 1)
    dense = np.concatenate([rule_features(doc, atts), np.asarray(tensor, np.float32), where.astype(np.float32)], 1)
    breaks = np.zeros(n, bool)
    for i in np.nonzero(doc.to_array([IS_SPACE]))[0]:
        breaks[i] = "\n\n" in doc[int(i)].text
    return Features(lemma, lemma[heads], cats, dense, breaks)


def rule_features(doc: Doc, atts: list[Attribution]) -> np.ndarray:
    """What the rules found for each token: in a content, cue or source; the confidences; direct; carried over."""
    out = np.zeros((len(doc), N_RULE), np.float32)
    offsets = doc.to_array([IDX, LENGTH]).astype(np.int64)
    starts, ends = offsets[:, 0], offsets[:, 0] + offsets[:, 1]

    def cover(r):  # the tokens overlapping ``r`` (offsets are sorted: a slice, not a mask over every token)
        return slice(int(np.searchsorted(ends, r[0], side="right")), int(np.searchsorted(starts, r[1], side="left")))

    for att in atts:
        if att.content is not None and att.content[0] >= 0:
            m = cover(att.content)
            out[m, 0] = 1
            out[m, 4] = np.maximum(out[m, 4], att.confidence)
            if att.kind == "direct":
                out[m, 5] = 1
            if att.inferred or att.follows is not None:
                out[m, 6] = 1
        if att.cue is not None:
            m = cover(att.cue)
            out[m, 1] = 1
            out[m, 3] = np.maximum(out[m, 3], att.confidence)
        if att.source is not None:
            out[cover(att.source), 2] = 1
    tags = doc.to_array([POS, IS_UPPER])
    # cue words are verbs, nouns the tagger mistook for verbs, or all-caps forms (``cue_lemma``)
    for i in np.nonzero(np.isin(tags[:, 0], _CUE_POS) | (tags[:, 1] == 1))[0]:
        out[i, 7] = cue_lemma(doc[int(i)]) is not None
    return out


def paragraphs(features: Features) -> list[tuple[int, int]]:
    """Token ranges the BiLSTM reads one at a time: the paragraphs, split at paragraph-break tokens."""
    n = len(features.lemma)
    cuts = [0] + [int(i) + 1 for i in np.nonzero(features.breaks)[0]] + [n]
    return [(s, e) for s, e in zip(cuts, cuts[1:]) if e > s]


@dataclass(frozen=True)
class RoleTagger:
    """The network's weights (float32) and its settings."""

    weights: dict
    meta: dict

    @property
    def tensor_width(self) -> int:
        return int(self.meta["tensor_width"])

    def accepts(self, doc: Doc) -> bool:
        """Whether ``doc`` carries token vectors of the width the tagger was trained on."""
        tensor = doc.tensor
        return tensor is not None and tensor.ndim == 2 and tensor.shape == (len(doc), self.tensor_width)

    def probabilities(self, doc: Doc, atts: list[Attribution]) -> np.ndarray:
        """``(len(doc), 7)`` tag probabilities, in the order of ``TAGS``."""
        return self.probabilities_many([doc], [atts])[0]

    def probabilities_many(self, docs: list[Doc], atts: list[list[Attribution]]) -> list[np.ndarray]:
        """Tag probabilities of several documents: all their paragraphs go through the network in one pass."""
        features = [featurise(doc, found) for doc, found in zip(docs, atts)]
        sizes = [len(f.lemma) for f in features]
        if not sum(sizes):
            return [np.zeros((n, len(TAGS)), np.float32) for n in sizes]
        x = np.concatenate([self._inputs(f) for f in features if len(f.lemma)])
        offsets = np.cumsum([0] + sizes)
        units = [(offsets[d] + s, offsets[d] + e) for d, f in enumerate(features) for s, e in paragraphs(f)]
        probs = np.zeros((len(x), len(TAGS)), np.float32)
        for first, last in _blocks(units):
            # paragraphs are independent sequences: a long document goes through in blocks of them, so that the
            # gates of every token are never held at once (about 3 KB a token)
            lo, hi = units[first][0], units[last - 1][1]
            starts = np.array([s - lo for s, _ in units[first:last]])
            lengths = np.array([e - s for s, e in units[first:last]])
            h = x[lo:hi]
            for layer in range(int(self.meta["layers"])):
                name = f"lstm.l{layer}"
                h = np.concatenate([_lstm(h, starts, lengths, self.weights, name, reverse=False),
                                    _lstm(h, starts, lengths, self.weights, name, reverse=True)], 1)
            probs[lo:hi] = _softmax(h @ self.weights["output.weight"].T + self.weights["output.bias"])
        return [probs[offsets[d]:offsets[d + 1]] for d in range(len(docs))]

    def _inputs(self, f: Features) -> np.ndarray:
        """The input layer, one embedding table at a time: each distinct lemma is projected once per document."""
        w = self.weights
        weight = w["input.weight"]
        dims = [w["lemma"].shape[1], w["head_lemma"].shape[1]] + [w["categories"].shape[1]] * N_CATEGORY_SETS
        blocks = np.split(weight, np.cumsum(dims), axis=1)  # the columns each input part meets
        x = f.dense @ blocks[-1].T + w["input.bias"]
        for k, (ids, table) in enumerate([(f.lemma, w["lemma"]), (f.head_lemma, w["head_lemma"])]):
            distinct, where = np.unique(ids, return_inverse=True)
            x += (table[distinct] @ blocks[k].T)[where]
        for k in range(N_CATEGORY_SETS):
            distinct, where = np.unique(f.categories[:, k] + k * N_CATEGORIES, return_inverse=True)
            x += (w["categories"][distinct] @ blocks[2 + k].T)[where]
        return np.maximum(x, 0.0)


BLOCK_TOKENS = 50_000


def _blocks(units: list[tuple[int, int]], size: int = BLOCK_TOKENS) -> list[tuple[int, int]]:
    """Runs of consecutive units (index ranges into ``units``) of at most ``size`` tokens each (a longer unit
    alone); one run when everything fits, as for any ordinary article."""
    runs, first, tokens = [], 0, 0
    for n, (s, e) in enumerate(units):
        if tokens and tokens + (e - s) > size:
            runs.append((first, n))
            first, tokens = n, 0
        tokens += e - s
    if first < len(units):
        runs.append((first, len(units)))
    return runs


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _lstm(x: np.ndarray, starts: np.ndarray, lengths: np.ndarray, w: dict, name: str, reverse: bool) -> np.ndarray:
    """One direction of one LSTM layer over many sequences (rows ``starts[k]`` to ``starts[k] + lengths[k]`` of ``x``).

    The sequences are sorted longest first, so that at step t the ones still running are a prefix: each step
    computes real tokens only. torch orders the gates input, forget, cell, output; they are read here as input,
    forget, output, cell, so that one sigmoid covers the first three.
    """
    suffix = "_reverse" if reverse else ""
    hidden = w[f"{name}.weight_hh{suffix}"].shape[1]
    gates = np.r_[0:2 * hidden, 3 * hidden:4 * hidden, 2 * hidden:3 * hidden]
    w_hh = w[f"{name}.weight_hh{suffix}"][gates].T.copy()
    bias = (w[f"{name}.bias_ih{suffix}"] + w[f"{name}.bias_hh{suffix}"])[gates]
    gates_in = x @ w[f"{name}.weight_ih{suffix}"][gates].T + bias
    order = np.argsort(-lengths, kind="stable")
    first, size = starts[order], lengths[order]
    last = first + size - 1
    h = np.zeros((len(order), hidden), np.float32)
    c = np.zeros((len(order), hidden), np.float32)
    out = np.zeros((len(x), hidden), np.float32)
    running = len(order)
    for t in range(int(size[0]) if len(size) else 0):
        while size[running - 1] <= t:
            running -= 1
        rows = (last[:running] - t) if reverse else (first[:running] + t)
        g = gates_in[rows] + h[:running] @ w_hh
        sig = _sigmoid(g[:, :3 * hidden])
        c[:running] = sig[:, hidden:2 * hidden] * c[:running] + sig[:, :hidden] * np.tanh(g[:, 3 * hidden:])
        h[:running] = sig[:, 2 * hidden:] * np.tanh(c[:running])
        out[rows] = h[:running]
    return out


@functools.lru_cache(maxsize=4)
def load_tagger(folder: Path = WEIGHTS) -> RoleTagger | None:
    """The shipped tagger, or ``None`` when its weights are absent (the rules still run)."""
    return read_weights(folder, "roles", lambda arrays, meta: RoleTagger(
        {k: a.astype(np.float32) for k, a in arrays.items()}, meta))
