#!/usr/bin/env bash
# Creates the standalone ActiveMQ Artemis broker that several Podium nodes share: an instance of
# the Artemis distribution (org.apache.activemq:apache-artemis, classifier bin, which the build
# unpacks into target/) with Podium's addresses, the run queue's redelivery policy and one login.
# Start it with INSTANCE/bin/artemis run (foreground) or INSTANCE/bin/artemis-service start.
#
#   create-broker.sh ARTEMIS_HOME INSTANCE [PORT]
#
#   ARTEMIS_HOME  the unpacked distribution (target/apache-artemis-2.40.0 after ./mvnw -Pservers package)
#   INSTANCE      the broker's own folder: configuration, journal, logs (created if absent)
#   PORT          where it accepts connections (default 61616); it listens on PODIUM_BROKER_BIND
#                 (default 127.0.0.1: give the address the nodes reach it at); its heap is
#                 PODIUM_BROKER_MEMORY (default 512M); it stops taking messages when less than
#                 PODIUM_BROKER_MIN_DISK_FREE (default 1GB) is free on its disk
#
# The login is podium / PODIUM_BROKER_PASSWORD; when that is unset, a password is generated and
# kept in INSTANCE/podium-broker-password (mode 600) for the nodes' PODIUM_BROKER_PASSWORD.
# An existing instance is left as it is: its journal holds queued run requests.
set -euo pipefail

artemis_home=${1:?usage: create-broker.sh ARTEMIS_HOME INSTANCE [PORT]}
instance=${2:?usage: create-broker.sh ARTEMIS_HOME INSTANCE [PORT]}
port=${3:-61616}
bind=${PODIUM_BROKER_BIND:-127.0.0.1}

if [[ -f "$instance/etc/broker.xml" ]]; then
  echo "Artemis instance exists: $instance (left as it is)"
  exit 0
fi
if [[ ! -x "$artemis_home/bin/artemis" ]]; then
  echo "no Artemis distribution at $artemis_home (run ./mvnw -Pservers package, which unpacks it into target/)" >&2
  exit 1
fi

password_file="$instance/podium-broker-password"
password=${PODIUM_BROKER_PASSWORD:-}
mkdir -p "$instance"
if [[ -z "$password" ]]; then
  if [[ ! -f "$password_file" ]]; then
    (umask 077 && head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$password_file")
  fi
  password=$(cat "$password_file")
fi

# One acceptor (the core protocol the nodes speak), no web console, no protocols nobody uses;
# addresses are created here, never by a client's typo.
"$artemis_home/bin/artemis" create "$instance" --force --silent \
  --user podium --password "$password" --require-login \
  --host "$bind" --default-port "$port" \
  --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
  --no-autocreate --java-memory "${PODIUM_BROKER_MEMORY:-512M}" \
  --queues PodiumRunRequests:anycast,PodiumRunRequestsDLQ:anycast \
  --addresses PodiumRunControl:multicast \
  > "$instance/create.log"

# Only the core protocol on the one acceptor.
sed -i 's#protocols=CORE,AMQP,STOMP,HORNETQ,MQTT,OPENWIRE#protocols=CORE#' "$instance/etc/broker.xml"

# The run queue's redelivery policy, as on the embedded broker (server-config/wildfly/podium.cli):
# a request whose listener failed is redelivered after 5 s, 10 s, 20 s, 40 s; the fifth failure
# parks it in the dead-letter queue for an operator.
settings='      <address-setting match="PodiumRunRequests">\
         <dead-letter-address>PodiumRunRequestsDLQ</dead-letter-address>\
         <redelivery-delay>5000</redelivery-delay>\
         <redelivery-delay-multiplier>2.0</redelivery-delay-multiplier>\
         <max-redelivery-delay>60000</max-redelivery-delay>\
         <max-delivery-attempts>5</max-delivery-attempts>\
      </address-setting>'
sed -i "s#^\( *\)</address-settings>#${settings}\n\1</address-settings>#" "$instance/etc/broker.xml"
grep -q '<address-setting match="PodiumRunRequests">' "$instance/etc/broker.xml" \
  || { echo "could not add Podium's address settings to $instance/etc/broker.xml" >&2; exit 1; }

# Disk: Artemis blocks every sender once its disk is 90% used (the template's max-disk-usage), which
# on a large disk shared with Podium's data and images stops all submissions with gigabytes free
# (each POST waits for the broker for ever). It blocks only when less than PODIUM_BROKER_MIN_DISK_FREE
# (default 1GB) is free; the journal of run requests is a few megabytes.
sed -i "s#<max-disk-usage>90</max-disk-usage>#<min-disk-free>${PODIUM_BROKER_MIN_DISK_FREE:-1GB}</min-disk-free>#" \
  "$instance/etc/broker.xml"
grep -q '<min-disk-free>' "$instance/etc/broker.xml" \
  || { echo "could not set min-disk-free in $instance/etc/broker.xml" >&2; exit 1; }

echo "Artemis instance created: $instance (tcp://$bind:$port, user podium)"
