/*
 * test_sha256.c - SHA-256 of buffers and files (tender/base/sha256.c), against the FIPS 180-2 test
 * vectors: "", "abc", the 448-bit message and one million 'a' (read through the streaming
 * file path, which crosses many read chunks).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tender/base/sha256.h"

#define EMPTY_SHA256 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define ABC_SHA256 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define MSG448 "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
#define MSG448_SHA256 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
#define MILLION_A_SHA256 "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"

/* Writes len bytes to a new temporary file; path receives its name. */
static void write_temp(char path[32], const void *data, size_t len)
{
    snprintf(path, 32, "/tmp/test_sha256_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
}

static void test_empty_buffer_has_the_known_digest(void **state)
{
    char hex[65];
    tnd_sha256_buf("", 0, hex);
    assert_string_equal(hex, EMPTY_SHA256);
    tnd_sha256_buf(NULL, 0, hex);
    assert_string_equal(hex, EMPTY_SHA256);
}

static void test_abc_and_the_448_bit_message_have_the_known_digests(void **state)
{
    char hex[65];
    tnd_sha256_buf("abc", 3, hex);
    assert_string_equal(hex, ABC_SHA256);
    tnd_sha256_buf(MSG448, strlen(MSG448), hex);
    assert_string_equal(hex, MSG448_SHA256);
}

static void test_digest_is_64_lowercase_hex_digits(void **state)
{
    char hex[65];
    tnd_sha256_buf("tender", 6, hex);
    assert_int_equal(strlen(hex), 64);
    assert_int_equal(strspn(hex, "0123456789abcdef"), 64);
}

static void test_empty_and_abc_files_have_the_same_digests_as_buffers(void **state)
{
    char path[32], hex[65];
    tnd_error err;
    write_temp(path, "", 0);
    assert_true(tnd_sha256_file(path, hex, &err));
    assert_string_equal(hex, EMPTY_SHA256);
    unlink(path);

    write_temp(path, "abc", 3);
    assert_true(tnd_sha256_file(path, hex, &err));
    assert_string_equal(hex, ABC_SHA256);
    unlink(path);
}

static void test_million_a_file_is_hashed_across_read_chunks(void **state)
{
    size_t len = 1000000;
    char *data = malloc(len);
    assert_non_null(data);
    memset(data, 'a', len);
    char path[32], hex[65];
    write_temp(path, data, len);
    free(data);
    tnd_error err;
    assert_true(tnd_sha256_file(path, hex, &err));
    assert_string_equal(hex, MILLION_A_SHA256);
    unlink(path);
}

static void test_missing_file_is_an_io_error_naming_the_file(void **state)
{
    char hex[65] = "x";
    tnd_error err;
    const char *path = "/tmp/test_sha256_does_not_exist/bid.xml";
    assert_false(tnd_sha256_file(path, hex, &err));
    assert_string_equal(hex, "");
    assert_int_equal(err.code, TND_ERR_IO);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 0);
    assert_non_null(strstr(err.message, "kan '/tmp/test_sha256_does_not_exist/bid.xml' niet "
                                        "openen: No such file or directory"));
}

static void test_directory_is_an_io_error(void **state)
{
    char hex[65];
    tnd_error err;
    assert_false(tnd_sha256_file("/tmp", hex, &err));
    assert_string_equal(hex, "");
    assert_int_equal(err.code, TND_ERR_IO);
    assert_string_equal(err.file, "/tmp");
    assert_string_equal(err.hint, "geef een bestand op, geen map");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_buffer_has_the_known_digest),
        cmocka_unit_test(test_abc_and_the_448_bit_message_have_the_known_digests),
        cmocka_unit_test(test_digest_is_64_lowercase_hex_digits),
        cmocka_unit_test(test_empty_and_abc_files_have_the_same_digests_as_buffers),
        cmocka_unit_test(test_million_a_file_is_hashed_across_read_chunks),
        cmocka_unit_test(test_missing_file_is_an_io_error_naming_the_file),
        cmocka_unit_test(test_directory_is_an_io_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
