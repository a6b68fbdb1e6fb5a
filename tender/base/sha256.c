/*
 * sha256.c - SHA-256 of files and buffers through OpenSSL (see sha256.h).
 *
 * OpenSSL's SHA256_Init/Update/Final, not its EVP interface: EVP loads and initialises the
 * default provider (every algorithm it offers) before the first digest: about 5 M instructions
 * (1.5 ms) in every run of tender, as much as hashing several hundred bids (issue 9).
 * The low-level functions are the same code the provider calls for SHA-256 (with the CPU's SHA
 * instructions where it has them), and the same digest. OpenSSL 3 deprecates them, but keeps
 * them in every build that has the 1.1.1 interface; OPENSSL_API_COMPAT asks for that interface,
 * so the build says clearly when a libcrypto no longer has it.
 */
#define OPENSSL_API_COMPAT 0x10101000L

#include "tender/base/sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/sha.h>

#define CHUNK (64 * 1024)

static void to_hex(const unsigned char digest[SHA256_DIGEST_LENGTH],
                   char hex[TND_SHA256_HEX_LEN + 1])
{
    static const char digits[] = "0123456789abcdef";
    for (unsigned i = 0; i < SHA256_DIGEST_LENGTH; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 0x0F];
    }
    hex[TND_SHA256_HEX_LEN] = '\0';
}

_Static_assert(TND_SHA256_HEX_LEN == 2 * SHA256_DIGEST_LENGTH, "two hex digits a byte");

void tnd_sha256_buf(const void *data, size_t len, char hex[TND_SHA256_HEX_LEN + 1])
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256_CTX ctx;
    if (SHA256_Init(&ctx) != 1 || (len && SHA256_Update(&ctx, data, len) != 1) ||
        SHA256_Final(digest, &ctx) != 1) {
        hex[0] = '\0'; /* cannot happen with a working libcrypto; never a wrong digest */
        return;
    }
    to_hex(digest, hex);
}

/* Feeds the open file fd into ctx; returns 0 or an errno value. */
static int digest_fd(int fd, SHA256_CTX *ctx)
{
    unsigned char buf[CHUNK];
    for (;;) {
        ssize_t got = read(fd, buf, sizeof buf);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return errno;
        if (got == 0)
            return 0;
        if (SHA256_Update(ctx, buf, (size_t)got) != 1)
            return EIO;
    }
}

bool tnd_sha256_file(const char *path, char hex[TND_SHA256_HEX_LEN + 1], tnd_error *err)
{
    hex[0] = '\0';
    if (!path) {
        tnd_error_set(err, TND_ERR_USAGE, "", 0, NULL, "geen bestandsnaam opgegeven");
        return false;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        tnd_error_set(err, TND_ERR_IO, path, 0,
                      "controleer het pad en de leesrechten van het bestand",
                      "kan '%s' niet openen: %s", path, strerror(errno));
        return false;
    }
    struct stat st;
    bool known = fstat(fd, &st) == 0;
    if (!known || S_ISDIR(st.st_mode)) {
        int e = known ? EISDIR : errno; /* st is not filled when fstat failed */
        close(fd);
        tnd_error_set(err, TND_ERR_IO, path, 0, "geef een bestand op, geen map",
                      "kan '%s' niet lezen: %s", path, strerror(e));
        return false;
    }
    SHA256_CTX ctx;
    unsigned char digest[SHA256_DIGEST_LENGTH];
    int e = SHA256_Init(&ctx) == 1 ? digest_fd(fd, &ctx) : EIO;
    if (e == 0 && SHA256_Final(digest, &ctx) != 1)
        e = EIO;
    close(fd);
    if (e != 0) {
        tnd_error_set(err, TND_ERR_IO, path, 0, NULL, "kan '%s' niet lezen: %s", path,
                      strerror(e));
        return false;
    }
    to_hex(digest, hex);
    return true;
}
