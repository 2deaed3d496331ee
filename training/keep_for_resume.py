"""Keeps a run that must go on in a later session: training/runs/<name>/ -> training/checkpoints/<name>/ with
float16 weights and no optimizer state (every clone and device call carries the tree), and its log.

  /usr/bin/python3 training/keep_for_resume.py crop40_w_fold0of5
train.py finds it there and resumes; remove the folder from the tree when the run has ended."""
import os
import shutil
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def half(state):
    return {k: v.half() if v.is_floating_point() else v for k, v in state.items()}


def main(name):
    src, dst = os.path.join(HERE, "runs", name), os.path.join(HERE, "checkpoints", name)
    os.makedirs(dst, exist_ok=True)
    last = torch.load(os.path.join(src, "last.pt"), map_location="cpu")
    # The plateau schedule's state and the learning rate it reached travel too; SGD's momentum does not.
    torch.save({"model": half(last["model"]), "epoch": last["epoch"], "best": last["best"], "torch_rng": last["torch_rng"],
                "plateau": last.get("plateau"), "lr": [g["lr"] for g in last["opt"]["param_groups"]]},
               os.path.join(dst, "last.pt"))
    best = torch.load(os.path.join(src, "best.pt"), map_location="cpu")
    # A recipe that keeps its last epoch has best.pt = last.pt: carried once.
    if best["config"].get("keep") != "last":
        torch.save({**best, "model": half(best["model"])}, os.path.join(dst, "best.pt"))
    shutil.copy(os.path.join(src, "log.jsonl"), os.path.join(dst, "log.jsonl"))
    print(f"{dst}: epoch {last['epoch']}, best validation {last['best']:.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
