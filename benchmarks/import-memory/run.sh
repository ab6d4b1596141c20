#!/usr/bin/env bash
# Server memory of one large price import that fails on its last row: RSS (VmRSS) before, at its peak, and a while after.
# Not a test: a measurement. Build first (Release):
#   dotnet build src/PlacementEngine.Server -c Release && dotnet build src/PlacementEngine.Cli -c Release
# Usage: benchmarks/import-memory/run.sh [MEGABYTES]   (default 50)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
megabytes="${1:-50}"
server_dll="${SERVER_DLL:-$repo/src/PlacementEngine.Server/bin/Release/net10.0/placement-server.dll}"
placectl_dll="${PLACECTL_DLL:-$repo/src/PlacementEngine.Cli/bin/Release/net10.0/placectl.dll}"
work="$(mktemp -d)"
server_pid=""
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The shipped prices table repeated until the file is large enough, each copy with its own instance type names so no
# row is a duplicate, then one row whose price is not a number: the file is rejected only at its end.
python3 - "$repo/pricing/prices.csv" "$work/prices.csv" "$megabytes" <<'PY'
import sys
source, target, megabytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(source, encoding="utf-8").read().splitlines()
head = [l for l in lines[:3]]
rows = [l for l in lines[3:] if l and not l.startswith("#")]
with open(target, "w", encoding="utf-8") as out:
    out.write("\n".join(head) + "\n")
    copy = 0
    while out.tell() < megabytes * 1024 * 1024:
        for row in rows:
            cloud, region, instance, rest = row.split(",", 3)
            out.write(f"{cloud},{region},{instance}-c{copy},{rest}\n")
        copy += 1
    out.write("aws,us-east-1,last.row,not-a-price,,\n")
PY

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
grpc_port="$(port)"
metrics_port="$(port)"
dotnet "$server_dll" --listen "127.0.0.1:$grpc_port" --metrics-listen "127.0.0.1:$metrics_port" --db "$work/placement.db" \
  --fleet "$repo/deploy/examples/fleet.yaml" --tokens "$repo/deploy/examples/tokens.yaml" --log-level Warning >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$metrics_port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
rss() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$server_pid/status"; }
sleep 3
before="$(rss)"
( while kill -0 "$server_pid" 2>/dev/null; do rss; sleep 0.1; done ) >"$work/samples" &
sampler_pid=$!

set +e
dotnet "$placectl_dll" pricing import "$work/prices.csv" --server "http://127.0.0.1:$grpc_port" \
  --token dev-platform-admin-token --timeout 600 >"$work/import.out" 2>&1
import_exit=$?
set -e
sleep 10
after="$(rss)"
kill "$sampler_pid"; sampler_pid=""
peak="$(sort -n "$work/samples" | tail -1)"

echo "file: $(du -m "$work/prices.csv" | cut -f1) MB; placectl exit $import_exit: $(grep -m1 -i -E 'line|reject' "$work/import.out" || head -1 "$work/import.out")"
echo "server RSS MB: before $before, peak $peak, 10 s after $after"
