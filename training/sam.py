"""Sharpness-aware minimization (Foret et al. 2021): the gradient is taken at the worst nearby weights.

Said to resist label noise, which FER2013 has plenty of (its labels agree with the FERPlus majority on 64% of train).
"""
from contextlib import contextmanager

import torch
import torch.nn as nn


@contextmanager
def perturbed(model, rho):
    """Inside: the weights moved by rho along their current gradient (unit global norm) and BatchNorm's running
    statistics frozen, so that a second forward/backward pass there gives the sharpness-aware gradient.
    On exit the weights are restored; their .grad is whatever the second pass left."""
    params = [p for p in model.parameters() if p.grad is not None]
    with torch.no_grad():
        norm = torch.norm(torch.stack([p.grad.norm() for p in params]))
        steps = [p.grad * (rho / (norm + 1e-12)) for p in params]
        for p, e in zip(params, steps):
            p.add_(e)
    norms = [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    momenta = [m.momentum for m in norms]
    for m in norms:
        m.momentum = 0.0
    try:
        yield
    finally:
        for m, momentum in zip(norms, momenta):
            m.momentum = momentum
        with torch.no_grad():
            for p, e in zip(params, steps):
                p.sub_(e)
