"""PyTorch evaluation of checkpoints exactly as shipped (weights rounded like the export, several checkpoints
averaged like the exported model, test-time views from the contract), to cross-check `npm run eval`:
  /usr/bin/python3 training/evaluate.py runs/moodnet/best.pt [more.pt ...] [--split val]"""
import argparse
import json
import os

import numpy as np
import torch

from export_tfjs import ROOT, load_rounded, members_moods
from fer_data import load_split, to_moods, train_val_split


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoints", nargs="+")
    ap.add_argument("--split", choices=["val", "test"], default="test")
    ap.add_argument("--no-tta", action="store_true", help="the image alone, without the contract's test-time views")
    ap.add_argument("--dtype", choices=["float16", "uint8", "float32"], default="float16")
    args = ap.parse_args()
    torch.set_num_threads(2)
    contract = json.load(open(os.path.join(ROOT, "models", "emotion", "contract.json")))
    members = [load_rounded(c, args.dtype) for c in args.checkpoints]
    if args.split == "test":
        images, labels = to_moods(*load_split("test"))
    else:
        images7, labels7 = load_split("train")
        _, va = train_val_split(labels7)
        images, labels = to_moods(images7[va], labels7[va])
    if any(cfg.get("crop") for _, cfg, _ in members):
        # Crop-trained nets: the single centre crop, then the ten crops (centre, corners, each mirrored).
        single = members_moods(members, images, ["identity"], 1).argmax(1)
        print(f"single centre crop: accuracy {np.mean(single == labels):.4f}")
        probs = members_moods(members, images, ["identity"] if args.no_tta else ["identity", "hflip"], 1 if args.no_tta else 5)
        print("ten crops (centre and corners, each mirrored):" if not args.no_tta else "single centre crop:")
    else:
        views = ["identity"] if args.no_tta else contract["testTimeAugmentation"]
        probs = members_moods(members, images, views)
    pred = probs.argmax(1)
    f1, precision, recall = [], [], []
    for c in range(4):
        tp = np.sum((pred == c) & (labels == c))
        p, r = tp / max(1, np.sum(pred == c)), tp / max(1, np.sum(labels == c))
        precision.append(p)
        recall.append(r)
        f1.append(2 * p * r / (p + r) if p + r else 0)
    print(f"macro precision {np.mean(precision):.4f}, macro recall {np.mean(recall):.4f}")
    confusion = np.zeros((4, 4), dtype=int)
    np.add.at(confusion, (labels, pred), 1)
    print(f"{args.split}: {len(labels)} images, accuracy {np.mean(pred == labels):.4f}, macro F1 {np.mean(f1):.4f}")
    print("confusion (rows true, columns predicted: angry, happy, neutral, sad):")
    print(confusion)


if __name__ == "__main__":
    main()
