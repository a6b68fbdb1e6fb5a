/*
 * xlsx.c - reading an .xlsx workbook written by a stranger, safely (see xlsx.h).
 *
 * The defences, in the order they run:
 *   1. the file: a regular file of at most max_archive_bytes, measured before libzip sees it;
 *   2. the central directory (tnd_xlsx_open, check_directory): entry count, entry names (no path
 *      traversal, no duplicates), method and encryption, and the declared sizes and ratios. Nothing
 *      has been inflated yet, so a zip bomb costs us only its directory;
 *   3. reading an entry (read_entry): the declared sizes may lie (they are 4 bytes in a header
 *      anybody can edit), so the same limits are applied to the bytes libzip actually produces,
 *      in chunks, and we never ask for more than limit + 1 bytes;
 *   4. every part is parsed by tnd_xml_read_memory (no DTD, no entities, 16 MiB, depth 64);
 *   5. the contents: shared-string count and bytes, the grid bounds, cell order and value syntax.
 * Nothing is written anywhere: the archive is opened ZIP_RDONLY and parts live in memory only.
 */
#include "tender/xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>
#include <zip.h>

#include "tender/xmlsafe.h"

/* The relationship namespaces of r:id: transitional (what Excel writes) and strict ISO 29500. */
#define NS_REL_TRANSITIONAL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"

#define WORKBOOK_PART "xl/workbook.xml"
#define WORKBOOK_RELS_PART "xl/_rels/workbook.xml.rels"
#define SHARED_STRINGS_PART "xl/sharedStrings.xml"

#define READ_CHUNK (64u * 1024u) /* limits are re-checked after every chunk */

#define HINT_RESAVE "open het bestand in Excel of LibreOffice en sla het opnieuw op als Excel-werkmap (.xlsx)"
#define HINT_NOT_ZIP                                                                             \
    "een .xlsx-bestand is een zip-archief; sla het opnieuw op als Excel-werkmap (.xlsx), niet "   \
    "als .xls, .csv of met een wachtwoord, en controleer of het volledig is gekopieerd"
#define HINT_PART_TOO_LARGE                                                                      \
    "een onderdeel (blad of tekstentabel) mag als XML hoogstens 16 MiB zijn; verdeel de gegevens " \
    "over meer bladen of werkmappen"
#define HINT_HOSTILE                                                                             \
    "dit bestand is zo niet door Excel of LibreOffice gemaakt; vraag de afzender om een nieuw "    \
    "opgeslagen .xlsx"

typedef struct {
    char *id;
    char *type;
    char *target; /* resolved part name, or NULL for an external target */
} relationship;

typedef struct {
    relationship *items;
    size_t count;
} relationships;

typedef struct {
    char *name;
    char *part;
    bool hidden;
    bool worksheet;
} sheet_entry;

struct tnd_xlsx {
    char *path;
    tnd_xlsx_limits limits;
    zip_t *zip;
    uint64_t entry_count;
    uint64_t *entry_read;  /* bytes inflated from each entry the last time it was read */
    uint64_t read_total;   /* sum of entry_read: what the archive has cost us */
    locale_t c_locale;     /* numbers in SpreadsheetML always use a decimal point */
    bool date1904;
    sheet_entry *sheets;
    tnd_xlsx_sheet *sheet_views; /* the public view of sheets[] */
    size_t sheet_count;
    char *shared_text;     /* all shared strings, each NUL-terminated */
    size_t *shared_offset; /* start of string i in shared_text */
    size_t shared_count;
    size_t shared_used;    /* bytes of shared_text in use */
};

struct tnd_xlsx_cells {
    tnd_xlsx *book;
    size_t sheet;
    xmlDocPtr doc;
    xmlNodePtr sheet_data;
    xmlNodePtr row;      /* the current <row>, NULL before the first */
    xmlNodePtr next_c;   /* the next <c> of that row to visit */
    uint32_t row_no;     /* number of the current row (0 before the first) */
    uint32_t col_no;     /* column of the last cell returned in the row (0: none yet) */
    bool done;
    tnd_xlsx_cell cell;
    char *owned_text;    /* text of the current cell when not a shared string */
    char *owned_formula;
};

/* ------------------------------------------------------------------------------------------ */
/* Small helpers                                                                               */

/* Copies at most size-1 bytes of src, never cutting a UTF-8 sequence in half. */
static void copy_utf8(char *dst, size_t size, const char *src)
{
    if (size == 0)
        return;
    size_t len = strlen(src);
    if (len > size - 1) {
        len = size - 1;
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--; /* src[len] is the first byte dropped: back up to a character start */
    }
    memmove(dst, src, len); /* dst may be src (printable() cleans in place) */
    dst[len] = '\0';
}

/* A name taken from a hostile file, fit for a message: control characters become '?', and it is
 * cut (at a character boundary) to fit. */
static void printable(char *dst, size_t size, const char *src)
{
    copy_utf8(dst, size, src ? src : "");
    size_t w = 0;
    for (size_t r = 0; dst[r]; r++) {
        unsigned char c = (unsigned char)dst[r], next = (unsigned char)dst[r + 1];
        if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {
            dst[w++] = '?'; /* a C1 control character (U+0080..U+009F, e.g. CSI) */
            r++;
        } else {
            dst[w++] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
        }
    }
    dst[w] = '\0';
}

/* "512 bytes", "3,5 MiB": sizes for messages (display only). */
static void describe_bytes(uint64_t n, char *buf, size_t size)
{
    if (n < TND_XLSX_MIB) {
        snprintf(buf, size, "%llu bytes", (unsigned long long)n);
        return;
    }
    snprintf(buf, size, "%.1f MiB", (double)n / (double)TND_XLSX_MIB);
    char *dot = strchr(buf, '.');
    if (dot && strcmp(dot, ".0 MiB") == 0)
        memmove(dot, dot + 2, strlen(dot + 2) + 1); /* "64 MiB", not "64,0 MiB" */
    else if (dot)
        *dot = ','; /* Dutch decimal comma */
}

static int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static int ascii_casecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = ascii_lower((unsigned char)*a), cb = ascii_lower((unsigned char)*b);
        if (ca != cb || ca == 0)
            return ca - cb;
    }
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

/* Raw attribute value (not trimmed: a sheet name is what it is), malloc'd; NULL when absent. */
static char *raw_attr(xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetProp(node, BAD_CAST name);
    if (!v)
        return NULL;
    char *out = strdup((const char *)v);
    xmlFree(v);
    return out;
}

/* Raw text content of an element (not trimmed: xml:space="preserve" text keeps its spaces). */
static char *raw_text(xmlNodePtr node)
{
    xmlChar *v = xmlNodeGetContent(node);
    char *out = strdup(v ? (const char *)v : "");
    xmlFree(v);
    return out;
}

static bool attr_is_true(xmlNodePtr node, const char *name)
{
    char *v = raw_attr(node, name);
    bool yes = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
    free(v);
    return yes;
}

/* ------------------------------------------------------------------------------------------ */
/* Errors                                                                                      */

