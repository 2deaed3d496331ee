"""Trains one recipe with fixed seeds; resumes from runs/<name>/last.pt; logs one JSON line per epoch.

  LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4 /usr/bin/python3 training/train.py --recipe moodnet
"""
import argparse
import hashlib
import json
import math
import os
import shutil
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch.optim.swa_utils import AveragedModel, update_bn

from augment import crop_views, random_affine, random_erasing
from export_tfjs import held_out_checkpoints, load_rounded, load_tfjs, members_moods, view_moods
from fer_data import MOOD_IDS7, equalized, ferplus_distribution, folds, load_split, to_moods, train_val_split
from models import MODELS, count_params
from sam import perturbed

# Ours: all 7 classes (more faces to learn from; the 4 moods are read out), flips, random erasing,
# label smoothing, SGD with Nesterov momentum and a warm-up + cosine schedule.
MOODNET = dict(model="moodnet", classes=7, epochs=70, batch=128, optimizer="sgd", lr=0.05, weight_decay=5e-4,
               rotate=10, shift=0.1, zoom=0.1, flip=True, erase=0.5, smoothing=0.1, balance=0.0)

RECIPES = {
    # The paper's recipe: 4 classes balanced by augmentation to twice the happy class, Adam 1e-4, batch 64.
    "paper": dict(model="paper", classes=4, epochs=60, batch=64, optimizer="adam", lr=1e-4, weight_decay=0.0,
                  rotate=10, shift=0.1, zoom=0.1, flip=False, erase=0.0, smoothing=0.0, balance=2.0),
    "moodnet": MOODNET,
    # FERPlus's ten annotators as soft labels: the target is half the FER2013 label, half the annotators'
    # vote distribution (instead of uniform label smoothing).
    "moodnet_fp": {**MOODNET, "smoothing": 0.0, "ferplus": 0.5},
    # mixup (Zhang et al. 2018, said to resist label noise): pairs of faces blended with weight ~ Beta(0.2, 0.2).
    "moodnet_mix": {**MOODNET, "mixup": 0.2},
    "moodnet_l": {**MOODNET, "model": "moodnet_l", "epochs": 50},
    # Narrower, so that two views (face and mirror image) stay under the paper-style baseline's cost.
    "moodnet_s": {**MOODNET, "model": "moodnet_s"},
    # The shipped net distilled offline from a shipped model (--teacher; born-again networks, Furlanello et al.
    # 2018): half of each mood face's target is the teacher's mood distribution (face and mirror image
    # averaged, softened by temperature kd_t), so that one view of the student may do what two of the teacher do.
    "moodnet_kd": {**MOODNET, "kd": 0.5, "kd_t": 2.0},
    # Second stage: the four moods only, from a 7-class checkpoint (--init), at a low learning rate.
    "moodnet4": {**MOODNET, "classes": 4, "epochs": 15, "lr": 0.01},
    # An exponential moving average of the weights (and BatchNorm statistics), horizon ~1000 steps (5 epochs);
    # the average is what gets evaluated and kept. 120 epochs as logged in training/logs; the average peaked
    # at epochs 70-80 and then fell as the net fitted the training faces.
    "moodnet_ema": {**MOODNET, "ema": 0.999, "epochs": 120},
    # Sharpness-aware minimization (training/sam.py), radius 0.1 (twice the usual 0.05, for the noisy labels).
    # Each step costs two passes, so 60 epochs take about as long as 120 of the shipped recipe.
    "moodnet_sam": {**MOODNET, "sam": 0.1, "epochs": 60},
    # The wider net with SAM: without it the extra width went into fitting the training faces (moodnet_l).
    # Best validation 0.760 (epoch 60, uint8), one face of 2,101 above moodnet_sam at twice the weights.
    "moodnet_l_sam": {**MOODNET, "model": "moodnet_l", "sam": 0.1, "epochs": 60},
    # Depth instead of width: a third convolution at 12x12 (moodnet_l widened the 6x6 stage), with SAM.
    # Best validation 0.761 (epoch 48, uint8), two faces of 2,101 above moodnet_sam at 22% more work.
    "moodnet_d_sam": {**MOODNET, "model": "moodnet_d", "sam": 0.1, "epochs": 60},
    # SAM with twice the radius: it under-fitted (validation 0.741 against 0.760 for radius 0.1).
    "moodnet_sam2": {**MOODNET, "sam": 0.2, "epochs": 60},
    # The narrow net with SAM, as the second member of a two-net average that costs what one shipped net may.
    # It learned less than without SAM (validation 0.740, seed 2); averaged with moodnet_s: 0.761.
    "moodnet_s_sam": {**MOODNET, "model": "moodnet_s", "sam": 0.1, "epochs": 60},
}

