"""Writes trained checkpoints as one TF.js layers model (model.json + weights.bin) and the parity fixture.

  /usr/bin/python3 training/export_tfjs.py runs/moodnet/best.pt [more.pt ...] [--out models/emotion]

Several checkpoints make one model that averages their mood probabilities (a functional model: one input,
a branch per network, an Average layer).

Layouts: conv [out,in,kh,kw] -> [kh,kw,in,out]; dense [out,in] -> [in,out], with the first dense after a
Flatten reordered from C,H,W to H,W,C; BatchNorm as gamma, beta, moving_mean, moving_variance.
A 7-class model is cut to the four mood rows of its last layer, so the shipped model outputs the moods only.
"""
import argparse
import json
import os

import numpy as np
import torch
import torch.nn as nn

from augment import crop_spots, crop_views
from fer_data import MOOD_IDS7, MOODS
from models import BN_EPS, MODELS, Residual

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def uint8_params(a):
    """TF.js affine uint8 quantization of one tensor: value = q * scale + min."""
    lo, hi = float(a.min()), float(a.max())
    return lo, (hi - lo) / 255 if hi > lo else 1.0


def storage(a, dtype):
    """uint8 is used for convolution kernels only (most of the weights); the rest stays float16, so that the
    7-to-4 cut of the last layer cannot move a value off its quantization grid."""
    return "float16" if dtype == "uint8" and a.ndim != 4 else dtype


def rounded(t, dtype):
    """The weights as the extension will read them back (float16 and uint8 storage are lossy)."""
    a = t.detach().numpy().astype(np.float32)
    if storage(a, dtype) == "uint8":
        lo, scale = uint8_params(a)
        return (np.round((a - lo) / scale) * scale + lo).astype(np.float32)
    return a.astype(storage(a, dtype)).astype(np.float32)


def stored(a, dtype):
    """(bytes, manifest quantization entry or None) of a tensor whose values are already `rounded`."""
    dtype = storage(a, dtype)
    if dtype == "uint8":
        lo, scale = uint8_params(a)
        q = np.clip(np.round((a - lo) / scale), 0, 255).astype(np.uint8)
        return q.tobytes(), {"dtype": "uint8", "min": lo, "scale": scale, "original_dtype": "float32"}
    if dtype == "float16":
        return a.astype(np.float16).tobytes(), {"dtype": "float16", "original_dtype": "float32"}
    return a.astype(np.float32).tobytes(), None


def numpy(t):
    return t.detach().numpy().astype(np.float32)


