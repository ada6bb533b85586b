import mongoose, { Types } from 'mongoose';
import { percentile } from './collabScenarios.ts';

/**
 * The database's share of an edit's delivery: `count` inserts of a keystroke-sized log entry, one at a time at the
 * human scenario's pace, into a scratch collection of the benchmark's database; p50 and p99 in milliseconds. Storing
 * first puts one such round trip inside every delivery, so this bounds from below what our p99 can be.
 */
export async function storeRoundTrip(
  perSecond: number,
  count = 800,
): Promise<{ p50Ms: number; p99Ms: number }> {
  const log = mongoose.connection.collection('bench_store_round_trip');
  await log.createIndex({ documentId: 1, seq: 1 }, { unique: true });
  const documentId = new Types.ObjectId();
  const latencies: number[] = [];
  for (let seq = 1; seq <= count; seq += 1) {
    const started = performance.now();
    await log.insertOne({ documentId, seq, update: new mongoose.mongo.Binary(new Uint8Array(40)), count: 1 });
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
  }
  await log.drop();
  latencies.sort((a, b) => a - b);
  return { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}
