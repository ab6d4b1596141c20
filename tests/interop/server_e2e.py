"""End-to-end interop: Debian's Python grpcio (an independent gRPC implementation) against the real server.

Usage: /usr/bin/python3 server_e2e.py ADDRESS PROTOS_DIR
Prints one line per test and ends with "N passed, N failed"; exits non-zero on any failure.
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

ADDRESS = None
pb = None
stubs = None
health_pb = None
health_stubs = None


def generate_stubs(protos_dir):
    out = tempfile.mkdtemp(prefix="pe-stubs-")
    subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", "-I", protos_dir, "--python_out", out, "--grpc_python_out", out,
         "placement.proto", "health.proto"],
        check=True)
    sys.path.insert(0, out)
    return (importlib.import_module("placement_pb2"), importlib.import_module("placement_pb2_grpc"),
            importlib.import_module("health_pb2"), importlib.import_module("health_pb2_grpc"))


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
        cls.health = health_stubs.HealthStub(cls.channel)

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

    def test_health_check_serving_without_token(self):
        self.assertEqual(self.health.Check(health_pb.HealthCheckRequest(), timeout=5).status,
                         health_pb.HealthCheckResponse.SERVING)

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

    def test_another_teams_job_is_permission_denied(self):
        job = self.submit(spec("interop-private"), token=ML).job
        self.assert_status(lambda: self.jobs.GetJob(pb.GetJobRequest(id=job.id), metadata=auth(VISION), timeout=5),
                           grpc.StatusCode.PERMISSION_DENIED)
        self.assert_status(lambda: self.jobs.CancelJob(pb.CancelJobRequest(id=job.id), metadata=auth(VISION), timeout=5),
                           grpc.StatusCode.PERMISSION_DENIED)
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
        self.assertTrue(any(c.reason == "residency" for c in explanation.candidates))
        self.assertEqual(1, sum(1 for c in explanation.candidates if c.chosen))


class Result(unittest.TextTestResult):
    pass


if __name__ == "__main__":
    ADDRESS = sys.argv[1]
    pb, stubs, health_pb, health_stubs = generate_stubs(sys.argv[2])
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(ServerInterop)
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors)
    print("%d passed, %d failed" % (result.testsRun - failed, failed))
    sys.exit(0 if failed == 0 else 1)
