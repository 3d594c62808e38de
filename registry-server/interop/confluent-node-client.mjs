// Drives schemagate's registry with Confluent's own JavaScript client (@confluentinc/schemaregistry):
// client calls plus an Avro serializer/deserializer round trip in the Confluent wire format.
// Usage: node confluent-node-client.mjs http://127.0.0.1:8081   (run.sh sets it all up)
// With SCHEMAGATE_INTEROP_USER_INFO=user:password every client authenticates the way Confluent's
// clients do (basic.auth.credentials.source=USER_INFO), and wrong credentials must get a 401.
import assert from 'node:assert/strict';
import {
  SchemaRegistryClient, AvroSerializer, AvroDeserializer, SerdeType,
} from '@confluentinc/schemaregistry';

const url = process.argv[2];
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
console.log(`${passed} passed, 0 failed`);
