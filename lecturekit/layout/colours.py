"""Colours as RRGGBB strings, and the WCAG contrast every text colour is held to (4.5:1, AA)."""

from __future__ import annotations

WHITE = "FFFFFF"
BLACK = "000000"


def contrast(foreground: str, background: str) -> float:
    """Return the WCAG contrast ratio of two RRGGBB colours (1 to 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable(colour: str, background: str, toward: str) -> str:
    """Return `colour`, blended toward `toward` in 5% steps until it has 4.5:1 on `background`."""
    for step in range(21):
        mixed = blend(colour, toward, step / 20)
        if contrast(mixed, background) >= 4.5:
            return mixed
    return toward


def blend(colour: str, toward: str, amount: float) -> str:
    """Return `colour` moved `amount` (0 to 1) of the way to `toward`."""
    ends = [[int(c[i : i + 2], 16) for i in (0, 2, 4)] for c in (colour, toward)]
    return "".join(f"{round(a + (b - a) * amount):02X}" for a, b in zip(*ends, strict=True))
