"""Batch augmentation on CPU tensors [B,1,H,W] in [0,1]: one affine warp per batch call, cheap next to the CNN."""
import math

import torch
import torch.nn.functional as F


def random_affine(x, rotate_deg, shift, zoom, flip):
    """Keras ImageDataGenerator-like: rotation, shift (fraction of size), zoom, edge-replicating ('nearest') fill."""
    b = x.shape[0]
    angle = (torch.rand(b) * 2 - 1) * math.radians(rotate_deg)
    scale = 1 + (torch.rand(b) * 2 - 1) * zoom
    tx, ty = [(torch.rand(b) * 2 - 1) * shift * 2 for _ in range(2)]  # affine_grid spans [-1,1]: 2 units per image
    sign = torch.where(torch.rand(b) < 0.5, -1.0, 1.0) if flip else torch.ones(b)
    cos, sin = torch.cos(angle) * scale, torch.sin(angle) * scale
    theta = torch.stack([torch.stack([cos * sign, -sin, tx], 1), torch.stack([sin * sign, cos, ty], 1)], 1)
    grid = F.affine_grid(theta, x.shape, align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)


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
    return x.masked_fill(inside.unsqueeze(1), 0.0)
