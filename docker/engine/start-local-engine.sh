#!/usr/bin/env bash
# Makes sure a Docker engine answers, for the tests and the run command.
#
# Does nothing when one already answers (at DOCKER_HOST or /var/run/docker.sock). Otherwise
# installs docker.io and busybox-static with apt when missing (root only) and starts dockerd in
# the background with no bridge network and no iptables changes: Podium runs every container
# with --network none, so the engine needs no network of its own.
set -euo pipefail

log=${PODIUM_DOCKERD_LOG:-/tmp/podium-dockerd.log}
wait_seconds=${PODIUM_DOCKERD_WAIT_SECONDS:-60}

engine_answers() {
  command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1
}

if engine_answers; then
  echo "Docker engine already answers: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
  exit 0
fi

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
[[ -x /bin/busybox ]] || missing+=(busybox-static)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing ${missing[*]}: install them (apt-get install ${missing[*]}) or run this script as root." >&2
    exit 1
  fi
  echo "Installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ -n "${DOCKER_HOST:-}" && "${DOCKER_HOST}" != unix:///var/run/docker.sock ]]; then
  echo "DOCKER_HOST=$DOCKER_HOST does not answer; not starting a local engine in its place." >&2
  exit 1
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "No Docker engine answers and starting dockerd needs root." >&2
  exit 1
fi

echo "Starting dockerd (log: $log)"
nohup dockerd --bridge=none --iptables=false --ip-forward=false --ip-masq=false >"$log" 2>&1 &

for ((i = 0; i < wait_seconds; i++)); do
  if engine_answers; then
    echo "Docker engine answers: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
    exit 0
  fi
  sleep 1
done
echo "dockerd did not answer within ${wait_seconds}s; its log:" >&2
tail -n 30 "$log" >&2
exit 1
