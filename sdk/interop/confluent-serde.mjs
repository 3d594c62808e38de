// Confluent's own JavaScript serdes (@confluentinc/schemaregistry) against schemagate's SDK, through
// schemagate's registry: `write` serializes a record with Confluent's AvroSerializer into
// confluent.bin; `read` decodes schemagate.bin (written by our Java AvroSerializer) with Confluent's
// AvroDeserializer. Usage: node confluent-serde.mjs write|read <registry url> <dir>
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { SchemaRegistryClient, AvroSerializer, AvroDeserializer, SerdeType } from '@confluentinc/schemaregistry';

const [mode, url, dir] = process.argv.slice(2);
const topic = 'interop-users';
const client = new SchemaRegistryClient({ baseURLs: [url] });

if (mode === 'write') {
  const schema = readFileSync(`${dir}/User.avsc`, 'utf8');
  await client.register(`${topic}-value`, { schemaType: 'AVRO', schema });
  const ser = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
  const bytes = await ser.serialize(topic, { name: 'Ann', age: 30, tags: ['a', 'b'] });
  writeFileSync(`${dir}/confluent.bin`, bytes);
  console.log(`ok Confluent AvroSerializer wrote ${bytes.length} bytes`);
} else if (mode === 'read') {
  const bytes = readFileSync(`${dir}/schemagate.bin`);
  const de = new AvroDeserializer(client, SerdeType.VALUE, {});
  const record = await de.deserialize(topic, bytes);
  assert.equal(record.name, 'Bob');
  assert.equal(record.age, -1);
  assert.deepEqual(record.tags, ['c']);
  console.log(`ok Confluent AvroDeserializer read schemagate's bytes: ${JSON.stringify(record)}`);
} else {
  throw new Error(`unknown mode ${mode}`);
}
