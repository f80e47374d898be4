"""How newstrace's spaCy components save and find their weight files (``nlp.to_disk`` / ``spacy.load``)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable, Iterable, TypeVar

import numpy as np

T = TypeVar("T")


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


def read_weights(folder: Path, stem: str, build: Callable[[dict[str, np.ndarray], dict], T]) -> T | None:
    """``build(arrays, settings)`` from ``stem.npz`` and ``stem.json`` in ``folder``; ``None`` when either is absent."""
    try:
        with np.load(folder / f"{stem}.npz") as arrays:
            loaded = {k: arrays[k] for k in arrays.files}
        meta = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return build(loaded, meta)
