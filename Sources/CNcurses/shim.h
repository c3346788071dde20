// The only C in vtc: ncursesw with wide characters, plus inline wrappers for
// the macros and globals (stdscr, A_* attributes, COLOR_PAIR, KEY_*) that
// Swift cannot import directly.
#ifndef VTC_CNCURSES_SHIM_H
#define VTC_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

static inline WINDOW *vtc_stdscr(void) { return stdscr; }
static inline int vtc_lines(void) { return LINES; }
static inline int vtc_cols(void) { return COLS; }

#endif