# The protocol of the public recipes at 72-73% on seven classes (Khaireddin & Chen 2021, arXiv:2105.03588):
# a random 40 px window of the 48 px face after scale 0.8-1.2, a 20% shift and a 10 degree rotation (each on
# half the faces), flips and random erasing; SGD with Nesterov momentum at lr 0.01, cut by 0.75 after 5 epochs
# without a better validation score; 300 epochs; ten crops averaged at test. Plain cross-entropy.
CROP40 = dict(model="moodnet", classes=7, epochs=300, batch=64, optimizer="sgd", lr=0.01, weight_decay=1e-4,
              rotate=10, rotate_p=0.5, shift=0.2, shift_p=0.5, zoom=0.2, flip=True, erase=0.5, smoothing=0.0,
              balance=0.0, crop=40, test_crops=10, schedule="plateau", plateau_factor=0.75, plateau_patience=5)
RECIPES.update({
    # Teacher 1: the shipped architecture under the protocol.
    "crop40": CROP40,
    # With faces-posed persons 01-14 (about 340 faces) joining the training faces, each repeated 4 times.
    "crop40_posed": {**CROP40, "posed": 4},
    # Teachers that differ from crop40: the wider net (1.17 M parameters), and (--seed 2 --name crop40_seed2)
    # another seed of crop40 itself.
    "crop40_l": {**CROP40, "model": "moodnet_l"},
    # Input normalisation that differs: each face histogram-equalised (train, validation and, as a teacher, the
    # faces it labels). A teacher only: the product feeds the crop as it is.
    "crop40_eq": {**CROP40, "equalize": True},
    # The net that ships, distilled from several teachers' ten-crop mood probabilities (--teachers a.pt,b.pt):
    # half of each mood face's target is theirs, softened by temperature 2.
    "crop40_kd": {**CROP40, "kd": 0.5, "kd_t": 2.0},
    # The same with faces-posed persons 01-14 in training, the teachers' moods of them included.
    "crop40_kd_posed": {**CROP40, "kd": 0.5, "kd_t": 2.0, "posed": 4},
    # A second member for a two-net average that fits the limits beside the shipped net (0.92 M parameters
    # together, 37.5 M multiply-adds at 40 px against crop40's 66.8 M): the narrow net, posed faces in from the start.
    "crop40_s_posed": {**CROP40, "model": "moodnet_s", "posed": 4},
})
# The wider net (the shipped architecture since crop40_l_posed_ft) with faces-posed persons 01-14 in: its
# fine-tune from crop40_l, and the distilled student.
RECIPES.update({
    "crop40_l_posed": {**RECIPES["crop40_posed"], "model": "moodnet_l"},
    "crop40_l_kd_posed": {**RECIPES["crop40_kd_posed"], "model": "moodnet_l"},
})
# Checkpoints named in a recipe are committed ones, found from here whatever the working directory.
def committed(name):
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "checkpoints", name, "best.pt")


