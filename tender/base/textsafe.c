/* textsafe.c - bidi controls shown, never obeyed; other people's text quoted safely (see textsafe.h). */
#include "tender/base/textsafe.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

uint32_t tnd_bidi_control(const unsigned char *s, size_t *len)
{
    /* s is NUL-terminated: s[1] is readable when s[0] is not NUL, s[2] when s[1] is not */
    if (s[0] == 0xD8 && s[1] == 0x9C) {
        *len = 2;
        return 0x061C;
    }
    if (s[0] != 0xE2 || (s[1] != 0x80 && s[1] != 0x81))
        return 0;
    uint32_t cp = 0x2000u | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3Fu);
    if ((s[2] & 0xC0) != 0x80 ||
        !(cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
          (cp >= 0x2066 && cp <= 0x2069)))
        return 0;
    *len = 3;
    return cp;
}

void tnd_bidi_visible(uint32_t cp, char out[TND_BIDI_VISIBLE_LEN + 1])
{
    snprintf(out, TND_BIDI_VISIBLE_LEN + 1, "<U+%04X>", (unsigned)(cp & 0xFFFF));
}

void tnd_fputs_visible(const char *s, FILE *f)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n;
        uint32_t cp = tnd_bidi_control(p, &n);
        if (cp) {
            char vis[TND_BIDI_VISIBLE_LEN + 1];
            tnd_bidi_visible(cp, vis);
            fputs(vis, f);
            p += n;
        } else {
            fputc(*p < 0x20 || *p == 0x7F ? ' ' : *p, f);
            p++;
        }
    }
}

void tnd_text_quote(char dst[TND_QUOTE_SIZE], const char *text)
{
    enum { KEEP = TND_QUOTE_SIZE - 8 };
    size_t len = strlen(text);
    bool cut = len > KEEP;
    if (cut) {
        len = KEEP;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        dst[i] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
    }
    snprintf(dst + len, TND_QUOTE_SIZE - len, "%s", cut ? "..." : "");
}
