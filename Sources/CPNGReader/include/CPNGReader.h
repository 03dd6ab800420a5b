#ifndef CPNGREADER_H
#define CPNGREADER_H

#include <stddef.h>
#include <stdint.h>

/// What `cpng_read` returns.
typedef enum {
    CPNG_OK = 0,
    /// libpng refused the file; `message` says why.
    CPNG_ERROR = 1,
    /// The image has more than `maximum_values` samples; `height`, `width` and `channels` say how many.
    CPNG_TOO_LARGE = 2,
    /// The bytes end before the PNG data does.
    CPNG_TRUNCATED = 3,
} cpng_status;

/// A decoded image: height × width × channels samples, row-major, each in 0...1.
typedef struct {
    uint32_t height;
    uint32_t width;
    /// 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA.
    uint32_t channels;
    /// The stored bits per sample after expansion, 8 or 16.
    uint32_t bit_depth;
    /// height · width · channels floats from malloc, to release with `cpng_free`; NULL on failure.
    float *values;
    /// libpng's message when the status is CPNG_ERROR.
    char message[256];
} cpng_image;

/// Decodes the PNG file held in `bytes` with libpng: palettes become RGB, grey below 8 bits is
/// scaled to 8, a tRNS chunk becomes an alpha channel, interlacing is undone; each sample is
/// divided by 255 (8-bit) or 65535 (16-bit). Gamma and colour chunks are not applied.
cpng_status cpng_read(const unsigned char *bytes, size_t count, size_t maximum_values, cpng_image *image);

/// Frees the values of an image `cpng_read` filled.
void cpng_free(cpng_image *image);

#endif
