#!/usr/bin/env bash
# Re-derive src/relext/visualize/assets/vis-network.min.js from the npm registry.
#
# vis-network (https://github.com/visjs/vis-network) is dual licensed Apache-2.0 OR MIT;
# relext ships its standalone UMD build (which bundles its own CSS) and both licence
# texts, unchanged. Usage: scripts/update_vis_network.sh [VERSION]   (needs npm and tar)
set -euo pipefail
VERSION="${1:-10.1.5}"
ASSETS="$(cd "$(dirname "$0")/.." && pwd)/src/relext/visualize/assets"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "vis-network@$VERSION" >/dev/null && tar xzf vis-network-*.tgz)
cp "$WORK/package/standalone/umd/vis-network.min.js" "$ASSETS/vis-network.min.js"
{
  echo "vis-network $VERSION (npm package vis-network, file standalone/umd/vis-network.min.js)"
  echo "https://github.com/visjs/vis-network -- dual licensed: Apache-2.0 OR MIT. Both texts follow."
  echo
  cat "$WORK/package/LICENSE-MIT"
  echo
  cat "$WORK/package/LICENSE-APACHE-2.0"
} > "$ASSETS/vis-network.LICENSE.txt"
echo "vis-network $VERSION -> $ASSETS"
