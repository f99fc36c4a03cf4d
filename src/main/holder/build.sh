#!/bin/sh
# Rebuilds the holder's pause binaries committed under src/main/resources (see HolderImage.java).
# Needs gcc, and gcc-aarch64-linux-gnu for the arm64 one (apt-get install gcc-aarch64-linux-gnu).
set -eu
cd "$(dirname "$0")"
out=../resources/org/podium/compute/holder
mkdir -p "$out"
flags="-static -nostdlib -ffreestanding -fno-stack-protector -fno-builtin -Os -s -Wl,--build-id=none -Wl,-n"
gcc $flags -o "$out/pause-amd64" pause.c
aarch64-linux-gnu-gcc $flags -o "$out/pause-arm64" pause.c
ls -l "$out"
