#include <zlib.h>

/// inflateInit2 for a gzip stream (window bits 15 + 16): zlib's initialiser is a macro, which
/// Swift cannot call.
static inline int czlib_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}
