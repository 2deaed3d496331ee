"""Trains one recipe with fixed seeds on the CPU (or a GPU); resumes from runs/<name>/last.pt, or from a run
carried over in training/checkpoints/<name>/ (keep_for_resume.py); logs one JSON line per epoch.

  LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4 /usr/bin/python3 training/train.py --recipe crop40_l

The recipes are those of the shipped model and of the live candidates; the probes that did not ship are in
models/emotion/REPORT.md and training/logs/, and in git history before this file was trimmed (issue 38).
"""
import argparse
import json
import math
import os
import shutil
import time

import numpy as np
import torch
import torch.nn.functional as F

from augment import crop_views, random_affine, random_erasing
from export_tfjs import load_rounded
from fer_data import MOOD_IDS7, folds, load_split, posed_faces, to_moods, train_val_split
from models import MODELS, count_params

# The protocol of the public recipes at 72-73% on seven classes (Khaireddin & Chen 2021, arXiv:2105.03588):
# a random 40 px window of the 48 px face after scale 0.8-1.2, a 20% shift and a 10 degree rotation (each on
# half the faces), flips and random erasing; SGD with Nesterov momentum at lr 0.01, cut by 0.75 after 5 epochs
# without a better validation score; 300 epochs; ten crops averaged at test. Plain cross-entropy over all
# seven classes (more faces to learn from); the four moods are read out.
CROP40 = dict(model="moodnet_l", classes=7, epochs=300, batch=64, lr=0.01, weight_decay=1e-4,
              rotate=10, rotate_p=0.5, shift=0.2, shift_p=0.5, zoom=0.2, flip=True, erase=0.5,
              crop=40, test_crops=10, schedule="plateau", plateau_factor=0.75, plateau_patience=5)
RECIPES = {
    # The shipped net's first stage: the wider net (1.17 M parameters) under the protocol (best epoch 101).
    "crop40_l": CROP40,
    # Its second stage, as shipped: --init its best.pt --lr 0.0005 --epochs 15, with faces-posed persons 01-14
    # (scripts/posed-crops.ts) joining the training faces, each repeated 4 times.
    "crop40_l_posed": {**CROP40, "posed": 4},
    # The shipped model's second net, both stages alike on the smaller net (0.58 M parameters, best epoch 125).
    "crop40": {**CROP40, "model": "moodnet"},
    "crop40_posed": {**CROP40, "model": "moodnet", "posed": 4},
    # Width past the old 1.5 M limit (issue 38): the wider net at twice its widths (4.69 M), with the schedule
    # measured on a GPU (SGD Nesterov at lr 0.02, batch 128, warm-up then cosine to zero over the run, 90 epochs).
    # On these CPU cores an epoch costs about four of crop40_l's. At 60 epochs it read under crop40_l (held-out
    # fold 0); at 90 a point over it. Alone at three windows it read 0.85 over the pair on fold 1 but 0.13 on fold 2;
    # averaged with the pair +1.0 and +0.78, too slow for the popup at every window; seeing one window a frame
    # beside the pair (export_tfjs.py --spread 1) +0.74 pooled, within the popup's limits (models/emotion/REPORT.md).
    # Trained on all faces for that candidate; gpu_train.py trains its shape.
    "crop40_w": {**CROP40, "model": "moodnet_w", "batch": 128, "lr": 0.02, "schedule": "cosine", "epochs": 90, "keep": "last",
                 "val_every": 10},
    # Its second stage for the candidate that spreads its views over a check's frames beside the pair (passed on
    # held-out folds 1 and 2): the pair's fine-tune, --init its last.pt --lr 0.0005 --epochs 15.
    "crop40_w_posed": {**CROP40, "model": "moodnet_w", "posed": 4},
    # Depth with shortcuts (models.mood_net_r, 1.36 M): of the nets tried the one that agrees least with the plain
    # stacks. Dropped as the pair's third net (+0.34 over the pair on held-out folds 1 and 2, +0.5 asked), it ships
    # as the fourth, spread like the wide net (--spread 2: +0.48 on the validation part, where a second wide net
    # added nothing). Best epoch 88 of 100; its second stage --init its best.pt --lr 0.0005 --epochs 15.
    "crop40_r": {**CROP40, "model": "moodnet_r", "epochs": 100},
    "crop40_r_posed": {**CROP40, "model": "moodnet_r", "posed": 4},
    # Candidate RN (models/emotion/REPORT.md): ResNet-18 at half width (models.mood_net_rn, 2.80 M) under the GPU
    # table's schedule, about 370 s an epoch here; its second stage --init its best.pt --lr 0.0005 --epochs 15.
    "crop40_rn": {**CROP40, "model": "moodnet_rn", "batch": 128, "lr": 0.02, "schedule": "cosine", "epochs": 70, "keep": "last",
                  "val_every": 10},
    "crop40_rn_posed": {**CROP40, "model": "moodnet_rn", "posed": 4},
    # One net distilled from several (--teachers a.pt,b.pt): the teachers see the very window the student sees
    # at every step (Beyer et al. 2022, "a good teacher is patient and consistent"); half of the loss is theirs.
    "crop40_l_kd_online": {**CROP40, "kd": 0.5, "kd_t": 2.0},
}