# The same started from a teacher's weights at a lower learning rate (born-again from a warm start), so that a
# student fits in one session of these CPU cores; teachers 1 and 3, the pair that scored best on validation.
KD_WARM = {**RECIPES["crop40_kd_posed"], "lr": 0.003, "epochs": 60, "teachers": [committed("crop40"), committed("crop40_l")]}
RECIPES.update({
    "crop40_kd_posed_warm": {**KD_WARM, "init": committed("crop40")},
    # The wider net as the student (1.17 M parameters, 162 M multiply-adds for a window and its mirror: within
    # the limits of 1.5 M and twice the previous net's work), started from teacher 3 at a third of the learning
    # rate: at 0.003 the student above fell a point below its start within an epoch and did not climb back.
    "crop40_l_kd_posed_warm": {**KD_WARM, "model": "moodnet_l", "init": committed("crop40_l"),
                               "lr": 0.001, "epochs": 45},
    # usef-kh's last step: a short fine-tune (--init) on more faces (--with-val: the validation part joins
    # training), at a low learning rate on a warm-up + cosine schedule, since validation can no longer steer
    # it; the last epoch is kept, with or without the validation faces, so that the two compare.
    "crop40_l_cos_ft": {**RECIPES["crop40_l"], "schedule": None, "lr": 0.001, "epochs": 10, "keep": "last"},
    # SAM under the crop protocol: on the whole face it added about a point to both net widths (moodnet_sam,
    # moodnet_l_sam) at no cost in the product. Radius 0.05, half the whole-face one, as the crop protocol's
    # stronger augmentation already leaves the net less fitted. Read first on held-out fold 0 (--fold 0/5).
    "crop40_l_sam": {**RECIPES["crop40_l"], "sam": 0.05},
    # Depth with shortcuts (models.mood_net_r): 1.36 M parameters and 111 M multiply-adds a window, so a check
    # fits one window a frame. Read first on held-out fold 0 (--fold 0/5) against crop40_l's check of two.
    "crop40_r": {**CROP40, "model": "moodnet_r"},
    # The deeper net (0.73 M parameters, 81 M multiply-adds at 40 px) as the second member of a pair beside
    # crop40 (0.58 M): together under the 1.5 M limit, one window of each a frame costing less than the wider
    # net's two. Read first on held-out fold 0 (--fold 0/5), against a second seed of crop40 as the other partner.
    "crop40_d": {**CROP40, "model": "moodnet_d"},
    # Attention (the candidate left after seven held-out probes): the wider net with squeeze-and-excitation
    # ending each stage (models.mood_net_se), and with CBAM's spatial gate after it (mood_net_cbam); both cost a
    # check what the wider net does. Read first on held-out fold 0 (--fold 0/5) against crop40_l_fold0of5.
    "crop40_se": {**CROP40, "model": "moodnet_se"},
    "crop40_cbam": {**CROP40, "model": "moodnet_cbam"},
    # More training faces: the wider net with disgust, fear and surprise faces that FERPlus's annotators mostly
    # (half their votes or more) read as one of the moods learning that mood (2,796 faces of the training part,
    # 15% more mood faces). Read first on held-out fold 0 (--fold 0/5).
    "crop40_l_fpx": {**RECIPES["crop40_l"], "ferplus_moods": 0.5},
})
# Width past the old 1.5 M limit (issue 38): the wider net at twice its widths, with the schedule measured on a
# GPU (SGD Nesterov at lr 0.02, batch 128, warm-up then cosine to zero over the run). On these CPU cores an
# epoch costs about four of crop40_l's, so it runs in resumable parts across sessions (keep_for_resume.py).
RECIPES.update({
    "crop40_w": {**CROP40, "model": "moodnet_w", "batch": 128, "lr": 0.02, "schedule": None, "epochs": 60},
})
# Stochastic weight averaging (Izmailov et al. 2018) from a converged net (--init): 20 more epochs at a
# constant learning rate, the weights at each epoch's end averaged and the average's BatchNorm statistics
# measured again on training batches; the average is evaluated and the last one kept. It costs the product
# nothing, where the plateau schedule leaves the net at one point of a wide valley. Read first on held-out folds.
SWA = dict(schedule="constant", lr=0.003, epochs=20, swa=True, keep="last")
RECIPES.update({
    "crop40_l_swa": {**RECIPES["crop40_l"], **SWA},
    # Consistent distillation (Beyer et al. 2022, "a good teacher is patient and consistent"): the teachers
    # (--teachers) see the very window the student sees at every step, and give all seven classes, where the
    # students before learned fixed ten-crop mood targets computed once (each fell behind a net without them).
    "crop40_l_kd_online": {**RECIPES["crop40_l"], "kd": 0.5, "kd_t": 2.0, "online": True},
})


def initial_weights(path, classes):
    """A checkpoint's weights; a 7-class head is cut to the four mood rows when the model has 4 outputs."""
    state = torch.load(path)["model"]
    head = [k for k in state if k.endswith(".weight")][-1].rsplit(".", 1)[0]
    if classes == 4 and state[f"{head}.weight"].shape[0] == 7:
        for part in ("weight", "bias"):
            state[f"{head}.{part}"] = state[f"{head}.{part}"][MOOD_IDS7]
    return state


