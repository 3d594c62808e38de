// Drives schemagate's registry with Confluent's own JavaScript client (@confluentinc/schemaregistry):
// client calls plus an Avro serializer/deserializer round trip in the Confluent wire format.
// Usage: node confluent-node-client.mjs http://127.0.0.1:8081   (run.sh sets it all up)
// With SCHEMAGATE_INTEROP_USER_INFO=user:password every client authenticates the way Confluent's
// clients do (basic.auth.credentials.source=USER_INFO), and wrong credentials must get a 401.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  SchemaRegistryClient, AvroSerializer, AvroDeserializer, SerdeType, CelExecutor, CelFieldExecutor,
} from '@confluentinc/schemaregistry';

const url = process.argv[2];
const celRuleSetFile = process.argv[3]; // optional: DataContract rules translated to CEL
CelExecutor.register();
CelFieldExecutor.register();
const userInfo = process.env.SCHEMAGATE_INTEROP_USER_INFO;
const conf = userInfo
  ? { baseURLs: [url], basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo } }
  : { baseURLs: [url] };
const client = new SchemaRegistryClient(conf);
const subject = `interop-${Date.now()}-value`;
const v1 = JSON.stringify({
  type: 'record', name: 'Order', namespace: 'interop',
  fields: [{ name: 'id', type: 'long' }],
});
const v2 = JSON.stringify({
  type: 'record', name: 'Order', namespace: 'interop',
  fields: [{ name: 'id', type: 'long' }, { name: 'note', type: ['null', 'string'], default: null }],
});
const breaking = JSON.stringify({
  type: 'record', name: 'Order', namespace: 'interop',
  fields: [{ name: 'id', type: 'string' }],
});
let passed = 0;
const check = async (name, fn) => { await fn(); passed += 1; console.log(`ok ${name}`); };

