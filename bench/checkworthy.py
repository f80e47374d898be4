"""Check-worthiness figures: dev, dev-test, cross-split, news sentences, the fallback model, timing.

    PYTHONPATH=src python bench/checkworthy.py --data ../shared/data/checkworthy [--cache /tmp/cw] [--quick]

Cross-validation figures (train + dev, five chronological blocks of train and dev as folds) are the ones the
training command recorded with the weights. Cross-split checks refit the two base models on part of
train (with the shipped stacker and thresholds) and test on the rest:
``chronological`` (sentence ids follow the debates in time: train on the earlier 80%, test on the
latest 20%, the same kind of shift as dev-test), ``short→long`` / ``long→short`` (by token count),
and ``no-numbers`` (train without any sentence containing a digit, test on those with one: can the
model see check-worthiness without its strongest surface cue?). Each is compared with the plain
embedding + logistic-regression baseline trained on the same rows.
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score

from newstrace.claims import train as recipe
from newstrace.claims.checkworthiness import load_model
from newstrace.claims.data import read_split
from newstrace.nlp.model import load_nlp

ROOT = Path(__file__).resolve().parent.parent
# Written for this bench (not from any dataset): news-style sentences, labelled by hand.
NEWS_PROBE = [
    ("The ministry paid the contractor $5 million in March, according to court filings.", 1),
    ("At least 39 people were killed when the building collapsed on Monday.", 1),
    ("Unemployment fell to 3.9 percent in December, the lowest level since 2000.", 1),
    ("The company's revenue doubled to 4 billion euros last year.", 1),
    ("Advisers from Russia were on the ground in Libya throughout the spring.", 1),
    ("The drones were shipped from Iran through Iraq before reaching Syria.", 1),
    ("Police arrested 12 protesters outside parliament on Saturday.", 1),
    ("The bill passed the Senate by a vote of 52 to 48.", 1),
    ("Exports to China have grown by a third since the trade deal was signed.", 1),
    ("The minister resigned after it emerged she had used public funds for travel.", 1),
    ("Half of the country's hospitals lack basic equipment, a government audit found.", 1),
    ("The vaccine was tested on 40,000 volunteers in six countries.", 1),
    ("Inflation in Turkey reached 85 percent in October.", 1),
    ("The fire destroyed more than 300 homes in the region.", 1),
    ("The court sentenced him to seven years in prison for fraud.", 1),
    ("The country is the world's largest producer of cobalt.", 1),
    ("Click here to subscribe to our newsletter.", 0),
    ("What happens next is anyone's guess.", 0),
    ("It was a beautiful morning in the capital.", 0),
    ("Thank you for joining us tonight.", 0),
    ("She said she hoped the talks would continue.", 0),
    ("We will keep you updated as the story develops.", 0),
    ("Many residents say they feel forgotten.", 0),
    ("The meeting is expected to resume on Tuesday.", 0),
    ("Read more: the best restaurants in town.", 0),
    ("He smiled and waved to the crowd.", 0),
    ("Critics called the plan a disgrace.", 0),
    ("I don't know what to tell you.", 0),
    ("The mood among supporters was cheerful.", 0),
    ("Share this article on social media.", 0),
]


def report(name: str, y, scores, threshold: float) -> None:
    pred = scores >= threshold
    print(f"  {name:<38} F1 {f1_score(y, pred):.3f}  P {precision_score(y, pred, zero_division=0):.3f}  "
          f"R {recall_score(y, pred):.3f}  n={len(y)} (Yes {int(np.sum(y))})")


def shipped(data: Path, cache: Path | None) -> dict:
    model_sem, model_lex = load_model(True), load_model(False)
    meta = model_sem.meta
    print(f"shipped model: stack {meta['stack']}, thresholds ensemble {model_sem.threshold_ensemble} / "
          f"lexical {model_sem.threshold_lexical}; semantic available: {model_sem.semantic}")
    figures = meta["figures"]
    print(f"cross-validation on train + dev ({meta['rows']} rows; folds: 5 chronological blocks of train + dev; "
          "recorded by the training command):")
    print(f"  ensemble  out-of-fold F1 {figures['cv_f1']:.3f}  by fold {figures['cv_f1_by_fold']}")
    print(f"  lexical   out-of-fold F1 {figures['lexical_cv_f1']:.3f}  by fold {figures['lexical_cv_f1_by_fold']}")
    if model_sem.tuned is not None:
        tuned = model_sem.tuned
        print(f"fine-tuned top: {tuned['layers']} layers, shipped as '{tuned['variant']}' {tuned['stack']}, threshold "
              f"{tuned['threshold']}; cross-validated F1 on the latest 20% of train (models trained on the earlier 80%): "
              f"{tuned['figures']['shifted_block_cv_f1']}")
    nlp = load_nlp(())
    feats = {s: recipe.featurise(data, s, cache, nlp) for s in ("train", "dev", "dev-test")}
    for split in ("dev", "dev-test"):
        lex, emb, y = feats[split]
        lexical = 1 / (1 + np.exp(-(lex @ model_lex.lexical_coef + model_lex.lexical_bias)))
        print(f"{split}:" if split == "dev-test" else "dev (in the training pool: a fit figure, not a test):")
        if model_sem.tuned is not None:
            texts = [e.text for e in read_split(data, split)]
            report(f"{model_sem.name} (shipped, [semantic])", y, model_sem.tuned_scores(lexical, texts),
                   model_sem.threshold)
        if model_sem.semantic:
            network = model_sem.network(emb)
            report("ensemble of the previous release", y, model_sem.combine(lexical, network),
                   model_sem.threshold_ensemble)
            report("embedding network alone @0.5", y, network, 0.5)
        report("lexical fallback (shipped, no torch)", y, lexical, model_sem.threshold_lexical)
    return feats


def cross_splits(data: Path, feats: dict, quick: bool) -> None:
    """Base models refitted on part of train; the shipped stacker and thresholds applied unchanged. (The fine-tuned
    top is not refitted here: an epoch takes about 14 minutes; its shifted-block figure comes from the training
    command, above.)"""
    examples = read_split(data, "train")
    lex, emb, y = feats["train"]
    ids = np.array([int(e.id) for e in examples])
    length = np.array([len(e.text.split()) for e in examples])
    digits = np.array([bool(re.search(r"\d", e.text)) for e in examples])
    cut = np.quantile(ids, 0.8)
    splits = {"chronological (earlier 80% → latest 20%)": (ids < cut, ids >= cut),
              "short → long (by median length)": (length <= np.median(length), length > np.median(length)),
              "long → short": (length > np.median(length), length <= np.median(length)),
              "no digits → with digits": (~digits, digits)}
    if quick:
        splits = dict(list(splits.items())[:1])
    model = load_model(True)
    for name, (tr, te) in splits.items():
        t0 = time.time()
        lexical = recipe.fit_lexical(lex[tr], y[tr]).predict_proba(lex[te])[:, 1]
        network = recipe.fit_embedding(emb[tr], y[tr]).predict_proba(emb[te])[:, 1]
        baseline = LogisticRegression(C=1.0, max_iter=3000).fit(emb[tr], y[tr]).predict_proba(emb[te])[:, 1]
        print(f"cross-split {name}: train {int(tr.sum())}, test {int(te.sum())} ({time.time() - t0:.0f}s)")
        report("lexical + embedding ensemble recipe", y[te], model.combine(lexical, network), model.threshold_ensemble)
        report("lexical recipe", y[te], lexical, model.threshold_lexical)
        report("baseline: embedding + LR @0.5", y[te], baseline, 0.5)


def news(nlp_sentences: list[str]) -> None:
    texts, labels = [t for t, _ in NEWS_PROBE], np.array([y for _, y in NEWS_PROBE])
    from newstrace.claims.checkworthiness import score_texts
    for semantic in (True, False):
        model = load_model(semantic)
        if semantic and not model.semantic:
            continue
        scores = np.array(score_texts(texts, semantic=semantic))
        report(f"news probe, {model.name}", labels, scores, model.threshold)
        if nlp_sentences:
            flagged = np.array(score_texts(nlp_sentences, semantic=semantic)) >= model.threshold
            print(f"  wikinews/examples sentences flagged check-worthy: {flagged.mean():.0%} of {len(flagged)}")


def sample_sentences(shared: Path, limit: int = 400) -> list[str]:
    import csv

    csv.field_size_limit(10_000_000)
    sents: list[str] = []
    path = shared / "samples" / "wikinews" / "wikinews_2019.csv"
    if not path.exists():
        return sents
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for para in row["text"].split("\n"):
                sents += [s.strip() for s in re.split(r"(?<=[.!?])\s+", para) if len(s.split()) >= 6]
            if len(sents) >= limit:
                break
    return sents[:limit]


def timing(sentences: list[str]) -> None:
    from newstrace.claims.checkworthiness import score_texts

    nlp = load_nlp(())
    t0 = time.time()
    docs = list(nlp.pipe(sentences))
    parse = time.time() - t0
    for semantic in (False, True):
        model = load_model(semantic)
        if semantic and not model.semantic:
            continue
        t0 = time.time()
        model.score(docs)
        took = time.time() - t0
        print(f"  {model.name:<30} {len(docs) / took:,.0f} sentences/s after parsing "
              f"(spaCy parse: {len(docs) / parse:,.0f} sentences/s)")
    del score_texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "checkworthy")
    parser.add_argument("--cache", type=Path, help="reuse parsed features and embeddings from this folder")
    parser.add_argument("--quick", action="store_true", help="only the chronological cross-split")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"skipped: no CheckThat! data at {args.data} (development data, see ../shared/data)")
        return
    print(f"newstrace check-worthiness bench, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    feats = shipped(args.data, args.cache)
    cross_splits(args.data, feats, args.quick)
    sentences = sample_sentences(args.data.parent)
    print("news sentences:")
    news(sentences)
    print("timing (this machine, 1 process):")
    timing(sentences or [t for t, _ in NEWS_PROBE] * 10)


if __name__ == "__main__":
    main()