def augmented(faces, b, cfg):
    """Training batch b of faces uint8 [N,48,48], warped (and cut to the crop) and erased as the recipe says."""
    x = faces[b].float().div_(255).unsqueeze(1)
    x = random_affine(x, cfg["rotate"], cfg["shift"], cfg["zoom"], cfg["flip"], cfg.get("crop"),
                      cfg.get("rotate_p", 1.0), cfg.get("shift_p", 1.0))
    if cfg["erase"]:
        x = random_erasing(x, cfg["erase"])
    return x.contiguous(memory_format=torch.channels_last)


@torch.no_grad()
def evaluate(model, images, labels, classes, crop, views, batch=512):
    """4-mood accuracy and macro F1 of images uint8 [N,48,48] against mood labels 0..3: the mood probabilities
    of `views` fixed crops (augment.crop_views) averaged, as the product averages a check's windows."""
    model.eval()
    device = next(model.parameters()).device
    preds = []
    for i in range(0, len(images), batch):
        x = torch.from_numpy(images[i:i + batch]).to(device).float().div_(255).unsqueeze(1)
        logits = [model(v.contiguous(memory_format=torch.channels_last)).float() for v in crop_views(x, crop, views)]
        probs = sum(F.softmax(lg[:, MOOD_IDS7] if classes == 7 else lg, 1) for lg in logits)
        preds.append(probs.argmax(1).cpu())
    pred = torch.cat(preds).numpy()
    f1s = []
    for c in range(4):
        tp = np.sum((pred == c) & (labels == c))
        p, r = tp / max(1, np.sum(pred == c)), tp / max(1, np.sum(labels == c))
        f1s.append(0 if p + r == 0 else 2 * p * r / (p + r))
    return float(np.mean(pred == labels)), float(np.mean(f1s))


def validation(net, images, labels, cfg):
    """The single centre crop and the multi-crop average, both logged; the second is the one that counts."""
    rec = {}
    rec["val_acc_1crop"], rec["val_macro_f1_1crop"] = evaluate(net, images, labels, cfg["classes"], cfg["crop"], 1)
    rec["val_acc"], rec["val_macro_f1"] = evaluate(net, images, labels, cfg["classes"], cfg["crop"], cfg["test_crops"])
    return rec


def lr_at(step, total, warmup, base):
    if step < warmup:
        return base * (step + 1) / warmup
    return base * 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total - warmup)))


def training_faces(cfg):
    """(training faces uint8, 7-class labels int64, validation faces, mood labels): the fixed validation part
    of FER2013's train split held back, fold `cfg['fold']` too when given, faces-posed 01-14 (or the persons
    `cfg['posed_persons']` of them) added when asked."""
    images, labels7 = load_split("train")
    tr, va = train_val_split(labels7)
    if cfg.get("fold"):
        i, k = cfg["fold"]
        tr = tr[folds(len(tr), k) != i]
    tr_x, tr_y = images[tr], labels7[tr].astype(np.int64)
    if cfg.get("posed"):
        px, py, _ = posed_faces(cfg.get("posed_persons"))
        tr_x = np.concatenate([tr_x] + [px] * cfg["posed"])
        tr_y = np.concatenate([tr_y] + [py.astype(np.int64)] * cfg["posed"])
    va_x, va_y = to_moods(images[va], labels7[va])
    return tr_x, tr_y, va_x, va_y


