#include "CPNGReader.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// The state libpng's callbacks share, on the heap: everything freed on an error path lives here,
/// because locals changed after setjmp are indeterminate after the longjmp.
typedef struct {
    const unsigned char *bytes;
    size_t count;
    size_t offset;
    cpng_image *image;
    unsigned char *pixels;
    png_bytep *rows;
    int truncated;
} reader;

static void on_error(png_structp png, png_const_charp message) {
    reader *state = png_get_error_ptr(png);
    snprintf(state->image->message, sizeof state->image->message, "%s", message);
    png_longjmp(png, 1);
}

// Warnings (an unknown chunk's bad CRC, say) do not stop the decoding and are not reported.
static void on_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static void on_read(png_structp png, png_bytep data, png_size_t length) {
    reader *state = png_get_io_ptr(png);
    if (length > state->count - state->offset) {
        state->truncated = 1;
        png_error(png, "the file ends early");
    }
    memcpy(data, state->bytes + state->offset, length);
    state->offset += length;
}

cpng_status cpng_read(const unsigned char *bytes, size_t count, size_t maximum_values, cpng_image *image) {
    memset(image, 0, sizeof *image);
    reader *state = calloc(1, sizeof *state);
    png_structp png = state == NULL ? NULL : png_create_read_struct(PNG_LIBPNG_VER_STRING, state, on_error, on_warning);
    png_infop info = png == NULL ? NULL : png_create_info_struct(png);
    if (info == NULL) {
        if (png != NULL) png_destroy_read_struct(&png, NULL, NULL);
        free(state);
        snprintf(image->message, sizeof image->message, "out of memory");
        return CPNG_ERROR;
    }
    *state = (reader){bytes, count, 0, image, NULL, NULL, 0};
    if (setjmp(png_jmpbuf(png))) {
        cpng_status status = state->truncated ? CPNG_TRUNCATED : CPNG_ERROR;
        free(state->rows);
        free(state->pixels);
        free(state);
        free(image->values);
        image->values = NULL;
        png_destroy_read_struct(&png, &info, NULL);
        return status;
    }
    png_set_read_fn(png, state, on_read);
    png_read_info(png, info);

    png_byte color_type = png_get_color_type(png, info);
    png_byte depth = png_get_bit_depth(png, info);
    if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color_type == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);

    uint32_t height = png_get_image_height(png, info);
    uint32_t width = png_get_image_width(png, info);
    uint32_t channels = png_get_channels(png, info);
    uint32_t bit_depth = png_get_bit_depth(png, info);
    image->height = height;
    image->width = width;
    image->channels = channels;
    image->bit_depth = bit_depth;
    // Width and height are below 2³¹ (PNG's own limit), so the product cannot overflow 64 bits.
    size_t values = (size_t)height * width * channels;
    if (values > maximum_values) {
        png_destroy_read_struct(&png, &info, NULL);
        free(state);
        return CPNG_TOO_LARGE;
    }
    size_t row_bytes = png_get_rowbytes(png, info);
    if (row_bytes != (size_t)width * channels * (bit_depth / 8)) {
        png_error(png, "unexpected row layout after expansion");
    }
    state->pixels = malloc(row_bytes * height + 1);
    state->rows = malloc(sizeof(png_bytep) * height + 1);
    image->values = malloc(sizeof(float) * values + 1);
    if (state->pixels == NULL || state->rows == NULL || image->values == NULL) {
        png_error(png, "out of memory");
    }
    for (uint32_t y = 0; y < height; y++) state->rows[y] = state->pixels + row_bytes * y;
    png_read_image(png, state->rows);
    png_read_end(png, NULL);

    if (bit_depth == 16) {
        for (size_t i = 0; i < values; i++) {
            unsigned sample = ((unsigned)state->pixels[2 * i] << 8) | state->pixels[2 * i + 1];
            image->values[i] = (float)sample / 65535.0f;
        }
    } else {
        for (size_t i = 0; i < values; i++) image->values[i] = (float)state->pixels[i] / 255.0f;
    }
    free(state->rows);
    free(state->pixels);
    free(state);
    png_destroy_read_struct(&png, &info, NULL);
    return CPNG_OK;
}

void cpng_free(cpng_image *image) {
    free(image->values);
    image->values = NULL;
}
