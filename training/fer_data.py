"""FER2013 loading: raw u8 files from ../shared/data/fer2013 (see its README), a fixed validation part of train."""
import csv
import gzip
import lzma
import os

import numpy as np

FER_DIR = os.environ.get("FER2013_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "fer2013"))
CLASSES7 = ["angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"]
# The paper's four moods, in the order the shipped model outputs them.
MOODS = ["angry", "happy", "neutral", "sad"]
MOOD_IDS7 = [CLASSES7.index(m) for m in MOODS]


def load_split(split, folder=FER_DIR):
    """Returns (images uint8 [N,48,48], labels uint8 [N]) in the 7-class numbering. folder: FER2013, or a folder
    in the same layout (scripts/posed-crops.ts writes faces-posed persons 01-14 so)."""
    packed = os.path.join(folder, f"{split}-images.u8.xz")  # training/pack_fer.py, for a lent GPU
    with (lzma.open(packed) if os.path.exists(packed) else gzip.open(os.path.join(folder, f"{split}-images.u8.gz"), "rb")) as f:
        raw = f.read()
    labels = np.fromfile(os.path.join(folder, f"{split}-labels.u8"), dtype=np.uint8)
    if len(raw) != len(labels) * 2304:
        raise ValueError(f"{split}: {len(raw)} image bytes for {len(labels)} labels")
    return np.frombuffer(raw, dtype=np.uint8).reshape(-1, 48, 48), labels


POSED_DIR = os.path.join(os.path.dirname(__file__), "runs", "posed-01-14")


def posed_faces(persons=None):
    """(crops, 7-class labels, persons) of faces-posed persons 01-14's mood photos as the product cuts them
    (scripts/posed-crops.ts writes them); persons [lo, hi] keeps those persons only."""
    images, labels = load_split("train", POSED_DIR)
    person = np.fromfile(os.path.join(POSED_DIR, "train-persons.u8"), dtype=np.uint8)
    keep = np.ones(len(labels), bool) if persons is None else (person >= persons[0]) & (person <= persons[1])
    return images[keep], labels[keep], person[keep]


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


# FERPlus vote columns for each of CLASSES7 (contempt, unknown and not-a-face are left out).
FERPLUS_COLUMNS = ["anger", "disgust", "fear", "happiness", "neutral", "sadness", "surprise"]


def ferplus_distribution(split):
    """FERPlus annotators' votes as a distribution over CLASSES7 per image of `split` [N,7], float32;
    rows of images without a FERPlus link or without any emotion vote are all zero."""
    with open(os.path.join(FER_DIR, "ferplus-votes.csv")) as f:
        votes = [[float(r[c]) for c in FERPLUS_COLUMNS] for r in csv.DictReader(f)]
    with open(os.path.join(FER_DIR, "image-index.csv")) as f:
        index = [r for r in csv.DictReader(f) if r["split"] == split]
    out = np.zeros((len(index), 7), dtype=np.float32)
    for r in index:
        row = int(r["fer2013_row"])
        if row >= 0 and sum(votes[row]) > 0:
            out[int(r["index"])] = np.array(votes[row]) / sum(votes[row])
    return out


def folds(n, k, seed=2025):
    """Fold 0..k-1 of each of n faces: k random parts of near-equal size, the same on every call."""
    return np.random.default_rng(seed).permutation(n) % k