def resume(run_dir, name, model, opt, plateau, device):
    """(start epoch, best validation) from runs/<name>/last.pt, first copied from a carried-over run."""
    last_path = os.path.join(run_dir, "last.pt")
    carried = os.path.join(os.path.dirname(__file__), "checkpoints", name)
    if not os.path.exists(last_path) and os.path.exists(os.path.join(carried, "last.pt")):
        for f in ("last.pt", "best.pt", "log.jsonl"):
            if os.path.exists(os.path.join(carried, f)):
                shutil.copy(os.path.join(carried, f), os.path.join(run_dir, f))
        print(f"carried over from {carried}")
    if not os.path.exists(last_path):
        return 0, -1.0
    ck = torch.load(last_path, map_location=device)
    model.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in ck["model"].items()})
    # A carried-over checkpoint holds float16 weights and the learning rate: SGD's momentum starts again from zero.
    if ck.get("opt") is not None:
        opt.load_state_dict(ck["opt"])
    for g, lr in zip(opt.param_groups, ck.get("lr", [])):
        g["lr"] = lr
    if plateau is not None and ck.get("plateau") is not None:
        plateau.load_state_dict(ck["plateau"])
    torch.set_rng_state(ck["torch_rng"].cpu())
    print(f"resumed at epoch {ck['epoch']}")
    return ck["epoch"], ck["best"]


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--recipe", choices=RECIPES, required=True)
    ap.add_argument("--epochs", type=int, help="override the recipe's epoch count")
    ap.add_argument("--name", help="run folder name (default: the recipe, with its fold)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--init", help="start from this checkpoint's weights (a warm restart with the recipe's schedule)")
    ap.add_argument("--lr", type=float, help="override the recipe's peak learning rate")
    ap.add_argument("--teachers", help="checkpoints to distil from, comma-separated (recipes with kd)")
    ap.add_argument("--fold", help="I/K: leave fold I of K out of the training faces (read on it with evaluate.py)")
    ap.add_argument("--posed", type=int, help="override how many times each faces-posed crop joins the training faces")
    ap.add_argument("--posed-persons", help="LO-HI: only these faces-posed persons join (read the others with "
                    "evaluate.py --split posed)")
    ap.add_argument("--device", help="torch device (default: cuda when there is one, else cpu)")
    args = ap.parse_args()
    cfg = dict(RECIPES[args.recipe])
    for key in ("epochs", "lr", "init", "posed"):
        if getattr(args, key) is not None:
            cfg[key] = getattr(args, key)
    if args.fold:
        cfg["fold"] = [int(v) for v in args.fold.split("/")]
    if args.posed_persons:
        cfg["posed_persons"] = [int(v) for v in args.posed_persons.split("-")]
    if cfg.get("kd"):
        if not args.teachers:
            ap.error(f"recipe {args.recipe} distils: pass --teachers a.pt,b.pt")
        cfg["teachers"] = args.teachers.split(",")
    name = args.name or (f"{args.recipe}_fold{cfg['fold'][0]}of{cfg['fold'][1]}" if cfg.get("fold") else args.recipe)
    return args, cfg, name


def load_teachers(cfg, device):
    teachers = []
    for p in cfg.get("teachers", []):
        net, tcfg, _ = load_rounded(p, "float32")
        # A teacher that trained on the student's held-out faces would leak them into its figure.
        assert tcfg.get("fold") == cfg.get("fold"), f"{p} left out fold {tcfg.get('fold')}, the student {cfg.get('fold')}"
        assert tcfg["classes"] == 7 and tcfg.get("crop") == cfg["crop"], p
        teachers.append(net.to(device, memory_format=torch.channels_last))
    return teachers


def bf16_pays(device):
    """bf16 autocast pays on a GPU and on cores with bf16 instructions; on others (AVX2 only, as on some of these
    machines) the CPU's bf16 convolution falls back to a reference loop about 25 times slower than float32."""
    if device.type != "cpu":
        return True
    with open("/proc/cpuinfo") as f:
        flags = f.read()
    return "avx512_bf16" in flags or "amx_bf16" in flags


def step_loss(model, teachers, x, y, cfg, bf16):
    """Cross-entropy on the labels; with teachers, blended with their softened moods on this very batch."""
    soft = None
    if teachers:
        with torch.no_grad(), torch.autocast(x.device.type, dtype=torch.bfloat16, enabled=bf16):
            soft = sum(F.softmax(t(x).float() / cfg["kd_t"], 1) for t in teachers) / len(teachers)
    with torch.autocast(x.device.type, dtype=torch.bfloat16, enabled=bf16):
        out = model(x).float()
    loss = F.cross_entropy(out, y)
    if soft is not None:
        t = cfg["kd_t"]
        kd = F.kl_div(F.log_softmax(out / t, 1), soft, reduction="batchmean") * t * t
        loss = (1 - cfg["kd"]) * loss + cfg["kd"] * kd
    return loss


