#!/usr/bin/env bash
# Unary gRPC throughput of a running placement-server, measured with h2load (Debian's nghttp2-client), an
# independent HTTP/2 load generator: SubmitJob (each request stores a new job, acknowledged once durable) and,
# in the same run, the health check of the same server (it runs the store and scheduler checks on each call) and a
# call to a method the server lacks (the transport and routing alone) as ceilings.
#
# Usage: benchmarks/grpc-load/h2load-submit.sh [ADDRESS] [REQUESTS] [CLIENTS] [STREAMS_PER_CLIENT]
#   defaults: 127.0.0.1:50051 20000 8 16; PLACEMENT_TOKEN defaults to the demo ml-research token.
# h2load counts HTTP responses, not gRPC statuses (grpc-status travels in trailers): check the stored job count
# (placement_jobs on /metrics) afterwards to confirm the submissions were accepted.
set -euo pipefail
address=${1:-127.0.0.1:50051}; requests=${2:-20000}; clients=${3:-8}; streams=${4:-16}
token=${PLACEMENT_TOKEN:-dev-ml-research-token}
here=$(cd "$(dirname "$0")" && pwd)
bodies=$(mktemp -d); trap 'rm -rf "$bodies"' EXIT
/usr/bin/python3 "$here/encode_requests.py" "$bodies"

run() { # name path body
  echo "== $1"
  h2load -n "$requests" -c "$clients" -m "$streams" --data="$3" \
    -H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $token" \
    "http://$address$2" | grep -E 'finished in|requests:|status codes:|time for request:'
}
# Warm-up, not reported: the first calls pay for JIT compilation and connection set-up.
requests_saved=$requests; requests=$((requests / 10))
run "warm-up" /grpc.health.v1.Health/Check "$bodies/health-check.bin" >/dev/null
run "warm-up" /placement.v1.JobService/SubmitJob "$bodies/submit-job.bin" >/dev/null
requests=$requests_saved
run "grpc.health.v1.Health/Check (ceiling)" /grpc.health.v1.Health/Check "$bodies/health-check.bin"
run "placement.v1.JobService/SubmitJob" /placement.v1.JobService/SubmitJob "$bodies/submit-job.bin"
run "grpc.health.v1.Health/Check (ceiling, again)" /grpc.health.v1.Health/Check "$bodies/health-check.bin"
# The transport alone: a method the server does not have is answered UNIMPLEMENTED before any service runs.
run "unknown method (transport only)" /grpc.health.v1.Health/NoSuchMethod "$bodies/health-check.bin"
