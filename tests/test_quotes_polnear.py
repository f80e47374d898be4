"""The PolNeAR bench reader and script (development data; skipped when ../shared is absent)."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

pytestmark = pytest.mark.shared


def test_brat_reader_trusts_offsets_over_multiline_span_text(shared_data):
    from training.polnear import read_ann

    ann = shared_data / "polnear/train/attributions/wash-post_2016-06-27_byline-amber-phillips_4e07.ann"
    if not ann.exists():
        pytest.skip("file not in this copy of PolNeAR")
    text = (shared_data / "polnear/train/text/wash-post_2016-06-27_byline-amber-phillips.txt").read_text(encoding="utf-8")
    relations = read_ann(ann)
    assert relations and all(r.content and r.cue for r in relations)
    assert all(0 <= s < e <= len(text) for r in relations for s, e in r.content + r.cue + r.source)


def test_one_annotator_file_per_text(shared_data):
    from training.polnear import split_files

    pairs = split_files(shared_data / "polnear/dev")
    assert len(pairs) == len({t for t, _ in pairs}) == len(list((shared_data / "polnear/dev/text").glob("*.txt")))


def test_eval_script_prints_all_figures(shared_data):
    out = subprocess.run([sys.executable, str(ROOT / "bench/eval_attribution.py"), str(shared_data / "polnear/dev"),
                          "--limit", "2"], capture_output=True, text=True, timeout=300,
                         env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    for row in ("content  direct", "source   indirect", "cue      all", "speaker resolution rate"):
        assert row in out.stdout


def test_eval_script_compares_with_the_annotators_agreement(shared_data):
    out = subprocess.run([sys.executable, str(ROOT / "bench/eval_attribution.py"), str(shared_data / "polnear/dev"),
                          "--limit", "1", "--agreement"], capture_output=True, text=True, timeout=300,
                         env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert "agreement on 2 texts with several annotators" in out.stdout
    rows = [line.split() for line in out.stdout.splitlines() if line.split()[:1] in (["content"], ["source"], ["cue"])]
    agreement = [r for r in rows if len(r) == 4]  # role, annotators, newstrace, ratio
    assert [r[0] for r in agreement] == ["content", "source", "cue"]
    assert all(0.5 < float(r[1]) <= 1.0 and 0.0 < float(r[2]) <= 1.0 for r in agreement)


def test_agreement_needs_texts_with_several_annotators(tmp_path, capsys):
    import eval_attribution

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text("Anna Berg said the budget was late.", encoding="utf-8")
    (tmp_path / "attributions" / "a_x.ann").write_text("", encoding="utf-8")
    eval_attribution.agreement(tmp_path)
    assert "no text of this split has more than one annotator" in capsys.readouterr().out


def test_eval_script_rejects_a_folder_that_is_not_a_split(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "bench/eval_attribution.py"), str(tmp_path)],
                         capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert out.returncode != 0 and "no text/ folder" in out.stderr and "Traceback" not in out.stderr


def test_cue_threshold_script_rejects_a_folder_that_is_not_a_split(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "bench/cue_threshold.py"), str(tmp_path)],
                         capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert out.returncode != 0 and "no text/ folder" in out.stderr and "Traceback" not in out.stderr
