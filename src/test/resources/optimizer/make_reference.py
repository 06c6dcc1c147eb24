"""Reference values for HostOptimizerTest, computed with PyTorch's own optimizers.

Run with Debian's python3-torch (1.13; RMSprop and Adam are unchanged since):
    /usr/bin/python3 src/test/resources/optimizer/make_reference.py > src/test/resources/optimizer/reference.json
Two parameter tensors, five steps with fixed gradients, each step's gradients first scaled by the
global-norm clip factor the Java side receives as gradScale (clip_grad_norm_ multiplies in place).
"""
import json
import torch

LR = 0.01
SCALES = [1.0, 0.5, 1.0, 0.25, 1.0]
W0 = [[0.5, -0.25, 0.125], [1.0, -2.0]]
GRADS = [
    [[0.1, -0.2, 0.3], [0.05, 0.0]],
    [[-0.4, 0.1, 0.0], [1.5, -0.5]],
    [[0.2, 0.2, -0.1], [-0.3, 0.25]],
    [[1e-3, -2.0, 0.7], [0.0, 3.0]],
    [[-0.05, 0.6, -0.9], [0.4, -0.1]],
]


def run(make_optimizer):
    params = [torch.tensor(w, dtype=torch.float32, requires_grad=True) for w in W0]
    opt = make_optimizer(params)
    steps = []
    for grads, scale in zip(GRADS, SCALES):
        for p, g in zip(params, grads):
            p.grad = torch.tensor(g, dtype=torch.float32) * scale
        opt.step()
        steps.append([p.detach().tolist() for p in params])
    return steps


print(json.dumps({
    "torch": torch.__version__,
    "lr": LR,
    "scales": SCALES,
    "w0": W0,
    "grads": GRADS,
    # SB3's A2C RMSprop: alpha 0.99, eps 1e-5; Adam: PyTorch defaults
    "rmsprop": run(lambda ps: torch.optim.RMSprop(ps, lr=LR, alpha=0.99, eps=1e-5)),
    "adam": run(lambda ps: torch.optim.Adam(ps, lr=LR, betas=(0.9, 0.999), eps=1e-8)),
}))
