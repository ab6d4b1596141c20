#!/usr/bin/env python3
"""Derives deploy/examples/fleet.yaml from the shared price catalogs.

Usage (from anywhere):  python3 tools/fleetgen/fleetgen.py > deploy/examples/fleet.yaml

Every pool's instance shape and $/node-hour comes from one catalog row (GCP: a host row plus a GPU row), found by
the rules below. The script fails loudly when a row it needs is missing or ambiguous, instead of inventing a price.
  AWS   skypilot_catalog_v9_aws_vms_gpu_subset.csv is per availability zone, with some blank prices. Each instance
        type is pinned to the zone ID with the lowest spot price among rows that have both prices (ties: the first
        zone ID in sort order); its on-demand and spot pools both use that row and carry the zone ID as the node
        label topology.k8s.aws/zone-id (AZ IDs are not zone names, so they do not go in `zone`).
  GCP   anycloud_catalog_gcp_vms.csv lists GPUs as separate rows with an empty InstanceType. A GPU node costs the
        host VM row plus the GPU row with the same AcceleratorCount, both in the cluster's zone. The a2 host rows
        exclude their A100s: a2-highgpu-1g (0.73948) + 1 x A100 (2.93391) in us-central1 is GCP's list price 3.67339.
  Azure anycloud_catalog_azure_vms.csv is per region; one row per instance type.
Python's Decimal keeps every digit; no price passes through a float.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PRICES = REPO_ROOT.parent / "shared" / "data" / "prices"
AWS_FILE = "skypilot_catalog_v9_aws_vms_gpu_subset.csv"
GCP_FILE = "anycloud_catalog_gcp_vms.csv"
AZURE_FILE = "anycloud_catalog_azure_vms.csv"
AWS_ZONE_ID_LABEL = "topology.k8s.aws/zone-id"


@dataclass(frozen=True)
class PoolSpec:
    instance_type: str
    spot_max: int
    on_demand_max: int
    node_pool: str = ""  # GKE node pool / AKS agent pool name prefix
    gcp_gpu: tuple[str, int] | None = None  # GCP only: attached GPU model and count


@dataclass(frozen=True)
class ClusterSpec:
    name: str
    cloud: str
    region: str
    labels: dict[str, str]
    gpu_caps: dict[str, int]
    pools: list[PoolSpec]
    zone: str = ""  # GCP: the zonal cluster's zone


@dataclass
class Priced:
    instance_type: str
    gpu: tuple[str, int] | None
    vcpus: Decimal
    memory: Decimal
    on_demand: Decimal
    spot: Decimal
    zone: str | None
    node_labels: dict[str, dict[str, str]] = field(default_factory=dict)  # capacity -> labels
    source: dict[str, str] = field(default_factory=dict)  # capacity -> comment


PROD_TRAINING = {"environment": "prod", "purpose": "training"}

CLUSTERS = [
    ClusterSpec("eks-us-east-1", "aws", "us-east-1", PROD_TRAINING, {"A100": 48, "H100": 16}, [
        PoolSpec("p4d.24xlarge", 4, 2),
        PoolSpec("p5.48xlarge", 2, 1),
        PoolSpec("p3.2xlarge", 8, 4),
        PoolSpec("m8i.xlarge", 20, 10),
    ]),
    ClusterSpec("eks-eu-central-1", "aws", "eu-central-1", PROD_TRAINING, {"A100": 32}, [
        PoolSpec("p4d.24xlarge", 3, 2),
        PoolSpec("p3.2xlarge", 6, 3),
        PoolSpec("m8i.xlarge", 16, 8),
    ]),
    ClusterSpec("gke-us-central1", "gcp", "us-central1", PROD_TRAINING, {"A100": 48}, [
        PoolSpec("a2-highgpu-8g", 4, 2, "a100", ("A100", 8)),
        PoolSpec("n1-standard-8", 12, 4, "t4", ("T4", 1)),
        PoolSpec("g2-standard-8", 8, 4, "l4", ("L4", 1)),
        PoolSpec("n2-standard-16", 20, 10, "cpu"),
    ], zone="us-central1-a"),
    ClusterSpec("gke-europe-west4", "gcp", "europe-west4", PROD_TRAINING, {"A100": 48}, [
        PoolSpec("a2-highgpu-8g", 4, 2, "a100", ("A100", 8)),
        PoolSpec("n1-standard-8", 12, 4, "t4", ("T4", 1)),
        PoolSpec("g2-standard-8", 8, 4, "l4", ("L4", 1)),
        PoolSpec("n2-standard-16", 20, 10, "cpu"),
    ], zone="europe-west4-a"),
    ClusterSpec("aks-eastus", "azure", "eastus", {"environment": "prod", "purpose": "batch"}, {"A100": 32}, [
        PoolSpec("Standard_ND96asr_v4", 3, 1, "a100"),
        PoolSpec("Standard_NC24ads_A100_v4", 6, 3, "a10080g"),
        PoolSpec("Standard_NC4as_T4_v3", 12, 4, "t4"),
        PoolSpec("Standard_D16s_v5", 20, 10, "cpu"),
    ]),
    ClusterSpec("aks-westeurope", "azure", "westeurope", PROD_TRAINING, {"A100": 32}, [
        PoolSpec("Standard_ND96asr_v4", 3, 1, "a100"),
        PoolSpec("Standard_NC24ads_A100_v4", 6, 3, "a10080g"),
        PoolSpec("Standard_NC4as_T4_v3", 12, 4, "t4"),
        PoolSpec("Standard_D16s_v5", 20, 10, "cpu"),
    ]),
    ClusterSpec("aks-northeurope", "azure", "northeurope", {"environment": "staging", "purpose": "inference"}, {}, [
        PoolSpec("Standard_NC4as_T4_v3", 8, 2, "t4"),
        PoolSpec("Standard_NC24ads_A100_v4", 4, 2, "a10080g"),
        PoolSpec("Standard_D16s_v5", 10, 4, "cpu"),
    ]),
]

TEAMS = [("ml-research", "25000"), ("vision", "15000"), ("platform", "5000")]


def read_rows(file_name: str, fixed_columns: int) -> list[list[str]]:
    """The first `fixed_columns` cells of each data row. The catalogs are not quoted, and Azure's last column
    (Generation) can be "V1,V2", so cells past the ones read are dropped rather than trusted."""
    lines = (PRICES / file_name).read_text(encoding="utf-8").splitlines()
    return [line.split(",")[:fixed_columns] for line in lines[1:] if line.strip()]


def decimal_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def one(rows: list[list[str]], what: str) -> list[str]:
    distinct = {tuple(r) for r in rows}
    if len(distinct) != 1:
        raise SystemExit(f"fleetgen: expected one catalog row for {what}, found {len(distinct)}")
    return rows[0]


def price_aws(cluster: ClusterSpec, spec: PoolSpec, rows: list[list[str]]) -> Priced:
    # InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Price,SpotPrice,Region,AvailabilityZone
    candidates = [r for r in rows if r[0] == spec.instance_type and r[7] == cluster.region and r[5] and r[6]]
    if not candidates:
        raise SystemExit(f"fleetgen: no priced {spec.instance_type} row in aws {cluster.region}")
    row = min(candidates, key=lambda r: (Decimal(r[6]), r[8]))
    zone_id = row[8]
    source = f"{AWS_FILE}: {spec.instance_type} {cluster.region} {zone_id}"
    return Priced(
        spec.instance_type,
        (row[1], int(Decimal(row[2]))) if row[1] else None,
        Decimal(row[3]), Decimal(row[4]), Decimal(row[5]), Decimal(row[6]), None,
        node_labels={c: {AWS_ZONE_ID_LABEL: zone_id} for c in ("spot", "on-demand")},
        source={"on-demand": f"{source} Price", "spot": f"{source} SpotPrice"})


def price_gcp(cluster: ClusterSpec, spec: PoolSpec, rows: list[list[str]]) -> Priced:
    # InstanceType,vCPUs,MemoryGiB,AcceleratorName,AcceleratorCount,GpuInfo,Region,AvailabilityZone,Price,SpotPrice
    def in_zone(r: list[str]) -> bool:
        return r[6] == cluster.region and r[7] == cluster.zone

    host = one([r for r in rows if r[0] == spec.instance_type and in_zone(r)],
               f"{spec.instance_type} in {cluster.zone}")
    on_demand, spot = Decimal(host[8]), Decimal(host[9])
    where = f"{GCP_FILE} {cluster.zone}"
    od_source = f"{where}: {spec.instance_type} Price {host[8]}"
    spot_source = f"{where}: {spec.instance_type} SpotPrice {host[9]}"
    if spec.gcp_gpu:
        model, count = spec.gcp_gpu
        gpu = one([r for r in rows if r[0] == "" and r[3] == model and r[4] == str(count) and in_zone(r)],
                  f"{count} x {model} in {cluster.zone}")
        on_demand += Decimal(gpu[8])
        spot += Decimal(gpu[9])
        od_source += f" + {count} x {model} Price {gpu[8]}"
        spot_source += f" + {count} x {model} SpotPrice {gpu[9]}"
    return Priced(spec.instance_type, spec.gcp_gpu, Decimal(host[1]), Decimal(host[2]), on_demand, spot, cluster.zone,
                  node_labels={c: {"cloud.google.com/gke-nodepool": f"{spec.node_pool}-{c}"} for c in ("spot", "on-demand")},
                  source={"on-demand": od_source, "spot": spot_source})


def price_azure(cluster: ClusterSpec, spec: PoolSpec, rows: list[list[str]]) -> Priced:
    # InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,Generation
    row = one([r for r in rows if r[0] == spec.instance_type and r[8] == cluster.region],
              f"{spec.instance_type} in azure {cluster.region}")
    source = f"{AZURE_FILE}: {spec.instance_type} {cluster.region}"
    # AKS agent pool names are lowercase alphanumerics, at most 12 characters.
    agent_pools = {"spot": f"{spec.node_pool}spot", "on-demand": f"{spec.node_pool}od"}
    return Priced(
        spec.instance_type,
        (row[1], int(row[2])) if row[1] else None,
        Decimal(row[3]), Decimal(row[4]), Decimal(row[6]), Decimal(row[7]), None,
        node_labels={c: {"kubernetes.azure.com/agentpool": p} for c, p in agent_pools.items()},
        source={"on-demand": f"{source} Price", "spot": f"{source} SpotPrice"})


def yaml_map(values: dict[str, object]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in values.items()) + "}"


def emit_pool(out: list[str], priced: Priced, capacity: str, max_nodes: int) -> None:
    price = priced.on_demand if capacity == "on-demand" else priced.spot
    out.append(f"      - instanceType: {priced.instance_type}")
    if priced.gpu:
        out.append(f"        gpu: {{model: {priced.gpu[0]}, count: {priced.gpu[1]}}}")
    out.append(f"        vcpus: {decimal_text(priced.vcpus)}")
    out.append(f"        memoryGiB: {decimal_text(priced.memory)}")
    out.append(f"        capacityType: {capacity}")
    if priced.zone:
        out.append(f"        zone: {priced.zone}")
    out.append(f"        maxNodes: {max_nodes}")
    out.append(f"        hourlyPrice: \"{decimal_text(price)}\"   # {priced.source[capacity]}")
    out.append(f"        nodeLabels: {yaml_map(priced.node_labels[capacity])}")


def main() -> None:
    catalogs = {
        "aws": (price_aws, read_rows(AWS_FILE, 9)),
        "gcp": (price_gcp, read_rows(GCP_FILE, 10)),
        "azure": (price_azure, read_rows(AZURE_FILE, 9)),
    }
    out = [HEADER.rstrip("\n"), "version: 1", "", "teams:"]
    out += [f"  - name: {name}\n    budget: \"{budget}\"" for name, budget in TEAMS]
    out += ["", "clusters:"]
    for cluster in CLUSTERS:
        pricer, rows = catalogs[cluster.cloud]
        out.append(f"  - name: {cluster.name}")
        out.append(f"    region: {cluster.cloud}:{cluster.region}")
        out.append(f"    labels: {yaml_map(cluster.labels)}")
        if cluster.gpu_caps:
            out.append(f"    gpuCaps: {yaml_map(cluster.gpu_caps)}")
        out.append("    kubeconfig: \"\"   # simulator")
        out.append("    context: \"\"")
        out.append("    pools:")
        for spec in cluster.pools:
            priced = pricer(cluster, spec, rows)
            emit_pool(out, priced, "spot", spec.spot_max)
            emit_pool(out, priced, "on-demand", spec.on_demand_max)
        out.append("")
    sys.stdout.write("\n".join(out).rstrip("\n") + "\n")


HEADER = """\
# Example fleet: seven simulated clusters on AWS, GCP and Azure in US and EU regions, with real instance types and
# real on-demand and spot prices. GENERATED by tools/fleetgen/fleetgen.py from ../shared/data/prices: change the
# script and rerun it (python3 tools/fleetgen/fleetgen.py > deploy/examples/fleet.yaml), do not edit by hand.
# The Server tests recompute every price from the catalogs, so this file cannot drift from the data.
#
# Where prices come from (the comment on each price names its row):
#   AWS   skypilot_catalog_v9_aws_vms_gpu_subset.csv, per availability zone. Each instance type is pinned to the
#         zone ID with the lowest spot price (rows with a blank price skipped); both its pools use that row and
#         select nodes there with the label topology.k8s.aws/zone-id.
#   GCP   anycloud_catalog_gcp_vms.csv, in each cluster's zone. A GPU node's price is the host VM row plus the GPU
#         row with the same count: the a2/g2/n1 host prices exclude their GPUs.
#   Azure anycloud_catalog_azure_vms.csv, per region.
#
# Format (version 1):
#   teams:      name, budget (dollars over the fleet's lifetime, a quoted decimal). A team not listed has no limit.
#   regions:    on-prem regions only: id (onprem:<name>) and country (ISO code, decides the jurisdiction).
#               Cloud regions come from the built-in table.
#   clusters:   name (unique), region (cloud:region), labels, gpuCaps (GPU model -> most GPUs running at once),
#               kubeconfig (path relative to this file; empty = run on the simulator), context,
#               inCluster (true: the server's own cluster, through its pod's service account), pools.
#   pools:      name (unique; default "<cluster>/<instanceType>/<capacityType>"), instanceType,
#               gpu {model, count} (absent = CPU-only), vcpus, memoryGiB, capacityType (spot | on-demand |
#               reserved), zone (optional), maxNodes (0 or more), hourlyPrice ($/node-hour, a quoted decimal),
#               nodeLabels (extra labels that select the node; instance type, region, zone and capacity type
#               labels are added by the dispatcher).
#               taints: list of {key, value (optional), effect (NoSchedule | PreferNoSchedule | NoExecute)} the
#               pool's nodes carry. Absent on a GPU pool = [{key: nvidia.com/gpu, effect: NoSchedule}], as EKS, GKE
#               and AKS taint GPU nodes; [] turns that off. A job runs on a pool only when it tolerates every
#               NoSchedule/NoExecute taint; a job asking for GPUs tolerates nvidia.com/gpu without saying so.
#   Pools that share (cloud, region, instanceType, capacityType) share one price-book entry and must agree on it.
#   Unknown keys are errors.
"""

if __name__ == "__main__":
    main()
