"""Writes pre-encoded gRPC request bodies (5-byte length prefix + protobuf) for h2load.

Usage: /usr/bin/python3 encode_requests.py OUT_DIR
Writes submit-job.bin (a SubmitJobRequest without an idempotency key, so every request stores a new job) and
health-check.bin (an empty grpc.health.v1 HealthCheckRequest).
"""
import importlib
import os
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
PROTOS = os.path.join(REPO, "src", "PlacementEngine.Contracts", "Protos")
INTEROP_PROTOS = os.path.join(REPO, "tests", "interop", "protos")


def frame(message):
    payload = message.SerializeToString()
    return struct.pack(">BI", 0, len(payload)) + payload


def main(out_dir):
    stubs = tempfile.mkdtemp(prefix="pe-load-stubs-")
    subprocess.run([sys.executable, "-m", "grpc_tools.protoc", "-I", PROTOS, "-I", INTEROP_PROTOS,
                    "--python_out", stubs, "placement.proto", "health.proto"], check=True)
    sys.path.insert(0, stubs)
    pb = importlib.import_module("placement_pb2")
    health = importlib.import_module("health_pb2")
    request = pb.SubmitJobRequest(spec=pb.JobSpec(
        name="load-probe",
        container=pb.ContainerSpec(image="ghcr.io/acme/train:1"),
        worker=pb.WorkerResources(gpus=1, gpu_models=["T4"], vcpus=4, memory_gib=16),
        workers=1,
        estimated_runtime_seconds=3600,
        capacity_policy=pb.CAPACITY_POLICY_SPOT_PREFERRED))
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "submit-job.bin"), "wb") as f:
        f.write(frame(request))
    with open(os.path.join(out_dir, "health-check.bin"), "wb") as f:
        f.write(frame(health.HealthCheckRequest()))


if __name__ == "__main__":
    main(sys.argv[1])