await check('register returns an id, idempotently', async () => {
  const id = await client.register(subject, { schemaType: 'AVRO', schema: v1 });
  assert.ok(id > 0);
  const again = await new SchemaRegistryClient(conf)
    .register(subject, { schemaType: 'AVRO', schema: v1 });
  assert.equal(again, id);
});
await check('getId (lookup) and getVersion', async () => {
  const id = await client.getId(subject, { schemaType: 'AVRO', schema: v1 });
  assert.ok(id > 0);
  assert.equal(await client.getVersion(subject, { schemaType: 'AVRO', schema: v1 }), 1);
});
await check('compatibility test and 409 on a breaking change', async () => {
  assert.equal(await client.testSubjectCompatibility(subject, { schemaType: 'AVRO', schema: v2 }), true);
  assert.equal(await client.testSubjectCompatibility(subject, { schemaType: 'AVRO', schema: breaking }), false);
  await assert.rejects(
    client.register(subject, { schemaType: 'AVRO', schema: breaking }),
    (e) => e.status === 409 || e.errorCode === 409);
});
await check('latest metadata, versions, subjects', async () => {
  await client.register(subject, { schemaType: 'AVRO', schema: v2 });
  const latest = await client.getLatestSchemaMetadata(subject);
  assert.equal(latest.version, 2);
  assert.deepEqual(await client.getAllVersions(subject), [1, 2]);
  assert.ok((await client.getAllSubjects()).includes(subject));
});
await check('config: set and read a subject level', async () => {
  assert.equal(await client.updateCompatibility(subject, 'FULL'), 'FULL');
  assert.equal(await client.getCompatibility(subject), 'FULL');
  assert.ok(await client.getDefaultCompatibility());
});
await check('config: an update written with compatibilityLevel is honoured', async () => {
  await client.updateConfig(subject, { compatibilityLevel: 'FULL_TRANSITIVE' });
  assert.equal((await client.getConfig(subject)).compatibilityLevel, 'FULL_TRANSITIVE');
  assert.equal(await client.getCompatibility(subject), 'FULL_TRANSITIVE');
  await client.updateConfig(subject, { compatibility: 'FULL' });
  assert.equal(await client.getCompatibility(subject), 'FULL');
});
await check('config: keys the registry does not implement are refused by name, not ignored', async () => {
  for (const [key, value] of [['compatibilityGroup', 'app.version'], ['normalize', true]]) {
    await assert.rejects(() => client.updateConfig(subject, { compatibility: 'NONE', [key]: value }),
      (e) => e.status === 422 && e.errorCode === 42203 && String(e.message).includes(key));
  }
  assert.equal(await client.getCompatibility(subject), 'FULL');
});
const metadata = {
  properties: { owner: 'team-orders', tier: 'gold' },
  tags: { 'interop.Order.id': ['PII'] },
  sensitive: ['id'],
};
const ruleSet = {
  domainRules: [{
    name: 'idPositive', kind: 'CONDITION', mode: 'WRITE', type: 'CEL',
    expr: 'message.id > 0', onFailure: 'ERROR',
  }],
  migrationRules: [{
    name: 'noteDefault', kind: 'TRANSFORM', mode: 'UPGRADE', type: 'JSONATA',
    expr: '$merge([$, {"note": null}])',
  }],
};
await check('metadata and ruleSet round-trip: register, latest, by id, latest with metadata', async () => {
  const contractSubject = `interop-contract-${Date.now()}-value`;
  const id = await client.register(contractSubject, { schemaType: 'AVRO', schema: v1, metadata, ruleSet });
  const fresh = new SchemaRegistryClient(conf);
  const latest = await fresh.getLatestSchemaMetadata(contractSubject);
  assert.deepEqual(latest.metadata, metadata);
  assert.deepEqual(latest.ruleSet, ruleSet);
  const byId = await fresh.getBySubjectAndId(contractSubject, id);
  assert.deepEqual(byId.ruleSet, ruleSet);
  const withMeta = await fresh.getLatestWithMetadata(contractSubject, { owner: 'team-orders' }, false);
  assert.equal(withMeta.version, 1);
  const bareId = await fresh.register(`interop-bare-${Date.now()}-value`, { schemaType: 'AVRO', schema: v1 });
  assert.notEqual(bareId, id, 'metadata and ruleSet are part of the identity');
});
// True only when the serializer refused the record because a rule condition failed.
const refuses = async (ser, topic, value, rule = '\\S+') => {
  try { await ser.serialize(topic, value); return false; } catch (e) {
    if (new RegExp(`rule ${rule} failed`).test(e.message)) return true;
    throw e;
  }
};
await check('CEL condition rule in the ruleSet: the unchanged serializer enforces it', async () => {
  const topic = `interop-cel-${Date.now()}`;
  await client.register(`${topic}-value`, {
    schemaType: 'AVRO', schema: v1, ruleSet: { domainRules: ruleSet.domainRules },
  });
  const ser = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
  assert.equal((await ser.serialize(topic, { id: 7 }))[0], 0);
  assert.ok(await refuses(ser, topic, { id: -1 }), 'a record breaking the CEL rule was serialized');
});
if (celRuleSetFile) {
  await check('DataContract quality rules translated to CEL: enforced by the unchanged serializer', async () => {
    const fixture = JSON.parse(readFileSync(celRuleSetFile, 'utf8'));
    const topic = `interop-contract-cel-${Date.now()}`;
    await client.register(`${topic}-value`, {
      schemaType: 'AVRO', schema: JSON.stringify(fixture.schema), ruleSet: fixture.ruleSet,
    });
    const ser = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
    assert.equal((await ser.serialize(topic, fixture.valid))[0], 0, 'a valid record was refused');
    for (const [name, bad] of Object.entries(fixture.invalid)) {
      assert.ok(await refuses(ser, topic, bad, name), `record breaking ${name} was serialized`);
    }
  });
}
await check('Avro serializer and deserializer round trip (wire format)', async () => {
  const topic = `interop-${Date.now()}`;
  const ser = new AvroSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: true });
  const bytes = await ser.serialize(topic, { id: 42, note: 'hello' });
  assert.equal(bytes[0], 0); // magic byte
  const fresh = new SchemaRegistryClient(conf);
  const de = new AvroDeserializer(fresh, SerdeType.VALUE, {});
  const record = await de.deserialize(topic, bytes);
  assert.equal(record.note, 'hello');
});
await check('soft then permanent delete', async () => {
  await client.deleteSubject(subject, false);
  await client.deleteSubject(subject, true);
  assert.ok(!(await client.getAllSubjects()).includes(subject));
});
if (userInfo) {
  await check('wrong credentials are refused with 401 / 40101', async () => {
    const user = userInfo.split(':')[0];
    const wrong = new SchemaRegistryClient({
      baseURLs: [url],
      basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: `${user}:not-the-password` },
    });
    await assert.rejects(() => wrong.getAllSubjects(), (e) => e.status === 401 || e.errorCode === 40101
      || /401|40101/.test(String(e.message)));
  });
}
const readerInfo = process.env.SCHEMAGATE_INTEROP_READER_INFO; // read on the prefix 'interop-' only
if (userInfo && readerInfo) {
  await check('a reader granted one prefix deserializes its subjects, not another subject\'s schema by id', async () => {
    const ser = new AvroSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: true });
    const ownTopic = `interop-own-${Date.now()}`;
    const own = await ser.serialize(ownTopic, { id: 7, note: 'mine' });
    const hiddenTopic = `hidden-${Date.now()}`;
    const hidden = await new AvroSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: true })
      .serialize(hiddenTopic, { id: 8, secret: 'payroll' });
    const reader = new SchemaRegistryClient({
      baseURLs: [url], basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: readerInfo },
    });
    const de = new AvroDeserializer(reader, SerdeType.VALUE, {});
    assert.equal((await de.deserialize(ownTopic, own)).note, 'mine');
    await assert.rejects(() => de.deserialize(hiddenTopic, hidden), (e) => e.status === 403
      || e.errorCode === 40301 || /403|40301/.test(String(e.message)));
    assert.ok(!(await reader.getAllSubjects()).some((s) => s.startsWith('hidden-')));
  });
}
console.log(`${passed} passed, 0 failed`);
