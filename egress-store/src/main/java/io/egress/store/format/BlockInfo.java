package io.egress.store.format;

import io.egress.data.Column;

/**
 * Where one column's block lies in a segment and how to check and decode it.
 *
 * @param offset       from the start of the data area (just after the header's checksum)
 * @param storedLength compressed bytes in the file
 * @param rawLength    bytes after decompression
 * @param crc32        CRC-32 of the stored (compressed) bytes
 */
public record BlockInfo(Column column, Encoding encoding, long offset, int storedLength, int rawLength, int crc32) {
}
