"""End-to-end interop: Debian's Python grpcio (an independent gRPC implementation) against the real server.

Usage: /usr/bin/python3 server_e2e.py ADDRESS PROTOS_DIR
PROTOS_DIR holds the API's placement.proto and pricing.proto; the standard health and reflection protocols come from
protos/ beside this file. Prints one line per test and ends with "N passed, N failed"; exits non-zero on any failure.
Tokens are the demo tokens of deploy/examples/tokens.yaml.
"""
import importlib
import os
import subprocess
import sys
import tempfile
import time
import unittest

import grpc

ML = "dev-ml-research-token"
VISION = "dev-vision-token"
ADMIN = "dev-platform-admin-token"

HERE = os.path.dirname(os.path.abspath(__file__))
STANDARD_PROTOS = os.path.join(HERE, "protos")
REPO_ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SHIPPED_PRICES = os.path.join(REPO_ROOT, "pricing", "prices.csv")
CHUNK_BYTES = 256 * 1024

ADDRESS = None
pb = None
stubs = None
pricing_pb = None
pricing_stubs = None
health_pb = None
health_stubs = None
reflection_pb = None
reflection_stubs = None


def compile_protos(out, include_dir, *files):
    subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", "-I", include_dir, "--python_out", out, "--grpc_python_out", out, *files],
        check=True)


def generate_stubs(protos_dir):
    """The API from PROTOS_DIR; health and reflection from the standard protocols kept beside this file."""
    out = tempfile.mkdtemp(prefix="pe-stubs-")
    compile_protos(out, protos_dir, "placement.proto", "pricing.proto")
    compile_protos(out, STANDARD_PROTOS, "health.proto", "reflection.proto")
    sys.path.insert(0, out)
    return [importlib.import_module(name) for name in (
        "placement_pb2", "placement_pb2_grpc", "pricing_pb2", "pricing_pb2_grpc",
        "health_pb2", "health_pb2_grpc", "reflection_pb2", "reflection_pb2_grpc")]


def shipped_price_rows(count):
    """The comment and header of the shipped placement-v1 catalog and some of its complete GCP rows."""
    with open(SHIPPED_PRICES, encoding="utf-8") as catalog:
        lines = catalog.read().splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("cloud,"))
    rows = [line for line in lines[header + 1:] if line.startswith("gcp,") and ",," not in line][:count]
    return ["# placement-prices v1", lines[header]] + rows


def import_requests(header, content):
    yield pricing_pb.ImportPricesRequest(header=header)
    for offset in range(0, len(content), CHUNK_BYTES):
        yield pricing_pb.ImportPricesRequest(chunk=content[offset:offset + CHUNK_BYTES])


def auth(token):
    return (("authorization", "Bearer " + token),)


def spec(name, **overrides):
    s = pb.JobSpec(
        name=name,
        container=pb.ContainerSpec(image="ghcr.io/acme/train:1", command=["python", "train.py"]),
        worker=pb.WorkerResources(gpus=1, gpu_models=["T4"], vcpus=4, memory_gib=16),
        workers=1,
        estimated_runtime_seconds=3600,
        capacity_policy=pb.CAPACITY_POLICY_SPOT_PREFERRED,
    )
    for key, value in overrides.items():
        setattr(s, key, value) if not hasattr(getattr(s, key), "CopyFrom") else getattr(s, key).CopyFrom(value)
    return s


