#ifndef KERNELBOOK_CEXCHANGE_H
#define KERNELBOOK_CEXCHANGE_H

/// Swaps the files or folders at paths `a` and `b` atomically (Linux's renameat2 with
/// RENAME_EXCHANGE); 0 on success, -1 with errno set where the system or file system lacks it.
int kernelbook_exchange(const char *a, const char *b);

#endif
