#!/usr/bin/env bash
# Trains the incident model Rasid ships (resources/model/incidents.model) from
# the analysts' gold beside the project (../shared: the seeds and the dev
# articles), with the rasid-cli of a build, then prints the cross-validated
# figures of the rules and of the model. Deterministic: the same gold and the
# same rules give the same file, byte for byte (tests/system check it).
#
# usage: scripts/train-model.sh [build-dir]   (default build/release)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/release}
shared=$root/../shared
cli=$build/app/rasid-cli
sets=(
    --set "$shared/gold/seeds.json=$shared/seeds"
    --set "$shared/dev/gold-a.json=$shared/dev/articles"
    --set "$shared/dev/gold-b.json=$shared/dev/articles"
    --set "$shared/dev/gold-c.json=$shared/dev/articles"
)
"$cli" train "${sets[@]}" --out "$root/resources/model/incidents.model"
"$cli" crossval "${sets[@]}" --by-set
