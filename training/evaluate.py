"""PyTorch evaluation of checkpoints exactly as shipped (weights rounded like the export, several checkpoints
averaged like the exported model, test-time views from the contract), to cross-check `npm run eval`:
  /usr/bin/python3 training/evaluate.py runs/moodnet/best.pt [more.pt ...] [--split val] [--per-view]
  /usr/bin/python3 training/evaluate.py --held-out crop40[,crop40_l]   # held-out teachers, cross-validated"""
import argparse
import json
import os

import numpy as np
import torch

from augment import crop_spots, crop_views
from export_tfjs import ROOT, held_out_checkpoints, load_rounded, members_moods, spread, torch_moods
from fer_data import folds, load_split, posed_faces, to_moods, train_val_split


def print_per_view(members, images, labels):
    """Accuracy of each test-time view alone (the five windows, each plain and mirrored), of the centre window
    with its mirror, of the four corners, of all ten, and of the whole 48 px face (the nets pool globally)."""
    (model, cfg, _), = members
    faces = images / 255.0
    cuts = crop_views(torch.from_numpy(faces).float().unsqueeze(1), cfg["crop"], 5)[:, :, 0].numpy()
    probs = np.array([torch_moods(model, c[:, :, ::-1].copy() if m else c, cfg["classes"]) for c in cuts for m in (0, 1)])
    acc = lambda p: f"{np.mean(p.argmax(1) == labels):.4f}"
    names = ["centre", "top left", "top right", "bottom left", "bottom right"]
    print(f"{len(labels)} images; each window plain / mirrored ({crop_spots(48, cfg['crop'])}):")
    print(", ".join(f"{n} {acc(probs[2 * k])} / {acc(probs[2 * k + 1])}" for k, n in enumerate(names)))
    print(f"centre and its mirror {acc(probs[:2].sum(0))}, the four corners and mirrors {acc(probs[2:].sum(0))}, "
          f"ten crops {acc(probs.sum(0))}, whole 48 px face {acc(torch_moods(model, faces, cfg['classes']))}")


def held_out_faces(members):
    """Mood faces and labels of the training fold that these held-out teachers (train.py --fold) all left out."""
    left_out = {tuple(cfg.get("fold") or ()) for _, cfg, _ in members}
    assert len(left_out) == 1 and () not in left_out, f"held-out needs teachers that left out one same fold: {left_out}"
    (i, k), = left_out
    images7, labels7 = load_split("train")
    tr, _ = train_val_split(labels7)
    part = tr[folds(len(tr), k) == i]
    return to_moods(images7[part], labels7[part])


def posed_held_out(members):
    """Mood faces of the faces-posed persons 01-14 that these fine-tuned nets (train.py --posed-persons) all left out."""
    seen = {tuple(cfg.get("posed_persons") or ()) for _, cfg, _ in members}
    assert len(seen) == 1 and () not in seen, f"posed needs nets fine-tuned on one same part of persons 01-14: {seen}"
    (lo, hi), = seen
    images, labels, person = posed_faces()
    left_out = (person < lo) | (person > hi)
    return to_moods(images[left_out], labels[left_out])


def split_faces(split, members):
    if split == "test":
        return to_moods(*load_split("test"))
    if split == "held-out":
        return held_out_faces(members)
    if split == "posed":
        return posed_held_out(members)
    images7, labels7 = load_split("train")
    _, va = train_val_split(labels7)
    return to_moods(images7[va], labels7[va])


def contract_sides(contract):
    """The sides the face is resampled to for each frame's windows (48 alone: the face as cut)."""
    return tuple(side for _, _, side in contract["frameCrops"][0]) if contract.get("frameCrops") else (48,)


