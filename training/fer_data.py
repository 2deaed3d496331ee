"""FER2013 loading: raw u8 files from ../shared/data/fer2013 (see its README), a fixed validation part of train."""
import gzip
import os

import numpy as np

FER_DIR = os.environ.get("FER2013_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "fer2013"))
CLASSES7 = ["angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"]
# The paper's four moods, in the order the shipped model outputs them.
MOODS = ["angry", "happy", "neutral", "sad"]
MOOD_IDS7 = [CLASSES7.index(m) for m in MOODS]


def load_split(split):
    """Returns (images uint8 [N,48,48], labels uint8 [N]) in the 7-class numbering."""
    with gzip.open(os.path.join(FER_DIR, f"{split}-images.u8.gz"), "rb") as f:
        raw = f.read()
    labels = np.fromfile(os.path.join(FER_DIR, f"{split}-labels.u8"), dtype=np.uint8)
    if len(raw) != len(labels) * 2304:
        raise ValueError(f"{split}: {len(raw)} image bytes for {len(labels)} labels")
    return np.frombuffer(raw, dtype=np.uint8).reshape(-1, 48, 48), labels


def to_moods(images, labels):
    """Keeps the four mood classes and renumbers them 0..3 in MOODS order."""
    keep = np.isin(labels, MOOD_IDS7)
    remap = np.full(7, -1, dtype=np.int64)
    remap[MOOD_IDS7] = np.arange(4)
    return images[keep], remap[labels[keep]]


def train_val_split(labels, val_fraction=0.1, seed=2024):
    """Stratified, fixed-seed split of train indices: tuning happens on val, never on test."""
    rng = np.random.default_rng(seed)
    val = []
    for c in np.unique(labels):
        idx = np.flatnonzero(labels == c)
        rng.shuffle(idx)
        val.extend(idx[: int(round(len(idx) * val_fraction))])
    val = np.sort(np.array(val))
    train = np.setdiff1d(np.arange(len(labels)), val)
    return train, val