def keras_layers(model, count, size=48):
    """Yields (keras layer dict, [(weight name, array)]) for each PyTorch module, in order. count: layers
    made so far per kind, shared by the branches of one model so that layer names stay unique. size: the
    input's side. A layer dict's "_inputs" names its inputs where they are not just the layer before."""
    # A shortcut block is its layers between two markers; at its end the block's input is added back.
    start, end = object(), object()
    mods = [x for m in model for x in ((start, *m, end) if isinstance(m, Residual) else (m,))]
    spatial = size
    channels = 1
    flatten_shape = None
    last, block_inputs = None, []  # the last layer made (None: the model's input); open blocks' inputs

    def name(kind):
        count[kind] = count.get(kind, 0) + 1
        return f"{kind}_{count[kind]}"

    def relu():
        return {"class_name": "Activation", "config": dict(name=name("activation"), activation="relu")}, []

    i = 0
    while i < len(mods):
        m, out = mods[i], []
        if m is start:
            block_inputs.append(last)
        elif m is end:
            out = [({"class_name": "Add", "config": dict(name=name("add")), "_inputs": [block_inputs.pop(), last]}, []), relu()]
        elif isinstance(m, nn.Conv2d):
            n = name("conv2d")
            cfg = dict(name=n, filters=m.out_channels, kernel_size=list(m.kernel_size), strides=[1, 1],
                       padding="same" if m.padding[0] == m.kernel_size[0] // 2 else "valid", data_format="channels_last",
                       dilation_rate=[1, 1], activation="linear", use_bias=m.bias is not None)
            w = [(f"{n}/kernel", numpy(m.weight).transpose(2, 3, 1, 0))]
            if m.bias is not None:
                w.append((f"{n}/bias", numpy(m.bias)))
            if cfg["padding"] == "valid":
                spatial -= m.kernel_size[0] - 1
            channels = m.out_channels
            out = [({"class_name": "Conv2D", "config": cfg}, w)]
        elif isinstance(m, nn.BatchNorm2d):
            assert m.eps == BN_EPS
            n = name("batch_normalization")
            out = [({"class_name": "BatchNormalization", "config": dict(name=n, axis=-1, momentum=0.99, epsilon=m.eps, center=True, scale=True)},
                    [(f"{n}/gamma", numpy(m.weight)), (f"{n}/beta", numpy(m.bias)),
                     (f"{n}/moving_mean", numpy(m.running_mean)), (f"{n}/moving_variance", numpy(m.running_var))])]
        elif isinstance(m, nn.ReLU):
            out = [relu()]
        elif isinstance(m, nn.MaxPool2d):
            spatial //= 2
            out = [({"class_name": "MaxPooling2D", "config": dict(name=name("max_pooling2d"), pool_size=[2, 2], strides=[2, 2],
                                                                 padding="valid", data_format="channels_last")}, [])]
        elif isinstance(m, nn.AdaptiveAvgPool2d):
            assert isinstance(mods[i + 1], nn.Flatten)
            i += 1  # PyTorch's Flatten after the pool is part of Keras's global pooling
            spatial = 1
            out = [({"class_name": "GlobalAveragePooling2D", "config": dict(name=name("global_average_pooling2d"), data_format="channels_last")}, [])]
        elif isinstance(m, nn.Flatten):
            flatten_shape = (channels, spatial, spatial)
            out = [({"class_name": "Flatten", "config": dict(name=name("flatten"), data_format="channels_last")}, [])]
        elif isinstance(m, nn.Dropout):
            out = [({"class_name": "Dropout", "config": dict(name=name("dropout"), rate=m.p)}, [])]
        elif isinstance(m, nn.Linear):
            n = name("dense")
            w, b = m.weight.detach(), m.bias.detach()
            final = i == len(mods) - 1
            if final and w.shape[0] == 7:
                w, b = w[MOOD_IDS7], b[MOOD_IDS7]
            if flatten_shape is not None:
                c, h, wd = flatten_shape
                w = w.reshape(-1, c, h, wd).permute(0, 2, 3, 1).reshape(w.shape[0], -1)
                flatten_shape = None
            out = [({"class_name": "Dense", "config": dict(name=n, units=w.shape[0], activation="softmax" if final else "linear", use_bias=True)},
                    [(f"{n}/kernel", numpy(w.t().contiguous())), (f"{n}/bias", numpy(b))])]
        else:
            raise TypeError(f"no Keras equivalent for {m}")
        for layer, ws in out:
            last = layer["config"]["name"]
            yield layer, ws
        i += 1


def torch_logits(model, x, batch=512):
    """The model's outputs for images [N,48,48] in [0,1], a batch at a time."""
    with torch.no_grad():
        return torch.cat([model(torch.from_numpy(x[i:i + batch]).float().unsqueeze(1)) for i in range(0, len(x), batch)])


def torch_moods(model, x, classes):
    """Probabilities of the four moods from images [N,48,48] in [0,1], as the exported model computes them."""
    logits = torch_logits(model, x)
    if classes == 7:
        logits = logits[:, MOOD_IDS7]
    return torch.softmax(logits, 1).numpy()


def view_moods(model, x, classes, views, crop=None, crops=1, sides=(48,), spread=False):
    """Mood probabilities of images [N,48,48] in [0,1], averaged over test-time views ("identity", "hflip").
    A model trained on crops (crop: its input size) sees the fixed crops of augment.crop_views instead:
    1 (the centre) or 5 (centre and corners) of the face resampled to each of sides (spread: crop k at one
    side, sides[k % len(sides)]), each in every view."""
    probs = np.zeros((len(x), 4))
    cuts = crop_views(torch.from_numpy(np.ascontiguousarray(x)).unsqueeze(1), crop, crops, sides, spread and crops == 5)[:, :, 0].numpy() if crop else x[None]
    for cut in cuts:
        for view in views:
            v = cut[:, :, ::-1].copy() if view == "hflip" else cut
            probs += torch_moods(model, v, classes)
    return probs / (len(cuts) * len(views))


