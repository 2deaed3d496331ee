"""Batch augmentation on CPU tensors [B,1,H,W] in [0,1]: one affine warp per batch call, cheap next to the CNN."""
import math

import torch
import torch.nn.functional as F


def _sometimes(values, p):
    """values where a coin of probability p says so, else 0 (per image)."""
    return values if p >= 1 else torch.where(torch.rand(values.shape[0]) < p, values, torch.zeros_like(values))


def random_affine(x, rotate_deg, shift, zoom, flip, crop=None, rotate_p=1.0, shift_p=1.0):
    """Keras ImageDataGenerator-like: rotation, shift (fraction of size), zoom, edge-replicating ('nearest') fill.

    crop: output a random crop x crop window of the warped image instead of the whole image (one resampling:
    the window is folded into the warp). rotate_p / shift_p: share of images that get a rotation / shift."""
    b, c, h, w = x.shape
    angle = _sometimes((torch.rand(b) * 2 - 1) * math.radians(rotate_deg), rotate_p)
    scale = 1 + (torch.rand(b) * 2 - 1) * zoom
    tx, ty = [_sometimes((torch.rand(b) * 2 - 1) * shift * 2, shift_p) for _ in range(2)]  # affine_grid spans [-1,1]
    sign = torch.where(torch.rand(b) < 0.5, -1.0, 1.0) if flip else torch.ones(b)
    cos, sin = torch.cos(angle) * scale, torch.sin(angle) * scale
    a11, a12, a21, a22 = cos * sign, -sin, sin * sign, cos
    out = (b, c, h, w)
    if crop:
        # Window of crop/size of the image, its centre anywhere that keeps it inside: p_in = A (s p_out + c) + t.
        s = crop / h
        cx, cy = [(torch.rand(b) * 2 - 1) * (1 - s) for _ in range(2)]
        tx, ty = tx + a11 * cx + a12 * cy, ty + a21 * cx + a22 * cy
        a11, a12, a21, a22 = a11 * s, a12 * s, a21 * s, a22 * s
        out = (b, c, crop, crop)
    theta = torch.stack([torch.stack([a11, a12, tx], 1), torch.stack([a21, a22, ty], 1)], 1).to(x.device)
    grid = F.affine_grid(theta, out, align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)


def crop_spots(size, crop):
    """Top-left (row, column) of the fixed test-time crops: the centre, then the four corners."""
    m, e = (size - crop) // 2, size - crop
    return [(m, m), (0, 0), (0, e), (e, 0), (e, e)]


def crop_views(x, crop, count, sides=(48,), spread=False):
    """The fixed test-time crops of a batch [B,1,H,W] -> [count * len(sides),B,1,crop,crop]: the centre (count
    1), the centre and four corners (5), and those five mirrored (10), the usual ten-crop; with sides, those of
    the faces resampled to each side (the product's windows at several scales). spread: one side a crop
    instead ([count,B,1,crop,crop], crop k of the face at sides[k % len(sides)]), as a net sees them whose
    windows are spread over a check's frames, one side a frame."""
    if spread:
        assert count == 5, "spread: the five crops, each at its own side"
        every = crop_views(x, crop, 5, sides)  # side by side, five crops each
        return torch.stack([every[5 * (k % len(sides)) + k] for k in range(5)])
    if len(sides) > 1 or sides[0] != x.shape[-1]:
        return torch.cat([crop_views(resampled(x, s), crop, count, (s,)) for s in sides])
    h = x.shape[-1]
    spots = crop_spots(h, crop)[:max(1, min(count, 5))]
    views = [x[..., r:r + crop, c:c + crop] for r, c in spots]
    if count == 10:
        views += [v.flip(-1) for v in views]
    return torch.stack(views)


def axis_weights(size, n):
    """[n, size] weights that resample one axis of a face of `size` px to n px as the product does
    (src/model/face-crop.ts axisTaps): area averaging down, linear interpolation up, edges repeated."""
    step, w = size / n, torch.zeros(n, size, dtype=torch.float64)
    for i in range(n):
        a, b = i * step, (i + 1) * step
        if step <= 1:
            c = (a + b) / 2 - 0.5
            k = math.floor(c)
            w[i, min(size - 1, max(0, k))] += 1 - (c - k)
            w[i, min(size - 1, max(0, k + 1))] += c - k
        else:
            for k in range(math.floor(a), math.ceil(b)):
                w[i, min(size - 1, k)] += (min(b, k + 1) - max(a, k)) / step
    return w


def resampled(x, side):
    """Faces [B,1,H,H] in [0,1] resampled to side px and rounded to gray levels, as the product's frameViews."""
    if x.shape[-1] == side:
        return x
    w = axis_weights(x.shape[-1], side).to(x.dtype)
    return torch.floor(w @ (x * 255) @ w.T + 0.5) / 255


def random_erasing(x, p=0.5, area=(0.02, 0.2), ratio=(0.3, 3.3)):
    """Zeroes one random rectangle in a fraction p of the images (Zhong et al. 2017)."""
    b, _, h, w = x.shape
    a = torch.empty(b).uniform_(*area) * h * w
    r = torch.exp(torch.empty(b).uniform_(math.log(ratio[0]), math.log(ratio[1])))
    eh = torch.sqrt(a * r).clamp(max=h)
    ew = torch.sqrt(a / r).clamp(max=w)
    y0 = torch.rand(b) * (h - eh)
    x0 = torch.rand(b) * (w - ew)
    ys = torch.arange(h).view(1, h, 1)
    xs = torch.arange(w).view(1, 1, w)
    inside = (ys >= y0.view(b, 1, 1)) & (ys < (y0 + eh).view(b, 1, 1)) & (xs >= x0.view(b, 1, 1)) & (xs < (x0 + ew).view(b, 1, 1))
    inside &= (torch.rand(b) < p).view(b, 1, 1)
    return x.masked_fill(inside.unsqueeze(1).to(x.device), 0.0)
