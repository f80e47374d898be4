"""How newstrace's spaCy components save and find their weight files (``nlp.to_disk`` / ``spacy.load``)."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterable


def save_weights(source: Path, path: str | Path, names: Iterable[str]) -> None:
    """Copy the weight files ``names`` found in ``source`` into ``path`` (the folder spaCy gives a component)."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        if (source / name).exists():
            shutil.copyfile(source / name, folder / name)


def saved_weights(path: str | Path, needed: str, component: str) -> Path:
    """The folder a saved pipeline gives ``component``, once it holds the file ``needed``."""
    folder = Path(path)
    if not (folder / needed).exists():
        raise ValueError(f"{component}: no weights in {folder} ({needed} is missing)")
    return folder
