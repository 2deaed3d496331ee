"""How often FER2013's labels agree with FERPlus's ten annotators, and a checkpoint's test accuracy by how many
of them agree with the label, and over all seven classes (context for the accuracy target, not a tuning tool):
  /usr/bin/python3 training/label_agreement.py training/runs/moodnet_sam/best.pt --dtype uint8"""
import argparse

import numpy as np
import torch

from export_tfjs import load_rounded, members_moods, torch_logits
from fer_data import MOOD_IDS7, ferplus_distribution, load_split, to_moods

# Shares of the ten votes that the FER2013 label received: none, 1-3, 4-6, 7-10.
STRATA = [(0, 0.05, "0 votes"), (0.05, 0.35, "1-3 votes"), (0.35, 0.65, "4-6 votes"), (0.65, 1.01, "7-10 votes")]


def majority_agreement(labels7, votes):
    """Share of mood faces with votes whose FERPlus majority (over the moods, and over all 7) is the FER2013 label."""
    mood = np.isin(labels7, MOOD_IDS7) & (votes.sum(1) > 0)
    over_moods = np.array(MOOD_IDS7)[votes[:, MOOD_IDS7].argmax(1)]
    return mood.sum(), np.mean(over_moods[mood] == labels7[mood]), np.mean(votes.argmax(1)[mood] == labels7[mood])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoints", nargs="+")
    ap.add_argument("--dtype", choices=["float16", "uint8", "float32"], default="float16")
    args = ap.parse_args()
    torch.set_num_threads(2)
    images7, labels7 = load_split("test")
    votes7 = ferplus_distribution("test")
    train_labels7 = load_split("train")[1]
    for split, labels, votes in (("train", train_labels7, ferplus_distribution("train")), ("test", labels7, votes7)):
        n, moods, seven = majority_agreement(labels, votes)
        print(f"{split}: FERPlus majority = FER2013 label on {moods:.3f} of {n} mood faces (over 7 classes: {seven:.3f})")

    members = [load_rounded(c, args.dtype) for c in args.checkpoints]
    model, cfg, _ = members[0]
    if cfg["classes"] == 7:  # the literature reports all seven classes
        pred7 = torch_logits(model, images7 / 255.0).argmax(1).numpy()
        print(f"{args.checkpoints[0]}, one view: 7-class test accuracy {np.mean(pred7 == labels7):.4f} on {len(labels7)} faces")
    votes = votes7[np.isin(labels7, MOOD_IDS7)]
    images, labels = to_moods(images7, labels7)
    pred = members_moods(members, images, ["identity"]).argmax(1)
    share = votes[np.arange(len(labels)), np.array(MOOD_IDS7)[labels]]
    has = votes.sum(1) > 0
    print(f"model, one view: test accuracy {np.mean(pred == labels):.4f} on {len(labels)} mood faces; by annotators agreeing:")
    for lo, hi, name in STRATA:
        s = has & (share >= lo) & (share < hi)
        print(f"  {name:10s} {s.sum():5d} faces ({s.sum() / has.sum():.3f})  accuracy {np.mean(pred[s] == labels[s]):.3f}")
    clear = has & (share >= 0.65)
    for target in (0.95, 1.0):
        acc = (np.sum(pred[~clear] == labels[~clear]) + target * clear.sum()) / len(labels)
        print(f"  accuracy if {target:.2f} on the 7-10 vote faces, unchanged elsewhere: {acc:.4f}")


if __name__ == "__main__":
    main()
