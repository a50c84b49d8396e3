/**
 * Stores `value` under `key` as the most recently used entry of `map` (a Map keeps insertion
 * order), and forgets the least recently used one once there are more than `maxKeys`: per-client
 * state in memory stays bounded however many clients or made-up keys there are.
 */
export function setMostRecent<K, V>(map: Map<K, V>, key: K, value: V, maxKeys: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > maxKeys) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}
