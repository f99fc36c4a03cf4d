#!/usr/bin/env bash
# Makes a Payara Server domain for Podium: creates it (ports from PORT_BASE: admin +48, HTTP +80),
# puts the PostgreSQL driver in its lib/, starts it, applies podium.asadmin and any system
# properties given as key=value, and stops it. Re-applies only when the scripts, the driver or
# the properties changed, always starting again from a new domain.
#
#   configure.sh PAYARA_HOME DOMAIN_NAME POSTGRESQL_JAR PORT_BASE [key=value ...]
#
# The domain lives in PAYARA_HOME/glassfish/domains, or in PODIUM_PAYARA_DOMAINDIR when set.
set -euo pipefail

usage="usage: configure.sh PAYARA_HOME DOMAIN_NAME POSTGRESQL_JAR PORT_BASE [key=value ...]"
payara_home=${1:?$usage}
domain=${2:?$usage}
driver_jar=${3:?$usage}
port_base=${4:?$usage}
shift 4
here=$(cd "$(dirname "$0")" && pwd)
asadmin="$payara_home/bin/asadmin"
domains=${PODIUM_PAYARA_DOMAINDIR:-$payara_home/glassfish/domains}
domain_dir="$domains/$domain"
admin_port=$((port_base + 48))

stamp=$( (cat "$here/podium.asadmin" "$here/configure.sh" "$driver_jar"; echo "$port_base $*") | sha256sum | cut -d' ' -f1)
stamp_file="$domain_dir/.podium-applied"
if [[ -f "$stamp_file" && "$(cat "$stamp_file")" == "$stamp" ]]; then
  echo "server-config/payara already applied to $domain_dir"
  exit 0
fi

"$asadmin" stop-domain --domaindir "$domains" "$domain" >/dev/null 2>&1 || true
rm -rf "$domain_dir"
mkdir -p "$domains"
"$asadmin" create-domain --nopassword --domaindir "$domains" --portbase "$port_base" "$domain" >/dev/null
cp "$driver_jar" "$domain_dir/lib/postgresql.jar"

script=$(mktemp)
trap 'rm -f "$script"; "$asadmin" stop-domain --domaindir "$domains" "$domain" >/dev/null 2>&1 || true' EXIT
cp "$here/podium.asadmin" "$script"
for property in "$@"; do
  # asadmin separates properties with ':' and reads '=' inside a value: both are escaped with a
  # backslash, which multimode's own parsing wants doubled.
  key=${property%%=*}
  value=${property#*=}
  value=${value//:/\\\\:}
  value=${value//=/\\\\=}
  echo "create-system-properties $key=$value" >> "$script"
done

"$asadmin" start-domain --domaindir "$domains" "$domain" >/dev/null
"$asadmin" --port "$admin_port" multimode --file "$script"
"$asadmin" stop-domain --domaindir "$domains" "$domain" >/dev/null
echo "$stamp" > "$stamp_file"
echo "server-config/payara applied to $domain_dir (admin port $admin_port, HTTP $((port_base + 80)))"
