"""Drives schemagate's registry with Confluent's Python client (confluent-kafka 2.16.1) with
authentication on: HTTP Basic (basic.auth.user.info) registers, reads and round-trips an Avro
record; wrong credentials get 401 / 40101.

Usage: SCHEMAGATE_INTEROP_USER_INFO=user:password python confluent-python-client.py URL
"""
import os
import sys
import time

from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.schema_registry.error import SchemaRegistryError
from confluent_kafka.serialization import MessageField, SerializationContext

url = sys.argv[1]
user_info = os.environ["SCHEMAGATE_INTEROP_USER_INFO"]
conf = {"url": url, "basic.auth.user.info": user_info}
client = SchemaRegistryClient(conf)
subject = f"py-interop-{int(time.time() * 1000)}-value"
schema = '{"type":"record","name":"Order","namespace":"py","fields":[{"name":"id","type":"long"}]}'
passed = 0

schema_id = client.register_schema(subject, Schema(schema, "AVRO"))
assert schema_id > 0
assert client.get_latest_version(subject).schema_id == schema_id
passed += 1
print("ok register and latest with basic auth")

topic = subject[: -len("-value")]
serializer = AvroSerializer(client, schema, conf={"auto.register.schemas": False, "use.latest.version": True})
context = SerializationContext(topic, MessageField.VALUE)
data = serializer({"id": 42}, context)
assert data[0] == 0
record = AvroDeserializer(SchemaRegistryClient(conf))(data, context)
assert record == {"id": 42}
passed += 1
print("ok Avro serializer and deserializer round trip")

wrong = SchemaRegistryClient({**conf, "basic.auth.user.info": user_info.split(":")[0] + ":wrong"})
try:
    wrong.get_subjects()
    raise AssertionError("wrong credentials were accepted")
except SchemaRegistryError as e:
    assert e.http_status_code == 401 and e.error_code == 40101, (e.http_status_code, e.error_code)
passed += 1
print("ok wrong credentials are refused with 401 / 40101")

client.delete_subject(subject)
client.delete_subject(subject, permanent=True)
print(f"{passed + 1} passed, 0 failed")
