#!/usr/bin/env bash
# Installs the Debian packages GradScope needs to build, test and run.
# Idempotent: does nothing when everything is present. Runs apt-get update first
# when something is missing.
#   scripts/install-deps.sh          build + test + run dependencies
#   scripts/install-deps.sh --dev    also the oracles for golden files and peer benchmarks
#                                    (python3-torch, python3-sklearn, OpenBLAS)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libeigen3-dev nlohmann-json3-dev zlib1g-dev libjemalloc-dev libpng-dev libturbojpeg0-dev
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-datavisualization-dev
  qt6-declarative-dev libxkbcommon-dev qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqcustomplot-dev libgl-dev
  fonts-noto-cjk xvfb xauth
  dataset-fashion-mnist
)
if [[ "${1:-}" == "--dev" ]]; then
  packages+=(python3-torch python3-sklearn python3-numpy libopenblas0-pthread)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} Debian packages present."
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
