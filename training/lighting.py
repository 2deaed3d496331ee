"""How checkpoints read faces under the light a webcam meets: a sample of the validation part as it is and with
every face's gray levels changed (dim, dark and flat, bright, flat, gamma either way, light from one side),
averaged and viewed as evaluate.py does (models/emotion/REPORT.md, "Lighting"):
  /usr/bin/python3 training/lighting.py <checkpoints> --dtype uint8 --spread 2"""
import argparse
import json
import os

import numpy as np
import torch

from evaluate import contract_sides, moods, split_faces
from export_tfjs import ROOT, load_rounded, spread


def changes(x):
    """name -> the faces (float gray levels) under that light; the last lights the face unevenly, the others evenly."""
    mean = x.mean((1, 2), keepdims=True)
    ramp = np.linspace(0.3, 1.0, x.shape[2])[None, None, :]
    return {
        "as is": x,
        "dim (x 0.5)": x * 0.5,
        "dark and flat (x 0.3 + 20)": x * 0.3 + 20,
        "bright (255 - (255 - x) x 0.5)": 255 - (255 - x) * 0.5,
        "contrast halved": mean + 0.5 * (x - mean),
        "gamma 1.8": 255 * (x / 255) ** 1.8,
        "gamma 0.55": 255 * (x / 255) ** 0.55,
        "side light (x 0.3 -> 1.0, left to right)": x * ramp,
    }


def poor_light(faces, bounds):
    """Which faces the product notes as poorly lit (src/model/face-light.ts): darker, brighter or flatter than the
    contract's bounds."""
    mean, sd = faces.mean((1, 2)), faces.std((1, 2))
    return (mean < bounds["darkBelow"]) | (mean > bounds["brightAbove"]) | (sd < bounds["flatBelow"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoints", nargs="+")
    ap.add_argument("--dtype", choices=["float16", "uint8", "float32"], default="float16")
    ap.add_argument("--spread", type=int, default=0, metavar="K", help="as evaluate.py: the last K members spread")
    ap.add_argument("--faces", type=int, default=1000, help="validation faces drawn (seed 0)")
    args = ap.parse_args()
    torch.set_num_threads(2)
    contract = json.load(open(os.path.join(ROOT, "models", "emotion", "contract.json")))
    members = spread(args.spread, [load_rounded(c, args.dtype) for c in args.checkpoints])
    images, labels = split_faces("val", members)
    keep = np.sort(np.random.default_rng(0).choice(len(labels), args.faces, replace=False))
    images, labels = images[keep].astype(float), labels[keep]
    print(f"{args.faces} validation faces; accuracy; recall angry / happy / neutral / sad; share the popup notes as "
          "poorly lit, and the accuracy on those and on the others")
    for name, faces in changes(images).items():
        faces = np.clip(np.round(faces), 0, 255).astype(np.uint8)
        _, each = moods(members, faces, False, contract, contract_sides(contract))
        right = each.mean(0).argmax(1) == labels
        recall = " / ".join(f"{np.mean(right[labels == c]):.3f}" for c in range(4))
        noted = poor_light(faces.astype(float), contract["light"])
        split = " / ".join(f"{np.mean(right[part]):.3f}" if part.any() else "-" for part in (noted, ~noted))
        print(f"{name:42s} {np.mean(right):.4f}  {recall}  noted {np.mean(noted):.3f}: {split}", flush=True)


if __name__ == "__main__":
    main()
