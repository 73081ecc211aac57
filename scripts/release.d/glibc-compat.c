// Linked into release binaries only (scripts/release), to lower the glibc they need.
//
// libstdc++.a of GCC 12 on glibc 2.36 calls arc4random (for std::random_device), a function
// glibc added in 2.36. Defined here, the static link binds that call to this definition, so the
// binary does not import arc4random@GLIBC_2.36 and runs on glibc 2.35 (Ubuntu 22.04) as well.
// getrandom has been in glibc since 2.25; like glibc's arc4random this never returns an error.
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/random.h>

uint32_t arc4random(void) {
    uint32_t value;
    for (;;) {
        ssize_t got = getrandom(&value, sizeof value, 0);
        if (got == (ssize_t)sizeof value) return value;
        if (got < 0 && errno == EINTR) continue;
        abort();
    }
}
