#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: the real servers the tests start
# (snmpd, snmpsim, prometheus, influxdb, prometheus-snmp-exporter, chromium, iperf3, nftables, bind9,
# prometheus-blackbox-exporter, prometheus-alertmanager, lldpd, docker.io with mmdebstrap for the
# container tests' own engine and base images, victoria-metrics' single node, vmagent and vmalert, frr with
# frr-pythontools for the routing tests)
# and the project's npm packages. Installs only what is missing; needs root for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

# command on PATH (or file) -> Debian package that provides it
declare -A NEED=(
  [snmpd]=snmpd
  [snmpbulkwalk]=snmp
  [snmpget]=snmp
  [snmpsimd]=snmpsim
  [prometheus]=prometheus
  [promtool]=prometheus
  [prometheus-snmp-exporter]=prometheus-snmp-exporter
  [influxd]=influxdb
  [chromium]=chromium
  [pdftotext]=poppler-utils
  [iperf3]=iperf3
  [nft]=nftables
  [ip]=iproute2
  [tc]=iproute2
  [named-checkzone]=bind9-utils
  [named]=bind9
  [rndc]=bind9
  [rndc-confgen]=bind9
  [dig]=bind9-dnsutils
  [lldpcli]=lldpd
  [ss]=iproute2
  [prometheus-blackbox-exporter]=prometheus-blackbox-exporter
  [prometheus-alertmanager]=prometheus-alertmanager
  [amtool]=prometheus-alertmanager
  [lldpd]=lldpd
  [openssl]=openssl
  [dockerd]=docker.io
  [docker]=docker.io
  [mmdebstrap]=mmdebstrap
  [victoria-metrics]=victoria-metrics
  [vmagent]=victoria-metrics
  [vmalert]=victoria-metrics
  [ping]=iputils-ping
  [zebra]=frr
  [ospfd]=frr
  [bfdd]=frr
  [vtysh]=frr
  [frr-reload.py]=frr-pythontools
)
missing=()
for cmd in "${!NEED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || [ -x "/usr/bin/$cmd" ] || [ -x "/usr/lib/frr/$cmd" ] || missing+=("${NEED[$cmd]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  pkgs=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
  echo "test-deps: installing Debian packages: $pkgs"
  if [ "$(id -u)" -ne 0 ]; then echo "test-deps: need root to install $pkgs" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
fi
# Debian starts packaged daemons where it can; the tests start their own on high ports.
for svc in victoria-metrics snmpd prometheus influxdb prometheus-snmp-exporter named bind9 prometheus-blackbox-exporter prometheus-alertmanager lldpd; do
  if command -v service >/dev/null 2>&1; then service "$svc" stop >/dev/null 2>&1 || true; fi
done

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "test-deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
