#!/usr/bin/env bash
# The faithfulness tests of the peers (cheap: a few seconds, no Rust build): the pydantic peer
# (pytest) and the zod peer (node --test) against the fixtures and the shared vectors, each
# divergence from ctg being a documented one; then prints both faithfulness tables.
# Installs, pinned and from the registries only: target/peers-venv (benches/peers/python/
# requirements.txt) and benches/peers/node/node_modules (npm ci, package-lock.json).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
peers="$root/benches/peers"
venv="$root/target/peers-venv"
req="$peers/python/requirements.txt"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
# Install only when the pins changed since the last install.
stamp="$venv/.requirements.sha"
want="$(sha256sum "$req" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
  echo "$want" >"$stamp"
fi
if [ ! -d "$peers/node/node_modules/zod" ] || [ "$peers/node/package-lock.json" -nt "$peers/node/node_modules/.package-lock.json" ]; then
  (cd "$peers/node" && npm ci --no-audit --no-fund --silent)
fi

echo "== pydantic peer: faithfulness (pytest)"
(cd "$peers/python" && "$venv/bin/python" -m pytest -q -p no:cacheprovider test_faithfulness.py)
echo "== zod peer: faithfulness (node --test)"
(cd "$peers/node" && node --test --test-reporter=dot faithfulness.test.mjs)

echo
"$venv/bin/python" "$peers/python/faithfulness.py" | sed -n '1,8p'
echo
(cd "$peers/node" && node faithfulness.mjs | sed -n '1,8p')