def teacher_moods(model_dir, images, temperature):
    """A shipped model's mood probabilities on faces [N,48,48] (uint8), the mirror image averaged in, softened."""
    return softened(view_moods(load_tfjs(model_dir), images / 255.0, 4, ["identity", "hflip"]), temperature)


def teachers_probs(paths, images):
    """Mood probabilities [N,4] of faces [N,48,48] (uint8) from trained checkpoints: each net's test-time views
    (ten crops for a crop-trained net, else the face and its mirror image), averaged over the nets.
    Kept in runs/teacher-moods/ by a digest of the faces and the checkpoints: labelling takes minutes."""
    digest = hashlib.sha1(images.tobytes())
    for p in paths:
        digest.update(open(p, "rb").read())
    cache = os.path.join(os.path.dirname(__file__), "runs", "teacher-moods", digest.hexdigest() + ".npy")
    if os.path.exists(cache):
        probs = np.load(cache)
    else:
        probs = members_moods([load_rounded(p, "float32") for p in paths], images, ["identity", "hflip"], 5)
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        np.save(cache, probs)
    return probs / probs.sum(1, keepdims=True)


def held_out_probs(fold_teachers, images, fold_of):
    """Each face's mood probabilities from the teachers that did not train on it: fold_teachers[i] (a list of
    checkpoints) held out fold i; faces of fold -1 (in no fold, seen by no teacher) get every fold's average."""
    probs = np.zeros((len(images), 4), dtype=np.float32)
    outside = fold_of < 0
    for i, paths in enumerate(fold_teachers):
        probs[fold_of == i] = teachers_probs(paths, images[fold_of == i])
        if outside.any():
            probs[outside] += teachers_probs(paths, images[outside]) / len(fold_teachers)
    return probs


def softened(probs, temperature):
    soft = probs ** (1 / temperature)
    return soft / soft.sum(1, keepdims=True)


def blended_targets(labels, dist, weight, has_dist):
    """Soft 7-class targets: (1 - weight) one-hot label + weight * dist, for the faces that have a dist."""
    onehot = np.eye(7, dtype=np.float32)[labels]
    return torch.from_numpy(np.where(has_dist, (1 - weight) * onehot + weight * dist, onehot).astype(np.float32))


