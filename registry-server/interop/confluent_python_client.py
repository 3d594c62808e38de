"""Drives schemagate's registry with Confluent's own Python client (confluent-kafka 2.16.1).

Client calls, a config update written with compatibilityLevel, a registration with metadata and a
ruleSet round-tripping, Avro serializer/deserializer in the wire format, and CEL data-contract
rules executed by Confluent's unchanged serializer. No broker: SerializationContext alone.
Usage: python confluent_python_client.py http://127.0.0.1:8081 [cel-ruleset.json]
(run.sh sets it all up.)
"""
import json
import sys
import time
import urllib.parse
import urllib.request

from confluent_kafka.schema_registry import (
    Metadata, RuleSet, Schema, SchemaRegistryClient, SchemaRegistryError,
)
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.schema_registry.common.serde import RuleConditionError
from confluent_kafka.schema_registry.common.schema_registry_client import (
    ConfigCompatibilityLevel, ServerConfig,
)
from confluent_kafka.schema_registry.rules.cel.cel_executor import CelExecutor
from confluent_kafka.schema_registry.rules.cel.cel_field_executor import CelFieldExecutor
from confluent_kafka.serialization import MessageField, SerializationContext, SerializationError

URL = sys.argv[1]
CEL_RULESET = sys.argv[2] if len(sys.argv) > 2 else None
CelExecutor.register()
CelFieldExecutor.register()
client = SchemaRegistryClient({'url': URL})
stamp = f"{int(time.time() * 1000)}"
subject = f"py-interop-{stamp}-value"


def record(fields):
    return json.dumps({'type': 'record', 'name': 'Order', 'namespace': 'interop', 'fields': fields})


V1 = record([{'name': 'id', 'type': 'long'}])
V2 = record([{'name': 'id', 'type': 'long'},
             {'name': 'note', 'type': ['null', 'string'], 'default': None}])
BREAKING = record([{'name': 'id', 'type': 'string'}])
passed = 0


def check(name):
    def run(fn):
        global passed
        fn()
        passed += 1
        print(f"ok {name}", flush=True)
        return fn
    return run


@check('register returns an id, idempotently; lookup and version')
def _():
    schema_id = client.register_schema(subject, Schema(V1, 'AVRO'))
    assert schema_id > 0
    fresh = SchemaRegistryClient({'url': URL})
    assert fresh.register_schema(subject, Schema(V1, 'AVRO')) == schema_id
    found = fresh.lookup_schema(subject, Schema(V1, 'AVRO'))
    assert found.schema_id == schema_id and found.version == 1, found
    assert json.loads(fresh.get_schema(schema_id).schema_str) == json.loads(V1)


@check('compatibility test and 409 on a breaking change')
def _():
    assert client.test_compatibility(subject, Schema(V2, 'AVRO')) is True
    assert client.test_compatibility(subject, Schema(BREAKING, 'AVRO')) is False
    try:
        client.register_schema(subject, Schema(BREAKING, 'AVRO'))
        raise AssertionError('a breaking change was registered')
    except SchemaRegistryError as e:
        assert e.http_status_code == 409, e


@check('latest version, versions, subjects')
def _():
    client.register_schema(subject, Schema(V2, 'AVRO'))
    assert client.get_latest_version(subject).version == 2
    assert client.get_versions(subject) == [1, 2]
    assert subject in client.get_subjects()


@check('config: compatibility set and read; an update written with compatibilityLevel is honoured')
def _():
    assert client.set_compatibility(subject, 'FULL')['compatibility'] == 'FULL'
    assert client.get_compatibility(subject) == 'FULL'
    client.set_config(subject, ServerConfig(
        compatibility_level=ConfigCompatibilityLevel.FULL_TRANSITIVE))
    assert client.get_config(subject).compatibility_level == ConfigCompatibilityLevel.FULL_TRANSITIVE
    assert client.get_compatibility(subject) == 'FULL_TRANSITIVE'


@check('config: a key the registry does not implement (compatibilityGroup) is refused by name')
def _():
    try:
        client.set_config(subject, ServerConfig(
            compatibility=ConfigCompatibilityLevel.NONE, compatibility_group='app.version'))
        raise AssertionError('compatibilityGroup was accepted')
    except SchemaRegistryError as e:
        assert e.http_status_code == 422 and e.error_code == 42203, e
        assert 'compatibilityGroup' in e.error_message, e
    assert client.get_compatibility(subject) == 'FULL_TRANSITIVE'


METADATA = {'properties': {'owner': 'team-orders', 'tier': 'gold'},
            'tags': {'interop.Order.id': ['PII']}, 'sensitive': ['id']}
