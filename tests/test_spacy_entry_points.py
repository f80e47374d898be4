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
