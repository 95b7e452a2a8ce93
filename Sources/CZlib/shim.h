#ifndef TIAOQI_ZLIB_SHIM_H
#define TIAOQI_ZLIB_SHIM_H
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* A raw DEFLATE stream (no zlib or gzip header, as in ZIP archives) inflated a chunk at a time, so that the caller
   can count and bound what comes out as it goes. */
typedef struct tiaoqi_inflater {
    z_stream stream;
} tiaoqi_inflater;

/* A new inflater, or NULL when zlib cannot start one (out of memory). */
static inline tiaoqi_inflater *tiaoqi_inflater_open(void) {
    tiaoqi_inflater *inflater = (tiaoqi_inflater *)calloc(1, sizeof *inflater);
    if (inflater == NULL) return NULL;
    if (inflateInit2(&inflater->stream, -15) != Z_OK) {
        free(inflater);
        return NULL;
    }
    return inflater;
}

/* Inflates from in (in_len bytes, at most 1 GiB taken per call) into out (out_len bytes, at most 1 GiB used).
   Sets *in_used and *out_made. Returns 0 when more may follow, 1 at the end of the stream, -1 when the data is not
   valid DEFLATE, -2 when the input ends before the stream does. */
static inline int tiaoqi_inflater_step(tiaoqi_inflater *inflater, const unsigned char *in, size_t in_len,
                                       size_t *in_used, unsigned char *out, size_t out_len, size_t *out_made) {
    if (in_len > 0x40000000) in_len = 0x40000000;
    if (out_len > 0x40000000) out_len = 0x40000000;
    inflater->stream.next_in = (unsigned char *)in;
    inflater->stream.avail_in = (uInt)in_len;
    inflater->stream.next_out = out;
    inflater->stream.avail_out = (uInt)out_len;
    int status = inflate(&inflater->stream, Z_NO_FLUSH);
    *in_used = in_len - inflater->stream.avail_in;
    *out_made = out_len - inflater->stream.avail_out;
    if (status == Z_STREAM_END) return 1;
    if (status == Z_OK) return 0;
    if (status == Z_BUF_ERROR) return -2; /* no progress with room to write: the input ran out */
    return -1;
}

/* Frees an inflater. */
static inline void tiaoqi_inflater_close(tiaoqi_inflater *inflater) {
    if (inflater == NULL) return;
    inflateEnd(&inflater->stream);
    free(inflater);
}

/* The CRC-32 of a buffer continued from crc (0 to start), as ZIP archives record it. */
static inline unsigned long tiaoqi_crc32_update(unsigned long crc, const unsigned char *bytes, size_t length) {
    while (length > 0) {
        uInt chunk = length > 0x40000000 ? 0x40000000 : (uInt)length;
        crc = crc32(crc, bytes, chunk);
        bytes += chunk;
        length -= chunk;
    }
    return crc;
}
#endif
