"""Makes the TorchScript fixtures of trustml-core's TorchScript fine-tuning tests.

Run with Debian's torch (python3-torch 1.13) from this folder:  /usr/bin/python3 make_fixtures.py

colour-cnn.pt    a tiny CNN for 32x32 RGB in [0, 1], trained here to tell blue (class 0) from red
                 (class 1) on images drawn like the tests' ColourImages (each pixel: the class's channel
                 uniform in [150, 250)/255, the two others uniform in [0, 100)/255). Classes are in the
                 dataset's (sorted) order: blue, red. Output: logits [N, 2].
colour-cnn-3.pt  the same network with 3 outputs: a file whose output size does not fit two classes.
"""
import torch
from torch import nn


class TinyCnn(nn.Module):
    def __init__(self, classes: int):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, kernel_size=3, stride=2, padding=1)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(4, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(torch.flatten(self.pool(torch.relu(self.conv(x))), 1))


def colour_images(n: int, generator: torch.Generator):
    """n images [n, 3, 32, 32], even rows red (label 1), odd rows blue (label 0)."""
    hi = (150 + torch.randint(0, 100, (n, 32, 32), generator=generator)) / 255.0
    lo = torch.randint(0, 100, (n, 2, 32, 32), generator=generator) / 255.0
    x = torch.empty(n, 3, 32, 32)
    y = torch.empty(n, dtype=torch.long)
    for i in range(n):
        red = i % 2 == 0
        y[i] = 1 if red else 0
        if red:
            x[i, 0], x[i, 1], x[i, 2] = hi[i], lo[i, 0], lo[i, 1]
        else:
            x[i, 0], x[i, 1], x[i, 2] = lo[i, 0], lo[i, 1], hi[i]
    return x, y


def main():
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    x, y = colour_images(64, g)
    net = TinyCnn(2)
    opt = torch.optim.Adam(net.parameters(), lr=0.01)
    for _ in range(25):
        opt.zero_grad()
        loss = nn.functional.cross_entropy(net(x), y)
        loss.backward()
        opt.step()
    net.eval()
    test_x, test_y = colour_images(32, g)
    with torch.no_grad():
        accuracy = (net(test_x).argmax(1) == test_y).float().mean().item()
    print(f"train loss {loss.item():.4f}, held-out accuracy {accuracy:.3f}")
    torch.jit.save(torch.jit.script(net), "colour-cnn.pt")
    torch.manual_seed(1)
    torch.jit.save(torch.jit.script(TinyCnn(3).eval()), "colour-cnn-3.pt")


if __name__ == "__main__":
    main()
