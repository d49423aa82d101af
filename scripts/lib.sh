# Shared by scripts/test and scripts/run: install what is missing, then configure and build.
# shellcheck shell=bash
set -euo pipefail
CLC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLC_BUILD="${CLC_BUILD:-$CLC_ROOT/build}"

clc_missing_packages() {
  local pkg missing=()
  while read -r pkg; do
    [[ -z "$pkg" || "$pkg" == \#* ]] && continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done < "$CLC_ROOT/scripts/packages.txt"
  echo "${missing[@]:-}"
}

clc_install_deps() {
  local missing
  missing="$(clc_missing_packages)"
  [[ -z "$missing" ]] && return 0
  echo "clc: installing missing packages: $missing" >&2
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "clc: need root (or sudo) to install: $missing" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

clc_build() {
  cmake -S "$CLC_ROOT" -B "$CLC_BUILD" -G Ninja -DCMAKE_BUILD_TYPE="${CLC_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
  cmake --build "$CLC_BUILD" -j "$(nproc)"
}
