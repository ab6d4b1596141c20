"""Helpers for talking to a PlacementEngine gRPC server from Python grpcio, an independent gRPC implementation.

Run with Debian's interpreter, which has grpcio and grpc_tools: /usr/bin/python3.

    import placement_grpc as pg
    with pg.generated_stubs() as stubs, pg.connect("127.0.0.1:50051", token="dev-admin-token") as channel:
        jobs = stubs.placement_pb2_grpc.JobServiceStub(channel)
        job = jobs.GetJob(stubs.placement_pb2.GetJobRequest(id="..."), timeout=5)
"""

import contextlib
import importlib
import os
import subprocess
import sys
import tempfile
import types

import grpc

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PROTOS_DIR = os.path.join(REPO_ROOT, "src", "PlacementEngine.Contracts", "Protos")
# The standard protocols the server serves from packages: health and (the part of) reflection the checks use.
STANDARD_PROTOS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "protos")
PROTO_FILES = ("placement.proto", "pricing.proto", "health.proto", "reflection.proto")
STUB_MODULES = ("placement_pb2", "placement_pb2_grpc", "pricing_pb2", "pricing_pb2_grpc",
                "health_pb2", "health_pb2_grpc", "reflection_pb2", "reflection_pb2_grpc")


def generate_stubs(out_dir, protos_dir=PROTOS_DIR, timeout_seconds=60):
    """Compiles the API's .proto files, and the standard ones beside this file, into Python modules in out_dir."""
    command = [
        sys.executable, "-m", "grpc_tools.protoc",
        "-I", protos_dir,
        "-I", STANDARD_PROTOS_DIR,
        "--python_out=" + out_dir,
        "--grpc_python_out=" + out_dir,
        *PROTO_FILES,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout_seconds, check=False)
    if result.returncode != 0:
        raise RuntimeError("grpc_tools.protoc failed (exit %d): %s" % (result.returncode, result.stderr.strip()))


def load_stubs(out_dir):
    """Imports the generated modules from out_dir; returns them as attributes (stubs.placement_pb2, ...)."""
    if out_dir not in sys.path:
        sys.path.insert(0, out_dir)
    return types.SimpleNamespace(**{name: importlib.import_module(name) for name in STUB_MODULES})


@contextlib.contextmanager
def generated_stubs(protos_dir=PROTOS_DIR):
    """Generates the stubs into a temporary directory, imports them, and removes the directory afterwards."""
    with tempfile.TemporaryDirectory(prefix="placement-stubs-") as out_dir:
        generate_stubs(out_dir, protos_dir)
        yield load_stubs(out_dir)


class _BearerToken(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor,
                   grpc.StreamUnaryClientInterceptor, grpc.StreamStreamClientInterceptor):
    """Adds 'authorization: Bearer <token>' to every call.

    grpcio refuses call credentials on insecure channels, so plaintext test servers get the token as metadata.
    """

    def __init__(self, token):
        self._header = ("authorization", "Bearer " + token)

    def _with_token(self, details):
        metadata = list(details.metadata or []) + [self._header]
        return details._replace(metadata=metadata) if hasattr(details, "_replace") else _CallDetails(details, metadata)

    def intercept_unary_unary(self, continuation, client_call_details, request):
        return continuation(self._with_token(client_call_details), request)

    def intercept_unary_stream(self, continuation, client_call_details, request):
        return continuation(self._with_token(client_call_details), request)

    def intercept_stream_unary(self, continuation, client_call_details, request_iterator):
        return continuation(self._with_token(client_call_details), request_iterator)

    def intercept_stream_stream(self, continuation, client_call_details, request_iterator):
        return continuation(self._with_token(client_call_details), request_iterator)


class _CallDetails(grpc.ClientCallDetails):
    def __init__(self, details, metadata):
        self.method = details.method
        self.timeout = details.timeout
        self.metadata = metadata
        self.credentials = details.credentials
        self.wait_for_ready = getattr(details, "wait_for_ready", None)
        self.compression = getattr(details, "compression", None)


def connect(target, token=None, ready_timeout_seconds=10):
    """An insecure (h2c) channel to target ("host:port"), sending the bearer token when given.

    Waits until the channel is connected, so a server that is not up fails here and not in the first check.
    """
    channel = grpc.insecure_channel(target)
    grpc.channel_ready_future(channel).result(timeout=ready_timeout_seconds)
    if token is None:
        return channel
    return grpc.intercept_channel(channel, _BearerToken(token))