def load_rounded(path, dtype):
    ck = torch.load(path)
    cfg = ck["config"]
    model = MODELS[cfg["model"]](cfg["classes"])
    model.load_state_dict(ck["model"])
    with torch.no_grad():
        for t in list(model.parameters()) + [b for n, b in model.named_buffers() if "running" in n]:
            t.copy_(torch.from_numpy(rounded(t, dtype)))
    return model.eval(), cfg, ck


def held_out_checkpoints(recipes, fold, k=5):
    """The nets of these recipes that left out fold `fold` of k (train.py --recipe R --fold I/k, kept in
    training/checkpoints/<R>_fold<I>of<k>/ while they are needed)."""
    return [os.path.join(ROOT, "training", "checkpoints", f"{r}_fold{fold}of{k}", "best.pt") for r in recipes]


def functional(branches, size=48):
    """Keras functional topology: each branch (a list of layer dicts, and whether it is spread) a chain from
    its input, but for the layers that name their inputs (a shortcut's Add). The branches that see every
    window of a frame read input_1; spread ones (that see one window a frame, see members_moods) read
    input_2. One output per input, its branches' outputs averaged where there are several."""
    groups = [[b for b, spread in branches if spread == s] for s in (False, True)]
    groups = [g for g in groups if g]
    inputs = [f"input_{i + 1}" for i in range(len(groups))]
    layers = [{"class_name": "InputLayer", "name": n, "inbound_nodes": [],
               "config": dict(name=n, batch_input_shape=[None, size, size, 1], dtype="float32", sparse=False)} for n in inputs]
    outputs = []
    for g, (group, source) in enumerate(zip(groups, inputs)):
        ends = []
        for branch in group:
            prev = source
            for layer in branch:
                n = layer["config"]["name"]
                ins = [p or source for p in layer.get("_inputs", [prev])]
                layers.append({**{k: v for k, v in layer.items() if k != "_inputs"}, "name": n,
                               "inbound_nodes": [[[p, 0, 0, {}] for p in ins]]})
                prev = n
            ends.append(prev)
        if len(ends) > 1:
            n = f"average_{g + 1}"
            layers.append({"class_name": "Average", "name": n, "config": dict(name=n),
                           "inbound_nodes": [[[e, 0, 0, {}] for e in ends]]})
            ends = [n]
        outputs.append(ends[0])
    return {"class_name": "Model", "config": {"name": "moodnet", "layers": layers, "input_layers": [[n, 0, 0] for n in inputs],
                                              "output_layers": [[o, 0, 0] for o in outputs]}}


def spread(k, members):
    """The members (load_rounded results), the last k of them marked to see one window a frame (members_moods)."""
    for _, cfg, _ in members[len(members) - k:] if k else ():
        cfg["spread"] = True
    return members


def members_moods(members, images, views, crops=1, chunk=2048, sides=(48,)):
    """Mood probabilities of a model made of members (load_rounded results) on faces uint8 [N,48,48]: each
    member's view means, averaged. A member whose config says "spread" sees one side a crop (crop_views's spread)."""
    parts = []
    for i in range(0, len(images), chunk):
        faces = images[i:i + chunk]
        parts.append(sum(view_moods(model, faces / 255.0, cfg["classes"], views, cfg.get("crop"), crops, sides, cfg.get("spread"))
                         for model, cfg, _ in members) / len(members))
    return np.concatenate(parts)


