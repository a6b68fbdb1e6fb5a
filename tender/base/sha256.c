/* sha256.c - SHA-256 of files and buffers through OpenSSL's EVP interface (see sha256.h). */
#include "tender/base/sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#define CHUNK (64 * 1024)

static void to_hex(const unsigned char *digest, unsigned n, char hex[TND_SHA256_HEX_LEN + 1])
{
    static const char digits[] = "0123456789abcdef";
    for (unsigned i = 0; i < n && i < TND_SHA256_HEX_LEN / 2; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 0x0F];
    }
    hex[TND_SHA256_HEX_LEN] = '\0';
}

/* libcrypto without its configuration file: a digest is the same whatever openssl.cnf says, and
 * reading and applying it was a third of the fixed cost of hashing in a run (issue 9). Called
 * before the first digest; a later OPENSSL_init_crypto by anyone else is a no-op. */
static void init_crypto(void)
{
    (void)OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, NULL);
}

static void crypto_ready(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_crypto);
}

void tnd_sha256_buf(const void *data, size_t len, char hex[TND_SHA256_HEX_LEN + 1])
{
    crypto_ready();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned n = 0;
    static const unsigned char empty[1] = { 0 };
    if (EVP_Digest(data ? data : empty, data ? len : 0, digest, &n, EVP_sha256(), NULL) != 1 ||
        n != TND_SHA256_HEX_LEN / 2) {
        hex[0] = '\0'; /* cannot happen with a working libcrypto; never a wrong digest */
        return;
    }
    to_hex(digest, n, hex);
}

/* Feeds the open file fd into ctx; returns 0 or an errno value. */
static int digest_fd(int fd, EVP_MD_CTX *ctx)
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
        if (EVP_DigestUpdate(ctx, buf, (size_t)got) != 1)
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
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        int e = S_ISDIR(st.st_mode) ? EISDIR : errno;
        close(fd);
        tnd_error_set(err, TND_ERR_IO, path, 0, "geef een bestand op, geen map",
                      "kan '%s' niet lezen: %s", path, strerror(e));
        return false;
    }
    crypto_ready();
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    int e = ENOMEM;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned n = 0;
    if (ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) == 1) {
        e = digest_fd(fd, ctx);
        if (e == 0 && EVP_DigestFinal_ex(ctx, digest, &n) != 1)
            e = EIO;
    }
    EVP_MD_CTX_free(ctx);
    close(fd);
    if (e != 0) {
        tnd_error_set(err, TND_ERR_IO, path, 0, NULL, "kan '%s' niet lezen: %s", path,
                      strerror(e));
        return false;
    }
    to_hex(digest, n, hex);
    return true;
}
