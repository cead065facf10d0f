"""Regenerate the desk's notification cues (run: python resources/sounds/generate.py).

Three cues that differ in pitch and rhythm, not only in loudness, so they can
be told apart by ear: a rising pair for a new chat, one short tone for a new
message, three low pulses for a missed response target.
"""

import math
import struct
import wave
from pathlib import Path

RATE = 22050


def tone(freq: float, seconds: float, volume: float = 0.5) -> list[float]:
    count = int(RATE * seconds)
    fade = int(RATE * 0.01)
    samples = []
    for i in range(count):
        envelope = min(1.0, i / fade, (count - i) / fade)
        samples.append(volume * envelope * math.sin(2 * math.pi * freq * i / RATE))
    return samples


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def write(name: str, samples: list[float]) -> None:
    path = Path(__file__).with_name(name)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


if __name__ == "__main__":
    write("new_chat.wav", tone(660, 0.12) + silence(0.04) + tone(990, 0.18))
    write("new_message.wav", tone(880, 0.1, 0.4))
    write("breach.wav", tone(330, 0.12) + silence(0.06) + tone(330, 0.12) + silence(0.06) + tone(330, 0.12))
