#!/usr/bin/env bash
# Builds the busybox participant image from the host's static busybox, without any network:
#   build.sh [TAG]    (default podium-example-busybox:1)
set -euo pipefail
tag=${1:-podium-example-busybox:1}
here=$(cd "$(dirname "$0")" && pwd)
context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
[[ -x /bin/busybox ]] || { echo "/bin/busybox is missing: apt-get install busybox-static" >&2; exit 1; }
cp /bin/busybox "$context/busybox"
cp "$here/Dockerfile" "$here/predict.sh" "$context/"
docker build --network none --tag "$tag" "$context"