def moods(members, images, no_tta, contract, sides):
    """(the centre crop's mood probabilities, or None for nets not trained on crops; the test-time views' of
    each member alone, [members, N, 4]: their mean is the model's)."""
    if any(cfg.get("crop") for _, cfg, _ in members):
        # Crop-trained nets: the single centre crop, and the ten crops (centre, corners, each mirrored) of the
        # face resampled to each of sides.
        single = members_moods(members, images, ["identity"], 1)
        views, crops, sides = (["identity"], 1, (48,)) if no_tta else (["identity", "hflip"], 5, sides)
    else:
        single, views, crops = None, ["identity"] if no_tta else contract["testTimeAugmentation"], 1
    return single, np.stack([members_moods([m], images, views, crops, sides=sides) for m in members])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoints", nargs="*")
    ap.add_argument("--split", choices=["val", "test", "held-out", "posed"], default="test",
                    help="held-out: the training faces of the fold that held-out teachers (train.py --fold) left out; "
                    "neither their checkpoint nor their schedule was chosen on them. posed: the faces-posed persons "
                    "01-14 that nets fine-tuned with --posed-persons left out")
    ap.add_argument("--held-out", metavar="RECIPES", help="cross-validation: for every fold I whose teachers exist, "
                    "checkpoints/<recipe>_fold<I>of5/best.pt of these recipes (comma-separated, averaged) on fold I, "
                    "pooled over the folds")
    ap.add_argument("--no-tta", action="store_true", help="the image alone, without the contract's test-time views")
    ap.add_argument("--dtype", choices=["float16", "uint8", "float32"], default="float16")
    ap.add_argument("--per-view", action="store_true", help="a crop-trained net: each of the ten views alone, and subsets")
    ap.add_argument("--sides", help="crop-trained nets: the ten crops of the face resampled to each of these sides, "
                    "comma-separated (default: the shipped contract's, as a check computes them)")
    ap.add_argument("--spread", type=int, default=0, metavar="K", help="crop-trained nets: the last K members see "
                    "one side a crop (crop k of five at sides[k %% len(sides)], with its mirror) instead of every side, "
                    "as a check of five frames feeds a net whose windows are spread over its frames")
    ap.add_argument("--threads", type=int, default=2, help="1 beside a training run (two 2-thread runs on 2 cores crawl)")
    args = ap.parse_args()
    if bool(args.checkpoints) == bool(args.held_out):
        ap.error("give checkpoints or --held-out RECIPES")
    torch.set_num_threads(args.threads)
    contract = json.load(open(os.path.join(ROOT, "models", "emotion", "contract.json")))
    sides = tuple(int(s) for s in args.sides.split(",")) if args.sides else contract_sides(contract)
    if args.held_out:
        fold_teams = [held_out_checkpoints(args.held_out.split(","), i) for i in range(5)]
        fold_teams = [team for team in fold_teams if all(os.path.exists(p) for p in team)]
        split, parts = f"{len(fold_teams)} of 5 held-out folds", []
        for team in fold_teams:
            members = spread(args.spread, [load_rounded(p, args.dtype) for p in team])
            print("fold", members[0][1]["fold"][0], "on", ", ".join(f"{os.path.basename(os.path.dirname(p))} (epoch {ck['epoch']})"
                                                                 for p, (_, _, ck) in zip(team, members)))
            images, labels = held_out_faces(members)
            parts.append((labels, *moods(members, images, args.no_tta, contract, sides)))
        labels, single, each = (None if x[0] is None else np.concatenate(x, axis=1 if x[0].ndim == 3 else 0)
                                for x in zip(*parts))
    else:
        split, members = args.split, spread(args.spread, [load_rounded(c, args.dtype) for c in args.checkpoints])
        images, labels = split_faces(args.split, members)
        if args.per_view:
            return print_per_view(members, images, labels)
        single, each = moods(members, images, args.no_tta, contract, sides)
    probs = each.mean(0)
    if len(each) > 1:
        # The members alone, on the same faces and views; their average is the figure below.
        print("each alone:", ", ".join(f"{np.mean(p.argmax(1) == labels):.4f}" for p in each))
    if single is not None:
        print(f"single centre crop: accuracy {np.mean(single.argmax(1) == labels):.4f}")
        print(f"ten crops (centre and corners, each mirrored) of the face at sides {', '.join(map(str, sides))}"
              + (f" (the last {args.spread}: crop k at one side, sides[k % {len(sides)}])" if args.spread else "") + ":"
              if not args.no_tta else "single centre crop:")
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
    print(f"{split}: {len(labels)} images, accuracy {np.mean(pred == labels):.4f}, macro F1 {np.mean(f1):.4f}")
    print("confusion (rows true, columns predicted: angry, happy, neutral, sad):")
    print(confusion)


if __name__ == "__main__":
    main()