def write_contract(out, size, crop, sides):
    """The input size and, for crop-trained nets, the face size and each frame's windows into the contract
    beside the model, keeping its other fields: frame k takes the k-th crop position (centre, then the corners:
    augment.crop_views's order) of the face resampled to each of sides, starting at sides[k % len(sides)]: a
    spread net sees that first window alone."""
    path = os.path.join(out, "contract.json")
    contract = json.load(open(path)) if os.path.exists(path) else json.load(open(os.path.join(ROOT, "models", "emotion", "contract.json")))
    contract["input"] = {"height": size, "width": size, "channels": 1}
    contract.pop("faceSize", None)
    contract.pop("frameCrops", None)
    if crop:
        contract["faceSize"] = 48
        contract["frameCrops"] = [[[*crop_spots(s, crop)[k][::-1], s] for s in sides[k % len(sides):] + sides[:k % len(sides)]]
                                  for k in range(5)]  # [x, y, side]
        contract["testTimeAugmentation"] = ["identity", "hflip"]
    with open(path, "w") as f:
        json.dump(contract, f, indent=2)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoints", nargs="+")
    ap.add_argument("--out", default=os.path.join(ROOT, "models", "emotion"))
    ap.add_argument("--dtype", choices=["float16", "uint8", "float32"], default="float16")
    ap.add_argument("--sides", default="48", help="crop-trained nets: each frame of a check takes its window of the "
                    "face resampled to each of these sides, comma-separated (48: the face as cut)")
    ap.add_argument("--spread", type=int, default=0, metavar="K", help="the last K nets see one window a frame (the "
                    "frame's first: its side cycles over sides) instead of every window, a second model input")
    ap.add_argument("--fixture", default=os.path.join(ROOT, "tests", "fixtures", "emotion-parity.json"))
    args = ap.parse_args()
    loaded = spread(args.spread, [load_rounded(c, args.dtype) for c in args.checkpoints])
    crops = {cfg.get("crop") for _, cfg, _ in loaded}
    assert len(crops) == 1, "members must share one input size"
    crop = crops.pop()
    size = crop or 48

    count, branches, weights = {}, [], []
    for model, cfg, _ in loaded:  # spread nets last (spread), as functional orders them
        branches.append(([], bool(cfg.get("spread"))))
        for layer, ws in keras_layers(model, count, size):
            branches[-1][0].append(layer)
            weights.extend(ws)
    blob = b""
    manifest = []
    for n, a in weights:
        data, quantization = stored(np.ascontiguousarray(a), args.dtype)
        blob += data
        manifest.append({"name": n, "shape": list(a.shape), "dtype": "float32", **({"quantization": quantization} if quantization else {})})
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "weights.bin"), "wb") as f:
        f.write(blob)
    model_json = {
        "format": "layers-model", "generatedBy": "mood-dj training/export_tfjs.py", "convertedBy": None,
        "modelTopology": {**functional(branches, size), "keras_version": "tfjs-layers 4.22.0", "backend": "tensor_flow.js"},
        "weightsManifest": [{"paths": ["weights.bin"], "weights": manifest}],
        "userDefinedMetadata": {"members": [{"recipe": cfg, "epoch": ck.get("epoch"), "val_acc": ck.get("val_acc"),
                                             "val_macro_f1": ck.get("val_macro_f1")} for _, cfg, ck in loaded]},
    }
    with open(os.path.join(args.out, "model.json"), "w") as f:
        json.dump(model_json, f)
    write_contract(args.out, size, crop, [int(s) for s in args.sides.split(",")])

    # Fixed synthetic inputs (no dataset pixels in the repo): smooth blobs and noise, as bytes.
    rng = np.random.default_rng(7)
    yy, xx = np.mgrid[0:48, 0:48] / 47.0
    inputs = [np.full((48, 48), 128), (xx * 255), (yy * 255)]  # at the input size (cut below for crop models)
    for _ in range(5):
        cx, cy, s = rng.uniform(0.2, 0.8, 3)
        inputs.append(255 * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (0.1 * s)) * rng.uniform(0.5, 1) + rng.uniform(0, 60, (48, 48)))
    inputs = np.clip(np.round(np.stack(inputs)), 0, 255).astype(np.uint8)[:, :size, :size]
    probs = sum(view_moods(model, inputs / 255.0, cfg["classes"], ["identity"]) for model, cfg, _ in loaded) / len(loaded)
    os.makedirs(os.path.dirname(args.fixture), exist_ok=True)
    with open(args.fixture, "w") as f:
        json.dump({"classes": MOODS, "inputs": inputs.reshape(len(inputs), -1).tolist(), "probabilities": probs.tolist()}, f)
    print(f"wrote {args.out}: {len(blob)} weight bytes, {sum(len(b) for b, _ in branches)} layers in {len(branches)} branch(es); fixture {args.fixture}")


if __name__ == "__main__":
    main()
