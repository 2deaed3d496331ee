"""Packs FER2013's training faces to travel with the working tree to a lent GPU (the device tool carries at
most 64 MiB; ../shared stays behind): .device-data/fer2013/train-images.u8.xz (xz with a delta filter, about
three quarters of gzip's size) and train-labels.u8, read by fer_data.load_split via FER2013_DIR. The test split
stays here: it is read once, on this machine, for reported figures."""
import gzip
import lzma
import os
import shutil

from fer_data import FER_DIR

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".device-data", "fer2013")
FILTERS = [{"id": lzma.FILTER_DELTA, "dist": 1}, {"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME}]


def main():
    os.makedirs(OUT, exist_ok=True)
    with gzip.open(os.path.join(FER_DIR, "train-images.u8.gz"), "rb") as f:
        raw = f.read()
    with lzma.open(os.path.join(OUT, "train-images.u8.xz"), "wb", format=lzma.FORMAT_XZ, filters=FILTERS) as f:
        f.write(raw)
    shutil.copy(os.path.join(FER_DIR, "train-labels.u8"), OUT)
    size = sum(os.path.getsize(os.path.join(OUT, n)) for n in os.listdir(OUT))
    print(f"{os.path.normpath(OUT)}: {size / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
