"""``batch`` takes the near-duplicate settings of ``dedup`` (defined once in the CLI, passed as one DedupConfig)."""
from __future__ import annotations

import json

import pytest

from newstrace.cli import cli, main
from newstrace.cli.options import DEDUP_DEFAULTS
from newstrace.corpus.dedup_config import DedupConfig
from newstrace.scale.batch import BatchOptions, batch, settings_conflict

pytestmark = pytest.mark.scale

ELEVEN = "The harbour council approved the new bridge budget on Monday morning."  # 11 words: under min_words


def dedup_params(command: str) -> dict[str, dict]:
    params = cli.get_command(None, command).params
    return {p.name: p.to_info_dict() for p in params if p.name in DEDUP_DEFAULTS}


def test_batch_and_dedup_take_the_same_dedup_options():
    assert set(dedup_params("dedup")) == set(DEDUP_DEFAULTS) and dedup_params("batch") == dedup_params("dedup")


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


@pytest.fixture()
def twins(tmp_path):
    path = tmp_path / "twins.jsonl"
    rows = [{"url": f"https://{outlet}.example/bridge", "text": ELEVEN, "outlet": outlet} for outlet in ("a", "b")]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_batch_applies_min_words_from_its_dedup_config(client, twins, tmp_path):
    default = batch([str(twins)], tmp_path / "default", client, BatchOptions())
    assert default.articles == 2 and default.dedup.pairs == 0  # too short to compare, as in ``dedup``
    loose = batch([str(twins)], tmp_path / "loose", client, BatchOptions(dedup_config=DedupConfig(min_words=5)))
    assert loose.articles == 2 and loose.dedup.pairs == 1 and loose.dedup.clusters == 1


def test_cli_batch_passes_the_dedup_options_and_refuses_other_signature_settings(client, twins, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["batch", str(twins), "--out", str(out), "--scheduler", client.scheduler.address, "-q"]
    assert main(args + ["--min-words", "5"]) == 0
    assert "1 near-duplicate clusters (1 pairs)" in capsys.readouterr().out
    assert main(args + ["--min-words", "5", "--jaccard", "0.9"]) == 0  # the near-duplicates computed again
    assert json.loads((out / "_dedup.json").read_text())["config"] == DedupConfig(min_words=5, jaccard=0.9).to_dict()
    assert "1 near-duplicate clusters (1 pairs)" in capsys.readouterr().out
    assert main(args + ["--min-words", "5", "--shingle", "3"]) == 2
    err = capsys.readouterr().err
    assert "--shingle 5 (not 3)" in err and "Traceback" not in err


def test_settings_conflict_names_the_settings_an_output_was_made_with(tmp_path):
    (tmp_path / "_signatures.json").write_text(json.dumps(DedupConfig(num_perm=64).signature_settings()))
    assert settings_conflict(tmp_path, BatchOptions(dedup_config=DedupConfig(num_perm=64, jaccard=0.9))) is None
    message = settings_conflict(tmp_path, BatchOptions())
    assert "--num-perm 64 (not 128)" in message and "another --out" in message
    with pytest.raises(ValueError):
        batch([], tmp_path, None, BatchOptions())
