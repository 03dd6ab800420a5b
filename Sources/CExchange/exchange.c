// glibc declares renameat2 only under _GNU_SOURCE, which Swift's C importer does not set; a
// direct call (rather than a run-time lookup) also works in a static executable.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include "CExchange.h"

int kernelbook_exchange(const char *a, const char *b) {
#ifdef RENAME_EXCHANGE
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}
