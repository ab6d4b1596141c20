#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine and ends with one line: "N passed, N failed".
# Installs the Debian packages the tests use as real, independent peers (skipping what is present):
#   python3-grpcio, python3-grpc-tools  gRPC interop client (/usr/bin/python3)
#   prometheus                          promtool check metrics, and a real Prometheus server scraping the service
#   postgresql                          a private server per test class: the PostgreSQL store and the multi-silo tests
#   kubectl                             is expected on the machine image; its absence fails the kubectl tests
set -uo pipefail
cd "$(dirname "$0")/.."

packages=(python3-grpcio python3-grpc-tools prometheus postgresql)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if ! dotnet build PlacementEngine.sln -c Release -nologo -v q >"$log" 2>&1; then
  grep -E "error" "$log" | sort -u | head -50
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

projects=(tests/*.Tests/*.Tests.csproj)
dotnet test PlacementEngine.sln -c Release --no-build -nologo 2>&1 | tee "$log"

passed=0; failed=0; reported=0
while read -r f p; do
  failed=$((failed + f)); passed=$((passed + p)); reported=$((reported + 1))
done < <(grep -E "^(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+" "$log" \
          | sed -E 's/.*Failed: +([0-9]+), +Passed: +([0-9]+).*/\1 \2/')

# A project without tests says so; one that crashed prints no summary: count that as a failure, not as nothing.
empty=$(grep -cE "No test is available in" "$log")
reported=$((reported + empty))
missing=$((${#projects[@]} - reported))
if ((missing > 0)); then
  echo "only $reported of ${#projects[@]} test projects reported results"
  failed=$((failed + missing))
fi
# Any other run that aborted (a library taken for a test project, a test host that could not start) fails too.
aborted=$(grep -cE "^Test Run Aborted" "$log")
if ((aborted > missing)); then
  echo "$aborted test runs aborted"
  failed=$((failed + aborted - missing))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
