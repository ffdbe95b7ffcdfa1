"""An outside system reading Tradeflow's topics, written the way another team would: no Tradeflow code,
only confluent-kafka, fastavro and the published contract (docs/asyncapi.yaml).

Reads every public topic (tradeflow.<name>.v<n>), resolves each record's writer schema from the
registry by the id in its Confluent wire-format header, skips events it has already seen (delivery is
at least once: deduplicate by eventId) and prints one JSON line per event: topic, key, headers,
event type and the decoded event. Settings, as the services name them:

  KAFKA_BROKERS         host:port,...                     (default 127.0.0.1:9092, the local stack)
  SCHEMA_REGISTRY_URL   the registry's Confluent API      (default http://127.0.0.1:8081/apis/ccompat/v7)
  SCHEMA_REGISTRY_USERNAME, SCHEMA_REGISTRY_PASSWORD      HTTP basic, when the registry wants it
  KAFKA_GROUP_ID        this consumer's group             (default tradeflow-example)
  KAFKA_TOPIC_PREFIX    the deployment's topic prefix     (default empty)
  KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD, KAFKA_TLS=true   (Kubernetes: SCRAM-SHA-512 over TLS)

Run: python tradeflow_consumer.py   (Ctrl-C or SIGTERM commits and leaves the group)
"""

import base64
import json
import os
import re
import signal
import struct
import sys
import urllib.request
from collections import OrderedDict
from io import BytesIO

from confluent_kafka import Consumer, KafkaError
from fastavro import parse_schema, schemaless_reader

MAGIC_BYTE = 0
REMEMBERED_EVENT_IDS = 100_000


class Registry:
    """Writer schemas by id, from GET /schemas/ids/{id}; an id never changes its schema, so each is fetched once."""

    def __init__(self, url, username=None, password=None):
        self.url = url.rstrip("/")
        self.authorization = None
        if username:
            token = base64.b64encode(f"{username}:{password or ''}".encode()).decode()
            self.authorization = f"Basic {token}"
        self.schemas = {}

    def schema(self, schema_id):
        if schema_id not in self.schemas:
            request = urllib.request.Request(f"{self.url}/schemas/ids/{schema_id}")
            if self.authorization:
                request.add_header("Authorization", self.authorization)
            with urllib.request.urlopen(request, timeout=10) as response:
                body = json.load(response)
            self.schemas[schema_id] = parse_schema(json.loads(body["schema"]))
        return self.schemas[schema_id]


class SeenEvents:
    """The last eventIds applied. A real integrator stores them with its own effects, in one transaction."""

    def __init__(self, capacity=REMEMBERED_EVENT_IDS):
        self.ids = OrderedDict()
        self.capacity = capacity

    def first_time(self, event_id):
        if event_id in self.ids:
            return False
        self.ids[event_id] = True
        if len(self.ids) > self.capacity:
            self.ids.popitem(last=False)
        return True


def decode(value, registry):
    """Confluent wire format: magic byte 0, a 4-byte big-endian schema id, then Avro binary."""
    if value is None or len(value) < 5 or value[0] != MAGIC_BYTE:
        raise ValueError("not in the Confluent wire format")
    (schema_id,) = struct.unpack(">I", value[1:5])
    return schema_id, schemaless_reader(BytesIO(value[5:]), registry.schema(schema_id))


def consumer_settings(environment):
    settings = {
        "bootstrap.servers": environment.get("KAFKA_BROKERS", "127.0.0.1:9092"),
        "group.id": environment.get("KAFKA_GROUP_ID", "tradeflow-example"),
        "auto.offset.reset": "earliest",
        # Offsets are stored only after an event is printed, then committed in the background.
        "enable.auto.offset.store": False,
        # A topic created after the start (a new catalogue topic) is picked up within seconds.
        "topic.metadata.refresh.interval.ms": 5000,
    }
    mechanism = environment.get("KAFKA_SASL_MECHANISM")
    tls = environment.get("KAFKA_TLS") == "true"
    if mechanism:
        settings.update(
            {
                "security.protocol": "SASL_SSL" if tls else "SASL_PLAINTEXT",
                "sasl.mechanism": mechanism.upper(),
                "sasl.username": environment["KAFKA_SASL_USERNAME"],
                "sasl.password": environment["KAFKA_SASL_PASSWORD"],
            }
        )
    elif tls:
        settings["security.protocol"] = "SSL"
    return settings


def public_topics_pattern(prefix):
    """Every public topic and only those (not the services' <group>.dlq topics): a regex subscription."""
    return f"^{re.escape(prefix)}tradeflow\\.[a-z-]+\\.v[0-9]+$"


def text_headers(headers):
    return {name: value.decode("utf-8", "replace") for name, value in (headers or [])}


def main():
    environment = os.environ
    registry = Registry(
        environment.get("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7"),
        environment.get("SCHEMA_REGISTRY_USERNAME"),
        environment.get("SCHEMA_REGISTRY_PASSWORD"),
    )
    consumer = Consumer(consumer_settings(environment))
    pattern = public_topics_pattern(environment.get("KAFKA_TOPIC_PREFIX", ""))
    consumer.subscribe([pattern])
    print(json.dumps({"subscribed": pattern}), file=sys.stderr, flush=True)
    seen = SeenEvents()
    running = True

    def stop(*_):
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while running:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                if message.error().code() != KafkaError._PARTITION_EOF:
                    print(json.dumps({"error": str(message.error())}), file=sys.stderr, flush=True)
                continue
            try:
                schema_id, event = decode(message.value(), registry)
            except (ValueError, KeyError, OSError) as error:
                print(json.dumps({"skipped": f"{message.topic()}/{message.partition()}@{message.offset()}", "reason": str(error)}), file=sys.stderr, flush=True)
                consumer.store_offsets(message)
                continue
            if seen.first_time(event["eventId"]):
                line = {
                    "topic": message.topic(),
                    "partition": message.partition(),
                    "offset": message.offset(),
                    "key": message.key().decode() if message.key() else None,
                    "headers": text_headers(message.headers()),
                    "schemaId": schema_id,
                    "eventType": event["eventType"],
                    "eventId": event["eventId"],
                    "orderId": event.get("orderId"),
                    "event": event,
                }
                print(json.dumps(line, default=str), flush=True)
            consumer.store_offsets(message)
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