/* Fills err with file = the workbook and where as given. */
static tnd_status fail_at(const char *path, tnd_error *err, tnd_status code, const char *where,
                          const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static tnd_status fail_at(const char *path, tnd_error *err, tnd_status code, const char *where,
                          const char *hint, const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    /* names in the message come from a hostile file: no control characters on a terminal */
    printable(message, sizeof message, message);
    tnd_error_set(err, code, path, 0, hint, "%s", message);
    if (err && where)
        printable(err->where, sizeof err->where, where);
    return code;
}

/* An error xmlsafe reported for a part (file = the part name, line in the part) becomes ours:
 * file = the workbook, where = "xl/sharedStrings.xml regel 3", the message names the workbook. */
static tnd_status part_error(const tnd_xlsx *b, tnd_error *err, const char *part)
{
    tnd_error from = *err;
    char where[sizeof err->where];
    if (from.line > 0)
        snprintf(where, sizeof where, "%s regel %ld", part, from.line);
    else
        snprintf(where, sizeof where, "%s", part);
    const char *hint = from.code == TND_ERR_TOO_LARGE ? HINT_PART_TOO_LARGE : from.hint;
    return fail_at(b->path, err, from.code, where, hint[0] ? hint : NULL, "'%s': %s", b->path,
                   from.message);
}

/* "blad 'Naam'" or "blad 'Naam' cel B4" / "rij 7": the name is cut so the cell always fits. */
static void sheet_where(const char *sheet_name, const char *what, char *buf, size_t size)
{
    char name[64];
    size_t fixed = strlen("blad '' ") + strlen(what) + 1;
    size_t room = size > fixed ? size - fixed : 1;
    printable(name, room < sizeof name ? room : sizeof name, sheet_name);
    if (what[0])
        snprintf(buf, size, "blad '%s' %s", name, what);
    else
        snprintf(buf, size, "blad '%s'", name);
}

/* ------------------------------------------------------------------------------------------ */
/* Limits and the archive directory                                                            */

/* A name that would escape the extraction directory if anybody extracted it, or that is not a
 * plain relative path: "../x", "a/../../x", "/etc/x", "C:x", "a\\b". NULL when fine. */
static const char *unsafe_name_reason(const char *name)
{
    if (!name[0])
        return "een lege naam";
    if (name[0] == '/')
        return "een absoluut pad";
    if (((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z')) &&
        name[1] == ':')
        return "een stationsletter";
    if (strchr(name, '\\'))
        return "een backslash";
    for (const char *seg = name; seg;) {
        const char *slash = strchr(seg, '/');
        size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
        if (len == 2 && seg[0] == '.' && seg[1] == '.')
            return "'..' (path traversal)";
        seg = slash ? slash + 1 : NULL;
    }
    return NULL;
}

typedef struct {
    const char *key;
    size_t order; /* position in the file: ties are broken by it, so reports are stable */
} keyed;

static int compare_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = ascii_casecmp(x->key, y->key);
    if (c != 0)
        return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

/*
 * The keys (in file order) that occur twice, compared ASCII case-insensitively: returns the later
 * one of the first such pair in sorted order, or NULL. Sorting keeps this O(n log n): a hostile
 * workbook.xml can list hundreds of thousands of sheets. keys[i].order must be i.
 */
static const char *first_duplicate(keyed *keys, size_t n)
{
    qsort(keys, n, sizeof *keys, compare_keyed);
    for (size_t i = 1; i < n; i++)
        if (ascii_casecmp(keys[i - 1].key, keys[i].key) == 0)
            return keys[i].key;
    return NULL;
}

/* Part names are case-insensitive (OPC) and we look them up that way: two entries that differ only
 * in case would let two readers see two different workbooks in one file. */
static tnd_status check_duplicates(tnd_xlsx *b, char **names, size_t n, tnd_error *err)
{
    keyed *keys = calloc(n ? n : 1, sizeof *keys);
    if (!keys)
        return fail_at(b->path, err, TND_ERR_NOMEM, NULL, NULL, "onvoldoende geheugen");
    for (size_t i = 0; i < n; i++)
        keys[i] = (keyed){ names[i], i };
    const char *dup = first_duplicate(keys, n);
    free(keys);
    if (dup) {
        char shown[200];
        printable(shown, sizeof shown, dup);
        return fail_at(b->path, err, TND_ERR_IO, NULL, HINT_HOSTILE,
                       "'%s' is een ongeldig zip-archief: het bestand '%s' staat er twee keer in",
                       b->path, shown);
    }
    return TND_OK;
}

/* Step 2: everything the central directory says, checked before a byte is inflated. */
static tnd_status check_directory(tnd_xlsx *b, tnd_error *err)
{
    const tnd_xlsx_limits *lim = &b->limits;
    zip_int64_t count = zip_get_num_entries(b->zip, 0);
    if (count < 0)
        return fail_at(b->path, err, TND_ERR_IO, NULL, HINT_RESAVE,
                       "'%s' is een beschadigd zip-archief", b->path);
    if ((uint64_t)count > lim->max_entries)
        return fail_at(b->path, err, TND_ERR_TOO_LARGE, NULL, HINT_HOSTILE,
                       "'%s' bevat %lld bestanden; een werkmap mag er hoogstens %llu bevatten",
                       b->path, (long long)count, (unsigned long long)lim->max_entries);
    b->entry_count = (uint64_t)count;
    b->entry_read = calloc(b->entry_count ? b->entry_count : 1, sizeof *b->entry_read);
    char **names = calloc(b->entry_count ? b->entry_count : 1, sizeof *names);
    if (!b->entry_read || !names) {
        free(names);
        return fail_at(b->path, err, TND_ERR_NOMEM, NULL, NULL, "onvoldoende geheugen");
    }

    tnd_status rc = TND_OK;
    uint64_t total = 0;
    size_t named = 0;
    for (uint64_t i = 0; i < b->entry_count && rc == TND_OK; i++) {
        zip_stat_t st;
        const zip_uint64_t needed = ZIP_STAT_NAME | ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE |
                                    ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
        if (zip_stat_index(b->zip, i, 0, &st) != 0 || (st.valid & needed) != needed) {
            rc = fail_at(b->path, err, TND_ERR_IO, NULL, HINT_RESAVE,
                         "'%s' is een beschadigd zip-archief (bestand %llu onleesbaar)", b->path,
                         (unsigned long long)i + 1);
            break;
        }
        char shown[200];
        printable(shown, sizeof shown, st.name);
        char size_text[32], limit_text[32];
        const char *unsafe = unsafe_name_reason(st.name);
        if (unsafe) {
            rc = fail_at(b->path, err, TND_ERR_IO, NULL, HINT_HOSTILE,
                         "'%s' is een ongeldig zip-archief: de bestandsnaam '%s' bevat %s",
                         b->path, shown, unsafe);
        } else if (st.encryption_method != ZIP_EM_NONE) {
            rc = fail_at(b->path, err, TND_ERR_IO, NULL,
                         "sla de werkmap op zonder wachtwoord of versleuteling",
                         "'%s' kan niet worden gelezen: '%s' is versleuteld", b->path, shown);
        } else if (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE) {
            rc = fail_at(b->path, err, TND_ERR_IO, NULL, HINT_RESAVE,
                         "'%s' kan niet worden gelezen: '%s' gebruikt een compressiemethode (%d) "
                         "die Excel niet gebruikt",
                         b->path, shown, (int)st.comp_method);
        } else if (st.size > lim->ratio_min_bytes && st.size / lim->max_ratio > st.comp_size) {
            /* size / ratio > comp  <=>  size > ratio * comp (without overflow). Checked before
             * the size, as "zip bomb" is the more telling name for a 200 MiB entry of zeros. */
            describe_bytes(st.size, size_text, sizeof size_text);
            describe_bytes(st.comp_size, limit_text, sizeof limit_text);
            rc = fail_at(b->path, err, TND_ERR_TOO_LARGE, NULL, HINT_HOSTILE,
                         "'%s' is geweigerd als zip-bom: '%s' pakt uit van %s tot %s (meer dan "
                         "%llu:1)",
                         b->path, shown, limit_text, size_text,
                         (unsigned long long)lim->max_ratio);
        } else if (st.size > lim->max_entry_bytes) {
            describe_bytes(st.size, size_text, sizeof size_text);
            describe_bytes(lim->max_entry_bytes, limit_text, sizeof limit_text);
            rc = fail_at(b->path, err, TND_ERR_TOO_LARGE, NULL, HINT_HOSTILE,
                         "'%s' is te groot: '%s' pakt uit tot %s; hoogstens %s per onderdeel",
                         b->path, shown, size_text, limit_text);
        } else if ((total += st.size) > lim->max_total_bytes) {
            describe_bytes(lim->max_total_bytes, limit_text, sizeof limit_text);
            rc = fail_at(b->path, err, TND_ERR_TOO_LARGE, NULL, HINT_HOSTILE,
                         "'%s' is te groot: de onderdelen pakken samen uit tot meer dan %s",
                         b->path, limit_text);
        } else if (!(names[named] = strdup(st.name))) {
            rc = fail_at(b->path, err, TND_ERR_NOMEM, NULL, NULL, "onvoldoende geheugen");
        } else {
            named++;
        }
    }
    if (rc == TND_OK)
        rc = check_duplicates(b, names, named, err);
    for (size_t i = 0; i < named; i++)
        free(names[i]);
    free(names);
    return rc;
}

/* Step 3: reads one entry into a NUL-terminated buffer, applying the limits to the bytes libzip
 * actually produces. At most max_entry_bytes + 1 bytes are ever inflated. */
static tnd_status read_entry(tnd_xlsx *b, zip_uint64_t index, const char *part, char **out,
                             size_t *out_len, tnd_error *err)
{
    const tnd_xlsx_limits *lim = &b->limits;
    char size_text[32], limit_text[32];
    zip_stat_t st;
    if (zip_stat_index(b->zip, index, 0, &st) != 0)
        return fail_at(b->path, err, TND_ERR_IO, part, HINT_RESAVE,
                       "'%s' is een beschadigd zip-archief", b->path);
    zip_file_t *zf = zip_fopen_index(b->zip, index, 0);
    if (!zf)
        return fail_at(b->path, err, TND_ERR_IO, part, HINT_RESAVE,
                       "'%s' is een beschadigd zip-archief: %s kan niet worden gelezen (%s)",
                       b->path, part, zip_strerror(b->zip));

    const size_t limit = (size_t)lim->max_entry_bytes + 1; /* one more proves "too large" */
    size_t cap = st.size + 1 < limit ? (size_t)st.size + 1 : limit;
    if (cap < READ_CHUNK && limit > READ_CHUNK)
        cap = READ_CHUNK;
    size_t len = 0;
    char *buf = malloc(cap + 1); /* + 1 for the terminating NUL */
    b->read_total -= b->entry_read[index];
    b->entry_read[index] = 0;
    tnd_status rc = buf ? TND_OK : TND_ERR_NOMEM;
    if (!buf)
        fail_at(b->path, err, rc, part, NULL, "onvoldoende geheugen");
    while (rc == TND_OK) {
        if (len == cap) {
            if (cap >= limit)
                break; /* limit + 1 bytes: refused below, nothing more is inflated */
            size_t ncap = cap > limit / 2 ? limit : cap * 2;
            char *nbuf = realloc(buf, ncap + 1);
            if (!nbuf) {
                rc = fail_at(b->path, err, TND_ERR_NOMEM, part, NULL, "onvoldoende geheugen");
                break;
            }
            buf = nbuf;
            cap = ncap;
        }
        size_t want = cap - len < READ_CHUNK ? cap - len : READ_CHUNK;
        zip_int64_t got = zip_fread(zf, buf + len, want);
        if (got < 0) {
            rc = fail_at(b->path, err, TND_ERR_IO, part, HINT_RESAVE,
                         "'%s' is een beschadigd zip-archief: %s kan niet worden uitgepakt (%s)",
                         b->path, part, zip_error_strerror(zip_file_get_error(zf)));
            break;
        }
        if (got == 0)
            break;
        len += (size_t)got;
        b->entry_read[index] += (uint64_t)got;
        b->read_total += (uint64_t)got;
        if (len > lim->ratio_min_bytes && len / lim->max_ratio > st.comp_size) {
            describe_bytes(st.comp_size, size_text, sizeof size_text);
            rc = fail_at(b->path, err, TND_ERR_TOO_LARGE, part, HINT_HOSTILE,
                         "'%s' is geweigerd als zip-bom: %s pakt uit van %s tot meer dan %llu "
                         "keer zoveel (de kop van het archief gaf een kleinere omvang op)",
                         b->path, part, size_text, (unsigned long long)lim->max_ratio);
        } else if (b->read_total > lim->max_total_bytes) {
            describe_bytes(lim->max_total_bytes, limit_text, sizeof limit_text);
            rc = fail_at(b->path, err, TND_ERR_TOO_LARGE, part, HINT_HOSTILE,
                         "'%s' is te groot: de onderdelen pakken samen uit tot meer dan %s",
                         b->path, limit_text);
        }
    }
    if (rc == TND_OK && len >= limit) {
        describe_bytes(lim->max_entry_bytes, limit_text, sizeof limit_text);
        rc = fail_at(b->path, err, TND_ERR_TOO_LARGE, part, HINT_HOSTILE,
                     "'%s' is te groot: %s pakt uit tot meer dan %s (de kop van het archief gaf "
                     "een kleinere omvang op)",
                     b->path, part, limit_text);
    }
    /* zip_fclose reports a CRC mismatch found at the end of the data. */
    int close_rc = zip_fclose(zf);
    if (rc == TND_OK && close_rc != 0)
        rc = fail_at(b->path, err, TND_ERR_IO, part, HINT_RESAVE,
                     "'%s' is een beschadigd zip-archief: %s is beschadigd (controlegetal klopt "
                     "niet)",
                     b->path, part);
    if (rc != TND_OK) {
        free(buf);
        return rc;
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return TND_OK;
}

/* The index of a part (case-insensitive, as OPC part names are), or -1. */
static zip_int64_t locate(const tnd_xlsx *b, const char *part)
{
    return zip_name_locate(b->zip, part, ZIP_FL_NOCASE);
}

/* Steps 3 and 4 for one part: read it and parse it through xmlsafe. */
static tnd_status read_part(tnd_xlsx *b, const char *part, xmlDocPtr *out, tnd_error *err)
{
    zip_int64_t index = locate(b, part);
    if (index < 0)
        return fail_at(b->path, err, TND_ERR_REFERENCE, part, HINT_RESAVE,
                       "'%s' is onvolledig: het onderdeel %s ontbreekt", b->path, part);
    char *buf = NULL;
    size_t len = 0;
    tnd_status rc = read_entry(b, (zip_uint64_t)index, part, &buf, &len, err);
    if (rc != TND_OK)
        return rc;
    *out = tnd_xml_read_memory(buf, len, part, err);
    free(buf);
    return *out ? TND_OK : part_error(b, err, part);
}

/* ------------------------------------------------------------------------------------------ */
/* Relationships                                                                               */

static void relationships_free(relationships *rels)
{
    for (size_t i = 0; i < rels->count; i++) {
        free(rels->items[i].id);
        free(rels->items[i].type);
        free(rels->items[i].target);
    }
    free(rels->items);
    rels->items = NULL;
    rels->count = 0;
}

/* A relationship target, relative to dir ("xl/") or absolute ("/xl/..."), as a part name.
 * ".." may climb inside the package but not out of it. NULL when it leaves the package. */
static char *resolve_target(const char *dir, const char *target)
{
    if (strchr(target, '\\'))
        return NULL;
    size_t cap = strlen(dir) + strlen(target) + 2;
    char *joined = malloc(cap);
    char *out = malloc(cap);
    if (!joined || !out) {
        free(joined);
        free(out);
        return NULL;
    }
    if (target[0] == '/')
        snprintf(joined, cap, "%s", target + 1);
    else
        snprintf(joined, cap, "%s%s", dir, target);
    size_t n = 0;
    for (char *seg = joined; seg;) {
        char *slash = strchr(seg, '/');
        if (slash)
            *slash = '\0';
        if (strcmp(seg, "..") == 0) {
            if (n == 0) { /* above the package root */
                free(joined);
                free(out);
                return NULL;
            }
            n--; /* drop the '/' or last character before the previous segment */
            while (n > 0 && out[n - 1] != '/')
                n--;
        } else if (seg[0] && strcmp(seg, ".") != 0) {
            size_t len = strlen(seg);
            memcpy(out + n, seg, len);
            n += len;
            if (slash)
                out[n++] = '/';
        }
        seg = slash ? slash + 1 : NULL;
    }
    while (n > 0 && out[n - 1] == '/')
        n--;
    out[n] = '\0';
    free(joined);
    if (n == 0) {
        free(out);
        return NULL;
    }
    return out;
}

static int compare_relationships(const void *a, const void *b)
{
    return strcmp(((const relationship *)a)->id, ((const relationship *)b)->id);
}

/* Reads xl/_rels/workbook.xml.rels. */
static tnd_status read_relationships(tnd_xlsx *b, relationships *rels, tnd_error *err)
{
    if (locate(b, WORKBOOK_RELS_PART) < 0)
        return fail_at(b->path, err, TND_ERR_SCHEMA, WORKBOOK_RELS_PART, HINT_RESAVE,
                       "'%s' is onvolledig: %s ontbreekt, dus is niet bekend waar de bladen staan",
                       b->path, WORKBOOK_RELS_PART);
    xmlDocPtr doc = NULL;
    tnd_status rc = read_part(b, WORKBOOK_RELS_PART, &doc, err);
    if (rc != TND_OK)
        return rc;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    size_t cap = 0;
    for (xmlNodePtr r = tnd_xml_child(root, "Relationship"); r && rc == TND_OK;
         r = tnd_xml_next(r, "Relationship")) {
        if (rels->count == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            relationship *n = realloc(rels->items, ncap * sizeof *n);
            if (!n) {
                rc = fail_at(b->path, err, TND_ERR_NOMEM, NULL, NULL, "onvoldoende geheugen");
                break;
            }
            rels->items = n;
            cap = ncap;
        }
        relationship *rel = &rels->items[rels->count];
        memset(rel, 0, sizeof *rel);
        rels->count++;
        rel->id = raw_attr(r, "Id");
        rel->type = raw_attr(r, "Type");
        char *target = raw_attr(r, "Target");
        char *mode = raw_attr(r, "TargetMode");
        bool external = mode && strcmp(mode, "External") == 0;
        if (!rel->id || !rel->type || !target) {
            char where[64];
            snprintf(where, sizeof where, "%s regel %ld", WORKBOOK_RELS_PART, tnd_xml_line(r));
            rc = fail_at(b->path, err, TND_ERR_SCHEMA, where, HINT_RESAVE,
                         "'%s': een relatie mist Id, Type of Target", b->path);
        } else if (!external) {
            rel->target = resolve_target("xl/", target); /* NULL: leaves the package */
        }
        free(target);
        free(mode);
    }
    xmlFreeDoc(doc);
    if (rc != TND_OK)
        return rc;
    /* Sorted for lookup; an Id used twice would make a sheet mean two parts. A part without
       relationships leaves items NULL, which qsort may not be given (found by fuzz_xlsx_parts). */
    if (rels->count > 1)
        qsort(rels->items, rels->count, sizeof *rels->items, compare_relationships);
    for (size_t i = 1; i < rels->count; i++)
        if (strcmp(rels->items[i - 1].id, rels->items[i].id) == 0) {
            char shown[64];
            printable(shown, sizeof shown, rels->items[i].id);
            return fail_at(b->path, err, TND_ERR_SCHEMA, WORKBOOK_RELS_PART, HINT_HOSTILE,
                           "'%s': relatie '%s' staat er twee keer in", b->path, shown);
        }
    return TND_OK;
}

/* Relationships are sorted by Id once read (read_relationships). */
static const relationship *relationship_find(const relationships *rels, const char *id)
{
    relationship key = { .id = (char *)id };
    if (rels->count == 0)
        return NULL;
    return bsearch(&key, rels->items, rels->count, sizeof key, compare_relationships);
}

static const relationship *relationship_of_type(const relationships *rels, const char *suffix)
{
    for (size_t i = 0; i < rels->count; i++)
        if (ends_with(rels->items[i].type, suffix))
            return &rels->items[i];
    return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* The workbook part: sheets and the date system                                               */

static char *sheet_rel_id(xmlNodePtr sheet)
{
    xmlChar *v = xmlGetNsProp(sheet, BAD_CAST "id", BAD_CAST NS_REL_TRANSITIONAL);
    if (!v)
        v = xmlGetNsProp(sheet, BAD_CAST "id", BAD_CAST NS_REL_STRICT);
    if (!v)
        return NULL;
    char *out = strdup((const char *)v);
    xmlFree(v);
    return out;
}

/* One <sheet name= r:id= state=> into b->sheets[b->sheet_count]. */
static tnd_status read_sheet_entry(tnd_xlsx *b, xmlNodePtr node, const relationships *rels,
                                   tnd_error *err)
{
    char where[64];
    snprintf(where, sizeof where, "%s regel %ld", WORKBOOK_PART, tnd_xml_line(node));
    sheet_entry *s = &b->sheets[b->sheet_count];
    memset(s, 0, sizeof *s);
    s->name = raw_attr(node, "name");
    char *id = sheet_rel_id(node);
    char *state = raw_attr(node, "state");
    tnd_status rc = TND_OK;
    const relationship *rel = id ? relationship_find(rels, id) : NULL;
    if (!s->name || !s->name[0]) {
        rc = fail_at(b->path, err, TND_ERR_SCHEMA, where, HINT_RESAVE,
                     "'%s': een blad heeft geen naam", b->path);
    } else if (!rel) {
        char shown[100];
        printable(shown, sizeof shown, s->name);
        rc = fail_at(b->path, err, TND_ERR_REFERENCE, where, HINT_RESAVE,
                     "'%s': blad '%s' verwijst naar een relatie die niet bestaat", b->path,
                     shown);
    } else if (!rel->target) {
        char shown[100];
        printable(shown, sizeof shown, s->name);
        rc = fail_at(b->path, err, TND_ERR_REFERENCE, where, HINT_HOSTILE,
                     "'%s': blad '%s' staat buiten de werkmap (extern of buiten het archief)",
                     b->path, shown);
    } else if (locate(b, rel->target) < 0) {
        char shown[100];
        printable(shown, sizeof shown, s->name);
        rc = fail_at(b->path, err, TND_ERR_REFERENCE, where, HINT_RESAVE,
                     "'%s' is onvolledig: blad '%s' (%s) ontbreekt in het archief", b->path,
                     shown, rel->target);
    } else if (!(s->part = strdup(rel->target))) {
        rc = fail_at(b->path, err, TND_ERR_NOMEM, NULL, NULL, "onvoldoende geheugen");
    } else {
        s->worksheet = ends_with(rel->type, "/worksheet");
        s->hidden = state && (strcmp(state, "hidden") == 0 || strcmp(state, "veryHidden") == 0);
    }
    b->sheet_count++; /* owned from here, also on error */
    free(id);
    free(state);
    return rc;
}

/*
 * Excel refuses two tabs whose names differ only in case; so do we (a lookup by name must have one
 * answer; ASCII case folding, Excel's own check is at least that strict). Two tabs on one part
 * would show the same cells twice under two names.
 */
static tnd_status check_sheet_names(tnd_xlsx *b, tnd_error *err)
{
    keyed *keys = calloc(b->sheet_count ? b->sheet_count : 1, sizeof *keys);
    if (!keys)
        return fail_at(b->path, err, TND_ERR_NOMEM, NULL, NULL, "onvoldoende geheugen");
    for (size_t i = 0; i < b->sheet_count; i++)
        keys[i] = (keyed){ b->sheets[i].name, i };
    const char *dup = first_duplicate(keys, b->sheet_count);
    tnd_status rc = TND_OK;
    char shown[100];
    if (dup) {
        printable(shown, sizeof shown, dup);
        rc = fail_at(b->path, err, TND_ERR_SCHEMA, WORKBOOK_PART, HINT_HOSTILE,
                     "'%s': twee bladen heten '%s'", b->path, shown);
    }
    for (size_t i = 0; rc == TND_OK && i < b->sheet_count; i++)
        keys[i] = (keyed){ b->sheets[i].part, i };
    if (rc == TND_OK && (dup = first_duplicate(keys, b->sheet_count)) != NULL) {
        printable(shown, sizeof shown, dup);
        rc = fail_at(b->path, err, TND_ERR_SCHEMA, WORKBOOK_PART, HINT_HOSTILE,
                     "'%s': twee bladen wijzen naar hetzelfde onderdeel %s", b->path, shown);
    }
    free(keys);
    return rc;
}

static tnd_status read_workbook(tnd_xlsx *b, const relationships *rels, tnd_error *err)
{
    xmlDocPtr doc = NULL;
    tnd_status rc = read_part(b, WORKBOOK_PART, &doc, err);
    if (rc != TND_OK)
        return rc;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!xmlStrEqual(root->name, BAD_CAST "workbook")) {
        xmlFreeDoc(doc);
        return fail_at(b->path, err, TND_ERR_SCHEMA, WORKBOOK_PART, HINT_RESAVE,
                       "'%s' is geen Excel-werkmap: %s bevat geen <workbook>", b->path,
                       WORKBOOK_PART);
    }
    xmlNodePtr pr = tnd_xml_child(root, "workbookPr");
    b->date1904 = pr && attr_is_true(pr, "date1904");

    xmlNodePtr sheets = tnd_xml_child(root, "sheets");
    size_t n = 0;
    for (xmlNodePtr s = tnd_xml_child(sheets, "sheet"); s; s = tnd_xml_next(s, "sheet"))
        n++;
    if (n == 0) {
        xmlFreeDoc(doc);
        return fail_at(b->path, err, TND_ERR_SCHEMA, WORKBOOK_PART, HINT_RESAVE,
                       "'%s' is geen bruikbare Excel-werkmap: er staan geen bladen in", b->path);
    }
    b->sheets = calloc(n, sizeof *b->sheets);
    b->sheet_views = calloc(n, sizeof *b->sheet_views);
    if (!b->sheets || !b->sheet_views) {
        xmlFreeDoc(doc);
        return fail_at(b->path, err, TND_ERR_NOMEM, NULL, NULL, "onvoldoende geheugen");
    }
    for (xmlNodePtr s = tnd_xml_child(sheets, "sheet"); s && rc == TND_OK;
         s = tnd_xml_next(s, "sheet"))
        rc = read_sheet_entry(b, s, rels, err);
    xmlFreeDoc(doc);
    if (rc == TND_OK)
        rc = check_sheet_names(b, err);
    for (size_t i = 0; rc == TND_OK && i < b->sheet_count; i++)
        b->sheet_views[i] = (tnd_xlsx_sheet){ b->sheets[i].name, b->sheets[i].part,
                                              b->sheets[i].hidden, b->sheets[i].worksheet };
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Strings                                                                                     */

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static size_t utf8_encode(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/*
 * Decodes Excel's escapes in place: a character XML cannot carry (a control character) is stored
 * as "_xHHHH_", and a literal "_x" that would look like one is stored with its '_' as "_x005F_".
 * U+0000 and surrogates are left as written (a C string cannot hold the one, UTF-8 not the other).
 * Never longer than its input (7 bytes become at most 3).
 */
static void decode_excel_escapes(char *s)
{
    char *out = s;
    for (const char *p = s; *p;) {
        if (p[0] == '_' && p[1] == 'x') {
            int h[4];
            bool hex = true;
            for (int i = 0; i < 4 && hex; i++)
                hex = (h[i] = hex_value(p[2 + i])) >= 0;
            if (hex && p[6] == '_') {
                unsigned cp = (unsigned)(h[0] << 12 | h[1] << 8 | h[2] << 4 | h[3]);
                if (cp != 0 && (cp < 0xD800 || cp > 0xDFFF)) {
                    out += utf8_encode(cp, out);
                    p += 7;
                    continue;
                }
            }
        }
        *out++ = *p++;
    }
    *out = '\0';
}

typedef struct {
    char *data;
    size_t len, cap;
} text_buf;

static bool text_append(text_buf *t, const char *s, size_t len)
{
    if (t->len + len + 1 > t->cap) {
        size_t ncap = t->cap ? t->cap : 64;
        while (ncap < t->len + len + 1)
            ncap *= 2;
        char *n = realloc(t->data, ncap);
        if (!n)
            return false;
        t->data = n;
        t->cap = ncap;
    }
    memcpy(t->data + t->len, s, len);
    t->len += len;
    t->data[t->len] = '\0';
    return true;
}

static bool text_append_content(text_buf *t, xmlNodePtr node)
{
    xmlChar *v = xmlNodeGetContent(node);
    bool ok = text_append(t, v ? (const char *)v : "", v ? strlen((const char *)v) : 0);
    xmlFree(v);
    return ok;
}

/*
 * The text of a string item (<si> in the shared strings, <is> in a cell): its <t>, or the <t> of
 * each rich-text run <r> in order. Phonetic runs (<rPh>, Japanese readings) are not part of the
 * value. Escapes decoded. malloc'd; NULL only when out of memory.
 */
static char *string_item_text(xmlNodePtr item)
{
    text_buf t = { 0 };
    if (!text_append(&t, "", 0))
        return NULL;
    for (xmlNodePtr c = tnd_xml_child(item, NULL); c; c = tnd_xml_next(c, NULL)) {
        bool ok = true;
        if (xmlStrEqual(c->name, BAD_CAST "t"))
            ok = text_append_content(&t, c);
        else if (xmlStrEqual(c->name, BAD_CAST "r"))
            for (xmlNodePtr rt = tnd_xml_child(c, "t"); rt && ok; rt = tnd_xml_next(rt, "t"))
                ok = text_append_content(&t, rt);
        if (!ok) {
            free(t.data);
            return NULL;
        }
    }
    decode_excel_escapes(t.data);
    return t.data;
}

/*
 * Upper bound on the number of <si> items, from the raw bytes: lets a table with too many strings
 * be refused before a tree of millions of nodes is built. Counts "<si" and "<prefix:si" followed
 * by '>', '/' or white space; text cannot contain '<' unescaped, so only comments and CDATA could
 * make it count too many, and those have no business in a shared-string table.
 */
static bool ends_tag_name(char c)
{
    return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static uint64_t count_si_tags(const char *buf, size_t len)
{
    uint64_t n = 0;
    for (size_t i = 0; i + 3 < len; i++) {
        if (buf[i] != '<')
            continue;
        size_t name = i + 1, k = i + 1;
        while (k < len && k - name < 32 && buf[k] != ':' && buf[k] != '<' &&
               !ends_tag_name(buf[k]))
            k++;
        if (k < len && buf[k] == ':')
            name = k + 1; /* after a namespace prefix */
        if (name + 2 < len && buf[name] == 's' && buf[name + 1] == 'i' &&
            ends_tag_name(buf[name + 2]))
            n++;
    }
    return n;
}

static tnd_status shared_too_many(const tnd_xlsx *b, const char *part, uint64_t count,
                                  tnd_error *err)
{
    return fail_at(b->path, err, TND_ERR_TOO_LARGE, part, HINT_HOSTILE,
                   "'%s': de tabel met gedeelde teksten bevat %s%llu teksten; hoogstens %llu",
                   b->path, count > b->limits.max_shared_strings ? "meer dan " : "",
                   (unsigned long long)b->limits.max_shared_strings,
                   (unsigned long long)b->limits.max_shared_strings);
}

static tnd_status shared_append(tnd_xlsx *b, const char *part, const char *s, size_t *cap_text,
                                size_t *cap_offsets, tnd_error *err)
{
    size_t len = strlen(s);
    size_t used = b->shared_used;
    if (b->shared_count + 1 > b->limits.max_shared_strings)
        return shared_too_many(b, part, b->shared_count + 1, err);
    if ((uint64_t)used + len + 1 > b->limits.max_shared_bytes) {
        char limit_text[32];
        describe_bytes(b->limits.max_shared_bytes, limit_text, sizeof limit_text);
        return fail_at(b->path, err, TND_ERR_TOO_LARGE, part, HINT_HOSTILE,
                       "'%s': de gedeelde teksten zijn samen groter dan %s", b->path,
                       limit_text);
    }
    if (used + len + 1 > *cap_text) {
        size_t ncap = *cap_text ? *cap_text : 4096;
        while (ncap < used + len + 1)
            ncap *= 2;
        char *n = realloc(b->shared_text, ncap);
        if (!n)
            return fail_at(b->path, err, TND_ERR_NOMEM, part, NULL, "onvoldoende geheugen");
        b->shared_text = n;
        *cap_text = ncap;
    }
    if (b->shared_count == *cap_offsets) {
        size_t ncap = *cap_offsets ? *cap_offsets * 2 : 256;
        size_t *n = realloc(b->shared_offset, ncap * sizeof *n);
        if (!n)
            return fail_at(b->path, err, TND_ERR_NOMEM, part, NULL, "onvoldoende geheugen");
        b->shared_offset = n;
        *cap_offsets = ncap;
    }
    memcpy(b->shared_text + used, s, len + 1);
    b->shared_offset[b->shared_count++] = used;
    b->shared_used = used + len + 1;
    return TND_OK;
}

/* Reads the shared-string table, if the workbook has one. Its count attributes are not used: only
 * the strings actually present count. */
static tnd_status read_shared_strings(tnd_xlsx *b, const relationships *rels, tnd_error *err)
{
    const relationship *rel = relationship_of_type(rels, "/sharedStrings");
    const char *part = rel && rel->target ? rel->target : SHARED_STRINGS_PART;
    zip_int64_t index = locate(b, part);
    if (index < 0) {
        if (rel)
            return fail_at(b->path, err, TND_ERR_REFERENCE, part, HINT_RESAVE,
                           "'%s' is onvolledig: de gedeelde teksten (%s) ontbreken", b->path,
                           part);
        return TND_OK; /* a workbook without text has no table */
    }
    char *buf = NULL;
    size_t len = 0;
    tnd_status rc = read_entry(b, (zip_uint64_t)index, part, &buf, &len, err);
    if (rc != TND_OK)
        return rc;
    uint64_t tags = count_si_tags(buf, len);
    if (tags > b->limits.max_shared_strings) {
        free(buf);
        return shared_too_many(b, part, tags, err);
    }
    xmlDocPtr doc = tnd_xml_read_memory(buf, len, part, err);
    free(buf);
    if (!doc)
        return part_error(b, err, part);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!xmlStrEqual(root->name, BAD_CAST "sst")) {
        xmlFreeDoc(doc);
        return fail_at(b->path, err, TND_ERR_SCHEMA, part, HINT_RESAVE,
                       "'%s': %s bevat geen tabel met gedeelde teksten (<sst>)", b->path, part);
    }
    size_t cap_text = 0, cap_offsets = 0;
    for (xmlNodePtr si = tnd_xml_child(root, "si"); si && rc == TND_OK;
         si = tnd_xml_next(si, "si")) {
        char *text = string_item_text(si);
        rc = text ? shared_append(b, part, text, &cap_text, &cap_offsets, err)
                  : fail_at(b->path, err, TND_ERR_NOMEM, part, NULL, "onvoldoende geheugen");
        free(text);
    }
    xmlFreeDoc(doc);
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Opening and closing                                                                         */

static tnd_status zip_open_error(const char *path, int code, tnd_error *err)
{
    zip_error_t ze;
    zip_error_init_with_code(&ze, code);
    char detail[160];
    snprintf(detail, sizeof detail, "%s", zip_error_strerror(&ze));
    zip_error_fini(&ze);
    switch (code) {
    case ZIP_ER_NOZIP:
        return fail_at(path, err, TND_ERR_IO, NULL, HINT_NOT_ZIP,
                       "'%s' is geen xlsx-bestand: het is geen zip-archief, of het is afgebroken",
                       path);
    case ZIP_ER_MEMORY:
        return fail_at(path, err, TND_ERR_NOMEM, NULL, NULL, "onvoldoende geheugen");
    case ZIP_ER_NOENT:
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
        return fail_at(path, err, TND_ERR_IO, NULL,
                       "controleer het pad en de leesrechten van het bestand",
                       "kan '%s' niet openen (%s)", path, detail);
    default:
        return fail_at(path, err, TND_ERR_IO, NULL, HINT_NOT_ZIP,
                       "'%s' is een beschadigd zip-archief (%s)", path, detail);
    }
}

/* Step 1: the file itself, before libzip reads it. Opened with O_NONBLOCK (a FIFO without a
 * writer must not hang the open) and checked with fstat on that descriptor, which libzip then
 * reads (*fd), so the file checked is the file read. */
static tnd_status check_file(const char *path, const tnd_xlsx_limits *lim, int *fd,
                             tnd_error *err)
{
    struct stat st;
    *fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (*fd < 0 || fstat(*fd, &st) != 0) {
        int e = errno;
        if (*fd >= 0)
            close(*fd);
        *fd = -1;
        return fail_at(path, err, TND_ERR_IO, NULL,
                       "controleer het pad en de leesrechten van het bestand",
                       "kan '%s' niet openen: %s", path, strerror(e));
    }
    tnd_status rc = TND_OK;
    if (S_ISDIR(st.st_mode))
        rc = fail_at(path, err, TND_ERR_IO, NULL, "geef een .xlsx-bestand op, geen map",
                     "kan '%s' niet lezen: het is een map", path);
    else if (!S_ISREG(st.st_mode)) /* a FIFO or device could block or never end */
        rc = fail_at(path, err, TND_ERR_IO, NULL, "geef een gewoon .xlsx-bestand op",
                     "kan '%s' niet lezen: het is geen gewoon bestand", path);
    if (rc != TND_OK) {
        close(*fd);
        *fd = -1;
        return rc;
    }
    int flags = fcntl(*fd, F_GETFL);
    if (flags >= 0)
        (void)fcntl(*fd, F_SETFL, flags & ~O_NONBLOCK);
    if ((uint64_t)st.st_size > lim->max_archive_bytes) {
        close(*fd);
        *fd = -1;
        char limit_text[32];
        describe_bytes(lim->max_archive_bytes, limit_text, sizeof limit_text);
        return fail_at(path, err, TND_ERR_TOO_LARGE, NULL,
                       "een ingevulde werkmap is normaal veel kleiner; verwijder afbeeldingen of "
                       "lege bladen",
                       "'%s' is %llu bytes groot; een werkmap mag hoogstens %s (%llu bytes) zijn",
                       path, (unsigned long long)st.st_size, limit_text,
                       (unsigned long long)lim->max_archive_bytes);
    }
    return TND_OK;
}

tnd_xlsx *tnd_xlsx_open(const char *path, tnd_error *err)
{
    return tnd_xlsx_open_limited(path, NULL, err);
}

tnd_xlsx *tnd_xlsx_open_limited(const char *path, const tnd_xlsx_limits *limits, tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    if (!path) {
        tnd_error_set(err, TND_ERR_USAGE, "", 0, NULL, "geen bestandsnaam opgegeven");
        return NULL;
    }
    tnd_xlsx_limits lim = limits ? *limits : TND_XLSX_LIMITS_DEFAULT;
    if (lim.max_ratio == 0)
        lim.max_ratio = 1;
    int fd;
    if (check_file(path, &lim, &fd, err) != TND_OK)
        return NULL;

    tnd_xlsx *b = calloc(1, sizeof *b);
    if (!b || !(b->path = strdup(path))) {
        free(b);
        close(fd);
        tnd_error_nomem(err, path);
        return NULL;
    }
    b->limits = lim;
    b->c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (!b->c_locale) {
        close(fd);
        tnd_error_nomem(err, path);
        tnd_xlsx_close(b);
        return NULL;
    }
    int zerr = 0;
    /* zip_fdopen: read-only, never written; it owns fd on success. ZIP_CHECKCONS: local headers
     * must agree with the directory. */
    b->zip = zip_fdopen(fd, ZIP_CHECKCONS, &zerr);
    if (!b->zip) {
        close(fd);
        zip_open_error(path, zerr, err);
        tnd_xlsx_close(b);
        return NULL;
    }
    relationships rels = { 0 };
    tnd_status rc = check_directory(b, err);
    if (rc == TND_OK && locate(b, WORKBOOK_PART) < 0)
        rc = fail_at(path, err, TND_ERR_SCHEMA, NULL,
                     "een .docx, .ods of ander zip-bestand is geen .xlsx; sla het op als "
                     "Excel-werkmap (.xlsx)",
                     "'%s' is geen Excel-werkmap: %s ontbreekt", path, WORKBOOK_PART);
    if (rc == TND_OK)
        rc = read_relationships(b, &rels, err);
    if (rc == TND_OK)
        rc = read_workbook(b, &rels, err);
    if (rc == TND_OK)
        rc = read_shared_strings(b, &rels, err);
    relationships_free(&rels);
    if (rc != TND_OK) {
        tnd_xlsx_close(b);
        return NULL;
    }
    tnd_error_clear(err);
    return b;
}

void tnd_xlsx_close(tnd_xlsx *book)
{
    if (!book)
        return;
    if (book->zip)
        zip_discard(book->zip); /* read-only: nothing to write back */
    if (book->c_locale)
        freelocale(book->c_locale);
    for (size_t i = 0; i < book->sheet_count; i++) {
        free(book->sheets[i].name);
        free(book->sheets[i].part);
    }
    free(book->sheets);
    free(book->sheet_views);
    free(book->shared_text);
    free(book->shared_offset);
    free(book->entry_read);
    free(book->path);
    free(book);
}

const char *tnd_xlsx_path(const tnd_xlsx *book)
{
    return book->path;
}

size_t tnd_xlsx_sheet_count(const tnd_xlsx *book)
{
    return book->sheet_count;
}

const tnd_xlsx_sheet *tnd_xlsx_sheet_at(const tnd_xlsx *book, size_t index)
{
    return index < book->sheet_count ? &book->sheet_views[index] : NULL;
}

bool tnd_xlsx_sheet_find(const tnd_xlsx *book, const char *name, size_t *index)
{
    for (size_t i = 0; i < book->sheet_count; i++) {
        if (strcmp(book->sheets[i].name, name) == 0) {
            if (index)
                *index = i;
            return true;
        }
    }
    return false;
}

size_t tnd_xlsx_shared_count(const tnd_xlsx *book)
{
    return book->shared_count;
}

const char *tnd_xlsx_shared_string(const tnd_xlsx *book, size_t i)
{
    return i < book->shared_count ? book->shared_text + book->shared_offset[i] : NULL;
}

bool tnd_xlsx_date1904(const tnd_xlsx *book)
{
    return book->date1904;
}

/* ------------------------------------------------------------------------------------------ */
/* References                                                                                  */

typedef enum { REF_OK, REF_MALFORMED, REF_OUTSIDE } ref_result;

/* Digits into a row number; REF_OUTSIDE past the grid (however many digits). */
static ref_result parse_row_number(const char *s, uint32_t *row)
{
    if (!(s[0] >= '1' && s[0] <= '9'))
        return REF_MALFORMED;
    uint64_t v = 0;
    bool outside = false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return REF_MALFORMED;
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > TND_XLSX_MAX_ROWS) {
            outside = true;
            v = TND_XLSX_MAX_ROWS + 1; /* stays above the grid without overflowing */
        }
    }
    if (outside)
        return REF_OUTSIDE;
    *row = (uint32_t)v;
    return REF_OK;
}

static ref_result parse_ref(const char *ref, uint32_t *row, uint32_t *col)
{
    uint64_t c = 0;
    size_t letters = 0;
    const char *p = ref;
    for (; *p >= 'A' && *p <= 'Z'; p++, letters++)
        if (letters < 4)
            c = c * 26 + (uint64_t)(*p - 'A' + 1);
    if (letters == 0 || !*p)
        return REF_MALFORMED;
    uint32_t r = 0;
    ref_result rr = parse_row_number(p, &r);
    if (rr == REF_MALFORMED)
        return REF_MALFORMED;
    if (rr == REF_OUTSIDE || letters > 3 || c > TND_XLSX_MAX_COLS)
        return REF_OUTSIDE;
    *row = r;
    *col = (uint32_t)c;
    return REF_OK;
}

bool tnd_xlsx_ref_parse(const char *ref, uint32_t *row, uint32_t *col)
{
    uint32_t r = 0, c = 0;
    if (!ref || parse_ref(ref, &r, &c) != REF_OK)
        return false;
    if (row)
        *row = r;
    if (col)
        *col = c;
    return true;
}

void tnd_xlsx_ref_format(uint32_t row, uint32_t col, char *buf, size_t size)
{
    char letters[8];
    size_t n = 0;
    char rev[8];
    for (uint32_t c = col; c > 0 && n < sizeof rev; c = (c - 1) / 26)
        rev[n++] = (char)('A' + (c - 1) % 26);
    for (size_t i = 0; i < n; i++)
        letters[i] = rev[n - 1 - i];
    letters[n] = '\0';
    snprintf(buf, size, "%s%lu", letters, (unsigned long)row);
}

/* ------------------------------------------------------------------------------------------ */
/* Cells                                                                                       */

const tnd_xlsx_sheet *tnd_xlsx_cells_sheet(const tnd_xlsx_cells *cells)
{
    return &cells->book->sheet_views[cells->sheet];
}

void tnd_xlsx_cell_where(const tnd_xlsx_sheet *sheet, const tnd_xlsx_cell *cell, char *buf,
                         size_t size)
{
    char what[24];
    snprintf(what, sizeof what, "cel %s", cell->ref);
    sheet_where(sheet->name, what, buf, size);
}

tnd_status tnd_xlsx_cell_fail(const tnd_xlsx_cells *cells, const tnd_xlsx_cell *cell,
                              tnd_error *err, tnd_status code, const char *hint,
                              const char *fmt, ...)
{
    char message[512], where[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    tnd_xlsx_cell_where(tnd_xlsx_cells_sheet(cells), cell, where, sizeof where);
    return fail_at(cells->book->path, err, code, where, hint, "%s", message);
}

/* An error about the current row (its cell cannot be named yet). */
static tnd_status row_fail(const tnd_xlsx_cells *it, bool in_row, tnd_error *err,
                           tnd_status code, const char *message, const char *raw)
{
    char what[24], where[64], shown[40];
    snprintf(what, sizeof what, "rij %lu", (unsigned long)it->row_no);
    sheet_where(tnd_xlsx_cells_sheet(it)->name, in_row ? what : "", where, sizeof where);
    printable(shown, sizeof shown, raw ? raw : "");
    return fail_at(it->book->path, err, code, where,
                   code == TND_ERR_TOO_LARGE
                       ? "een werkblad heeft hoogstens 1.048.576 rijen en 16.384 kolommen (XFD)"
                       : HINT_RESAVE,
                   "'%s': %s ('%s')", it->book->path, message, shown);
}

tnd_xlsx_cells *tnd_xlsx_cells_open(tnd_xlsx *book, size_t index, tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    if (index >= book->sheet_count) {
        tnd_error_set(err, TND_ERR_USAGE, book->path, 0, NULL,
                      "de werkmap heeft geen blad nummer %zu", index + 1);
        return NULL;
    }
    const sheet_entry *s = &book->sheets[index];
    char where[64];
    sheet_where(s->name, "", where, sizeof where);
    if (!s->worksheet) {
        fail_at(book->path, err, TND_ERR_SCHEMA, where, "gebruik een gewoon werkblad",
                "'%s': dit blad is geen werkblad (maar bijvoorbeeld een grafiekblad) en heeft "
                "geen cellen",
                book->path);
        return NULL;
    }
    tnd_xlsx_cells *it = calloc(1, sizeof *it);
    if (!it) {
        tnd_error_nomem(err, book->path);
        return NULL;
    }
    it->book = book;
    it->sheet = index;
    if (read_part(book, s->part, &it->doc, err) != TND_OK) {
        tnd_xlsx_cells_close(it);
        return NULL;
    }
    xmlNodePtr root = xmlDocGetRootElement(it->doc);
    if (!xmlStrEqual(root->name, BAD_CAST "worksheet")) {
        fail_at(book->path, err, TND_ERR_SCHEMA, where, HINT_RESAVE,
                "'%s': %s is geen werkblad (<worksheet>)", book->path, s->part);
        tnd_xlsx_cells_close(it);
        return NULL;
    }
    it->sheet_data = tnd_xml_child(root, "sheetData"); /* absent: a sheet without cells */
    tnd_error_clear(err);
    return it;
}

void tnd_xlsx_cells_close(tnd_xlsx_cells *cells)
{
    if (!cells)
        return;
    xmlFreeDoc(cells->doc);
    free(cells->owned_text);
    free(cells->owned_formula);
    free(cells);
}

bool tnd_xlsx_cell_is_text(const tnd_xlsx_cell *cell)
{
    return cell->type == TND_XLSX_SHARED_STRING || cell->type == TND_XLSX_INLINE_STRING ||
           cell->type == TND_XLSX_FORMULA_STRING;
}

/* The syntax of xsd:double as spreadsheets write it: -12, 7.4, 1.5E-3, .5. No spaces, no comma,
 * no "inf"/"nan"/hex (strtod would take those). */
static bool number_syntax(const char *s)
{
    const char *p = s;
    if (*p == '-')
        p++;
    size_t digits = 0;
    for (; *p >= '0' && *p <= '9'; p++)
        digits++;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++)
            digits++;
    if (digits == 0)
        return false;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

/* Parses number text with a decimal point whatever the process locale says. */
static bool parse_number(const tnd_xlsx *b, const char *s, double *out)
{
    if (!number_syntax(s))
        return false;
    locale_t old = uselocale(b->c_locale);
    char *end = NULL;
    double v = strtod(s, &end);
    uselocale(old);
    if (!end || *end != '\0' || !isfinite(v))
        return false;
    *out = v;
    return true;
}

/* "12" into an index; false for anything but plain digits. */
static bool parse_index(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (UINT64_MAX - 9) / 10)
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return true;
}

/* Works out where the <c> node is: its r attribute, or the next column when it has none. */
static tnd_status cell_position(tnd_xlsx_cells *it, xmlNodePtr c, tnd_error *err)
{
    tnd_xlsx_cell *cell = &it->cell;
    char *r = raw_attr(c, "r");
    tnd_status rc = TND_OK;
    if (r) {
        uint32_t row = 0, col = 0;
        ref_result res = parse_ref(r, &row, &col);
        if (res == REF_OUTSIDE)
            rc = row_fail(it, true, err, TND_ERR_TOO_LARGE, "cel buiten het werkblad", r);
        else if (res == REF_MALFORMED)
            rc = row_fail(it, true, err, TND_ERR_SCHEMA, "ongeldige celverwijzing", r);
        else if (row != it->row_no)
            rc = row_fail(it, true, err, TND_ERR_SCHEMA, "cel staat in de verkeerde rij", r);
        else if (col <= it->col_no)
            rc = row_fail(it, true, err, TND_ERR_SCHEMA,
                          "cellen staan niet op volgorde of een cel staat er twee keer", r);
        else
            cell->col = col;
    } else if (it->col_no >= TND_XLSX_MAX_COLS) {
        rc = row_fail(it, true, err, TND_ERR_TOO_LARGE, "meer dan 16.384 kolommen", "");
    } else {
        cell->col = it->col_no + 1;
    }
    free(r);
    if (rc != TND_OK)
        return rc;
    cell->row = it->row_no;
    it->col_no = cell->col;
    tnd_xlsx_ref_format(cell->row, cell->col, cell->ref, sizeof cell->ref);
    return TND_OK;
}

static tnd_status cell_nomem(tnd_xlsx_cells *it, tnd_error *err)
{
    return tnd_xlsx_cell_fail(it, &it->cell, err, TND_ERR_NOMEM, NULL, "onvoldoende geheugen");
}

/* The value of <c> by its t attribute (the position is already known). */
static tnd_status cell_value(tnd_xlsx_cells *it, xmlNodePtr c, tnd_error *err)
{
    tnd_xlsx_cell *cell = &it->cell;
    const char *path = it->book->path;
    xmlNodePtr v = tnd_xml_child(c, "v");
    xmlNodePtr f = tnd_xml_child(c, "f");
    char *t = raw_attr(c, "t");
    const char *type = t ? t : "n";
    bool inline_string = strcmp(type, "inlineStr") == 0;
    tnd_status rc = TND_OK;
    char shown[40];

    cell->text = "";
    if (f && !(it->owned_formula = raw_text(f)))
        rc = cell_nomem(it, err);
    cell->formula = it->owned_formula;
    if (rc == TND_OK && inline_string) {
        xmlNodePtr is = tnd_xml_child(c, "is");
        if (is && !(it->owned_text = string_item_text(is)))
            rc = cell_nomem(it, err);
        else if (is)
            cell->type = TND_XLSX_INLINE_STRING;
    } else if (rc == TND_OK && v && !(it->owned_text = raw_text(v))) {
        rc = cell_nomem(it, err);
    }
    if (rc != TND_OK || inline_string) {
        /* done: an inline string, or out of memory */
    } else if (strcmp(type, "n") != 0 && strcmp(type, "s") != 0 && strcmp(type, "b") != 0 &&
               strcmp(type, "e") != 0 && strcmp(type, "str") != 0) {
        printable(shown, sizeof shown, type);
        rc = tnd_xlsx_cell_fail(it, cell, err, TND_ERR_VALUE, HINT_RESAVE,
                                "'%s': onbekend celtype t=\"%s\"%s", path, shown,
                                strcmp(type, "d") == 0
                                    ? " (ISO-datum; sla op als gewone Excel-werkmap)"
                                    : "");
    } else if (!v || (f && !it->owned_text[0])) {
        /* empty: a formatted cell, or a formula without a saved result. openpyxl (and other
         * writers that never calculate) write a formula cell as <f>..</f><v/>: an empty value
         * is "not computed", not a number that fails to parse (issue 10 §4). */
    } else if (strcmp(type, "n") == 0) {
        cell->type = TND_XLSX_NUMBER;
        if (!parse_number(it->book, it->owned_text, &cell->number)) {
            printable(shown, sizeof shown, it->owned_text);
            rc = tnd_xlsx_cell_fail(it, cell, err, TND_ERR_VALUE, HINT_RESAVE,
                                    "'%s': '%s' is geen getal", path, shown);
        }
    } else if (strcmp(type, "s") == 0) {
        uint64_t i = 0;
        cell->type = TND_XLSX_SHARED_STRING;
        if (!parse_index(it->owned_text, &i) || i >= it->book->shared_count) {
            printable(shown, sizeof shown, it->owned_text);
            rc = tnd_xlsx_cell_fail(it, cell, err, TND_ERR_REFERENCE, HINT_RESAVE,
                                    "'%s': gedeelde tekst nummer '%s' bestaat niet; de tabel "
                                    "telt %zu tekst(en)",
                                    path, shown, it->book->shared_count);
        } else {
            cell->shared_index = (size_t)i;
            cell->text = tnd_xlsx_shared_string(it->book, (size_t)i);
        }
    } else if (strcmp(type, "b") == 0) {
        cell->type = TND_XLSX_BOOLEAN;
        if (strcmp(it->owned_text, "0") == 0 || strcmp(it->owned_text, "1") == 0) {
            cell->number = it->owned_text[0] == '1' ? 1.0 : 0.0;
        } else {
            printable(shown, sizeof shown, it->owned_text);
            rc = tnd_xlsx_cell_fail(it, cell, err, TND_ERR_VALUE, HINT_RESAVE,
                                    "'%s': '%s' is geen waarheidswaarde (0 of 1)", path, shown);
        }
    } else if (strcmp(type, "e") == 0) {
        cell->type = TND_XLSX_ERROR;
    } else { /* "str" */
        cell->type = TND_XLSX_FORMULA_STRING;
        decode_excel_escapes(it->owned_text);
    }
    free(t);
    if (rc == TND_OK && cell->type != TND_XLSX_EMPTY && cell->type != TND_XLSX_SHARED_STRING)
        cell->text = it->owned_text;
    return rc;
}

/* Moves to the next <row>, checking its number. *found false at the end of the sheet. */
static tnd_status next_row(tnd_xlsx_cells *it, bool *found, tnd_error *err)
{
    xmlNodePtr row = it->row ? tnd_xml_next(it->row, "row")
                             : tnd_xml_child(it->sheet_data, "row");
    *found = row != NULL;
    if (!row)
        return TND_OK;
    it->row = row;
    char *r = raw_attr(row, "r");
    tnd_status rc = TND_OK;
    if (r) {
        uint32_t n = 0;
        ref_result res = parse_row_number(r, &n);
        if (res == REF_OUTSIDE)
            rc = row_fail(it, false, err, TND_ERR_TOO_LARGE, "rijnummer buiten het werkblad", r);
        else if (res == REF_MALFORMED)
            rc = row_fail(it, false, err, TND_ERR_SCHEMA, "ongeldig rijnummer", r);
        else if (n <= it->row_no)
            rc = row_fail(it, false, err, TND_ERR_SCHEMA,
                          "rijen staan niet op volgorde of een rij staat er twee keer", r);
        else
            it->row_no = n;
    } else if (it->row_no >= TND_XLSX_MAX_ROWS) {
        rc = row_fail(it, false, err, TND_ERR_TOO_LARGE, "meer dan 1.048.576 rijen", "");
    } else {
        it->row_no++;
    }
    free(r);
    it->col_no = 0;
    it->next_c = tnd_xml_child(row, "c");
    return rc;
}

tnd_status tnd_xlsx_cells_next(tnd_xlsx_cells *it, const tnd_xlsx_cell **cell, tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    *cell = NULL;
    free(it->owned_text);
    free(it->owned_formula);
    it->owned_text = NULL;
    it->owned_formula = NULL;
    if (it->done || !it->sheet_data)
        return TND_OK;
    while (!it->next_c) {
        bool found = false;
        tnd_status rc = next_row(it, &found, err);
        if (rc != TND_OK || !found) {
            it->done = true;
            return rc;
        }
    }
    xmlNodePtr c = it->next_c;
    it->next_c = tnd_xml_next(c, "c");
    memset(&it->cell, 0, sizeof it->cell);
    tnd_status rc = cell_position(it, c, err);
    if (rc == TND_OK)
        rc = cell_value(it, c, err);
    if (rc != TND_OK) {
        it->done = true;
        return rc;
    }
    *cell = &it->cell;
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Dates                                                                                       */

/* Days since 1970-01-01 into a proleptic Gregorian date (H. Hinnant's civil_from_days). */
static tnd_date date_from_days(int64_t z)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t day = doy - (153 * mp + 2) / 5 + 1;
    int64_t month = mp < 10 ? mp + 3 : mp - 9;
    int64_t year = yoe + era * 400 + (month <= 2);
    return (tnd_date){ (int)year, (int)month, (int)day };
}

/* Serials of 9999-12-31, the last day either date system can show. */
#define SERIAL_1900_LAST 2958465.0
#define SERIAL_1904_LAST 2957003.0
/* 1899-12-31 and 1904-01-01 as days since 1970-01-01. */
#define DAYS_1899_12_31 (-25568)
#define DAYS_1904_01_01 (-24107)

bool tnd_xlsx_serial_to_date(double serial, tnd_date *out)
{
    if (!isfinite(serial) || serial < 1.0 || serial >= SERIAL_1900_LAST + 1.0)
        return false;
    int64_t n = (int64_t)floor(serial);
    if (n == 60)
        return false; /* 29-02-1900: Excel counts it, the calendar does not */
    /* Serial n is day n after 1899-12-31 up to 28-02-1900; after the phantom day, one less. */
    *out = date_from_days(DAYS_1899_12_31 + n - (n > 60 ? 1 : 0));
    return true;
}

bool tnd_xlsx_serial1904_to_date(double serial, tnd_date *out)
{
    if (!isfinite(serial) || serial < 0.0 || serial >= SERIAL_1904_LAST + 1.0)
        return false;
    *out = date_from_days(DAYS_1904_01_01 + (int64_t)floor(serial));
    return true;
}

tnd_status tnd_xlsx_cell_date(const tnd_xlsx_cells *cells, const tnd_xlsx_cell *cell,
                              tnd_date *out, tnd_error *err)
{
    if (cell->type != TND_XLSX_NUMBER)
        return tnd_xlsx_cell_fail(cells, cell, err, TND_ERR_VALUE,
                                  "vul een datum in (bijvoorbeeld 18-07-2023) als datum, niet als "
                                  "tekst",
                                  "'%s': hier hoort een datum, maar de cel bevat geen getal",
                                  cells->book->path);
    bool ok = cells->book->date1904 ? tnd_xlsx_serial1904_to_date(cell->number, out)
                                    : tnd_xlsx_serial_to_date(cell->number, out);
    if (!ok) {
        char shown[40];
        printable(shown, sizeof shown, cell->text);
        return tnd_xlsx_cell_fail(cells, cell, err, TND_ERR_RANGE,
                                  "vul een bestaande datum in (bijvoorbeeld 18-07-2023)",
                                  "'%s': %s is geen bestaande datum (Excel-datumnummer, %s)",
                                  cells->book->path, shown,
                                  cells->book->date1904 ? "1904-systeem" : "1900-systeem");
    }
    return TND_OK;
}

/*
 * Excel and LibreOffice keep a number in a binary double and write it back with at most 15
 * significant digits, so 8.199999999999999 written by us is saved as 8.2 after a re-save. Both
 * texts denote the same value at the workbook's precision. Rounded here as a decimal string
 * (half away from zero at the 16th digit), never through a binary float.
 */
bool tnd_xlsx_number_canonical(const char *text, char *out, size_t size)
{
    enum { KEEP = TND_XLSX_NUMBER_DIGITS };
    if (!text || !number_syntax(text) || size < 32)
        return false;
    const char *p = text;
    bool negative = *p == '-';
    if (negative)
        p++;
    char digits[KEEP + 2];
    size_t n = 0;
    long exp10 = 0; /* value = 0.digits * 10^exp10 once the first significant digit is seen */
    bool seen = false, after_point = false;
    int round_digit = 0; /* the first digit not kept */
    for (; (*p >= '0' && *p <= '9') || *p == '.'; p++) {
        if (*p == '.') {
            after_point = true;
            continue;
        }
        if (!seen && *p == '0') {
            if (after_point)
                exp10--;
            continue;
        }
        seen = true;
        if (!after_point)
            exp10++;
        if (n < KEEP)
            digits[n++] = *p;
        else if (n == KEEP) {
            round_digit = *p - '0';
            n++; /* later digits do not matter for half-up rounding */
        }
    }
    if (*p == 'e' || *p == 'E') {
        long e = strtol(p + 1, NULL, 10); /* syntax already checked; clamp absurd exponents */
        if (e > 100000 || e < -100000)
            return false;
        exp10 += e;
    }
    if (n > KEEP)
        n = KEEP;
    if (!seen) {
        snprintf(out, size, "0");
        return true;
    }
    if (round_digit >= 5) {
        size_t i = n;
        while (i > 0 && digits[i - 1] == '9')
            digits[--i] = '0';
        if (i == 0) { /* 999...9 rounds up to 1000...0: one more integer digit */
            memmove(digits + 1, digits, n - 1);
            digits[0] = '1';
            exp10++;
        } else {
            digits[i - 1]++;
        }
    }
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    snprintf(out, size, "%s0.%se%ld", negative ? "-" : "", digits, exp10);
    return true;
}