RULESET = {
    'domainRules': [{'name': 'idPositive', 'kind': 'CONDITION', 'mode': 'WRITE', 'type': 'CEL',
                     'expr': 'message.id > 0', 'onFailure': 'ERROR'}],
    'migrationRules': [{'name': 'noteDefault', 'kind': 'TRANSFORM', 'mode': 'UPGRADE',
                        'type': 'JSONATA', 'expr': '$merge([$, {"note": null}])'}],
}


@check('metadata and ruleSet round-trip through register, latest, by id and latest-with-metadata')
def _():
    contract_subject = f"py-contract-{stamp}-value"
    schema = Schema(V1, 'AVRO', metadata=Metadata.from_dict(METADATA),
                    rule_set=RuleSet.from_dict(RULESET))
    registered = client.register_schema_full_response(contract_subject, schema)
    fresh = SchemaRegistryClient({'url': URL})
    latest = fresh.get_latest_version(contract_subject)
    assert latest.schema.metadata == schema.metadata, latest.schema.metadata
    assert latest.schema.rule_set == schema.rule_set, latest.schema.rule_set
    assert latest.schema.rule_set.to_dict()['domainRules'][0]['expr'] == 'message.id > 0'
    by_id = fresh.get_schema(registered.schema_id)
    assert by_id.metadata == schema.metadata and by_id.rule_set == schema.rule_set
    with_metadata = fresh.get_latest_with_metadata(contract_subject, {'owner': 'team-orders'})
    assert with_metadata.version == 1 and with_metadata.schema.rule_set == schema.rule_set
    bare = fresh.register_schema(f"py-bare-{stamp}-value", Schema(V1, 'AVRO'))
    assert bare != registered.schema_id, 'metadata and ruleSet are part of the identity'


@check('Avro serializer and deserializer round trip (wire format)')
def _():
    topic = f"py-interop-{stamp}"
    ser = AvroSerializer(client, V2, conf={'auto.register.schemas': True})
    ctx = SerializationContext(topic, MessageField.VALUE)
    data = ser({'id': 42, 'note': 'hello'}, ctx)
    assert data[0] == 0
    de = AvroDeserializer(SchemaRegistryClient({'url': URL}))
    assert de(data, ctx) == {'id': 42, 'note': 'hello'}


def refuses(ser, value, ctx):
    """True only when the serializer refused the record because a rule condition failed."""
    try:
        ser(value, ctx)
        return False
    except SerializationError as e:
        if isinstance(e.__cause__, RuleConditionError):
            return True
        raise


@check('CEL condition rules in the ruleSet: the unchanged serializer enforces them')
def _():
    topic = f"py-cel-{stamp}"
    client.register_schema(f"{topic}-value", Schema(V1, 'AVRO', rule_set=RuleSet.from_dict(
        {'domainRules': RULESET['domainRules']})))
    ser = AvroSerializer(client, None,
                         conf={'auto.register.schemas': False, 'use.latest.version': True})
    ctx = SerializationContext(topic, MessageField.VALUE)
    assert ser({'id': 7}, ctx)[0] == 0
    assert refuses(ser, {'id': -1}, ctx), 'a record breaking the CEL rule was serialized'


if CEL_RULESET:
    @check('DataContract quality rules translated to CEL: enforced by the unchanged serializer')
    def _():
        with open(CEL_RULESET) as f:
            fixture = json.load(f)
        topic = f"py-contract-cel-{stamp}"
        client.register_schema(f"{topic}-value", Schema(
            json.dumps(fixture['schema']), 'AVRO', rule_set=RuleSet.from_dict(fixture['ruleSet'])))
        ser = AvroSerializer(client, None,
                             conf={'auto.register.schemas': False, 'use.latest.version': True})
        ctx = SerializationContext(topic, MessageField.VALUE)
        assert ser(fixture['valid'], ctx)[0] == 0, 'a valid record was refused'
        for name, bad in fixture['invalid'].items():
            assert refuses(ser, bad, ctx), f"record breaking {name} was serialized: {bad}"


@check('GET /schemas with subjectPrefix and latestOnly lists what the client registered')
def _():
    query = urllib.parse.urlencode({'subjectPrefix': subject, 'latestOnly': 'true'})
    with urllib.request.urlopen(f"{URL}/schemas?{query}") as response:
        listed = json.load(response)
    assert [(s['subject'], s['version']) for s in listed] == [(subject, 2)], listed


@check('soft then permanent delete')
def _():
    client.delete_subject(subject, permanent=False)
    client.delete_subject(subject, permanent=True)
    assert subject not in client.get_subjects()


print(f"{passed} passed, 0 failed")
