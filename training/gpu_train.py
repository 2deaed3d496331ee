"""Several nets trained at once on one lent GPU, each within a wall-clock budget, so that a 15-minute device
session always ends with finished schedules: the learning rate warms up, then follows a cosine over the
budget's time, not over a count of epochs. Faces live on the GPU, augmentation runs there, bf16 autocast.
Each net is its own process (they share the GPU); each writes OUT/<name>.pt (float16 weights and the config
evaluate.py and export_tfjs.py read) and OUT/<name>.jsonl, and prints its held-out figures.

  # here, once: the training faces packed to travel with the working tree (training/pack_fer.py)
  /usr/bin/python3 training/pack_fer.py
  # on the device (device tool: carry .device-data), e.g. two wide nets, the shortcut net and the shipped shape on
  # held-out fold 0:
  FER2013_DIR=.device-data/fer2013 python3 training/gpu_train.py --nets w0:moodnet_w:0,w1:moodnet_w:1,r0:moodnet_r:0,l0:moodnet_l:0 \
      --budget-s 330 --fold 0/5 --out $OUT
  # a tiny CPU rehearsal of the same script:
  /usr/bin/python3 training/gpu_train.py --nets a:moodnet_l:0,b:moodnet_w:0 --budget-s 20 --limit 512 --device cpu --out /tmp/gt
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fer_data import folds, load_split, to_moods, train_val_split  # noqa: E402
from models import MODELS, count_params  # noqa: E402
from train import RECIPES, augmented, bf16_pays, evaluate, step_loss  # noqa: E402

WARMUP = 0.03  # share of the budget spent warming the learning rate up


def lr_at(elapsed, budget, base):
    f = elapsed / budget
    return base * f / WARMUP if f < WARMUP else base * 0.5 * (1 + math.cos(math.pi * min(1.0, (f - WARMUP) / (1 - WARMUP))))


def train_one(name, model_name, seed, args):
    device = torch.device(args.device)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    images, labels7 = load_split("train")
    tr, va = train_val_split(labels7)
    cfg = {**RECIPES["crop40_w"], "model": model_name, "budget_s": args.budget_s, "keep": "last"}
    held_x, held_y = to_moods(images[va], labels7[va])  # without a fold: the validation part
    if args.fold:
        i, k = (int(v) for v in args.fold.split("/"))
        cfg["fold"] = [i, k]
        fold_of = folds(len(tr), k)
        held_x, held_y = to_moods(images[tr[fold_of == i]], labels7[tr[fold_of == i]])
        tr = tr[fold_of != i]
    if args.limit:  # a random few: the files are not in random order
        tr = np.sort(rng.choice(tr, args.limit, replace=False))
        keep = np.sort(rng.choice(len(held_y), min(args.limit, len(held_y)), replace=False))
        held_x, held_y = held_x[keep], held_y[keep]
    faces = torch.from_numpy(np.ascontiguousarray(images[tr])).to(device)
    labels = torch.from_numpy(labels7[tr].astype(np.int64)).to(device)
    model = MODELS[model_name](7).to(device, memory_format=torch.channels_last)
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9, nesterov=True, weight_decay=cfg["weight_decay"])
    log = open(os.path.join(args.out, f"{name}.jsonl"), "w")
    log.write(json.dumps({"config": cfg, "seed": seed, "params": count_params(model), "train_images": len(tr), "device": device.type}) + "\n")
    start, epoch, steps, bf16 = time.time(), 0, 0, bf16_pays(device)
    while time.time() - start < args.budget_s:
        model.train()
        order = rng.permutation(len(tr))
        loss_sum, seen = 0.0, 0
        for s in range(0, len(order) - cfg["batch"] + 1, cfg["batch"]):
            elapsed = time.time() - start
            if elapsed >= args.budget_s:
                break
            for g in opt.param_groups:
                g["lr"] = lr_at(elapsed, args.budget_s, cfg["lr"])
            b = order[s:s + cfg["batch"]]
            loss = step_loss(model, [], augmented(faces, b, cfg), labels[b], cfg, bf16)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            loss_sum += loss.item() * len(b)
            seen += len(b)
            steps += 1
        epoch += 1
        log.write(json.dumps({"epoch": epoch, "loss": loss_sum / max(1, seen), "elapsed_s": round(time.time() - start, 1)}) + "\n")
        log.flush()
    acc1, f1_1 = evaluate(model, held_x, held_y, 7, cfg["crop"], 1)
    acc, f1 = evaluate(model, held_x, held_y, 7, cfg["crop"], cfg["test_crops"])
    rec = {"net": name, "model": model_name, "seed": seed, "epochs": epoch, "steps": steps, "held_out": "fold" if args.fold else "val",
           "acc_1crop": acc1, "macro_f1_1crop": f1_1, "acc_10crop": acc, "macro_f1_10crop": f1}
    log.write(json.dumps(rec) + "\n")
    torch.save({"model": {k: v.half() if v.is_floating_point() else v for k, v in model.state_dict().items()}, "config": cfg,
                "epoch": epoch, "val_acc": acc, "val_macro_f1": f1}, os.path.join(args.out, f"{name}.pt"))
    print(json.dumps(rec), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nets", required=True, help="name:model:seed,... (models.MODELS names)")
    ap.add_argument("--budget-s", type=float, required=True, help="wall-clock seconds of training for each net")
    ap.add_argument("--fold", help="I/K: leave fold I of K of the training faces out and report on it")
    ap.add_argument("--out", required=True)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--limit", type=int, help="use only this many training and held-out faces (a rehearsal)")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if args.one:
        name, model_name, seed = args.one.split(":")
        torch.set_num_threads(1 if args.device == "cpu" else 4)
        return train_one(name, model_name, int(seed), args)
    specs = args.nets.split(",")
    for spec in specs:
        assert len(spec.split(":")) == 3 and spec.split(":")[1] in MODELS, f"not name:model:seed with a known model: {spec}"
    procs = [subprocess.Popen([sys.executable, __file__, *sys.argv[1:], "--one", spec]) for spec in specs]
    codes = [p.wait() for p in procs]
    if any(codes):
        sys.exit(f"exit codes {codes}")


if __name__ == "__main__":
    main()