class ServerInterop(unittest.TestCase):
    channel = None

    @classmethod
    def setUpClass(cls):
        cls.channel = grpc.insecure_channel(ADDRESS, options=[("grpc.max_send_message_length", 64 * 1024 * 1024)])
        cls.jobs = stubs.JobServiceStub(cls.channel)
        cls.fleet = stubs.FleetServiceStub(cls.channel)
        cls.pricing = pricing_stubs.PricingServiceStub(cls.channel)
        cls.health = health_stubs.HealthStub(cls.channel)
        cls.reflection = reflection_stubs.ServerReflectionStub(cls.channel)

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()

    def submit(self, s, token=ML, key=""):
        return self.jobs.SubmitJob(pb.SubmitJobRequest(spec=s, idempotency_key=key), metadata=auth(token), timeout=10)

    def count_jobs(self):
        return len(self.jobs.ListJobs(pb.ListJobsRequest(page_size=1000), metadata=auth(ADMIN), timeout=10).jobs)

    def assert_status(self, call, code, *fragments):
        with self.assertRaises(grpc.RpcError) as caught:
            call()
        self.assertEqual(caught.exception.code(), code, caught.exception.details())
        for fragment in fragments:
            self.assertIn(fragment, caught.exception.details())
        return caught.exception

    def books(self):
        return list(self.pricing.ListPriceBooks(pricing_pb.ListPriceBooksRequest(), metadata=auth(ADMIN), timeout=10).books)

    def import_prices(self, content, file_name):
        """One ImportPrices call; returns the events and the error the call ended with (None when OK)."""
        header = pricing_pb.ImportPricesHeader(file_name=file_name, total_bytes=len(content), comment="python interop")
        events = []
        try:
            for event in self.pricing.ImportPrices(import_requests(header, content), metadata=auth(ADMIN), timeout=60):
                events.append(event)
        except grpc.RpcError as error:
            return events, error
        return events, None

    def test_health_check_serving_without_token(self):
        self.assertEqual(self.health.Check(health_pb.HealthCheckRequest(), timeout=5).status,
                         health_pb.HealthCheckResponse.SERVING)

    def test_reflection_lists_the_api_and_health_services(self):
        responses = list(self.reflection.ServerReflectionInfo(
            iter([reflection_pb.ServerReflectionRequest(list_services="")]), timeout=10))
        self.assertEqual(1, len(responses))
        names = {service.name for service in responses[0].list_services_response.service}
        self.assertLessEqual({"placement.v1.JobService", "placement.v1.FleetService", "placement.v1.PricingService",
                              "grpc.health.v1.Health"}, names)

    def test_import_prices_streamed_becomes_the_new_active_version(self):
        # The whole shipped price table: a placement-v1 prices table replaces all prices, and with these the server
        # shared with other tests keeps charging exactly what it did.
        before = self.books()
        with open(SHIPPED_PRICES, "rb") as catalog:
            content = catalog.read()
        rows = [line for line in content.decode("utf-8").splitlines() if line and not line.startswith(("#", "cloud,"))]
        self.assertGreater(len(content), 4 * CHUNK_BYTES)
        events, error = self.import_prices(content, "prices.csv")
        self.assertIsNone(error, error and error.details())
        self.assertEqual("outcome", events[-1].WhichOneof("event"), events)
        self.assertTrue(all(e.WhichOneof("event") == "progress" for e in events[:-1]), events)
        outcome = events[-1].outcome
        self.assertEqual("placement-v1", outcome.format)
        self.assertGreaterEqual(outcome.rows_read, len(rows))
        self.assertGreaterEqual(outcome.prices, len(rows))
        self.assertEqual(max(b.version for b in before) + 1, outcome.book.version)
        self.assertTrue(outcome.book.active)
        after = self.books()
        self.assertEqual(len(before) + 1, len(after))
        active = [b for b in after if b.active]
        self.assertEqual([outcome.book.version], [b.version for b in active])
        self.assertEqual("python interop", active[0].comment)

    def test_import_prices_with_bad_rows_is_rejected_naming_the_lines_and_changes_nothing(self):
        before = self.books()
        rows = shipped_price_rows(6)
        cloud, region, instance, on_demand, spot, reserved = rows[3].split(",")
        rows[3] = ",".join([cloud, region, instance, "abc", spot, reserved])
        rows[5] = ",".join(["gcp", "nowhere-central9"] + rows[5].split(",")[2:])
        content = ("\n".join(rows) + "\n").encode("utf-8")
        events, error = self.import_prices(content, "prices.csv")
        self.assertIsNotNone(error, events)
        self.assertEqual(grpc.StatusCode.INVALID_ARGUMENT, error.code(), error.details())
        self.assertEqual("rejected", events[-1].WhichOneof("event"), events)
        rejection = events[-1].rejected
        self.assertLessEqual({4, 6}, {problem.line for problem in rejection.problems}, rejection)
        self.assertGreaterEqual(rejection.problem_count, 2)
        self.assertEqual(before, self.books())

    def test_unary_submit_get_list_and_idempotency(self):
        key = "interop-%d" % time.time_ns()
        first = self.submit(spec("interop-unary"), key=key)
        self.assertFalse(first.already_existed)
        self.assertEqual(first.job.team, "ml-research")
        again = self.submit(spec("interop-unary"), key=key)
        self.assertTrue(again.already_existed)
        self.assertEqual(again.job.id, first.job.id)
        self.assert_status(lambda: self.submit(spec("interop-unary", workers=2), key=key), grpc.StatusCode.ALREADY_EXISTS)
        got = self.jobs.GetJob(pb.GetJobRequest(id=first.job.id), metadata=auth(ML), timeout=10)
        self.assertEqual(got.spec.name, "interop-unary")
        listed = self.jobs.ListJobs(pb.ListJobsRequest(page_size=1000), metadata=auth(ML), timeout=10)
        self.assertIn(first.job.id, [j.id for j in listed.jobs])
        self.assertTrue(all(j.team == "ml-research" for j in listed.jobs))

    def test_fleet_lists_clusters_and_pools(self):
        clusters = self.fleet.ListClusters(pb.ListClustersRequest(), metadata=auth(ML), timeout=10).clusters
        self.assertGreaterEqual(len(clusters), 6)
        self.assertEqual({"aws", "gcp", "azure"}, {c.cloud for c in clusters} & {"aws", "gcp", "azure"})
        pools = self.fleet.ListPools(pb.ListPoolsRequest(), metadata=auth(ML), timeout=10).pools
        self.assertTrue(any(p.capacity_type == pb.CAPACITY_TYPE_SPOT for p in pools))

    def test_watch_job_streams_until_the_job_ends(self):
        job = self.submit(spec("interop-watch", estimated_runtime_seconds=600)).job
        states = []
        for event in self.jobs.WatchJob(pb.WatchJobRequest(id=job.id), metadata=auth(ML), timeout=60):
            states.append(event.job.state)
        self.assertEqual(states[-1], pb.JOB_STATE_SUCCEEDED, states)
        self.assertIn(pb.JOB_STATE_RUNNING, states)

    def test_deadline_expires_on_a_long_watch(self):
        job = self.submit(spec("interop-deadline", estimated_runtime_seconds=30 * 24 * 3600)).job
        started = time.monotonic()
        error = self.assert_status(
            lambda: list(self.jobs.WatchJob(pb.WatchJobRequest(id=job.id), metadata=auth(ML), timeout=1.0)),
            grpc.StatusCode.DEADLINE_EXCEEDED)
        self.assertLess(time.monotonic() - started, 10, error.details())
        self.jobs.CancelJob(pb.CancelJobRequest(id=job.id), metadata=auth(ML), timeout=10)

    def test_invalid_specs_name_the_field_and_store_nothing(self):
        before = self.count_jobs()
        cases = [
            ("negative gpus", spec("bad-gpus", worker=pb.WorkerResources(gpus=-1, vcpus=4, memory_gib=16)), "spec.worker.gpus"),
            ("unknown model", spec("bad-model", worker=pb.WorkerResources(gpus=1, gpu_models=["Z9000"], vcpus=4, memory_gib=16)), "spec.worker.gpu_models"),
            ("unknown jurisdiction", spec("bad-juris", residency=pb.Residency(jurisdictions=["Atlantis"])), "spec.residency.jurisdictions"),
            ("empty image", spec("bad-image", container=pb.ContainerSpec(image="")), "spec.container.image"),
        ]
        for label, bad, field in cases:
            with self.subTest(label):
                self.assert_status(lambda: self.submit(bad), grpc.StatusCode.INVALID_ARGUMENT, field)
        self.assertEqual(before, self.count_jobs())

    def test_ten_megabyte_message_is_resource_exhausted_and_stores_nothing(self):
        before = self.count_jobs()
        huge = spec("huge", container=pb.ContainerSpec(image="x", env={"BLOB": "x" * (10 * 1024 * 1024)}))
        self.assert_status(lambda: self.submit(huge), grpc.StatusCode.RESOURCE_EXHAUSTED)
        self.assertEqual(before, self.count_jobs())

    def test_no_or_unknown_token_is_unauthenticated(self):
        self.assert_status(lambda: self.jobs.ListJobs(pb.ListJobsRequest(), timeout=5), grpc.StatusCode.UNAUTHENTICATED)
        self.assert_status(lambda: self.jobs.ListJobs(pb.ListJobsRequest(), metadata=auth("nope"), timeout=5),
                           grpc.StatusCode.UNAUTHENTICATED)

    def test_another_teams_job_is_not_found(self):
        job = self.submit(spec("interop-private"), token=ML).job
        self.assert_status(lambda: self.jobs.GetJob(pb.GetJobRequest(id=job.id), metadata=auth(VISION), timeout=5),
                           grpc.StatusCode.NOT_FOUND)
        self.assert_status(lambda: self.jobs.CancelJob(pb.CancelJobRequest(id=job.id), metadata=auth(VISION), timeout=5),
                           grpc.StatusCode.NOT_FOUND)
        listed = self.jobs.ListJobs(pb.ListJobsRequest(page_size=1000), metadata=auth(VISION), timeout=5)
        self.assertNotIn(job.id, [j.id for j in listed.jobs])
        admin_view = self.jobs.GetJob(pb.GetJobRequest(id=job.id), metadata=auth(ADMIN), timeout=5)
        self.assertEqual(admin_view.id, job.id)

    def test_unknown_job_is_not_found(self):
        self.assert_status(lambda: self.jobs.GetJob(pb.GetJobRequest(id="0000000000000000"), metadata=auth(ML), timeout=5),
                           grpc.StatusCode.NOT_FOUND)

    def test_explain_names_the_chosen_pool_and_rejections(self):
        eu = spec("interop-explain", worker=pb.WorkerResources(gpus=1, gpu_models=["T4"], vcpus=4, memory_gib=16),
                  residency=pb.Residency(jurisdictions=["EU"]))
        job = self.submit(eu).job
        deadline = time.monotonic() + 30
        while True:
            explanation = self.jobs.ExplainJob(pb.ExplainJobRequest(id=job.id), metadata=auth(ML), timeout=10)
            if explanation.chosen.pool or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.assertTrue(explanation.chosen.pool, explanation.summary)
        self.assertEqual(1, sum(1 for c in explanation.candidates if c.chosen))
        # By default the chosen pool and the best 3 others; all_candidates shows every pool, US ones rejected.
        self.assertLessEqual(len(explanation.candidates), 4)
        everything = self.jobs.ExplainJob(pb.ExplainJobRequest(id=job.id, all_candidates=True), metadata=auth(ML), timeout=10)
        self.assertEqual(len(everything.candidates), len(explanation.candidates) + explanation.candidates_omitted)
        self.assertEqual(0, everything.candidates_omitted)
        self.assertTrue(any(c.reason == "residency" for c in everything.candidates))


class Result(unittest.TextTestResult):
    pass


if __name__ == "__main__":
    ADDRESS = sys.argv[1]
    (pb, stubs, pricing_pb, pricing_stubs, health_pb, health_stubs,
     reflection_pb, reflection_stubs) = generate_stubs(sys.argv[2])
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(ServerInterop)
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors)
    print("%d passed, %d failed" % (result.testsRun - failed, failed))
    sys.exit(0 if failed == 0 else 1)
