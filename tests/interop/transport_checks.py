"""Checks the C# gRPC server against Python grpcio.

The C# test (PythonInteropTests) starts an in-process server with a scripted JobService and FleetService, the real
PricingService over an empty in-memory price book store, health and reflection, and runs this script; the job id of
each request picks the scripted behaviour. Prints PASS/FAIL per check; exits 1 if any failed.

    /usr/bin/python3 tests/interop/transport_checks.py --target 127.0.0.1:PORT --admin-token T \
        --submitter-token T2 --submitter-team ml-research --not-found-detail "..." --stream-failure-detail "..."
"""

import argparse
import sys
import traceback

import grpc

import placement_grpc

TIMEOUT_SECONDS = 10
CHUNK_BYTES = 16 * 1024
PRICES_HEADER = "# placement-prices v1\ncloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd\n"
GOOD_PRICES = PRICES_HEADER + "".join(
    "gcp,us-central1,type-%04d,%d.25,1.10,\n" % (i, 1 + i % 40) for i in range(2000))
BAD_PRICES = PRICES_HEADER + "gcp,us-central1,a2-highgpu-1g,3.67,1.10,\ngcp,us-central1,a2-highgpu-2g,abc,1.10,\n" \
    "gcp,mars-north1,a2-highgpu-4g,4.04,1.21,\n"


def expect_error(call, code, detail=None, detail_prefix=None):
    try:
        result = call()
        if hasattr(result, "__iter__") and not hasattr(result, "SerializeToString"):
            list(result)
    except grpc.RpcError as error:
        assert error.code() == code, "expected %s, got %s: %s" % (code, error.code(), error.details())
        if detail is not None:
            assert error.details() == detail, "details %r != %r" % (error.details(), detail)
        if detail_prefix is not None:
            assert error.details().startswith(detail_prefix), "details %r do not start with %r" % (error.details(), detail_prefix)
        return error
    raise AssertionError("expected %s, the call succeeded" % code)


