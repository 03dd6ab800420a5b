#ifndef CDIGITS_H
#define CDIGITS_H

#include <stddef.h>

/// The bytes of Data/digits/digits.bin.gz, compiled into the program (see digits.c).
const unsigned char *cdigits_gzip_bytes(void);

/// How many bytes `cdigits_gzip_bytes` points to.
size_t cdigits_gzip_count(void);

#endif
