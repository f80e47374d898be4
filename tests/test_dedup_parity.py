"""One dedup: ``newstrace dedup`` (one process) and ``newstrace batch`` (Dask) find the same clusters and the same
earliest versions on the same corpus, by the same rules (``corpus/dedup.py``)."""
from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newstrace.corpus import DedupConfig, dedup
from newstrace.model import Analysis, Article, Source, Span
from newstrace.scale.output import write_table
from newstrace.scale.partition import signature_row
from newstrace.scale.tables import analysis_rows

pytestmark = pytest.mark.scale

WORDS = ("harbour council budget bridge river school mayor strike museum tram rail forest festival hospital "
         "election court market water energy housing farmers teachers library airport police storm").split()


def story(seed: int, n: int = 40) -> str:
    """A text of ``n`` words no other seed shares five in a row with."""
    return " ".join(f"{WORDS[(seed * 7 + i * (seed + 3)) % len(WORDS)]}{(seed * 31 + i) % 97}" for i in range(n)) + "."


def article(text: str, url: str, outlet: str, published: str | None, upstream: str | None = None) -> Analysis:
    chain = [Source(upstream, role="origin", signal="source-line")] if upstream else []
    chain.append(Source(outlet, role="republisher" if upstream else "origin", date=published, url=url,
                        signal="page"))
    return Analysis(Article(text=text, url=url, outlet=outlet, published=published,
                            paragraphs=[Span.of(text, 0, len(text))]), provenance=chain)


def corpus() -> list[Analysis]:
    eleven = "one two three four five six seven eight nine ten eleven"
    return [
        # The Post is dated first, but its chain names the Herald: the Herald is the earliest version.
        article(story(1), "https://post.example/a", "Post", "2024-01-01", upstream="Herald"),
        article(story(1) + " Updated.", "https://herald.example/a", "Herald", "2024-01-05"),
        # A wire story in three outlets: the earliest date wins.
        article(story(2), "https://one.example/w", "One", "2024-03-03"),
        article(story(2), "https://two.example/w", "Two", "2024-03-02"),
        article("Intro. " + story(2), "https://three.example/w", "Three", "2024-03-04"),
        # Nothing orders these two: the first seen.
        article(story(3), "https://x.example/n", "X", None),
        article(story(3), "https://y.example/n", "Y", None),
        # Too short to compare (min_words): no pair on either side.
        article(eleven, "https://short.example/1", "S1", "2024-01-01"),
        article(eleven, "https://short.example/2", "S2", "2024-01-02"),
        article(story(4), "https://alone.example/u", "Alone", "2024-05-05"),
    ]


def local_clusters(analyses: list[Analysis], config: DedupConfig) -> dict[frozenset, tuple[str, str]]:
    result = dedup(analyses, config)
    urls = [d.article.url for d in result.documents]
    return {frozenset(urls[m] for m in c.members): (urls[c.earliest], c.why) for c in result.clusters}


def write_batch_output(out: Path, analyses: list[Analysis], config: DedupConfig, per_partition: int = 4) -> None:
    """What ``newstrace batch`` leaves for its dedup step: the tables and the signatures, partition by partition."""
    for start in range(0, len(analyses), per_partition):
        part = f"p{start // per_partition}"
        tables: dict[str, list] = {"signatures": []}
        for i, analysis in enumerate(analyses[start:start + per_partition]):
            doc_id = f"{part}-{i:05d}"
            for table, rows in analysis_rows(analysis, doc_id, {"partition": part, "locator": doc_id,
                                                                "warc_date": None}).items():
                tables.setdefault(table, []).extend(rows)
            tables["signatures"].append(signature_row(doc_id, part, analysis.article, None, config))
        for table, rows in tables.items():
            write_table(out, table, f"part-{part}", rows)


def batch_clusters(out: Path) -> dict[frozenset, tuple[str, str]]:
    rows = pq.read_table(out / "dedup" / "clusters").to_pylist()
    clusters: dict[str, list[dict]] = {}
    for r in rows:
        clusters.setdefault(r["cluster_id"], []).append(r)
    return {frozenset(r["url"] for r in members): (members[0]["earliest_url"], members[0]["why"])
            for members in clusters.values()}


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


@pytest.mark.parametrize("config", [DedupConfig(), DedupConfig(min_words=5, jaccard=0.6)])
def test_local_and_dask_dedup_find_the_same_clusters_and_earliest_versions(client, tmp_path, config):
    from newstrace.scale.dedup import find_near_duplicates

    analyses = corpus()
    write_batch_output(tmp_path, analyses, config)
    find_near_duplicates(client, tmp_path, config=config)
    local = local_clusters(analyses, config)
    assert batch_clusters(tmp_path) == local
    herald = next(earliest for members, earliest in local.items() if "https://post.example/a" in members)
    assert herald[0] == "https://herald.example/a" and herald[1] != "earliest stated date"  # provenance first
    short = frozenset({"https://short.example/1", "https://short.example/2"})
    assert (short in local) == (config.min_words <= 11)