def epoch_indices(labels, balance, rng):
    """Shuffled indices for one epoch; with balance=k every class is drawn up to k times the largest one."""
    if not balance:
        return rng.permutation(len(labels))
    target = int(balance * np.bincount(labels).max())
    parts = []
    for c in np.unique(labels):
        idx = np.flatnonzero(labels == c)
        parts.append(np.concatenate([np.tile(idx, target // len(idx)), rng.choice(idx, target % len(idx), replace=False)]))
    return rng.permutation(np.concatenate(parts))


def augmented(faces, b, cfg):
    """Training batch b of faces uint8 [N,48,48], warped (and cut to the crop) and erased as the recipe says."""
    x = faces[b].float().div_(255).unsqueeze(1)
    x = random_affine(x, cfg["rotate"], cfg["shift"], cfg["zoom"], cfg["flip"], cfg.get("crop"),
                      cfg.get("rotate_p", 1.0), cfg.get("shift_p", 1.0))
    if cfg["erase"]:
        x = random_erasing(x, cfg["erase"])
    return x.contiguous(memory_format=torch.channels_last)


def measure_bn(model, faces, labels, cfg, rng, batches=64, fp32=False):
    """BatchNorm statistics of an averaged net measured afresh on augmented training batches (8,192 faces:
    plenty for the statistics, a fifth of an epoch's forward passes)."""
    idx = epoch_indices(labels, cfg["balance"], rng)
    with torch.autocast(faces.device.type, dtype=torch.bfloat16, enabled=not fp32):
        update_bn((augmented(faces, idx[i * cfg["batch"]:(i + 1) * cfg["batch"]], cfg) for i in range(batches)), model)


def mood_logits(logits, classes):
    return logits[:, MOOD_IDS7] if classes == 7 else logits


@torch.no_grad()
def evaluate(model, images, labels, classes, crop=None, views=1, batch=512):
    """4-mood accuracy and macro F1 of images uint8 [N,48,48] against mood labels 0..3. With crop, the
    mood probabilities of `views` fixed crops (augment.crop_views) are averaged, as the product averages frames."""
    model.eval()
    device = next(model.parameters()).device
    preds = []
    for i in range(0, len(images), batch):
        x = torch.from_numpy(images[i:i + batch]).to(device).float().div_(255).unsqueeze(1)
        xs = crop_views(x, crop, views) if crop else x[None]
        probs = sum(F.softmax(mood_logits(model(v.contiguous(memory_format=torch.channels_last)).float(), classes), 1)
                    for v in xs)
        preds.append(probs.argmax(1).cpu())
    pred = torch.cat(preds).numpy()
    f1s = []
    for c in range(4):
        tp = np.sum((pred == c) & (labels == c))
        p = tp / max(1, np.sum(pred == c))
        r = tp / max(1, np.sum(labels == c))
        f1s.append(0 if p + r == 0 else 2 * p * r / (p + r))
    return float(np.mean(pred == labels)), float(np.mean(f1s))


def validation(net, images, labels, cfg, prefix=""):
    """A net's validation figures for the log; for crop-trained nets the single centre crop and the multi-crop
    average, both reported, the second the one that counts (val_acc)."""
    rec = {}
    if cfg.get("crop"):
        rec[f"{prefix}val_acc_1crop"], rec[f"{prefix}val_macro_f1_1crop"] = evaluate(net, images, labels, cfg["classes"], cfg["crop"], 1)
        acc, f1 = evaluate(net, images, labels, cfg["classes"], cfg["crop"], cfg["test_crops"])
    else:
        acc, f1 = evaluate(net, images, labels, cfg["classes"])
    rec[f"{prefix}val_acc"], rec[f"{prefix}val_macro_f1"] = acc, f1
    return rec


def lr_at(step, total, warmup, base):
    if step < warmup:
        return base * (step + 1) / warmup
    return base * 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total - warmup)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--recipe", choices=RECIPES, required=True)
    ap.add_argument("--epochs", type=int, help="override the recipe's epoch count")
    ap.add_argument("--name", help="run folder name (default: the recipe)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fp32", action="store_true", help="train without bf16 autocast")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--init", help="start from this checkpoint's weights (a warm restart with the recipe's schedule)")
    ap.add_argument("--lr", type=float, help="override the recipe's peak learning rate")
    ap.add_argument("--teacher", help="shipped model folder (model.json) to distil from, for recipes with kd")
    ap.add_argument("--teachers", help="checkpoints to distil from (their test-time views averaged), comma-separated")
    ap.add_argument("--fold", help="I/K: leave fold I of K out of the training faces (a held-out teacher)")
    ap.add_argument("--fold-teachers", help="the K held-out teachers, fold by fold, comma-separated; each fold's "
                    "checkpoints joined by +, e.g. a0.pt+b0.pt,a1.pt+b1.pt,...: every face is labelled by the "
                    "teachers of the fold that left it out")
    ap.add_argument("--held-out", help="recipes whose five held-out teachers (held_out_teachers.sh: "
                    "checkpoints/<recipe>_fold<I>of5/best.pt) label the student, comma-separated: "
                    "--fold-teachers spelled out")
    ap.add_argument("--with-val", action="store_true", help="train on the validation part too; it is still "
                    "logged but no longer chooses: best.pt is the last epoch")
    ap.add_argument("--device", help="torch device (default: cuda when there is one, else cpu)")
    args = ap.parse_args()
    device = torch.device(args.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    cfg = dict(RECIPES[args.recipe])
    if args.epochs is not None:
        cfg["epochs"] = args.epochs
    if args.lr is not None:
        cfg["lr"] = args.lr
    if args.init:
        cfg["init"] = args.init
    if args.fold:
        cfg["fold"] = [int(v) for v in args.fold.split("/")]
    if args.with_val:
        cfg["with_val"] = True
    if cfg.get("kd"):
        if args.held_out:
            cfg["fold_teachers"] = [held_out_checkpoints(args.held_out.split(","), i) for i in range(5)]
        elif args.fold_teachers:
            cfg["fold_teachers"] = [fold.split("+") for fold in args.fold_teachers.split(",")]
        elif args.teachers:
            cfg["teachers"] = args.teachers.split(",")
        elif args.teacher:
            cfg["teacher"] = args.teacher
        elif not cfg.get("teachers"):
            ap.error(f"recipe {args.recipe} distils: pass --teachers a.pt,b.pt, --fold-teachers or --teacher <folder>")
        if cfg.get("online") and not cfg.get("teachers"):
            ap.error(f"recipe {args.recipe} runs its teachers on each batch: pass --teachers a.pt,b.pt")
    name = args.name or (f"{args.recipe}_fold{cfg['fold'][0]}of{cfg['fold'][1]}" if cfg.get("fold") else args.recipe)
    run_dir = os.path.join(os.path.dirname(__file__), "runs", name)
    os.makedirs(run_dir, exist_ok=True)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    images, labels7 = load_split("train")
    tr, va = train_val_split(labels7)
    # Fold of each training face; a face in no fold (-1) is one no held-out teacher saw (the posed faces below).
    fold_of = None
    if cfg.get("fold_teachers"):
        # A teacher given for the wrong fold would label faces it trained on: the checkpoints say which they left out.
        k = len(cfg["fold_teachers"])
        for i, paths in enumerate(cfg["fold_teachers"]):
            for p in paths:
                left_out = torch.load(p, map_location="cpu")["config"].get("fold")
                assert left_out == [i, k], f"{p} left out fold {left_out}, not {i}/{k}"
    if cfg.get("fold") or cfg.get("fold_teachers"):
        assert cfg["classes"] == 7, "folds are drawn over all seven classes' faces"
        fold_of = folds(len(tr), cfg["fold"][1] if cfg.get("fold") else len(cfg["fold_teachers"]))
    if cfg.get("fold"):
        tr, fold_of = tr[fold_of != cfg["fold"][0]], None
    if cfg.get("with_val"):
        assert fold_of is None, "held-out teachers' folds are drawn over the training part alone"
        tr = np.sort(np.concatenate([tr, va]))
    if cfg["classes"] == 4:
        tr_x, tr_y = to_moods(images[tr], labels7[tr])
    else:
        tr_x, tr_y = images[tr], labels7[tr].astype(np.int64)
    va_x, va_y = to_moods(images[va], labels7[va])
    if cfg.get("ferplus_moods"):
        # More mood faces: a face FER2013 files under disgust, fear or surprise whose FERPlus annotators give at
        # least this share of their votes to one mood learns that mood. The mood faces keep FER2013's labels,
        # which the test split is scored by.
        assert cfg["classes"] == 7 and not cfg.get("with_val"), "relabels the seven-class training part"
        votes = ferplus_distribution("train")[tr]
        mood = votes.argmax(1)
        relabel = ~np.isin(tr_y, MOOD_IDS7) & np.isin(mood, MOOD_IDS7) & (votes.max(1) >= cfg["ferplus_moods"])
        tr_y = np.where(relabel, mood, tr_y)
        print(json.dumps({"ferplus_relabelled": int(relabel.sum()), "moods": np.bincount(mood[relabel], minlength=7)[MOOD_IDS7].tolist()}))
    if cfg.get("posed"):
        # faces-posed persons 01-14 (scripts/posed-crops.ts), repeated so that they weigh as a larger set.
        assert not cfg.get("ferplus"), "posed faces have no FERPlus votes"
        px, py = load_split("train", os.path.join(os.path.dirname(__file__), "runs", "posed-01-14"))
        if cfg["classes"] == 4:
            px, py = to_moods(px, py)
        tr_x = np.concatenate([tr_x] + [px] * cfg["posed"])
        tr_y = np.concatenate([tr_y] + [py.astype(np.int64)] * cfg["posed"])
        if fold_of is not None:
            fold_of = np.concatenate([fold_of, np.full(len(py) * cfg["posed"], -1)])
    targets = None
    if cfg.get("ferplus"):
        votes = ferplus_distribution("train")[tr]
        targets = blended_targets(tr_y, votes, cfg["ferplus"], votes.sum(1, keepdims=True) > 0)
    if cfg.get("kd") and not cfg.get("online"):
        teacher = np.zeros((len(tr_y), 7), dtype=np.float32)
        if cfg.get("fold_teachers"):
            probs = held_out_probs(cfg["fold_teachers"], tr_x, fold_of)
            # The teachers' cross-validated figure on the training mood faces (float32, ten crops at 48 px):
            # about what a student can learn from them at best.
            labelled = (fold_of >= 0) & np.isin(tr_y, MOOD_IDS7)
            moods = np.searchsorted(MOOD_IDS7, tr_y[labelled])
            cv = {"teachers_held_out_acc": float(np.mean(probs[labelled].argmax(1) == moods)), "faces": int(labelled.sum())}
            print(json.dumps(cv))
            cfg["teachers_held_out"] = cv
            teacher[:, MOOD_IDS7] = softened(probs, cfg["kd_t"])
        elif cfg.get("teachers"):
            teacher[:, MOOD_IDS7] = softened(teachers_probs(cfg["teachers"], tr_x), cfg["kd_t"])
        else:
            teacher[:, MOOD_IDS7] = teacher_moods(cfg["teacher"], tr_x, cfg["kd_t"])
        targets = blended_targets(tr_y, teacher, cfg["kd"], np.isin(tr_y, MOOD_IDS7)[:, None])
    # After the teachers, which take the faces as they are (and equalise them themselves if they were so trained).
    if cfg.get("equalize"):
        tr_x, va_x = equalized(tr_x), equalized(va_x)
    tr_x_t = torch.from_numpy(np.ascontiguousarray(tr_x)).to(device)

    model = MODELS[cfg["model"]](cfg["classes"]).to(device, memory_format=torch.channels_last)
    if cfg.get("init"):  # before the moving average copies the model; a resumed run's weights replace it below
        model.load_state_dict(initial_weights(cfg["init"], cfg["classes"]))
    teachers = []
    for p in cfg.get("teachers", []) if cfg.get("online") else []:
        net, tcfg, _ = load_rounded(p, "float32")
        # A teacher that trained on the student's held-out faces would leak them into its figure.
        assert tcfg.get("fold") == cfg.get("fold"), f"{p} left out fold {tcfg.get('fold')}, the student {cfg.get('fold')}"
        assert tcfg["classes"] == 7 and tcfg.get("crop") == cfg["crop"] and not tcfg.get("equalize"), p
        teachers.append(net.to(device, memory_format=torch.channels_last))
    ema = None
    if cfg.get("swa"):
        ema = AveragedModel(model)  # the plain mean, updated once an epoch
    elif cfg.get("ema"):
        decay = cfg["ema"]
        ema = AveragedModel(model, avg_fn=lambda avg, new, _: decay * avg + (1 - decay) * new, use_buffers=True)
    if cfg["optimizer"] == "adam":
        opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    else:
        opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9, nesterov=True, weight_decay=cfg["weight_decay"])
    plateau = None
    if cfg.get("schedule") == "plateau":
        plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="max", factor=cfg["plateau_factor"],
                                                             patience=cfg["plateau_patience"])
    steps_per_epoch = math.ceil(len(epoch_indices(tr_y, cfg["balance"], np.random.default_rng(0))) / cfg["batch"])
    total_steps = steps_per_epoch * cfg["epochs"]

    start_epoch, best = 0, -1.0
    last_path = os.path.join(run_dir, "last.pt")
    # A run carried over from an earlier session: its committed checkpoints (training/checkpoints/<name>/).
    carried = os.path.join(os.path.dirname(__file__), "checkpoints", name)
    if not os.path.exists(last_path) and os.path.exists(os.path.join(carried, "last.pt")):
        for f in ("last.pt", "best.pt", "log.jsonl"):
            if os.path.exists(os.path.join(carried, f)):
                shutil.copy(os.path.join(carried, f), os.path.join(run_dir, f))
        print(f"carried over from {carried}")
    if os.path.exists(last_path):
        ck = torch.load(last_path, map_location=device)
        model.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in ck["model"].items()})
        # A committed checkpoint holds float16 weights only: SGD's momentum then starts again from zero.
        if ck.get("opt") is not None:
            opt.load_state_dict(ck["opt"])
        if plateau is not None and ck.get("plateau") is not None:
            plateau.load_state_dict(ck["plateau"])
        start_epoch, best = ck["epoch"], ck["best"]
        if ema is not None:
            ema.load_state_dict(ck["ema"])
        torch.set_rng_state(ck["torch_rng"].cpu())
        print(f"resumed at epoch {start_epoch}")
    log = open(os.path.join(run_dir, "log.jsonl"), "a")
    if start_epoch == 0:
        log.write(json.dumps({"config": cfg, "seed": args.seed, "device": device.type, "params": count_params(model),
                              "train_images": len(tr_y), "val_images": len(va_y)}) + "\n")

    mix_weight = torch.distributions.Beta(cfg["mixup"], cfg["mixup"]) if cfg.get("mixup") else None
    for epoch in range(start_epoch, cfg["epochs"]):
        model.train()
        t0 = time.time()
        # Seeded per epoch so that a resumed run sees the same batches as an uninterrupted one.
        idx = epoch_indices(tr_y, cfg["balance"], np.random.default_rng([args.seed, epoch]))
        loss_sum, seen = 0.0, 0
        for s in range(steps_per_epoch):
            b = idx[s * cfg["batch"]:(s + 1) * cfg["batch"]]
            if len(b) == 0:
                break
            if cfg["optimizer"] == "sgd" and plateau is None and cfg.get("schedule") != "constant":
                for g in opt.param_groups:
                    g["lr"] = lr_at(epoch * steps_per_epoch + s, total_steps, 2 * steps_per_epoch, cfg["lr"])
            x = augmented(tr_x_t, b, cfg)
            soft = None
            if teachers:
                with torch.no_grad(), torch.autocast(device.type, dtype=torch.bfloat16, enabled=not args.fp32):
                    soft = sum(F.softmax(t(x).float() / cfg["kd_t"], 1) for t in teachers) / len(teachers)
            y = (targets[b] if targets is not None else torch.from_numpy(tr_y[b])).to(device)
            lam, pair = 1.0, None
            if mix_weight is not None:
                lam = float(mix_weight.sample())
                pair = torch.randperm(len(b))
                x = lam * x + (1 - lam) * x[pair]

            def batch_loss():
                with torch.autocast(device.type, dtype=torch.bfloat16, enabled=not args.fp32):
                    out = model(x).float()
                loss = lam * F.cross_entropy(out, y, label_smoothing=cfg["smoothing"])
                if pair is not None:
                    loss = loss + (1 - lam) * F.cross_entropy(out, y[pair], label_smoothing=cfg["smoothing"])
                if soft is not None:
                    t = cfg["kd_t"]
                    kd = F.kl_div(F.log_softmax(out / t, 1), soft, reduction="batchmean") * t * t
                    loss = (1 - cfg["kd"]) * loss + cfg["kd"] * kd
                return loss

            opt.zero_grad(set_to_none=True)
            loss = batch_loss()
            loss.backward()
            if cfg.get("sam"):
                with perturbed(model, cfg["sam"]):
                    opt.zero_grad(set_to_none=True)
                    batch_loss().backward()
            opt.step()
            if ema is not None and not cfg.get("swa"):
                ema.update_parameters(model)
            loss_sum += loss.item() * len(b)
            seen += len(b)
        train_s = time.time() - t0
        rec = {"epoch": epoch + 1, "loss": loss_sum / seen}
        rec.update(validation(model, va_x, va_y, cfg))
        val_acc, val_f1 = rec["val_acc"], rec["val_macro_f1"]
        if plateau is not None:
            plateau.step(val_acc)
        kept = model
        if ema is not None:
            if cfg.get("swa"):
                ema.update_parameters(model)
                measure_bn(ema.module, tr_x_t, tr_y, cfg, np.random.default_rng([args.seed, epoch, 1]), fp32=args.fp32)
            kept = ema.module
            rec.update(validation(kept, va_x, va_y, cfg, "ema_"))
            val_acc, val_f1 = rec["ema_val_acc"], rec["ema_val_macro_f1"]
        if val_acc > best or cfg.get("keep") == "last" or cfg.get("with_val"):
            best = val_acc
            torch.save({"model": kept.state_dict(), "config": cfg, "epoch": epoch + 1, "val_acc": val_acc,
                        "val_macro_f1": val_f1}, os.path.join(run_dir, "best.pt"))
        rec.update(lr=opt.param_groups[0]["lr"], train_s=round(train_s, 1), images_per_s=round(seen / train_s))
        print(json.dumps(rec), flush=True)
        log.write(json.dumps(rec) + "\n")
        log.flush()
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "epoch": epoch + 1, "best": best,
                    "torch_rng": torch.get_rng_state(),
                    "plateau": plateau.state_dict() if plateau is not None else None, "ema": ema.state_dict() if ema is not None else None},
                   last_path + ".tmp")
        os.replace(last_path + ".tmp", last_path)


if __name__ == "__main__":
    main()
