import { Unzip, UnzipInflate } from 'fflate';

/** Why a zip archive was not read: it is damaged, or it unpacks to more than allowed. */
export class ZipError extends Error {
  override name = 'ZipError';
  constructor(
    readonly reason: 'unreadable' | 'too-large',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The files of a zip archive (directories left out), inflated while counting the bytes that
 * actually come out: the sizes a zip's headers declare are the sender's to write, so a bomb that
 * understates them is stopped at `maxUnpackedBytes` of real output, not after inflating it all.
 */
export function unzipWithin(bytes: Uint8Array, maxUnpackedBytes: number): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let unpacked = 0;
  let entries = 0;
  let directories = 0;
  let failure: ZipError | undefined;
  const unzip = new Unzip((file) => {
    entries += 1;
    if (file.name.endsWith('/')) {
      directories += 1;
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new ZipError('unreadable', error.message);
        return;
      }
      unpacked += chunk.byteLength;
      if (unpacked > maxUnpackedBytes) {
        failure = new ZipError('too-large', `unpacks to more than ${maxUnpackedBytes} bytes`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) files.set(file.name, concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    failure ??= new ZipError('unreadable', error instanceof Error ? error.message : String(error));
  }
  if (failure) throw failure;
  // The streaming reader passes over what is not a zip, and stops at a file cut short, silently.
  if (entries === 0) throw new ZipError('unreadable', 'it holds no files');
  if (files.size + directories < entries) {
    throw new ZipError('unreadable', 'a file in it is cut short');
  }
  return files;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

/** `bytes` as UTF-8 text, or undefined when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
