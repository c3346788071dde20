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
#include <langinfo.h>
#include <wchar.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/ncurses.h>

static inline WINDOW *vtc_stdscr(void) { return stdscr; }
static inline int vtc_lines(void) { return LINES; }
static inline int vtc_cols(void) { return COLS; }

static inline int vtc_ok(void) { return OK; }
static inline int vtc_err(void) { return ERR; }

static inline attr_t vtc_a_normal(void) { return A_NORMAL; }
static inline attr_t vtc_a_bold(void) { return A_BOLD; }
static inline attr_t vtc_a_reverse(void) { return A_REVERSE; }
static inline attr_t vtc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t vtc_a_dim(void) { return A_DIM; }
static inline int vtc_color_pair(int pair) { return COLOR_PAIR(pair); }

static inline int vtc_ccharw_max(void) { return CCHARW_MAX; }
static inline int vtc_colors(void) { return COLORS; }

// wcwidth is an X/Open function the C library only declares on request.
extern int wcwidth(wchar_t character);
static inline int vtc_wcwidth(wchar_t character) { return wcwidth(character); }

static inline int vtc_key_code_yes(void) { return KEY_CODE_YES; }
static inline int vtc_key_resize(void) { return KEY_RESIZE; }
static inline int vtc_key_up(void) { return KEY_UP; }
static inline int vtc_key_down(void) { return KEY_DOWN; }
static inline int vtc_key_left(void) { return KEY_LEFT; }
static inline int vtc_key_right(void) { return KEY_RIGHT; }
static inline int vtc_key_home(void) { return KEY_HOME; }
static inline int vtc_key_end(void) { return KEY_END; }
static inline int vtc_key_ppage(void) { return KEY_PPAGE; }
static inline int vtc_key_npage(void) { return KEY_NPAGE; }
static inline int vtc_key_ic(void) { return KEY_IC; }
static inline int vtc_key_dc(void) { return KEY_DC; }
static inline int vtc_key_backspace(void) { return KEY_BACKSPACE; }
static inline int vtc_key_enter(void) { return KEY_ENTER; }
static inline int vtc_key_btab(void) { return KEY_BTAB; }
static inline int vtc_key_f0(void) { return KEY_F0; }
static inline int vtc_key_f(int n) { return KEY_F(n); }

// Turns off XON/XOFF flow control so Ctrl-S and Ctrl-Q reach the program.
static inline void vtc_disable_flow_control(int fd) {
    struct termios modes;
    if (tcgetattr(fd, &modes) == 0) {
        modes.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
        tcsetattr(fd, TCSANOW, &modes);
    }
}

#endif
