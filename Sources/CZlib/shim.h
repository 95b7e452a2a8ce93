#ifndef TIAOQI_ZLIB_SHIM_H
#define TIAOQI_ZLIB_SHIM_H
#include <string.h>
#include <zlib.h>

/* Inflates raw DEFLATE data (no zlib or gzip header, as in ZIP archives) into exactly out_len bytes.
   Returns 0 on success, 1 when the data is not valid DEFLATE, 2 when it does not end exactly at out_len bytes. */
static inline int tiaoqi_inflate_raw(const unsigned char *in, size_t in_len, unsigned char *out, size_t out_len) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (inflateInit2(&stream, -15) != Z_OK) return 1;
    size_t in_done = 0, out_done = 0;
    int status = Z_OK;
    while (status == Z_OK) {
        size_t in_chunk = in_len - in_done, out_chunk = out_len - out_done;
        if (in_chunk > 0x40000000) in_chunk = 0x40000000;
        if (out_chunk > 0x40000000) out_chunk = 0x40000000;
        stream.next_in = (unsigned char *)in + in_done;
        stream.avail_in = (uInt)in_chunk;
        stream.next_out = out + out_done;
        stream.avail_out = (uInt)out_chunk;
        status = inflate(&stream, Z_NO_FLUSH);
        in_done += in_chunk - stream.avail_in;
        out_done += out_chunk - stream.avail_out;
        if (status == Z_OK && stream.avail_out != 0 && stream.avail_in != 0) continue;
        if (status == Z_OK && out_done == out_len) {
            /* The output is full: the stream must end here. */
            unsigned char spare;
            stream.next_out = &spare;
            stream.avail_out = 1;
            status = inflate(&stream, Z_NO_FLUSH);
            if (status != Z_STREAM_END) { inflateEnd(&stream); return 2; }
        } else if (status == Z_OK && in_done == in_len) {
            inflateEnd(&stream);
            return 1;
        }
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END) return status == Z_BUF_ERROR ? 2 : 1;
    return out_done == out_len ? 0 : 2;
}

/* The CRC-32 of a buffer, as ZIP archives record it. */
static inline unsigned long tiaoqi_crc32(const unsigned char *bytes, size_t length) {
    unsigned long crc = crc32(0L, Z_NULL, 0);
    while (length > 0) {
        uInt chunk = length > 0x40000000 ? 0x40000000 : (uInt)length;
        crc = crc32(crc, bytes, chunk);
        bytes += chunk;
        length -= chunk;
    }
    return crc;
}
#endif