def run_checks(args, stubs):
    pb, pb_grpc = stubs.placement_pb2, stubs.placement_pb2_grpc
    pricing_pb, pricing_grpc = stubs.pricing_pb2, stubs.pricing_pb2_grpc
    health_pb, health_grpc = stubs.health_pb2, stubs.health_pb2_grpc
    reflection_pb, reflection_grpc = stubs.reflection_pb2, stubs.reflection_pb2_grpc
    admin = placement_grpc.connect(args.target, args.admin_token)
    submitter = placement_grpc.connect(args.target, args.submitter_token)
    anonymous = placement_grpc.connect(args.target)
    jobs = pb_grpc.JobServiceStub(admin)

    def unary_admin():
        job = jobs.GetJob(pb.GetJobRequest(id="py-1"), timeout=TIMEOUT_SECONDS)
        assert job.id == "py-1" and job.team == "platform", job

    def unary_submitter():
        job = pb_grpc.JobServiceStub(submitter).GetJob(pb.GetJobRequest(id="py-2"), timeout=TIMEOUT_SECONDS)
        assert job.team == args.submitter_team, job

    def server_streaming():
        events = list(jobs.WatchJob(pb.WatchJobRequest(id="py-3"), timeout=TIMEOUT_SECONDS))
        states = [e.job.state for e in events]
        assert states == [pb.JOB_STATE_PENDING, pb.JOB_STATE_PLACED, pb.JOB_STATE_RUNNING], states

    def stream_error_after_messages():
        received = []

        def watch():
            for event in jobs.WatchJob(pb.WatchJobRequest(id="fail-after-2"), timeout=TIMEOUT_SECONDS):
                received.append(event)

        expect_error(watch, grpc.StatusCode.FAILED_PRECONDITION, detail=args.stream_failure_detail)
        assert len(received) == 2, received

    def error_with_non_ascii_detail():
        expect_error(lambda: jobs.GetJob(pb.GetJobRequest(id="ghost"), timeout=TIMEOUT_SECONDS),
                     grpc.StatusCode.NOT_FOUND, detail=args.not_found_detail)

    def deadline_exceeded():
        expect_error(lambda: jobs.GetJob(pb.GetJobRequest(id="slow"), timeout=0.3), grpc.StatusCode.DEADLINE_EXCEEDED)

    def missing_token():
        expect_error(lambda: pb_grpc.JobServiceStub(anonymous).GetJob(pb.GetJobRequest(id="py-4"), timeout=TIMEOUT_SECONDS),
                     grpc.StatusCode.UNAUTHENTICATED, detail_prefix="missing bearer token")

    def unknown_token():
        with placement_grpc.connect(args.target, "not-a-real-token") as stranger:
            expect_error(lambda: pb_grpc.JobServiceStub(stranger).GetJob(pb.GetJobRequest(id="py-5"), timeout=TIMEOUT_SECONDS),
                         grpc.StatusCode.UNAUTHENTICATED, detail="unknown token")

    def unknown_method():
        teleport = admin.unary_unary("/placement.v1.JobService/Teleport",
                                     request_serializer=pb.GetJobRequest.SerializeToString,
                                     response_deserializer=pb.Job.FromString)
        expect_error(lambda: teleport(pb.GetJobRequest(id="py-6"), timeout=TIMEOUT_SECONDS),
                     grpc.StatusCode.UNIMPLEMENTED, detail_prefix="unknown method '/placement.v1.JobService/Teleport'")

    def oversized_request():
        expect_error(lambda: jobs.GetJob(pb.GetJobRequest(id="x" * (args.max_receive_bytes + 100)), timeout=TIMEOUT_SECONDS),
                     grpc.StatusCode.RESOURCE_EXHAUSTED)

    def oversized_request_beyond_flow_control_window():
        # The server refuses on the 5-byte prefix while the client is still sending; grpcio must still see the status.
        expect_error(lambda: jobs.GetJob(pb.GetJobRequest(id="x" * (10 * 1024 * 1024)), timeout=TIMEOUT_SECONDS),
                     grpc.StatusCode.RESOURCE_EXHAUSTED)

    def health_without_token():
        health = health_grpc.HealthStub(anonymous)
        response = health.Check(health_pb.HealthCheckRequest(service=""), timeout=TIMEOUT_SECONDS)
        assert response.status == health_pb.HealthCheckResponse.SERVING, response
        response = health.Check(health_pb.HealthCheckRequest(service="placement.v1.JobService"), timeout=TIMEOUT_SECONDS)
        assert response.status == health_pb.HealthCheckResponse.SERVING, response
        expect_error(lambda: health.Check(health_pb.HealthCheckRequest(service="no.such.Service"), timeout=TIMEOUT_SECONDS),
                     grpc.StatusCode.NOT_FOUND)

    def health_watch_until_cancelled():
        stream = health_grpc.HealthStub(anonymous).Watch(health_pb.HealthCheckRequest(service=""), timeout=TIMEOUT_SECONDS)
        first = next(stream)
        assert first.status == health_pb.HealthCheckResponse.SERVING, first
        stream.cancel()
        expect_error(lambda: next(stream), grpc.StatusCode.CANCELLED)

    def health_watch_reports_serving():
        stream = health_grpc.HealthStub(anonymous).Watch(
            health_pb.HealthCheckRequest(service="placement.v1.JobService"), timeout=TIMEOUT_SECONDS)
        assert next(stream).status == health_pb.HealthCheckResponse.SERVING
        stream.cancel()

    def reflection_lists_services():
        stub = reflection_grpc.ServerReflectionStub(anonymous)
        responses = list(stub.ServerReflectionInfo(iter([reflection_pb.ServerReflectionRequest(list_services="")]),
                                                   timeout=TIMEOUT_SECONDS))
        assert len(responses) == 1, responses
        names = {service.name for service in responses[0].list_services_response.service}
        expected = {"placement.v1.JobService", "placement.v1.FleetService", "placement.v1.PricingService",
                    "grpc.health.v1.Health"}
        assert expected <= names, names

    pricing = pricing_grpc.PricingServiceStub(admin)

    def import_messages(text, file_name):
        data = text.encode("utf-8")
        yield pricing_pb.ImportPricesRequest(header=pricing_pb.ImportPricesHeader(
            file_name=file_name, total_bytes=len(data), comment="from python"))
        for offset in range(0, len(data), CHUNK_BYTES):
            yield pricing_pb.ImportPricesRequest(chunk=data[offset:offset + CHUNK_BYTES])

    def stored_versions():
        return [b.version for b in pricing.ListPriceBooks(pricing_pb.ListPriceBooksRequest(), timeout=TIMEOUT_SECONDS).books]

    def import_prices_accepted():
        before = stored_versions()
        events = list(pricing.ImportPrices(import_messages(GOOD_PRICES, "py_prices.csv"), timeout=TIMEOUT_SECONDS))
        phases = [e.progress.phase for e in events if e.WhichOneof("event") == "progress"]
        assert "receiving" in phases and "parsing" in phases and "storing" in phases, phases
        last = events[-1]
        assert last.WhichOneof("event") == "outcome", last
        assert last.outcome.prices == 4000 and last.outcome.book.comment == "from python", last.outcome
        assert stored_versions() == [last.outcome.book.version] + before

    def import_prices_rejected():
        before = stored_versions()
        events = []

        def run():
            for event in pricing.ImportPrices(import_messages(BAD_PRICES, "bad.csv"), timeout=TIMEOUT_SECONDS):
                events.append(event)

        error = expect_error(run, grpc.StatusCode.INVALID_ARGUMENT,
                             detail_prefix="the price file bad.csv was rejected and nothing changed: 2 problems")
        assert "\nline 4: " in error.details() and "\nline 5: " in error.details(), error.details()
        last = events[-1]
        assert last.WhichOneof("event") == "rejected", last
        assert [p.line for p in last.rejected.problems] == [4, 5], last.rejected
        assert last.rejected.problem_count == 2, last.rejected
        assert stored_versions() == before

    def import_prices_submitter_denied():
        denied = pricing_grpc.PricingServiceStub(submitter)
        expect_error(lambda: list(denied.ImportPrices(import_messages(GOOD_PRICES, "p.csv"), timeout=TIMEOUT_SECONDS)),
                     grpc.StatusCode.PERMISSION_DENIED, detail_prefix="/placement.v1.PricingService/ImportPrices: pricing is for admins")

    checks = [
        unary_admin, unary_submitter, server_streaming, stream_error_after_messages, error_with_non_ascii_detail,
        deadline_exceeded, missing_token, unknown_token, unknown_method, oversized_request,
        oversized_request_beyond_flow_control_window, health_without_token,
        health_watch_until_cancelled, health_watch_reports_serving, reflection_lists_services,
        import_prices_accepted, import_prices_rejected, import_prices_submitter_denied,
    ]
    failures = 0
    for check in checks:
        try:
            check()
            print("PASS", check.__name__)
        except Exception:  # noqa: BLE001 - every failure is reported, then the run fails
            failures += 1
            print("FAIL", check.__name__)
            traceback.print_exc(file=sys.stdout)
    for channel in (admin, submitter, anonymous):
        channel.close()
    print("%d of %d checks passed" % (len(checks) - failures, len(checks)))
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", required=True, help="host:port of the server")
    parser.add_argument("--admin-token", required=True)
    parser.add_argument("--submitter-token", required=True)
    parser.add_argument("--submitter-team", required=True)
    parser.add_argument("--not-found-detail", required=True)
    parser.add_argument("--stream-failure-detail", required=True)
    parser.add_argument("--max-receive-bytes", type=int, required=True)
    parser.add_argument("--protos", default=placement_grpc.PROTOS_DIR)
    args = parser.parse_args()
    with placement_grpc.generated_stubs(args.protos) as stubs:
        return 1 if run_checks(args, stubs) else 0


if __name__ == "__main__":
    sys.exit(main())
