/*
 * textsafe.h - bidirectional formatting characters in text from a bid. U+202E (right-to-left
 * override) and its kin reorder what a terminal or a spreadsheet shows: "Zorg<U+202E>VB" can
 * look like another bidder's name. Every text output shows them visibly instead: "<U+202E>" in
 * the text report, the terminal summary and the workbooks, "\u202e" in JSON.
 * The characters: U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069.
 */
#ifndef TND_TEXTSAFE_H
#define TND_TEXTSAFE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The code point of the bidi control at the start of NUL-terminated s (its UTF-8 length in
 * *len), or 0 when s does not start with one. */
uint32_t tnd_bidi_control(const unsigned char *s, size_t *len);

/* The visible stand-in of a bidi control: "<U+202E>" (8 bytes and a NUL). */
#define TND_BIDI_VISIBLE_LEN 8
void tnd_bidi_visible(uint32_t cp, char out[TND_BIDI_VISIBLE_LEN + 1]);

/* Writes s to f with bidi controls shown as "<U+XXXX>" and C0 control characters as spaces. */
void tnd_fputs_visible(const char *s, FILE *f);

/* Room for tnd_text_quote's result: 40 bytes of text, "..." and the terminator. */
#define TND_QUOTE_SIZE 48

/* Someone else's text (a cell, a CSV field) fit for a one-line message: at most 40 bytes (never
 * cutting a UTF-8 sequence; "..." shows the cut), control characters shown as '?', so a hostile
 * file cannot write escape sequences to the terminal. */
void tnd_text_quote(char dst[TND_QUOTE_SIZE], const char *text);

#endif