def train_epoch(model, opt, teachers, faces, labels, cfg, epoch, seed, cosine, bf16):
    """One pass over the faces; returns the mean loss. `cosine`: the learning rate is set every step."""
    model.train()
    steps = math.ceil(len(labels) / cfg["batch"])
    # Seeded per epoch so that a resumed run sees the same batches as an uninterrupted one.
    idx = np.random.default_rng([seed, epoch]).permutation(len(labels))
    loss_sum, seen = 0.0, 0
    for s in range(steps):
        b = idx[s * cfg["batch"]:(s + 1) * cfg["batch"]]
        if cosine:
            for g in opt.param_groups:
                g["lr"] = lr_at(epoch * steps + s, steps * cfg["epochs"], 2 * steps, cfg["lr"])
        loss = step_loss(model, teachers, augmented(faces, b, cfg), torch.from_numpy(labels[b]).to(faces.device), cfg, bf16)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        loss_sum += loss.item() * len(b)
        seen += len(b)
    return loss_sum / seen


def main():
    args, cfg, name = parse_args()
    device = torch.device(args.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    run_dir = os.path.join(os.path.dirname(__file__), "runs", name)
    os.makedirs(run_dir, exist_ok=True)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    tr_x, tr_y, va_x, va_y = training_faces(cfg)
    faces = torch.from_numpy(np.ascontiguousarray(tr_x)).to(device)
    model = MODELS[cfg["model"]](cfg["classes"]).to(device, memory_format=torch.channels_last)
    if cfg.get("init"):  # a resumed run's weights replace these below
        model.load_state_dict(torch.load(cfg["init"])["model"])
    teachers = load_teachers(cfg, device)
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9, nesterov=True, weight_decay=cfg["weight_decay"])
    plateau = None
    if cfg["schedule"] == "plateau":
        plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="max", factor=cfg["plateau_factor"], patience=cfg["plateau_patience"])

    start_epoch, best = resume(run_dir, name, model, opt, plateau, device)
    bf16 = bf16_pays(device)
    log = open(os.path.join(run_dir, "log.jsonl"), "a")
    if start_epoch == 0:
        log.write(json.dumps({"config": cfg, "seed": args.seed, "device": device.type, "params": count_params(model),
                              "train_images": len(tr_y), "val_images": len(va_y)}) + "\n")
    for epoch in range(start_epoch, cfg["epochs"]):
        t0 = time.time()
        loss = train_epoch(model, opt, teachers, faces, tr_y, cfg, epoch, args.seed, cosine=plateau is None, bf16=bf16)
        train_s = time.time() - t0
        # A recipe that keeps its last epoch reads validation only as a log, so a wide net may skip it (it costs
        # two thirds of a training pass on the CPU); a plateau schedule steps on it every epoch.
        checked = plateau is not None or (epoch + 1) % cfg.get("val_every", 1) == 0 or epoch + 1 == cfg["epochs"]
        rec = {"epoch": epoch + 1, "loss": loss, **(validation(model, va_x, va_y, cfg) if checked else {})}
        if plateau is not None:
            plateau.step(rec["val_acc"])
        if cfg.get("keep") == "last" or rec["val_acc"] > best:
            best = max(best, rec.get("val_acc", best))
            torch.save({"model": model.state_dict(), "config": cfg, "epoch": epoch + 1, "val_acc": rec.get("val_acc"),
                        "val_macro_f1": rec.get("val_macro_f1")}, os.path.join(run_dir, "best.pt"))
        rec.update(lr=opt.param_groups[0]["lr"], bf16=bf16, train_s=round(train_s, 1), images_per_s=round(len(tr_y) / train_s))
        print(json.dumps(rec), flush=True)
        log.write(json.dumps(rec) + "\n")
        log.flush()
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "epoch": epoch + 1, "best": best, "torch_rng": torch.get_rng_state(),
                    "plateau": plateau.state_dict() if plateau is not None else None}, os.path.join(run_dir, "last.pt.tmp"))
        os.replace(os.path.join(run_dir, "last.pt.tmp"), os.path.join(run_dir, "last.pt"))


if __name__ == "__main__":
    main()
