#!/usr/bin/env bash
# Applies server-config/wildfly to a WildFly installation, offline (embedded CLI), in copies of
# standalone-full.xml: CONFIG_NAME (default standalone-podium.xml), one node with its own embedded
# broker; and standalone-podium-cluster.xml, a node of several that share a standalone Artemis
# broker (remote-broker.cli on top). Re-applies only when the scripts or the driver changed, always
# starting again from the distribution's pristine standalone-full.xml.
#
#   configure.sh JBOSS_HOME POSTGRESQL_JAR [CONFIG_NAME]
set -euo pipefail

jboss_home=${1:?usage: configure.sh JBOSS_HOME POSTGRESQL_JAR [CONFIG_NAME]}
driver_jar=${2:?usage: configure.sh JBOSS_HOME POSTGRESQL_JAR [CONFIG_NAME]}
config_name=${3:-standalone-podium.xml}
here=$(cd "$(dirname "$0")" && pwd)
config_dir="$jboss_home/standalone/configuration"

cluster_name=standalone-podium-cluster.xml
stamp=$(cat "$here/podium.cli" "$here/provisioned-server.cli" "$here/remote-broker.cli" "$here/configure.sh" "$driver_jar" | sha256sum | cut -d' ' -f1)
stamp_file="$config_dir/.$config_name.applied"
if [[ -f "$config_dir/$config_name" && -f "$config_dir/$cluster_name" && -f "$stamp_file" && "$(cat "$stamp_file")" == "$stamp" ]]; then
  echo "server-config/wildfly already applied to $config_dir/$config_name"
  exit 0
fi

cp "$config_dir/standalone-full.xml" "$config_dir/$config_name"
cp "$config_dir/standalone-full.xml" "$config_dir/$cluster_name"
rm -f "$stamp_file"
rm -rf "$jboss_home/modules/org/postgresql"

script=$(mktemp)
trap 'rm -f "$script"' EXIT
cat > "$script" <<CLI
module add --name=org.postgresql --resources=$driver_jar --dependencies=java.se,jakarta.transaction.api
embed-server --server-config=$config_name --std-out=discard
run-batch --file=$here/podium.cli
run-batch --file=$here/provisioned-server.cli
stop-embedded-server
embed-server --server-config=$cluster_name --std-out=discard
run-batch --file=$here/podium.cli
run-batch --file=$here/provisioned-server.cli
run-batch --file=$here/remote-broker.cli
stop-embedded-server
CLI
JAVA_OPTS="${JAVA_OPTS:-} -Djava.awt.headless=true" "$jboss_home/bin/jboss-cli.sh" --file="$script"
echo "$stamp" > "$stamp_file"
echo "server-config/wildfly applied to $config_dir/$config_name and $config_dir/$cluster_name"
