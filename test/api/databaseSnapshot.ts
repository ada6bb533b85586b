import mongoose from 'mongoose';

/** Every document of every collection in this test file's database, as JSON per collection, to prove nothing changed. */
export async function databaseSnapshot(options: { ignore?: string[] } = {}): Promise<Record<string, string>> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('the test database is not connected');
  const collections = (await db.listCollections().toArray())
    .map((collection) => collection.name)
    .filter((name) => !options.ignore?.includes(name))
    .sort();
  const snapshot: Record<string, string> = {};
  for (const name of collections) {
    const documents = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    snapshot[name] = JSON.stringify(documents);
  }
  return snapshot;
}
