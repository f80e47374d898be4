"""The end of ``make demo``: a short summary across the examples, and where the full output went."""
from __future__ import annotations

import importlib.util
import json

from conftest import ROOT
from report_fixtures import sample_analysis
from test_summary import _one_interviewee_relayed


def demo_summary():
    spec = importlib.util.spec_from_file_location("demo_summary", ROOT / "scripts" / "demo_summary.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_demo_ends_with_a_short_summary_and_the_place_of_the_full_output(tmp_path, capsys):
    for name, analysis in (("budget", sample_analysis()), ("interview", _one_interviewee_relayed())):
        (tmp_path / f"{name}.json").write_text(json.dumps(analysis.to_dict()), encoding="utf-8")
    assert demo_summary().main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) < 20
    assert "newstrace demo: 2 sample articles" in out
    assert ("Across the examples: 6 quotes from 3 sources (3 named, 0 unnamed), 5 claims, 1 number that does not "
            "add up; 2 articles resting on one source or one upstream outlet.") in out
    assert "✗ budget: 12 / 5 = 2.4, but the text says 'double' (2)" in out
    assert f"Full output in {tmp_path}/" in out
    assert (tmp_path / "budget.html").read_text(encoding="utf-8").count('id="summary"') == 1


def test_an_empty_output_folder_is_one_line_and_exit_3(tmp_path, capsys):
    assert demo_summary().main([str(tmp_path)]) == 3
    assert capsys.readouterr().err.strip() == f"demo: no analyses in {tmp_path}"
