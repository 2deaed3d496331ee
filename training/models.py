"""The CNNs. All but the probes mood_net_r, mood_net_se and mood_net_cbam (shortcuts, attention; never exported)
are plain nn.Sequential stacks of layers that export_tfjs.py maps one to one onto Keras layers."""
import torch
import torch.nn as nn

# Keras/TF.js BatchNormalization default; PyTorch's own is 1e-5, so it is set here for both sides to agree.
BN_EPS = 1e-3


def conv_bn(cin, cout):
    return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout, eps=BN_EPS)]


def conv_bn_relu(cin, cout):
    return [*conv_bn(cin, cout), nn.ReLU()]


def vgg_gap(stages, num_classes, attention=None):
    """3x3 conv + BatchNorm + ReLU stages (channel widths per stage) with 2x2 max pooling between them, then
    global average pooling, dropout 0.3 and a dense layer. attention(channels) -> modules, if given, ends each stage."""
    layers, cin = [], 1
    for i, widths in enumerate(stages):
        if i:
            layers.append(nn.MaxPool2d(2))
        for cout in widths:
            layers += conv_bn_relu(cin, cout)
            cin = cout
        if attention:
            layers += attention(cin)
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(cin, num_classes))


class Residual(nn.Sequential):
    """ReLU(x + layers(x)): He et al. 2016's basic block when the layers are conv-BN-ReLU-conv-BN."""

    def forward(self, x):
        return nn.functional.relu(x + super().forward(x))


class ChannelGate(nn.Module):
    """Squeeze-and-excitation (Hu et al. 2018): each channel scaled by a gate computed from all channels' means."""

    def __init__(self, channels, reduction=8):
        super().__init__()
        self.gate = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Conv2d(channels, channels // reduction, 1), nn.ReLU(),
                                  nn.Conv2d(channels // reduction, channels, 1), nn.Sigmoid())

    def forward(self, x):
        return x * self.gate(x)


class SpatialGate(nn.Module):
    """CBAM's spatial attention (Woo et al. 2018): each position scaled by a gate that a 7x7 convolution computes
    from the channels' mean and maximum there, so the net can weigh the mouth and brows above the rest."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(2, 1, 7, padding=3, bias=False), nn.BatchNorm2d(1, eps=BN_EPS), nn.Sigmoid())

    def forward(self, x):
        return x * self.conv(torch.cat([x.mean(1, keepdim=True), x.amax(1, keepdim=True)], 1))


def mood_net(num_classes=7):
    """Shipped model: 0.58 M parameters and 96 M multiply-adds per 48x48 face, so float16 weights fit in 1.2 MB."""
    return vgg_gap([[32, 32], [64, 64], [128, 128], [256]], num_classes)


WIDE_STAGES = [[32, 32], [64, 64], [128, 128], [256, 256]]


def mood_net_l(num_classes=7):
    """A wider variant for uint8 weights: two convolutions at every scale, 1.17 M parameters, 117 M multiply-adds."""
    return vgg_gap(WIDE_STAGES, num_classes)


def mood_net_w(num_classes=7):
    """mood_net_l at twice the widths (64-128-256-512): 4.69 M parameters. On one H200 it read 0.782 on the test
    split against mood_net_l's 0.775 with the same schedule (issue 38); uint8 kernels take about 4.7 MB."""
    return vgg_gap([[2 * c for c in stage] for stage in WIDE_STAGES], num_classes)


def mood_net_se(num_classes=7):
    """mood_net_l with channel attention ending each stage: 1.20 M parameters, multiply-adds as mood_net_l's."""
    return vgg_gap(WIDE_STAGES, num_classes, lambda c: [ChannelGate(c)])


def mood_net_cbam(num_classes=7):
    """mood_net_l with CBAM-style channel then spatial attention ending each stage: 1.20 M parameters."""
    return vgg_gap(WIDE_STAGES, num_classes, lambda c: [ChannelGate(c), SpatialGate()])


def mood_net_d(num_classes=7):
    """A deeper variant: a third convolution at 12x12, 0.73 M parameters, 117 M multiply-adds."""
    return vgg_gap([[32, 32], [64, 64], [128, 128, 128], [256]], num_classes)


def mood_net_s(num_classes=7):
    """Three quarters of mood_net's widths: 54 M multiply-adds, so the face and its mirror image together cost
    less than one pass of the paper-style baseline (108 M)."""
    return vgg_gap([[24, 24], [48, 48], [96, 96], [192]], num_classes)


def mood_net_r(num_classes=7):
    """Depth with shortcuts: mood_net_l with a residual block of two convolutions at 20x20 and 10x10 and one
    around the second 256-channel convolution (at 40 px: 1.36 M parameters, 111 M multiply-adds, so one window a
    frame where mood_net_l fits two)."""
    return nn.Sequential(
        *conv_bn_relu(1, 32), *conv_bn_relu(32, 32), nn.MaxPool2d(2),
        *conv_bn_relu(32, 64), Residual(*conv_bn_relu(64, 64), *conv_bn(64, 64)), nn.MaxPool2d(2),
        *conv_bn_relu(64, 128), Residual(*conv_bn_relu(128, 128), *conv_bn(128, 128)), nn.MaxPool2d(2),
        *conv_bn_relu(128, 256), Residual(*conv_bn(256, 256)),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(256, num_classes))


def paper_net(num_classes=4):
    """Baseline in the paper's style: four 3x3 convolutions (32, 64, 128, 128), max pooling, dropout, Dense 256.

    The paper's Table 5 layer list was not available here; this reconstruction has 1,421,188 parameters
    (the paper: 1,371,300) and 108 M multiply-adds, most of its parameters in the first Dense layer like the paper's.
    """
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.25),
        nn.Conv2d(64, 128, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.25),
        nn.Conv2d(128, 128, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.25),
        nn.Flatten(), nn.Linear(6 * 6 * 128, 256), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(256, num_classes),
    )


MODELS = {"moodnet": mood_net, "moodnet_l": mood_net_l, "moodnet_w": mood_net_w, "moodnet_d": mood_net_d, "moodnet_s": mood_net_s, "moodnet_r": mood_net_r,
          "moodnet_se": mood_net_se, "moodnet_cbam": mood_net_cbam,
          "paper": paper_net}


def count_params(model):
    return sum(p.numel() for p in model.parameters()) + sum(b.numel() for n, b in model.named_buffers() if "running" in n)
