package io.egress.store.format;

import io.egress.data.Column;

/**
 * Where one column's block lies in a segment and how to check and decode it.
 *
 * @param compression  {@link SegmentFormat#DEFLATE} or {@link SegmentFormat#LZ4}
 * @param offset       from the start of the data area (just after the header's checksum)
 * @param storedLength compressed bytes in the file
 * @param rawLength    bytes after decompression
 * @param crc32        CRC-32 of the stored (compressed) bytes
 * @param nullCount    how many rows are null (format version 2 on), or -1 when the header does not say
 */
public record BlockInfo(Column column, Encoding encoding, int compression, long offset, int storedLength, int rawLength,
                        int crc32, int nullCount) {
}
