/* xmlregion.c - a per-thread region for libxml2's allocations while one bid is read (see
 * xmlregion.h). */
#include "tender/xmlregion.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

#if defined(__SANITIZE_ADDRESS__)
#define REGION_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REGION_ASAN 1
#endif
#endif
#ifdef REGION_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define ALIGN 16                  /* malloc's alignment on x86-64 and aarch64 */
#define HEADER ALIGN              /* each block starts with its size, so realloc can copy it */
#define CHUNK (1024 * 1024)       /* a bid's tree, its validation and its text fit in one */

typedef struct chunk {
    struct chunk *next;
    size_t size, used;
    size_t last;                  /* offset of the last block's header: it may grow in place */
    unsigned char *data;          /* ALIGN-aligned, size bytes */
} chunk;

/* The calling thread's region: its chunks (the first is the one in use) and the window depth. */
typedef struct {
    chunk *head;
    int depth;
    bool keyed;                   /* registered for freeing at thread exit */
} region;

static __thread region self;
static pthread_key_t exit_key;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void free_chunks(chunk *c)
{
    while (c) {
        chunk *next = c->next;
        UNPOISON(c->data, c->size);
        free(c);
        c = next;
    }
}

static void on_thread_exit(void *arg)
{
    region *r = arg;
    free_chunks(r->head);
    r->head = NULL;
}

static chunk *owner(const void *p)
{
    const unsigned char *b = p;
    for (chunk *c = self.head; c; c = c->next)
        if (b >= c->data && b < c->data + c->size)
            return c;
    return NULL;
}

static size_t round_up(size_t n)
{
    return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

static chunk *new_chunk(size_t need)
{
    size_t size = need > CHUNK ? round_up(need) : CHUNK;
    chunk *c = malloc(sizeof *c + ALIGN + size);
    if (!c)
        return NULL;
    uintptr_t at = ((uintptr_t)(c + 1) + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1);
    *c = (chunk){ .size = size, .data = (unsigned char *)at };
    POISON(c->data, c->size);
    if (!self.keyed) {
        self.keyed = true;
        pthread_setspecific(exit_key, &self);
    }
    return c;
}

/* A block of n bytes from the region (NULL when out of memory). */
static void *carve(size_t n)
{
    size_t need = HEADER + round_up(n ? n : 1);
    if (need < n)
        return NULL;
    chunk *c = self.head;
    if (!c || c->size - c->used < need) {
        chunk *fresh = new_chunk(need);
        if (!fresh)
            return NULL;
        fresh->next = self.head;
        self.head = c = fresh;
    }
    unsigned char *block = c->data + c->used;
    UNPOISON(block, need);
    *(size_t *)block = n;
    c->last = c->used;
    c->used += need;
    return block + HEADER;
}

static void *region_malloc(size_t n)
{
    return self.depth > 0 ? carve(n) : malloc(n);
}

static void region_free(void *p)
{
    if (p && !owner(p))
        free(p);
}

static void *region_realloc(void *p, size_t n)
{
    if (!p)
        return region_malloc(n);
    chunk *c = owner(p);
    if (!c)
        return realloc(p, n);
    unsigned char *block = (unsigned char *)p - HEADER;
    size_t old = *(size_t *)block;
    /* the last block of the chunk in use grows in place (libxml2's buffers grow this way) */
    if (self.depth > 0 && c == self.head && block == c->data + c->last) {
        size_t need = HEADER + round_up(n ? n : 1);
        if (need >= n && c->last + need <= c->size) {
            UNPOISON(block, need);
            *(size_t *)block = n;
            c->used = c->last + need;
            return p;
        }
    }
    void *q = region_malloc(n);
    if (q)
        memcpy(q, p, old < n ? old : n);
    return q;
}

static char *region_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = region_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static void install_once(void)
{
    pthread_key_create(&exit_key, on_thread_exit);
    /* libxml2's one-time global state (dictionary mutex, encoding handlers, ...) is made here,
     * with plain malloc, never inside a window */
    xmlInitParser();
    xmlMemSetup(region_free, region_malloc, region_realloc, region_strdup);
}

void tnd_xml_region_install(void)
{
    pthread_once(&once, install_once);
}

void tnd_xml_region_begin(void)
{
    tnd_xml_region_install();
    self.depth++;
}

bool tnd_xml_region_active(void)
{
    return self.depth > 0;
}

void tnd_xml_region_end(void)
{
    if (self.depth <= 0 || --self.depth > 0)
        return;
    xmlResetLastError(); /* its copy of the message lives in the region */
    chunk *keep = self.head;
    if (keep && keep->size > TND_XML_REGION_KEEP) {
        free_chunks(keep);
        self.head = NULL;
        return;
    }
    if (keep) {
        free_chunks(keep->next); /* a large document's extra chunks */
        keep->next = NULL;
        keep->used = keep->last = 0;
        POISON(keep->data, keep->size);
    }
}
